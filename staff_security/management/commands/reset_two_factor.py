"""``manage.py reset_two_factor <username>``: for someone who lost both their phone and their
recovery codes. Removes their authenticator and recovery codes; where two-factor
authentication is required they set up a new one at their next sign-in."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice


class Command(BaseCommand):
    help = "Remove a user's authenticator app and recovery codes (they set up new ones)."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user named {username!r}.")
        removed = TOTPDevice.objects.filter(user=user).delete()[0]
        removed += StaticDevice.objects.filter(user=user).delete()[0]
        self.stdout.write(
            f"Two-factor authentication reset for {username!r} ({removed} records removed). "
            "Check who asked before telling them to sign in again."
        )
