"""SMS backends, chosen like Django's e-mail backends by a setting (``SMS_BACKEND``)."""

from django.conf import settings
from django.utils.module_loading import import_string

from .base import BaseSMSBackend, SMSOutcomeUnknown, SMSSendError


def get_sms_backend(path=None, **options):
    """An instance of the configured SMS backend (``settings.SMS_BACKEND`` by default)."""
    return import_string(path or settings.SMS_BACKEND)(**options)


__all__ = ["BaseSMSBackend", "SMSOutcomeUnknown", "SMSSendError", "get_sms_backend"]
