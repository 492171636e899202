"""Which language a page's content is in, and its versions in the other languages.

Each page exists once per locale, linked by Wagtail's ``translation_key``. wagtail-localize
keeps the Kiswahili tree in step with the English one: a page nobody has translated yet is
an *alias* of the English page (same content, Kiswahili tree). Such a page is shown with
``lang="en"`` and a "not yet translated" note, never as if it were Kiswahili."""

from collections import defaultdict

from django.conf import settings
from django.db.models import Subquery
from wagtail.models import Page

from .restrictions import public


def is_untranslated(page):
    """True for a page that shows another locale's words: an alias of a page in another
    locale (what wagtail-localize's tree synchronisation makes), or such an alias whose
    translation was started but never published (wagtail-localize then turns the alias into
    an ordinary page that still shows the English copy)."""
    if not isinstance(page, Page) or page.locale.language_code == settings.LANGUAGE_CODE:
        return False
    if page.alias_of_id:
        return page.alias_of.locale_id != page.locale_id
    return page.live_revision_id is None and _is_translation_target(page)


def _is_translation_target(page):
    from wagtail_localize.models import Translation

    return Translation.objects.filter(
        source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
    ).exists()


def content_language(page):
    """The language code of the words on ``page``."""
    if is_untranslated(page):
        return settings.LANGUAGE_CODE
    return page.locale.language_code


def default_locale():
    from . import locales

    return locales.for_language(settings.LANGUAGE_CODE)


def original_version(page):
    """The page in the default language (English), or None. The Constitution's authoritative
    words and the ILO's official titles are read from it."""
    if page.locale.language_code == settings.LANGUAGE_CODE:
        return page
    original = translated_versions(page).get(settings.LANGUAGE_CODE)
    if original is None:  # not live: read it all the same
        original = page.get_translation_or_none(default_locale())
    return original.specific if original is not None else None


def translated_versions(page):
    """The live, public versions of ``page`` by language code, itself included, leaving out
    untranslated aliases (they are not another language's version of anything)."""
    memo = getattr(page, "_huduma_versions", None)
    if memo is None:
        prefetch_translated_versions([page])
    return page._huduma_versions


def prefetch_translated_versions(pages, batch_size=500):
    """Find ``translated_versions`` of many pages at once (a query per ``batch_size``
    pages rather than one each), as a listing of every page needs them."""
    pending = [page for page in pages if getattr(page, "_huduma_versions", None) is None]
    for start in range(0, len(pending), batch_size):
        batch = pending[start : start + batch_size]
        found = defaultdict(list)
        for version in public(
            Page.objects.filter(translation_key__in={page.translation_key for page in batch})
            .live()
            .select_related("locale", "alias_of")
        ):
            found[version.translation_key].append(version)
        for page in batch:
            page._huduma_versions = {
                version.locale.language_code: version
                for version in found[page.translation_key]
                if not is_untranslated(version) or version.pk == page.pk
            }
    return pages


def in_locale(model, locale, **lookups):
    """Live public pages of ``model`` in ``locale`` whose version in *any* language matches
    ``lookups``. Relations between pages (a report's rights, a right's conventions) are set
    on the English page and copied when it is translated; matching on every version keeps
    them right whichever version an editor changed."""
    keys = model.objects.filter(**lookups).values("translation_key")
    return public(
        model.objects.live()
        .filter(locale=locale, translation_key__in=Subquery(keys))
        .select_related("locale", "alias_of")
    )
