"""Manage partner API keys: ``open311_key create "<organisation>"`` prints a new key once;
``open311_key list`` shows the keys by prefix; ``open311_key revoke <prefix>`` stops one."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from open311.keys import issue_key, revoke_key
from open311.models import ApiKey


class Command(BaseCommand):
    help = "Create, list and revoke the Open311 API keys of partner organisations."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        create = actions.add_parser("create", help="Issue a key; it is printed only once.")
        create.add_argument("organisation", help="The partner organisation's name.")
        actions.add_parser("list", help="List the keys (never the keys themselves).")
        revoke = actions.add_parser("revoke", help="Revoke the key with this prefix.")
        revoke.add_argument("prefix", help="The key's prefix, as shown by list.")

    def handle(self, *args, **options):
        getattr(self, f"handle_{options['action']}")(options)

    def handle_create(self, options):
        try:
            api_key, raw_key = issue_key(options["organisation"])
        except (ValueError, ValidationError) as error:
            message = " ".join(getattr(error, "messages", [str(error)]))
            raise CommandError(message) from error
        self.stdout.write(f"API key for {api_key.organisation} (prefix {api_key.prefix}):")
        self.stdout.write(raw_key)
        self.stdout.write(
            "This key is shown only now and cannot be shown again: give it to the partner "
            "through a safe channel."
        )

    def handle_list(self, options):
        keys = ApiKey.objects.all()
        if not keys:
            self.stdout.write("No API keys.")
            return
        for api_key in keys:
            status = f"revoked {_when(api_key.revoked_at)}" if api_key.revoked_at else "active"
            last_used = _when(api_key.last_used_at) if api_key.last_used_at else "never"
            self.stdout.write(
                f"{api_key.prefix}  {api_key.organisation}  created {_when(api_key.created_at)}"
                f"  last used {last_used}  {status}"
            )

    def handle_revoke(self, options):
        prefix = options["prefix"].strip().rstrip("…")
        api_key = ApiKey.objects.filter(prefix=prefix).first()
        if api_key is None:
            raise CommandError(f"No API key has the prefix {prefix!r}.")
        if api_key.revoked_at:
            self.stdout.write(f"The key {prefix} of {api_key.organisation} was already revoked.")
            return
        revoke_key(api_key)
        self.stdout.write(f"Revoked the key {prefix} of {api_key.organisation}.")


def _when(moment):
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")
