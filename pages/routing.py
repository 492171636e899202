"""Finding the page for an address in two queries. Wagtail's own routing walks the tree one
level at a time (a query for each level and another for its specific page, plus the site's
home page and its translation); here the page and all its ancestors come in one query by
``url_path``, then its specific row. Serving itself stays Wagtail's (``wagtail.views.serve``
with its hooks and view restrictions), which uses the route found here.

What Wagtail decides is kept: the site (``Site.find_for_request``), the home page in the
active language only when that translation is live (``Page.localized``), otherwise the
site's own root page, and any page type with a ``route()`` of its own (a
``RoutablePageMixin``) routes the rest of the address itself."""

from django.conf import settings
from django.http import Http404
from django.utils import translation
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page, Site

from . import locales

# Wagtail's own pattern (it follows WAGTAIL_APPEND_SLASH), except its "_util/" views
# (password and login forms), which come after this pattern in the URLconf.
SERVE_PATTERN = r"^(?!_util/)" + wagtail_urls.serve_pattern.removeprefix("^")


def serve(request, path):
    if not hasattr(request, "_wagtail_route_for_request"):
        try:
            request._wagtail_route_for_request = _route(request, path)
        except Http404:
            request._wagtail_route_for_request = None
    return wagtail_views.serve(request, path)


def _active_language():
    """The content language ``Locale.get_active()`` would give, or None where
    ``Page.localized`` keeps the page as it is."""
    if not getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        return None
    language = translation.get_language()
    if not language:
        return None
    try:
        return get_supported_content_language_variant(language)
    except LookupError:
        return None


def _translated_root_path(request, site):
    """``url_path`` of the site's home page in the active language, from Wagtail's site
    root paths (cached by Wagtail, cleared when a site or a home page changes, and read by
    every page link of the request anyway)."""
    language = _active_language()
    if language is None:
        return None
    for root in site.root_page._get_site_root_paths(request):
        if root.site_id == site.pk and root.language_code == language:
            return root.root_path
    return None


def _has_own_route(page):
    model = page.specific_class
    return model is not None and model.route is not Page.route


def _route(request, path):
    site = Site.find_for_request(request)
    if site is None:
        return None
    home = site.root_page
    translated = _translated_root_path(request, site)
    roots = [home.url_path]
    if translated and translated != home.url_path:
        roots.insert(0, translated)
    components = [component for component in path.split("/") if component]
    relative = ["".join(f"{c}/" for c in components[:n]) for n in range(len(components) + 1)]
    found = {
        page.url_path: page
        for page in Page.objects.filter(
            url_path__in=[root + rest for root in roots for rest in relative]
        ).select_related("alias_of")
    }
    # Page.localized: the translation only when it is live, else the site's root page.
    root_path = home.url_path
    top = found.get(roots[0])
    if top is not None and top.live and top.translation_key == home.translation_key:
        root_path = roots[0]
    # Stop at the first missing level, or at a page that routes its own subpages: what
    # follows is for that page's own route().
    chain = []
    for rest in relative:
        page = found.get(root_path + rest)
        if page is None:
            break
        chain.append(page)
        if _has_own_route(page):
            break
    if not chain:
        raise Http404
    locales.attach(chain)
    deepest = chain[-1]
    specific = deepest.specific
    locales.attach([specific])
    specific._huduma_ancestors = [page for page in chain[:-1] if page.depth >= 2 and page.live]
    if len(chain) > 1:
        specific._cached_parent_obj = chain[-2]
    return specific.route(request, components[len(chain) - 1 :])


def ancestors_of(page):
    """The live ancestors of ``page`` below the tree root, from the route when it found them."""
    known = getattr(page, "_huduma_ancestors", None)
    if known is not None:
        return known
    return locales.attach(
        list(page.get_ancestors().filter(depth__gte=2).live().select_related("alias_of"))
    )
