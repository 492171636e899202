"""Turning a message template and a case's values into the text that goes out."""

import re

from .default_texts import default_text
from .gsm import fit_sms, fits, septet_count, shorten, to_gsm7
from .models import MessageChannel, MessageTemplate
from .placeholders import fill_placeholders

# When an SMS is too long these values are shortened first, in this order; the rest of the
# template (the reference, the link) stays whole.
SHRINKABLE = ("response", "update", "place", "authority")
# The link an SMS is for, kept whole with what follows it (the citizen's how-to-answer line).
KEPT_LINKS = ("tracking_link", "respond_link")
FALLBACK_LANGUAGE = "en"
MULTIPLE_SPACES = re.compile(r" {2,}")


def template_text(event, channel, language):
    """``(subject, body)`` for the event: the edited template in the language, else the
    shipped text in it, else the same in English. None when there is no text at all."""
    for candidate in dict.fromkeys([language, FALLBACK_LANGUAGE]):
        template = MessageTemplate.objects.filter(
            event=event, channel=channel, language=candidate
        ).first()
        if template is not None and template.body.strip():
            return template.subject, template.body
        shipped = default_text(event, channel, candidate)
        if shipped is not None:
            return shipped
    return None


def render_sms(body, values):
    """The SMS text in GSM-7 within two segments, shortening long values first and keeping
    the link (the tracking link, or the authority's response link) and what follows it
    whole."""
    values = {name: "" if value is None else value for name, value in values.items()}
    for name in SHRINKABLE:
        if fits(_filled(body, values)):
            break
        value = to_gsm7(str(values.get(name) or ""))
        if value:
            values[name] = _longest_fitting(body, values, name, value)
    text = _filled(body, values)
    for name in KEPT_LINKS:
        link = to_gsm7(values.get(name) or "")
        head, found, tail = text.rpartition(link) if link else ("", "", "")
        if found:
            return fit_sms(head, keep_suffix=found + tail)
    return fit_sms(text)


def _filled(body, values):
    # An empty value leaves no double space behind ("reason:  Details").
    return MULTIPLE_SPACES.sub(" ", to_gsm7(fill_placeholders(body, values))).strip()


def _longest_fitting(body, values, name, value):
    low, high = 0, septet_count(value)
    while low < high:
        middle = (low + high + 1) // 2
        candidate = {**values, name: shorten(value, middle)}
        if fits(_filled(body, candidate)):
            low = middle
        else:
            high = middle - 1
    return shorten(value, low)


def render_email(subject, body, values):
    subject = " ".join(fill_placeholders(subject, values).split())
    # Empty placeholders (no update text, say) leave no run of blank lines behind.
    text = fill_placeholders(body, values)
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return subject, text.strip() + "\n"


def render(event, channel, language, values):
    """``(subject, text)`` of the message, or None when the event has no text."""
    found = template_text(event, channel, language)
    if found is None:
        return None
    subject, body = found
    if channel == MessageChannel.SMS:
        return "", render_sms(body, values)
    return render_email(subject, body, values)
