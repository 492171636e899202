"""Forgetting cached public pages when content changes: any page published, unpublished,
moved or deleted (its own address, its parents' listings, the home page, feeds, the sitemap
and search results may all show it), and Wagtail's front-end cache, if one is configured,
purges a proxy or CDN too. A site changed (its hostname, port, root page or default flag)
also changes what an address answers, as it does at once when Wagtail serves the page itself;
a view restriction added or removed purges through ``pages.restrictions``."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from portal import page_cache


def purge_pages(**kwargs):
    page_cache.purge("pages")


def connect():
    page_published.connect(purge_pages, dispatch_uid="pages-purge-on-publish")
    page_unpublished.connect(purge_pages, dispatch_uid="pages-purge-on-unpublish")
    post_page_move.connect(purge_pages, dispatch_uid="pages-purge-on-move")
    # Every page type: Wagtail deletes the specific row, so listen for them all.
    post_delete.connect(_purge_on_page_delete, dispatch_uid="pages-purge-on-delete")
    post_save.connect(purge_pages, sender=Site, dispatch_uid="pages-purge-on-site-save")
    post_delete.connect(purge_pages, sender=Site, dispatch_uid="pages-purge-on-site-delete")


def _purge_on_page_delete(sender, instance, **kwargs):
    if isinstance(instance, Page):
        purge_pages()
