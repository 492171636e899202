"""The site's locales, read once per process: every page, link and listing needs one, and
the table holds one row per language, changed only when an administrator adds a language."""

from django.db.models.signals import post_delete, post_save
from django.utils import translation
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale

_by_id = {}


def _load():
    if not _by_id:
        _by_id.update({locale.pk: locale for locale in Locale.objects.all()})
    return _by_id


def forget(**kwargs):
    _by_id.clear()


def by_id(pk):
    locales = _load()
    if pk not in locales:  # added since this process read them
        forget()
        locales = _load()
    return locales.get(pk)


def for_language(code):
    code = get_supported_content_language_variant(code)
    for locale in _load().values():
        if locale.language_code == code:
            return locale
    return Locale.objects.get_for_language(code)


def active():
    """``Locale.get_active()`` without a query."""
    try:
        return for_language(translation.get_language())
    except (Locale.DoesNotExist, LookupError):
        return Locale.get_default()


def attach(pages):
    """Give each page its locale (and an alias its original's locale id is already on the
    row) so that ``page.locale`` costs no query; returns ``pages``."""
    for page in pages:
        if page is not None and "locale" not in page._state.fields_cache:
            locale = by_id(page.locale_id)
            if locale is not None:
                page._state.fields_cache["locale"] = locale
    return pages


def connect():
    post_save.connect(forget, sender=Locale, dispatch_uid="pages-locales-saved")
    post_delete.connect(forget, sender=Locale, dispatch_uid="pages-locales-deleted")
