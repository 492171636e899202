from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "cases"
    verbose_name = _("Grievance cases")

    def ready(self):
        from . import operations  # noqa: F401 - each operation registers itself on import
