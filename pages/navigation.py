"""What every public page shows around its content: the home page link, the main menu and
the footer's privacy link, per site and language, computed once and kept in the shared
cache. The key carries the page cache's generation for pages, so the page signals that purge
cached pages (publish, unpublish, move, delete: ``pages/cache_purge.py``) renew it too."""

from dataclasses import dataclass, field

from django.conf import settings
from django.utils import translation
from wagtail.models import Page, Site

from portal import page_cache
from portal.cache_safely import cache

from . import locales
from .localization import content_language
from .restrictions import public

CACHE_SECONDS = 3600
PRIVACY_SLUG = "privacy"


@dataclass(frozen=True)
class Link:
    """A page as the navigation shows it: enough to link to it and mark it current."""

    pk: int
    title: str
    url: str
    path: str
    language: str  # the language of its words (English for an untranslated page)


@dataclass(frozen=True)
class Navigation:
    root: Link | None = None
    menu: list = field(default_factory=list)
    privacy_url: str = ""


def _link(page, request):
    return Link(
        pk=page.pk,
        title=page.title,
        url=page.get_url(request) or "",
        path=page.path,
        language=content_language(page),
    )


def _build(site, request):
    locale = locales.active()
    root = site.root_page
    if root.locale_id != locale.pk:
        root = root.get_translation_or_none(locale) or root
    locales.attach([root])
    menu = list(
        public(root.get_children().live().in_menu().select_related("alias_of").order_by("path"))
    )
    locales.attach(menu)
    # The footer's privacy page, found by its English slug: this language's version, else
    # the English one.
    english_privacy = (
        Page.objects.filter(slug=PRIVACY_SLUG, locale__language_code=settings.LANGUAGE_CODE)
        .descendant_of(site.root_page)
        .values("translation_key")[:1]
    )
    versions = {
        page.locale_id: page
        for page in public(
            Page.objects.live().filter(
                translation_key__in=english_privacy,
                locale_id__in={locale.pk, site.root_page.locale_id},
            )
        )
    }
    privacy = versions.get(locale.pk) or versions.get(site.root_page.locale_id)
    if privacy is not None:
        locales.attach([privacy])
    return Navigation(
        root=_link(root, request),
        menu=[_link(page, request) for page in menu],
        privacy_url=privacy.get_url(request) if privacy else "",
    )


def site_navigation(request):
    """The ``Navigation`` of the request's site in the active language (memoised on the
    request), or an empty one when no site answers."""
    if request is None:
        return Navigation()
    memo = getattr(request, "_huduma_navigation", None)
    if memo is not None:
        return memo
    site = Site.find_for_request(request)
    if site is None:
        return Navigation()
    key = ":".join(
        [
            "pages:navigation",
            str(page_cache.generation_or_none("pages")),
            str(site.pk),
            request.get_host(),
            translation.get_language(),
        ]
    )
    navigation = cache.get(key)
    if navigation is None:
        navigation = _build(site, request)
        cache.set(key, navigation, timeout=CACHE_SECONDS)
    request._huduma_navigation = navigation
    return navigation
