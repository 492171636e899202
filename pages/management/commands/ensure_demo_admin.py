"""``manage.py ensure_demo_admin``: a superuser for local development, never in production."""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

USERNAME = "admin"


class Command(BaseCommand):
    help = (
        "Development only (DEBUG=True): create the superuser 'admin' with a random password, "
        "shown once. Does nothing if the user exists."
    )

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("ensure_demo_admin runs only with DEBUG=True (development).")
        user_model = get_user_model()
        if user_model.objects.filter(username=USERNAME).exists():
            self.stdout.write(f"User '{USERNAME}' already exists; nothing changed.")
            return
        password = secrets.token_urlsafe(18)
        user_model.objects.create_superuser(username=USERNAME, email="", password=password)
        self.stdout.write(
            self.style.SUCCESS(f"Demo admin created: {USERNAME} / {password} — shown once")
        )
