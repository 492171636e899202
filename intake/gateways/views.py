"""Africa's Talking callbacks: inbound SMS, delivery reports, USSD and voice; and the voice
prompts' audio, which the gateway fetches from the portal.

Each URL carries a shared secret (``AFRICASTALKING_CALLBACK_SECRET``); a wrong one, or none
configured, is a 404 so the endpoints do not show. Gateways cannot send CSRF tokens, and the
secret is what authenticates them. Replies leave through the outbox after commit, so the SMS
callback answers quickly.
"""

import hmac
import logging
import re
from decimal import Decimal, InvalidOperation
from functools import wraps

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import (
    FileResponse,
    Http404,
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponseNotAllowed,
)
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET

from cases.phones import normalise_phone
from notify.sending import record_delivery_report

from . import ussd, voice, voice_steps
from .prompt_audio import PromptFiles
from .prompts import LANGUAGES, is_prompt_key
from .sms import receive_sms
from .voicexml import CONTENT_TYPE as XML_CONTENT_TYPE

logger = logging.getLogger(__name__)

PLAIN_TEXT = "text/plain; charset=utf-8"


def secret_matches(given):
    expected = settings.AFRICASTALKING_CALLBACK_SECRET or ""
    # An empty setting switches the callbacks off rather than accepting an empty secret.
    return bool(expected) and hmac.compare_digest(given.encode(), expected.encode())


# The longest value each callback accepts per field: the columns they are stored in, or a
# generous bound for what is only looked up or parsed. Longer is refused before any query.
SMS_FIELD_LIMITS = {
    "id": 100,
    "from": 40,
    "to": 20,
    "text": 5000,
    "date": 40,
    "linkId": 100,
    "networkCode": 10,
}
DELIVERY_FIELD_LIMITS = {
    "id": 120,
    "status": 40,
    "failureReason": 100,
    "phoneNumber": 40,
    "networkCode": 10,
    "retryCount": 10,
}
USSD_FIELD_LIMITS = {
    "sessionId": 100,
    "phoneNumber": 40,
    "serviceCode": 40,
    "networkCode": 10,
    "text": 2000,
}
VOICE_FIELD_LIMITS = {
    "isActive": 1,
    "sessionId": 100,
    "direction": 20,
    "callerNumber": 40,
    "destinationNumber": 40,
    "dtmfDigits": 40,
    "recordingUrl": 1000,
    "durationInSeconds": 12,
    "currencyCode": 10,
    "amount": 30,
    "hangupCause": 60,
    "callSessionState": 60,
}
# Any other field the gateway may add (end-of-session notices, future fields).
OTHER_FIELD_LIMIT = 2000


def invalid_fields(data, limits):
    """A 400 for a NUL character anywhere (no database column can hold one: PostgreSQL
    fails) or a field longer than its limit; None when the request is fine."""
    for name, values in data.lists():
        if "\x00" in name or any("\x00" in value for value in values):
            return bad_request("NUL characters are not allowed")
        limit = limits.get(name, OTHER_FIELD_LIMIT)
        if any(len(value) > limit for value in values):
            return bad_request(f"Field too long: {name[:40]} (at most {limit} characters)")
    return None


def gateway_callback(limits):
    """Secret first (404), then POST only (405), then well-formed fields (400); no CSRF
    token."""

    def decorator(view):
        @csrf_exempt
        @wraps(view)
        def callback(request, secret):
            if not secret_matches(secret):
                raise Http404
            if request.method != "POST":
                return HttpResponseNotAllowed(["POST"])
            return invalid_fields(request.POST, limits) or view(request)

        return callback

    return decorator


def bad_request(reason):
    return HttpResponseBadRequest(reason, content_type=PLAIN_TEXT)


def missing_fields(data, names):
    missing = [name for name in names if name not in data or not data[name].strip()]
    return bad_request(f"Missing field: {', '.join(missing)}") if missing else None


def ok():
    return HttpResponse("OK", content_type=PLAIN_TEXT)


@gateway_callback(SMS_FIELD_LIMITS)
def inbound_sms(request):
    data = request.POST
    # "text" may be empty (the sender gets instructions) but must be there.
    refusal = missing_fields(data, ["from", "id"]) or (
        None if "text" in data else bad_request("Missing field: text")
    )
    if refusal:
        return refusal
    try:
        sender = normalise_phone(data["from"])
    except ValidationError:
        return bad_request("Invalid field: from")
    receive_sms(
        gateway_id=data["id"].strip(),
        sender=sender,
        recipient=data.get("to", ""),
        text=data["text"],
        gateway_date=data.get("date", ""),
        link_id=data.get("linkId", ""),
        network_code=data.get("networkCode", ""),
    )
    return ok()


@gateway_callback(DELIVERY_FIELD_LIMITS)
def delivery_report(request):
    data = request.POST
    refusal = missing_fields(data, ["id", "status"])
    if refusal:
        return refusal
    message = record_delivery_report(
        gateway_id=data["id"].strip(),
        status=data["status"].strip(),
        failure_reason=data.get("failureReason", "").strip(),
    )
    if message is None:
        logger.info("Delivery report for unknown message %s ignored", data["id"])
    return ok()


@gateway_callback(USSD_FIELD_LIMITS)
def ussd_session(request):
    data = request.POST
    refusal = missing_fields(data, ["sessionId", "phoneNumber"])
    if refusal:
        return refusal
    try:
        phone = normalise_phone(data["phoneNumber"])
    except ValidationError:
        return bad_request("Invalid field: phoneNumber")
    response = ussd.handle_request(
        session_id=data["sessionId"].strip(),
        phone=phone,
        service_code=data.get("serviceCode", "").strip()[:40],
        network_code=data.get("networkCode", "").strip()[:10],
        text=data.get("text", ""),
    )
    return HttpResponse(response, content_type=PLAIN_TEXT)


DTMF = re.compile(r"^[0-9*#]*$")
MAX_DURATION_SECONDS = 2**31 - 1  # VoiceCall.duration_seconds
MAX_AMOUNT = Decimal(10**8)  # VoiceCall.amount: 12 digits, 4 after the point
AMOUNT_PLACES = Decimal("0.0001")


class BadVoiceField(ValueError):
    pass


def _voice_request(data, step=None):
    """The checked ``voice.CallRequest`` of a voice callback; raises ``BadVoiceField``."""
    if data["isActive"].strip() not in ("0", "1"):
        raise BadVoiceField("isActive")
    try:
        caller = normalise_phone(data["callerNumber"])
    except ValidationError as error:
        raise BadVoiceField("callerNumber") from error
    digits = data.get("dtmfDigits")
    if digits is not None and not DTMF.match(digits.strip()):
        raise BadVoiceField("dtmfDigits")
    recording_url = data.get("recordingUrl")
    if recording_url is not None:
        recording_url = recording_url.strip()
        if recording_url and not recording_url.startswith(("https://", "http://")):
            raise BadVoiceField("recordingUrl")
    duration = data.get("durationInSeconds", "").strip()
    # isdigit() also accepts digits like "²"; the column is a 32-bit integer on PostgreSQL.
    if duration and not (duration.isascii() and duration.isdigit()):
        raise BadVoiceField("durationInSeconds")
    if duration and int(duration) > MAX_DURATION_SECONDS:
        raise BadVoiceField("durationInSeconds")
    return voice.CallRequest(
        session_id=data["sessionId"].strip(),
        is_active=data["isActive"].strip() == "1",
        caller=caller,
        direction=data.get("direction", "").strip(),
        destination=data.get("destinationNumber", "").strip(),
        digits=digits,
        recording_url=recording_url,
        duration=int(duration) if duration else None,
        currency_code=data.get("currencyCode", "").strip(),
        amount=_amount(data.get("amount", "").strip()),
        hangup_cause=data.get("hangupCause", "").strip(),
        call_session_state=data.get("callSessionState", "").strip(),
        step=step,
    )


def _amount(text):
    """The call's cost as the column stores it (4 decimal places, under 10⁸), or None."""
    if not text:
        return None
    try:
        amount = Decimal(text)
        if not amount.is_finite() or abs(amount) >= MAX_AMOUNT:
            raise BadVoiceField("amount")
        # Rounded here: "1E-99999" or "99999999.99999" would not fit numeric(12, 4).
        amount = amount.quantize(AMOUNT_PLACES)
    except InvalidOperation as error:
        raise BadVoiceField("amount") from error
    if abs(amount) >= MAX_AMOUNT:
        raise BadVoiceField("amount")
    return amount


@gateway_callback(VOICE_FIELD_LIMITS)
def voice_call(request):
    return _voice_reply(request.POST)


@csrf_exempt
def voice_step(request, token, step):
    """The answer to one step of a call, at the URL its GetDigits named (``voice_steps``):
    the token stands for the secret, for this call's ``sessionId`` only."""
    session_id = request.POST.get("sessionId", "").strip() if request.method == "POST" else ""
    if not voice_steps.token_matches(token, session_id):
        raise Http404
    return invalid_fields(request.POST, VOICE_FIELD_LIMITS) or _voice_reply(request.POST, step=step)


def _voice_reply(data, step=None):
    refusal = missing_fields(data, ["isActive", "sessionId", "callerNumber"])
    if refusal:
        return refusal
    try:
        call_request = _voice_request(data, step=step)
    except BadVoiceField as error:
        return bad_request(f"Invalid field: {error}")
    return HttpResponse(voice.handle_request(call_request), content_type=XML_CONTENT_TYPE)


# The URL carries the prompt's version (?v=), so a replaced prompt gets a new URL and the
# gateway may keep each one for a day.
PROMPT_CACHE_SECONDS = 24 * 60 * 60


@require_GET
def voice_prompt(request, language, key):
    """One prompt's audio: the editor's recording, else the default made by
    ``make_voice_prompts``. A missing file is a 404 that says so: making it here would run
    espeak-ng and ffmpeg inside the gateway's fetch, and the voice replies already fall back
    to the gateway's own voice (``Say``) for a prompt without a file."""
    if language not in LANGUAGES or not is_prompt_key(key):
        raise Http404("No such voice prompt.")
    found = PromptFiles(language).source(key)
    if found is None:
        raise Http404("This prompt has no audio yet: run manage.py make_voice_prompts.")
    try:
        response = FileResponse(open(found[0], "rb"), content_type="audio/mpeg")  # noqa: SIM115
    except OSError as error:
        raise Http404("This prompt's audio file is missing.") from error
    response["Cache-Control"] = f"public, max-age={PROMPT_CACHE_SECONDS}"
    return response
