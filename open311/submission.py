"""POST requests: turning a partner's form-encoded service request into a case.

The case is made by ``cases.actions.create_case`` like every other channel's. What has no
field on a case (the partner, the service's extra answers, a media link) goes into an
internal note for the case worker; the media link is kept as text and never fetched.
"""

import re
import secrets

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction

from cases.actions import add_note, create_case
from cases.limits import MAX_DESCRIPTION_LENGTH
from cases.models import Channel
from cases.rules import Actor
from intake import guessing

from .errors import BadRequest
from .models import Open311Request
from .params import coordinate, present
from .services import clean_attributes, service_sector

ATTRIBUTE_KEY = re.compile(r"attribute\[([^\[\]]+)\](\[\])?")
MAX_URL_LENGTH = 2000
SERVICE_NOTICE = (
    "Received. A case worker reviews every report within two working days and sends it to "
    "the authority that must answer."
)


def submitted_attributes(form):
    """``attribute[code]=value`` and ``attribute[code][]=value`` pairs, by code."""
    answers = {}
    for key in form:
        match = ATTRIBUTE_KEY.fullmatch(key)
        if match:
            answers.setdefault(match.group(1), []).extend(form.getlist(key))
    return answers


def _location(form):
    lat = coordinate("lat", form.get("lat"), 90)
    long = coordinate("long", form.get("long"), 180)
    if (lat is None) != (long is None):
        raise BadRequest("lat and long must be sent together.")
    address_string = present(form.get("address_string"))
    address_id = present(form.get("address_id"))
    if lat is None and address_string is None and address_id is None:
        raise BadRequest("A location is required: lat and long, address_string or address_id.")
    return lat, long, address_string, address_id


def _media_url(form):
    url = present(form.get("media_url"))
    if url is None:
        return None
    try:
        if len(url) > MAX_URL_LENGTH:
            raise ValidationError("too long")
        URLValidator(schemes=["http", "https"])(url)
    except ValidationError as error:
        raise BadRequest("media_url must be an http or https URL.") from error
    return url


def _guess(name, text):
    """intake.guessing's guess for the text, or None."""
    if not text:
        return None
    return getattr(guessing, name)(text)


def _staff_note(api_key, answers, media_url, address_id):
    lines = [f"Received through Open311 from {api_key.organisation} (key {api_key.prefix}…)."]
    lines += [f"{question} {answer}" for question, answer in answers]
    if address_id:
        lines.append(f"Partner's address ID: {address_id}")
    if media_url:
        lines.append(f"Media link from the partner (not fetched; open with care): {media_url}")
    return "\n".join(lines)


def create_request(*, api_key, form):
    """Validate the form and open a case. Returns the case; raises an Open311Error."""
    service_code = present(form.get("service_code"))
    if service_code is None:
        raise BadRequest("service_code was not provided.")
    sector = service_sector(service_code)
    lat, long, address_string, address_id = _location(form)
    description = present(form.get("description"))
    if description and len(description) > MAX_DESCRIPTION_LENGTH:
        raise BadRequest(f"description is limited to {MAX_DESCRIPTION_LENGTH:,} characters.")
    answers = clean_attributes(sector.slug, submitted_attributes(form))
    media_url = _media_url(form)
    email = present(form.get("email"))
    phone = present(form.get("phone"))
    name = " ".join(
        part for part in (present(form.get("first_name")), present(form.get("last_name"))) if part
    )
    location = address_string or (f"Address ID {address_id}" if address_id else "")

    try:
        with transaction.atomic():
            case = create_case(
                by=Actor.system(f"Open311: {api_key.organisation}"),
                channel=Channel.OPEN311,
                description=description or f"{sector.name_en}: no description given.",
                sector=sector,
                county=_guess("guess_county", address_string),
                location=location,
                latitude=lat,
                longitude=long,
                complainant_name=name,
                complainant_phone=phone or "",
                complainant_email=email or "",
                # Contact details sent with a report are there to be used about it; identity
                # and publication need consents the GeoReport form cannot carry.
                consent_to_contact=bool(email or phone),
                language=_guess("guess_language", description) or "en",
            )
            Open311Request.objects.create(
                case=case, api_key=api_key, token=secrets.token_urlsafe(24)
            )
            add_note(
                case=case,
                text=_staff_note(api_key, answers, media_url, address_id),
                by=Actor.system(f"Open311: {api_key.organisation}"),
            )
    except ValidationError as error:
        raise BadRequest(" ".join(error.messages)) from error
    return case
