from django.conf import settings
from django.conf.urls.static import static
from django.urls import include, path
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import TemplateView
from django.views.i18n import set_language
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from pages import views as page_views
from pages.feeds import LatestReportsAtomFeed, LatestReportsFeed

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # Choosing a language changes nothing but a preference cookie, so a forged request can do
    # no harm; exempting it keeps every public page free of a CSRF cookie, hence cacheable.
    path("i18n/setlang/", csrf_exempt(set_language), name="set_language"),
    path("search/", page_views.search, name="search"),
    path("", include("intake.web.urls")),
    path("channels/", include("intake.gateways.urls")),
    path("", include("intake.authority_urls")),
    path("open311/", include("open311.urls")),
    path("accountability/", include("accountability.urls")),
    path("feeds/reports.rss", LatestReportsFeed(), name="reports_rss"),
    path("feeds/reports.atom", LatestReportsAtomFeed(), name="reports_atom"),
    path("sitemap.xml", sitemap, name="sitemap"),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
    ),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail's page serving comes last: it matches every other path.
urlpatterns += [path("", include(wagtail_urls))]
