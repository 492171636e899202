"""Finding the page for an address in two queries. Wagtail's own routing walks the tree one
level at a time (a query for each level and another for its specific page, plus the site's
home page and its translation); here the page and all its ancestors come in one query by
``url_path``, then its specific row. Serving itself stays Wagtail's (``wagtail.views.serve``
with its hooks and view restrictions), which uses the route found here."""

from django.http import Http404
from wagtail import views as wagtail_views
from wagtail.models import Page, Site

from portal import page_cache
from portal.cache_safely import cache

from . import locales

# Wagtail's own pattern, except its "_util/" views (password and login forms).
SERVE_PATTERN = r"^(?!_util/)((?:[\w\-]+/)*)$"
ROOTS_SECONDS = 3600


def serve(request, path):
    if not hasattr(request, "_wagtail_route_for_request"):
        try:
            request._wagtail_route_for_request = _route(request, path)
        except Http404:
            request._wagtail_route_for_request = None
    return wagtail_views.serve(request, path)


def _root_url_paths(site):
    """``{locale id: url_path}`` of the site's home page in each language, kept in the
    shared cache until pages change (a moved or renamed home page purges the page cache)."""
    key = ":".join(
        [
            "pages:roots",
            str(page_cache.generation_or_none("pages")),
            str(site.pk),
        ]
    )
    roots = cache.get(key)
    if roots is None:
        roots = dict(
            Page.objects.filter(
                translation_key=Page.objects.filter(pk=site.root_page_id).values("translation_key")[
                    :1
                ]
            ).values_list("locale_id", "url_path")
        )
        cache.set(key, roots, timeout=ROOTS_SECONDS)
    return roots


def _route(request, path):
    site = Site.find_for_request(request)
    if site is None:
        return None
    roots = _root_url_paths(site)
    root_path = roots.get(locales.active().pk)
    if root_path is None:  # no home page in this language: Wagtail falls back to the default
        return Page.route_for_request(request, path)
    components = [component for component in path.split("/") if component]
    prefixes = [
        root_path + "".join(f"{c}/" for c in components[:n]) for n in range(len(components) + 1)
    ]
    found = list(
        Page.objects.filter(url_path__in=prefixes).select_related("alias_of").order_by("depth")
    )
    if not found or found[0].url_path != root_path:
        raise Http404
    # Stop at the first missing level: what follows is for that page's own route().
    chain = []
    for expected, page in zip(prefixes, found, strict=False):
        if page.url_path != expected:
            break
        chain.append(page)
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
