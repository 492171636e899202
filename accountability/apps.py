from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountabilityConfig(AppConfig):
    name = "accountability"
    verbose_name = _("Public accountability")

    def ready(self):
        from . import cache  # noqa: F401 - connects the cache invalidation receiver
