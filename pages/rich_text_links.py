"""Links to pages in rich text, each to the linked page's version in the reader's language,
found in one query for all the links of a text.

Wagtail's own handler reads the linked pages (a query, then one per page type) and, for each
link, the active locale and the page's translation (two queries a link): a Kiswahili page
with five links cost a dozen queries. This one keeps its rules (the version in the active
language when it is live, else the linked page itself; ``<a>`` for a page that is gone) and
builds addresses from plain pages, as no page type here routes its own addresses."""

from django.db.models import Q
from django.utils.html import escape
from wagtail.models import Page
from wagtail.rich_text.pages import PageLinkHandler

from . import locales


class LocalizedPageLinkHandler(PageLinkHandler):
    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        ids = [attrs.get("id") for attrs in attrs_list]
        locale = locales.active()
        linked_keys = Page.objects.filter(id__in=ids).values("translation_key")
        pages = Page.objects.filter(
            Q(id__in=ids) | Q(locale=locale, live=True, translation_key__in=linked_keys)
        )
        by_id = {}
        in_locale = {}
        for page in pages:
            by_id[str(page.pk)] = page
            if page.locale_id == locale.pk and page.live:
                in_locale[page.translation_key] = page
        tags = []
        for id_ in ids:
            page = by_id.get(str(id_))
            if page is None:
                tags.append("<a>")
                continue
            if page.locale_id != locale.pk:
                page = in_locale.get(page.translation_key, page)
            tags.append(f'<a href="{escape(page.url)}">')
        return tags
