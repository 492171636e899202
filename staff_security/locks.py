"""Which failed sign-ins lock an account, and unlocking them (django-axes' database records)."""

from axes.helpers import get_cool_off
from axes.models import AccessAttempt
from axes.utils import reset
from django.conf import settings
from django.utils import timezone


def is_locked(attempt, now=None):
    if attempt.failures_since_start < settings.AXES_FAILURE_LIMIT:
        return False
    cool_off = get_cool_off()
    if cool_off is None:
        return True
    return attempt.attempt_time + cool_off > (now or timezone.now())


def locked_until(attempt):
    cool_off = get_cool_off()
    if cool_off is None or not is_locked(attempt):
        return None
    return attempt.attempt_time + cool_off


def unlock(attempt):
    """Forget every failed attempt of this user name from this address (all browsers)."""
    return reset(username=attempt.username, ip=attempt.ip_address)


def recent_attempts():
    """The failed attempts still counted: newer than the cool-off, newest first."""
    attempts = AccessAttempt.objects.order_by("-attempt_time")
    cool_off = get_cool_off()
    if cool_off is not None:
        attempts = attempts.filter(attempt_time__gt=timezone.now() - cool_off)
    return attempts
