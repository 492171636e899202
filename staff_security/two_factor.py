"""Two-factor authentication for staff (django-otp): an authenticator app's time-based codes
(TOTP) and single-use recovery codes.

Who must use it: every user who may see cases (``cases.view_case``, or a superuser), when
``STAFF_TWO_FACTOR_REQUIRED`` is on (always in production). Anyone who has set up an
authenticator must give a code at each sign-in, required or not. Until then such a user can
reach nothing but the sign-in, sign-out and two-factor pages: every other address (the admin,
evidence downloads, PDFs) sends them to give a code or, without an authenticator, to set
one up.
"""

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.urls import Resolver404, resolve, reverse
from django_otp import user_has_device
from django_otp.middleware import OTPMiddleware
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

CASE_PERMISSION = "cases.view_case"
RECOVERY_CODE_COUNT = 10

# Pages a signed-in user may reach before giving a second factor.
OPEN_URL_NAMES = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    "two_factor_verify",
    "two_factor_setup",
    "two_factor_qr_code",
}


def two_factor_required(user):
    """Must this user set up a second factor (before doing anything else)?"""
    if not getattr(settings, "STAFF_TWO_FACTOR_REQUIRED", False):
        return False
    return user.is_active and (user.is_superuser or user.has_perm(CASE_PERMISSION))


def authenticator(user):
    """The user's confirmed authenticator app (TOTP device), or None."""
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).first()


def recovery_device(user):
    return StaticDevice.objects.filter(user=user, name="recovery").first()


def remaining_recovery_codes(user):
    device = recovery_device(user)
    return device.token_set.count() if device else 0


def new_recovery_codes(user):
    """Replace the user's recovery codes with new ones; returns them (shown once)."""
    device, _created = StaticDevice.objects.get_or_create(
        user=user, name="recovery", defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [device.token_set.model.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    device.token_set.bulk_create([device.token_set.model(device=device, token=c) for c in codes])
    return codes


def verification_device(user, code):
    """The device a code is meant for: six digits are the authenticator's, anything else a
    recovery code. django-otp asks for an explicit device so that a wrong code is counted
    (and throttled) against that device only."""
    code = "".join(code.split()).lower()
    if code.isdigit() and len(code) == 6:
        return authenticator(user), code
    return recovery_device(user), code


def verify(user, code):
    """The device that accepts ``code``, or None."""
    device, code = verification_device(user, code)
    if device is None or not device.confirmed:
        return None
    allowed, _reason = device.verify_is_allowed()
    if not allowed:
        return None
    return device if device.verify_token(code) else None


def has_second_factor(user):
    return user_has_device(user, confirmed=True)


def owes_second_factor(user):
    """Signed in with a password, and must still give a code or set up an authenticator."""
    if not user.is_authenticated or user.is_verified():
        return False
    return has_second_factor(user) or two_factor_required(user)


def _url_name(request):
    try:
        return resolve(request.path_info).url_name
    except Resolver404:
        return None


class TwoFactorMiddleware(OTPMiddleware):
    """django-otp's middleware (``request.user.is_verified()``), which also holds back signed-in
    staff who still owe a second factor."""

    async_capable = False  # the portal runs under WSGI

    def __call__(self, request):
        self._install_lazy_accessors(request)
        return self.hold_back(request) or self.get_response(request)

    def hold_back(self, request):
        # Without a session cookie nobody is signed in: the session (and so "Vary: Cookie" on
        # public pages) is left untouched.
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            return None
        user = request.user
        if not owes_second_factor(user) or _url_name(request) in OPEN_URL_NAMES:
            return None
        if has_second_factor(user):
            return redirect_to_login(request.get_full_path(), reverse("two_factor_verify"))
        return redirect_to_login(request.get_full_path(), reverse("two_factor_setup"))
