"""The sitemap: every translated page in every language, each with its alternates.

Wagtail's own sitemap lists the default site's tree only (the English pages). Untranslated
Kiswahili aliases are left out: they repeat the English page, which is listed."""

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from .localization import translated_versions


class BilingualSitemap(Sitemap):
    def items(self):
        root = self.get_wagtail_site().root_page
        homes = Page.objects.filter(translation_key=root.translation_key)
        in_a_home = Q()
        for home in homes:
            in_a_home |= Q(path__startswith=home.path)
        return (
            Page.objects.filter(in_a_home)
            .filter(alias_of__isnull=True)
            .live()
            .public()
            .order_by("locale__language_code", "path")
            .defer_streamfields()
            .specific()
        )

    def _urls(self, page, protocol, domain):
        # As Wagtail's, plus each page's alternates (Django's sitemap template writes them
        # as xhtml:link elements).
        urls = []
        last_mods = set()
        for item in self.paginator.page(page).object_list.iterator():
            for url_info in item.get_sitemap_urls(self.request):
                url_info.setdefault("alternates", self.alternates(item))
                urls.append(url_info)
                last_mods.add(url_info.get("lastmod"))
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls

    def alternates(self, page):
        versions = translated_versions(page)
        alternates = [
            {"lang_code": code, "location": version.get_full_url(self.request)}
            for code, version in sorted(versions.items())
        ]
        default = versions.get("en")
        if default is not None:
            location = default.get_full_url(self.request)
            alternates.append({"lang_code": "x-default", "location": location})
        return alternates
