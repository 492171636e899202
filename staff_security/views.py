"""The two-factor pages of the admin: give a code at sign-in, set up an authenticator app,
see and renew recovery codes."""

import base64

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import two_factor
from .forms import CodeForm, SetupForm


def _next_url(request):
    url = request.POST.get(REDIRECT_FIELD_NAME) or request.GET.get(REDIRECT_FIELD_NAME, "")
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return reverse("wagtailadmin_home")


def _must_verify_first(user):
    return two_factor.has_second_factor(user) and not user.is_verified()


@never_cache
@sensitive_post_parameters("code")
def verify(request):
    """The second step of signing in."""
    user = request.user
    if not two_factor.has_second_factor(user):
        return redirect("two_factor_setup")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = two_factor.verify(user, form.cleaned_data["code"])
        if device is not None:
            otp_login(request, device)
            if device.name == "recovery":
                left = two_factor.remaining_recovery_codes(user)
                messages.warning(
                    request,
                    ngettext(
                        "You signed in with a recovery code: %(count)s is left.",
                        "You signed in with a recovery code: %(count)s are left.",
                        left,
                    )
                    % {"count": left},
                )
            return redirect(_next_url(request))
        form.add_error(
            "code",
            _("That code is not right or has expired. After several wrong codes, wait a little."),
        )
    context = {"form": form, "next": _next_url(request)}
    return TemplateResponse(request, "staff_security/verify.html", context)


def _pending_device(user, create):
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).first()
    if device is None and create:
        device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=False)
    return device


def _qr_code_svg(url):
    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    return mark_safe(image.to_string(encoding="unicode"))  # noqa: S308 - our own SVG


@never_cache
@sensitive_post_parameters("code", "password")
def setup(request):
    """Add an authenticator app (replacing an earlier one once the new one works)."""
    user = request.user
    if _must_verify_first(user):
        return redirect(f"{reverse('two_factor_verify')}?{REDIRECT_FIELD_NAME}={request.path}")
    device = _pending_device(user, create=True)
    form = SetupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if not user.check_password(form.cleaned_data["password"]):
            form.add_error("password", _("That is not your password."))
        elif not device.verify_token(form.cleaned_data["code"].strip()):
            form.add_error(
                "code", _("That code is not right: check the app's clock and try again.")
            )
        else:
            with transaction.atomic():
                TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
                device.confirmed = True
                device.save(update_fields=["confirmed"])
                codes = two_factor.new_recovery_codes(user)
            otp_login(request, device)
            return _show_recovery_codes(request, codes, first_time=True)
    context = {
        "form": form,
        "qr_code": _qr_code_svg(device.config_url),
        "secret": base64.b32encode(device.bin_key).decode(),
        "issuer": getattr(settings, "OTP_TOTP_ISSUER", ""),
        "replacing": two_factor.authenticator(user) is not None,
    }
    return TemplateResponse(request, "staff_security/setup.html", context)


def _show_recovery_codes(request, codes, *, first_time=False):
    context = {"codes": codes, "first_time": first_time}
    response = TemplateResponse(request, "staff_security/recovery_codes.html", context)
    response["Cache-Control"] = "no-store"
    return response


@never_cache
def overview(request):
    user = request.user
    context = {
        "authenticator": two_factor.authenticator(user),
        "remaining_codes": two_factor.remaining_recovery_codes(user),
        "required": two_factor.two_factor_required(user),
    }
    return TemplateResponse(request, "staff_security/overview.html", context)


@require_POST
def recovery_codes(request):
    """New recovery codes (the old ones stop working), shown once."""
    user = request.user
    if not user.is_verified():
        return redirect("two_factor_overview")
    return _show_recovery_codes(request, two_factor.new_recovery_codes(user))
