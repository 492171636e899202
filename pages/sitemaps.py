"""The sitemap: every translated page in every language, each with its alternates.

Wagtail's own sitemap lists the default site's tree only (the English pages). Untranslated
Kiswahili aliases are left out: they repeat the English page, which is listed."""

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from .localization import prefetch_translated_versions, translated_versions
from .restrictions import public


class BilingualSitemap(Sitemap):
    def items(self):
        root = self.get_wagtail_site().root_page
        homes = Page.objects.filter(translation_key=root.translation_key)
        in_a_home = Q()
        for home in homes:
            in_a_home |= Q(path__startswith=home.path)
        # Plain pages, not each type's own (a query per type): an address and a date is all
        # an entry needs, and no page type routes its own addresses.
        return public(
            Page.objects.filter(in_a_home)
            .filter(alias_of__isnull=True)
            .live()
            .select_related("locale")
            .order_by("locale__language_code", "path")
        )

    def _urls(self, page, protocol, domain):
        # As Wagtail's, with each page's alternates (Django's sitemap template writes them as
        # xhtml:link elements), and addresses built like the pages' own hreflang links.
        urls = []
        last_mods = set()
        items = prefetch_translated_versions(list(self.paginator.page(page).object_list))
        for item in items:
            lastmod = self.lastmod(item)
            urls.append(
                {
                    "item": item,
                    "location": self.absolute(item),
                    "lastmod": lastmod,
                    "alternates": self.alternates(item),
                }
            )
            last_mods.add(lastmod)
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls

    def absolute(self, page):
        url = page.get_url(self.request)
        return self.request.build_absolute_uri(url) if self.request else page.get_full_url()

    def alternates(self, page):
        versions = translated_versions(page)
        alternates = [
            {"lang_code": code, "location": self.absolute(version)}
            for code, version in sorted(versions.items())
        ]
        default = versions.get("en")
        if default is not None:
            alternates.append({"lang_code": "x-default", "location": self.absolute(default)})
        return alternates
