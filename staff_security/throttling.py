"""Throttled staff sign-in, with django-axes.

Axes counts failed sign-ins per user name *and* address together
(``AXES_LOCKOUT_PARAMETERS``): one person's wrong passwords lock that account from that
address only, never a whole county office behind one address, and an attacker guessing one
account from elsewhere does not lock its owner out either. The lockout answers with Wagtail's
own sign-in page and says when to try again; a supervisor can unlock sooner in the admin
(*Settings → Locked sign-ins*).
"""

import math

from axes.helpers import get_cool_off
from django.core.exceptions import NON_FIELD_ERRORS
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.admin.forms.auth import LoginForm

from portal.ratelimit import client_ip

LOGIN_TEMPLATE = "wagtailadmin/login.html"


def client_ip_address(request):
    """The address Axes records: the same one the portal's rate limits see (proxy-aware
    through ``RATELIMIT_PROXY_COUNT``)."""
    return client_ip(request)


def cool_off_minutes(request=None):
    cool_off = get_cool_off(request)
    return max(1, math.ceil(cool_off.total_seconds() / 60)) if cool_off else None


def lockout_message(request=None):
    minutes = cool_off_minutes(request)
    if minutes is None:
        return _(
            "Too many failed sign-in attempts for this account from your network. "
            "Ask a supervisor to unlock it."
        )
    return ngettext(
        "Too many failed sign-in attempts for this account from your network. Try again in "
        "%(minutes)s minute, or ask a supervisor to unlock it.",
        "Too many failed sign-in attempts for this account from your network. Try again in "
        "%(minutes)s minutes, or ask a supervisor to unlock it.",
        minutes,
    ) % {"minutes": minutes}


def lockout_response(request, original_response=None, credentials=None):
    """``AXES_LOCKOUT_CALLABLE``: Wagtail's sign-in page again (429), with the lockout as its
    error in place of "wrong password", and the user name kept in the form."""
    context = dict(getattr(original_response, "context_data", None) or {})
    form = context.get("form")
    if form is None or not hasattr(form, "_errors"):
        form = LoginForm(request)
        form._errors = {}
    form._errors[NON_FIELD_ERRORS] = form.error_class([lockout_message(request)])
    context["form"] = form
    context.setdefault("next", request.POST.get("next", ""))
    response = TemplateResponse(request, LOGIN_TEMPLATE, context, status=429)
    return response.render()
