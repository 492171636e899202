from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotifyConfig(AppConfig):
    name = "notify"
    verbose_name = _("Outbound messages")

    def ready(self):
        from . import receivers  # noqa: F401 - connects the case event receivers
