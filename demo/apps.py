from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """Example authorities and response templates, demo staff and demo cases: data to try the
    portal with and to benchmark it. Depends on ``cases``; nothing depends on it."""

    name = "demo"
    verbose_name = _("Demo and example data")
