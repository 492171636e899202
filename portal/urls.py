"""The portal's addresses.

Public pages carry their language in the address (Django's ``i18n_patterns``, as Wagtail
documents): English without a prefix, as it always was, so old links keep working, and
Kiswahili under ``/sw/``. What machines call (the Open311 API, the gateway callbacks) and what
has no language (admin, documents, the sitemap, robots.txt) stays outside the prefixes."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.urls import include, path, re_path
from django.views.generic import TemplateView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from open311.urls import page_urlpatterns as open311_page_urls
from pages import routing as page_routing
from pages import views as page_views
from pages.feeds import LatestReportsAtomFeed, LatestReportsFeed
from pages.sitemaps import BilingualSitemap

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("channels/", include("intake.gateways.urls")),
    path("open311/", include("open311.urls")),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": BilingualSitemap}}, name="sitemap"),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
    ),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("search/", page_views.search, name="search"),
    # The citizen's links in SMS and e-mail (/track/<token>/) and the authority's
    # (/respond/<token>/) answer unprefixed in English and under /sw/ in Kiswahili.
    path("", include("intake.web.urls")),
    path("", include("intake.authority_urls")),
    path("open311/", include(open311_page_urls)),
    path("accountability/", include("accountability.urls")),
    path("feeds/reports.rss", LatestReportsFeed(), name="reports_rss"),
    path("feeds/reports.atom", LatestReportsAtomFeed(), name="reports_atom"),
    # Wagtail's page serving comes last: it matches every other path (routed in fewer
    # queries by pages.routing, served by Wagtail). Named as Wagtail names its own, so that
    # what resolves an address by name (translate_url: the 404 page's language switcher)
    # finds it as it finds Wagtail's.
    re_path(page_routing.SERVE_PATTERN, page_routing.serve, name="wagtail_serve"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
