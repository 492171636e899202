"""``manage.py ensure_demo_admin``: a superuser for local development, never in production."""

from django.core.management.base import BaseCommand, CommandError

from demo.staff import DEMO_ADMIN, ensure_demo_admin


class Command(BaseCommand):
    help = (
        "Development only (DEBUG=True): create the superuser 'admin' with a random password, "
        "shown once. Does nothing if the user exists."
    )

    def handle(self, *args, **options):
        try:
            password = ensure_demo_admin()
        except RuntimeError:
            raise CommandError(
                "ensure_demo_admin runs only with DEBUG=True (development)."
            ) from None
        if password is None:
            self.stdout.write(f"User '{DEMO_ADMIN}' already exists; nothing changed.")
            return
        self.stdout.write(
            self.style.SUCCESS(f"Demo admin created: {DEMO_ADMIN} / {password} — shown once")
        )
