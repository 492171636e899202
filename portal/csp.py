"""Content-Security-Policy for every HTML page (django-csp).

Public pages get the strict policy in ``CONTENT_SECURITY_POLICY``: scripts, styles, images
and fonts from this site only, no inline script or style, no plug-ins, no framing. The
Wagtail admin gets ``ADMIN_CONTENT_SECURITY_POLICY``: the same, plus the allowances Wagtail
still needs (inline scripts and styles in some widgets and panels, data: and blob: images for
previews, framing by itself for page previews).
"""

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.urls import reverse


def admin_prefix():
    return reverse("wagtailadmin_home")


class PortalCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if (
            not report_only
            and parts.config is None
            and request.path_info.startswith(admin_prefix())
        ):
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
        return parts
