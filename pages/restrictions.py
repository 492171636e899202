"""``public()`` without a query per listing: Wagtail's ``PageQuerySet.public()`` reads every
view restriction each time it is called. The restricted paths are kept in the shared cache
and forgotten whenever a restriction changes or a page moves (its path changes)."""

from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from wagtail.models import PageViewRestriction
from wagtail.signals import post_page_move

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


class CachedViewRestrictions:
    """For page models: Wagtail checks a page's view restrictions before serving it, two
    queries each time (its ancestors, then their restrictions). While no page is restricted,
    which the cached paths tell, there is nothing to check."""

    def get_view_restrictions(self):
        if not restricted_paths():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


def forget(**kwargs):
    cache.delete(CACHE_KEY)


def connect():
    post_save.connect(forget, sender=PageViewRestriction, dispatch_uid="pages-restrictions-saved")
    post_delete.connect(
        forget, sender=PageViewRestriction, dispatch_uid="pages-restrictions-deleted"
    )
    post_page_move.connect(forget, dispatch_uid="pages-restrictions-page-moved")
