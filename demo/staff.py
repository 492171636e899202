"""The demo's staff: a case worker and a supervisor who act in demo histories (and cannot log
in), and the development superuser ``make run`` creates."""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

DEMO_WORKER = "demo-caseworker"
DEMO_SUPERVISOR = "demo-supervisor"
DEMO_ADMIN = "admin"


def _demo_user(username, last_name, group_name):
    user, created = get_user_model().objects.get_or_create(
        username=username,
        defaults={"first_name": "Demo", "last_name": last_name, "is_staff": True},
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    user.groups.add(Group.objects.get(name=group_name))
    return user


def demo_staff():
    """The demo case worker and supervisor (made if missing; they cannot log in)."""
    return (
        _demo_user(DEMO_WORKER, "Caseworker", "Case workers"),
        _demo_user(DEMO_SUPERVISOR, "Supervisor", "Case supervisors"),
    )


def ensure_demo_admin():
    """The development superuser ``admin`` with a new random password, which is returned once;
    None when the user exists already. Development only (DEBUG)."""
    if not settings.DEBUG:
        raise RuntimeError("The demo admin exists only in development (DEBUG=True).")
    user_model = get_user_model()
    if user_model.objects.filter(username=DEMO_ADMIN).exists():
        return None
    password = secrets.token_urlsafe(18)
    user_model.objects.create_superuser(username=DEMO_ADMIN, email="", password=password)
    return password
