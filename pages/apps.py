from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = _("Public site")

    def ready(self):
        from wagtail.signals import page_published

        from . import cache_purge, locales, restrictions
        from .translation_status import sync_source_on_publish

        cache_purge.connect()
        locales.connect()
        restrictions.connect()
        page_published.connect(sync_source_on_publish, dispatch_uid="pages-sync-translation-source")
