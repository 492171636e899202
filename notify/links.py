"""Absolute links that go out in messages: the citizen's tracking link and the authority's
response link, signed (e-mail) or short (SMS).

The response token is signed (``django.core.signing``) and carries the case's
``response_link_nonce``: a new forward, an escalation, a response or a recall changes or clears
the nonce, and every older link stops working without a table of issued links.

The signed token is over 100 characters, a third of a two-part SMS, so an SMS carries the
short form ``<case id>.<nonce>`` instead: the nonce is 128 random bits, as unguessable as the
signature, and the short link lasts ``RESPONSE_LINK_MAX_AGE`` from the forward (or
escalation) that made the nonce.
"""

import datetime
import hmac
import re

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import timezone, translation

RESPONSE_TOKEN_SALT = "cases.authority-response"  # noqa: S105 - a salt, not a secret
RESPONSE_LINK_MAX_AGE = datetime.timedelta(days=30)
# A signed token always holds ":" (its timestamp and signature), so the two never mix.
SHORT_RESPONSE_TOKEN = re.compile(r"^(?P<case>[1-9]\d{0,11})\.(?P<nonce>[A-Za-z0-9_-]{16,64})$")


def absolute_url(path):
    return f"{settings.BASE_URL}{path}"


def tracking_link(case):
    """The citizen's private link, in the case's language: ``/sw/track/<token>/`` opens the
    tracking page in Kiswahili. Links sent before languages had their own addresses
    (``/track/<token>/``) still open it, in English."""
    with translation.override(case.language or settings.LANGUAGE_CODE):
        return absolute_url(reverse("track_case", args=[case.tracking_token]))


def make_response_token(case):
    """A signed token for ``/respond/<token>/`` naming the case and its current link nonce."""
    if not case.response_link_nonce:
        raise ValueError(f"{case} has no open response link (it is not with an authority).")
    return signing.dumps(
        {"c": case.pk, "n": case.response_link_nonce}, salt=RESPONSE_TOKEN_SALT, compress=True
    )


def read_response_token(token, max_age=RESPONSE_LINK_MAX_AGE):
    """``(case_id, nonce)`` from a token made by ``make_response_token``.

    Raises ``signing.SignatureExpired`` for a token older than ``max_age`` and
    ``signing.BadSignature`` (its base class) for anything forged or malformed. The caller
    still compares the nonce with the case's current ``response_link_nonce``.
    """
    payload = signing.loads(token, salt=RESPONSE_TOKEN_SALT, max_age=max_age)
    if not isinstance(payload, dict):
        raise signing.BadSignature("Unexpected response token payload.")
    case_id, nonce = payload.get("c"), payload.get("n")
    if not isinstance(case_id, int) or not isinstance(nonce, str) or not nonce:
        raise signing.BadSignature("Unexpected response token payload.")
    return case_id, nonce


def response_link(case):
    # Authorities are written to in the site's default language (notify.case_messages).
    with translation.override(settings.LANGUAGE_CODE):
        return absolute_url(reverse("authority_respond", args=[make_response_token(case)]))


def make_short_response_token(case):
    """``<case id>.<nonce>``: the response token an SMS carries."""
    if not case.response_link_nonce:
        raise ValueError(f"{case} has no open response link (it is not with an authority).")
    return f"{case.pk}.{case.response_link_nonce}"


def short_response_link(case):
    with translation.override(settings.LANGUAGE_CODE):
        return absolute_url(reverse("authority_respond", args=[make_short_response_token(case)]))


def read_short_response_token(token):
    """``(case_id, nonce)`` from a short token, or None when it is not one."""
    match = SHORT_RESPONSE_TOKEN.match(token or "")
    return (int(match["case"]), match["nonce"]) if match else None


def short_token_opens(case, nonce, now=None):
    """Whether a short token's nonce is the case's open link, within its age."""
    if not case.response_link_nonce or not hmac.compare_digest(
        nonce.encode(), case.response_link_nonce.encode()
    ):
        return False
    issued = case.forwarded_at
    return issued is not None and (now or timezone.now()) < issued + RESPONSE_LINK_MAX_AGE
