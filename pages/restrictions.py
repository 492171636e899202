"""``public()`` without a query per listing: Wagtail's ``PageQuerySet.public()`` reads every
view restriction each time it is called. The restricted paths are kept in the shared cache
and forgotten whenever a restriction changes."""

from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from wagtail.models import PageViewRestriction

from portal.cache_safely import cache

CACHE_KEY = "pages:restricted-paths"


def restricted_paths():
    paths = cache.get(CACHE_KEY)
    if paths is None:
        paths = sorted(PageViewRestriction.objects.values_list("page__path", flat=True).distinct())
        cache.set(CACHE_KEY, paths, timeout=None)
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


def forget(**kwargs):
    cache.delete(CACHE_KEY)


def connect():
    post_save.connect(forget, sender=PageViewRestriction, dispatch_uid="pages-restrictions-saved")
    post_delete.connect(
        forget, sender=PageViewRestriction, dispatch_uid="pages-restrictions-deleted"
    )
