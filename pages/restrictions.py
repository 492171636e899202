"""``public()`` without a query per listing: Wagtail's ``PageQuerySet.public()`` reads every
view restriction each time it is called. The restricted paths are kept in the shared cache
under the page cache's generation for pages, so what renews cached pages renews them too (a
page published, moved or deleted: ``pages/cache_purge.py``), and a restriction added or
removed purges both (a cached page may show what is now restricted)."""

from django.db import transaction
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from wagtail.models import PageViewRestriction

from portal import page_cache
from portal.cache_safely import cache

CACHE_KEY = "pages:restricted-paths"
CACHE_SECONDS = 3600


def _key():
    return f"{CACHE_KEY}:{page_cache.generation_or_none('pages')}"


def restricted_paths():
    key = _key()
    paths = cache.get(key)
    if paths is None:
        paths = sorted(PageViewRestriction.objects.values_list("page__path", flat=True).distinct())
        cache.set(key, paths, timeout=CACHE_SECONDS)
    return paths


def public(queryset):
    """``queryset.public()``: pages neither restricted nor below a restricted page."""
    paths = restricted_paths()
    if not paths:
        return queryset
    restricted = Q()
    for path in paths:
        restricted |= Q(path__startswith=path)
    return queryset.exclude(restricted)


class CachedViewRestrictions:
    """For page models: Wagtail checks a page's view restrictions before serving it, two
    queries each time (its ancestors, then their restrictions). While no page is restricted,
    which the cached paths tell, there is nothing to check."""

    def get_view_restrictions(self):
        if not restricted_paths():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


def forget(**kwargs):
    """A restriction changed: renew the cached pages and paths now, and again once the change
    is committed (a request that read the restrictions before then may have kept the old)."""
    page_cache.purge("pages")
    transaction.on_commit(lambda: page_cache.purge("pages"))


def connect():
    post_save.connect(forget, sender=PageViewRestriction, dispatch_uid="pages-restrictions-saved")
    post_delete.connect(
        forget, sender=PageViewRestriction, dispatch_uid="pages-restrictions-deleted"
    )
