"""What each case event tells whom: the citizen (SMS and/or e-mail, in their language, only
with their consent to be contacted) and the authority (e-mail with the case summary and the
response link, or, for an authority with a phone number and no e-mail, an SMS with the
reference, sector, place and the short response link)."""

import logging

from django.conf import settings
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from cases.phones import e164
from portal.durations import in_words

from .events import authority_event, citizen_event
from .links import absolute_url, response_link, short_response_link, tracking_link
from .models import Audience, MessageChannel
from .placeholders import PLACEHOLDERS
from .queueing import queue_message
from .rendering import render

logger = logging.getLogger(__name__)

# Authorities and staff have no language preference recorded: they are written to in the
# site's default language.
STAFF_LANGUAGE = settings.LANGUAGE_CODE

DATE_FORMAT = "j F Y"


def format_date(value):
    return formats.date_format(value, DATE_FORMAT) if value else ""


def _public_update(entry):
    """What a person wrote for the citizen in this event (a reason, a note). The timeline keeps
    only people's words as text, never a generated sentence the template would repeat."""
    if entry is None or not entry.is_public:
        return ""
    return entry.text.strip()


def common_values(case, *, language, entry=None):
    """The values every message about the case may use, in ``language``."""
    values = dict.fromkeys(PLACEHOLDERS, "")
    with translation.override(language):
        values.update(
            reference=case.reference,
            status=str(case.get_state_display()),
            authority=case.authority.name if case.authority_id else "",
            sector=str(case.sector) if case.sector_id else "-",
            place=place(case),
            response=case.response,
            outcome=str(case.get_outcome_display()) if case.outcome else "",
            due_date=format_date(case.due_date),
            update=_public_update(entry),
        )
    return values


def place(case):
    """Where the problem is, as one short line: "Kibera, Olympic estate, Nairobi City"."""
    parts = [" ".join(case.location.split()), str(case.county) if case.county_id else ""]
    return ", ".join(part for part in parts if part) or "-"


def citizen_values(case, *, entry=None):
    values = common_values(case, language=case.language, entry=entry)
    values["tracking_link"] = tracking_link(case)
    # Only on the case object create_case returns: the code itself is never stored.
    values["access_code"] = getattr(case, "access_code", "") or ""
    with translation.override(case.language):
        values["tracking_access"] = tracking_access_period()
    return values


def tracking_access_period():
    """How long tracking works after a case closes, in words ("6 months"), in the active
    language."""
    return in_words(settings.TRACKING_ACCESS_DAYS_AFTER_CLOSE)


def authority_values(case, *, entry=None, language=STAFF_LANGUAGE, today=None):
    """Values for the authority's e-mails: never the citizen's tracking link or access code."""
    values = common_values(case, language=language, entry=entry)
    values["summary"] = authority_summary(case, language=language)
    values["respond_link"] = response_link(case) if case.response_link_nonce else ""
    if case.due_date:
        today = today or timezone.localdate()
        values["days_overdue"] = str(max((today - case.due_date).days, 0))
    return values


def staff_values(case, *, language=STAFF_LANGUAGE, today=None):
    values = common_values(case, language=language)
    values["admin_link"] = absolute_url(reverse("cases:inspect", args=[case.pk]))
    if case.due_date:
        today = today or timezone.localdate()
        values["days_overdue"] = str(max((today - case.due_date).days, 0))
    return values


def authority_summary(case, *, language=STAFF_LANGUAGE):
    """The case as the authority may see it: the citizen's identity only with their consent."""
    with translation.override(language):
        received = timezone.localtime(case.received_at).date()
        lines = [
            f"{_('Reference')}: {case.reference}",
            f"{_('Received')}: {format_date(received)} ({case.get_channel_display()})",
            f"{_('Sector')}: {case.sector or '-'}",
            f"{_('County')}: {case.county or '-'}",
            f"{_('Where')}: {case.location or '-'}",
        ]
        if case.latitude is not None and case.longitude is not None:
            map_label = _("Map")
            lines.append(
                f"{map_label}: https://www.openstreetmap.org/?mlat={case.latitude}"
                f"&mlon={case.longitude}#map=17/{case.latitude}/{case.longitude}"
            )
        lines += ["", f"{_('What happened')}:", case.description.strip(), ""]
        if case.consent_to_share_identity:
            contact = [
                (_("Name"), case.complainant_name),
                (_("Phone"), case.complainant_phone),
                (_("E-mail"), case.complainant_email),
            ]
            given = [f"{label}: {value}" for label, value in contact if value]
            citizen_label = _("The citizen")
            lines.append(f"{citizen_label}:")
            lines += given or [_("The citizen gave no name or contact details.")]
        else:
            lines.append(
                _(
                    "The citizen did not agree to share their name or contact details with "
                    "you. Your response reaches them through the portal."
                )
            )
    return "\n".join(lines)


def secrets_in(values):
    """What in a message lets its reader act as the citizen or the authority: the access code
    and the tokens of the tracking and response links. The outbox masks them."""
    secrets = [values.get("access_code")]
    for name in ("tracking_link", "respond_link"):
        link = values.get(name)
        if link:
            secrets.append(link.rstrip("/").rsplit("/", 1)[-1])
    return [secret for secret in secrets if secret]


def _queue(case, *, event, channel, recipient, language, values, event_key, audience):
    rendered = render(event, channel, language, values)
    if rendered is None:
        return None
    subject, text = rendered
    return queue_message(
        channel=channel,
        recipient=recipient,
        subject=subject,
        text=text,
        event_key=event_key,
        case=case,
        language=language,
        audience=audience,
        sensitive=secrets_in(values),
    )


def notify_citizen(case, entry, event_name):
    """Queue the citizen's SMS and/or e-mail about a timeline event (with consent only)."""
    event = citizen_event(event_name)
    if not event or not case.consent_to_contact:
        return []
    values = citizen_values(case, entry=entry)
    messages = []
    for channel, recipient in (
        (MessageChannel.SMS, case.complainant_phone),
        (MessageChannel.EMAIL, case.complainant_email),
    ):
        if not recipient:
            continue
        message = _queue(
            case,
            event=event,
            channel=channel,
            recipient=recipient,
            language=case.language,
            values=values,
            event_key=f"entry:{entry.pk}:citizen-{channel}",
            audience=Audience.CITIZEN,
        )
        if message is not None:
            messages.append(message)
    return messages


def notify_authority(case, entry, event_name):
    """Tell the authority of a forwarded or escalated case with its response link: by e-mail,
    or by SMS when the authority has a phone number and no e-mail."""
    event = authority_event(event_name)
    if not event:
        return None
    contact = authority_contact(case, entry=entry)
    if contact is None:
        return None
    channel, recipient, values = contact
    return _queue(
        case,
        event=event,
        channel=channel,
        recipient=recipient,
        language=STAFF_LANGUAGE,
        values=values,
        event_key=f"entry:{entry.pk}:authority-{channel}",
        audience=Audience.AUTHORITY,
    )


def authority_contact(case, *, entry=None, today=None):
    """``(channel, recipient, values)`` for a message to the case's authority with its
    response link: e-mail when the authority has an address, else SMS to its phone number
    with the short link. None when the case has no open link or the authority cannot be
    reached."""
    authority = case.authority if case.authority_id else None
    if authority is None or not case.response_link_nonce:
        return None
    values = authority_values(case, entry=entry, today=today)
    if authority.email:
        return MessageChannel.EMAIL, authority.email, values
    recipient = authority_phone(authority)
    if not recipient:
        return None
    # The signed link would take a third of the SMS: the short form goes instead.
    return MessageChannel.SMS, recipient, {**values, "respond_link": short_response_link(case)}


def authority_phone(authority):
    """The authority's phone number in E.164, or "" (none, or not a number we can text)."""
    if not authority.phone.strip():
        return ""
    number = e164(authority.phone.strip())
    if number is None:
        logger.warning("Authority %s has a phone number that is not valid: no SMS", authority.pk)
        return ""
    return number
