from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    """The data subject's rights across every app that holds personal data: finding it all for
    one person, exporting, correcting and erasing it, and the retention schedule."""

    name = "privacy"
    verbose_name = _("Personal data")
