"""The language switcher, hreflang alternates and the marks on untranslated content."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _
from wagtail.models import Page

from pages.localization import content_language, is_untranslated, translated_versions
from pages.navigation import Link
from pages.routing import ancestors_of

register = template.Library()


def _page_versions(page):
    """``{code: (url, exists)}``: the page's own version in each language or, where there is
    none yet, its nearest ancestor that has one (so the switcher never leads to a 404)."""
    versions = translated_versions(page)
    # The page itself is listed even while it still shows English (so the switcher marks
    # it current), but never offered as a version in its language.
    found = {code: (version, not is_untranslated(version)) for code, version in versions.items()}
    missing = [code for code, _name in settings.LANGUAGES if code not in found]
    if missing:
        for ancestor in reversed(ancestors_of(page)):
            ancestor_versions = translated_versions(ancestor)
            for code in list(missing):
                if code in ancestor_versions:
                    found[code] = (ancestor_versions[code], False)
                    missing.remove(code)
            if not missing:
                break
    return {code: (version.get_url(), exists) for code, (version, exists) in found.items()}


@register.simple_tag(takes_context=True)
def language_versions(context):
    """Each language with the address of this same page in it, for the switcher and the
    hreflang links: dicts with ``code``, ``name`` (in its own language), ``url``,
    ``absolute_url``, ``current`` and ``exists`` (False when the page is not translated and
    ``url`` leads to the nearest section that is)."""
    request = context.get("request")
    page = context.get("page")
    current = translation.get_language()
    if isinstance(page, Page) and page.pk:
        targets = _page_versions(page)
    elif request is not None:
        path = request.get_full_path()
        targets = {code: (translate_url(path, code), True) for code, _name in settings.LANGUAGES}
    else:
        return []
    languages = []
    for code, _name in settings.LANGUAGES:
        url, exists = targets.get(code, (None, False))
        if url is None:
            continue
        languages.append(
            {
                "code": code,
                "name": get_language_info(code)["name_local"],
                "url": url,
                "absolute_url": request.build_absolute_uri(url) if request else url,
                "current": code == current,
                "exists": exists,
            }
        )
    return languages


@register.simple_tag
def lang_attr(page):
    """`` lang="en"`` on an element showing ``page`` when its words are not in the current
    language (an untranslated page), else nothing."""
    if isinstance(page, Link):
        language = page.language
    elif isinstance(page, Page):
        language = content_language(page)
    else:
        return ""
    if language == translation.get_language():
        return ""
    return format_html(' lang="{}"', language)


@register.simple_tag
def untranslated_note(page):
    """A short note in the reader's language beside a page shown in another language."""
    if not is_untranslated(page):
        return ""
    return format_html('<span class="untranslated-note">({})</span>', _("Not yet translated"))


@register.filter
def untranslated(page):
    return is_untranslated(page)
