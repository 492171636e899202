"""The portal's URLconf with Wagtail's own page serving in place of ``pages.routing``: what
the routing tests compare the portal's answers with."""

from django.conf.urls.i18n import i18n_patterns
from django.urls.resolvers import LocalePrefixPattern

from pages import routing
from portal import urls as portal_urls


def _without_routing(patterns):
    return [
        pattern for pattern in patterns if getattr(pattern, "callback", None) is not routing.serve
    ]


urlpatterns = []
for entry in portal_urls.urlpatterns:
    if isinstance(getattr(entry, "pattern", None), LocalePrefixPattern):
        urlpatterns += i18n_patterns(
            *_without_routing(entry.url_patterns),
            prefix_default_language=entry.pattern.prefix_default_language,
        )
    else:
        urlpatterns.append(entry)
