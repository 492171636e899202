"""Timeline entries keep people's words as text and the rest as values.

Before this migration the portal wrote some sentences into an entry's text, translated at
write time ("Received through Web.", "Limetumwa kwa …"); they are now rendered when read, in
the reader's language, from the entry's action and values. This removes those generated
sentences (in English or Kiswahili) from the text, moving what they carried into the values.
The literal texts are the ones the portal wrote; they are spelled out here, not imported, so
that the migration keeps meaning what it meant.
"""

import re

from django.db import migrations

CHANNELS = {
    "web": ("Web", "Tovuti"),
    "sms": ("SMS", "SMS"),
    "ussd": ("USSD", "USSD"),
    "phone": ("Phone call", "Simu"),
    "walk_in": ("Walk-in", "Kufika ofisini"),
    "email": ("E-mail", "Barua pepe"),
    "open311": ("Open311", "Open311"),
}
OUTCOMES = {
    "resolved": ("Resolved", "Limetatuliwa"),
    "partly_resolved": ("Partly resolved", "Limetatuliwa kwa sehemu"),
    "not_resolved": ("Not resolved", "Halijatatuliwa"),
    "no_response": ("No response from the authority", "Hakuna jibu kutoka kwa mamlaka"),
}
RECALLED = {
    "Recalled from the authority for another triage.",
    "Limerudishwa kutoka kwa mamlaka ili lichambuliwe upya.",
}
NOT_SOLVED = {
    "The citizen says the response did not solve the problem.",
    "Mwananchi anasema jibu halikutatua tatizo.",
}
UNASSIGNED = {"Unassigned.", "Halijakabidhiwa mtu yeyote."}
ASSIGNED = re.compile(r"^(?:Assigned to (?P<en>.*)\.|Limekabidhiwa (?P<sw>.*)\.)$", re.S)
FILE_ADDED = re.compile(r"^(?:File added|Faili limeongezwa): (?P<name>.*)$", re.S)
WITHDRAWN = re.compile(r"^(?:Withdrawn|Limeondolewa): (?P<who>.*)$", re.S)
TRACKING_PAGE = {"The citizen, on the tracking page", "Mwananchi, kwenye ukurasa wa kufuatilia"}


def forwarded_texts(authority):
    return {f"Forwarded to {authority}.", f"Limetumwa kwa {authority}."}


def moved(entry):
    """The entry's new (text, data), or None when nothing changes."""
    text, data, action = entry.text, dict(entry.data or {}), entry.action
    if not text:
        return None
    if action == "cases.create":
        return "", data  # always generated: "Received through …"
    if action == "cases.forward" and text in forwarded_texts(data.get("authority") or ""):
        return "", data
    if action in ("cases.close", "cases.close_unanswered", "cases.dismiss"):
        labels = OUTCOMES.get(data.get("outcome"), ())
        return ("", data) if text in labels else None
    if action == "cases.recall" and text in RECALLED:
        return "", data
    if action == "cases.request_escalation" and text in NOT_SOLVED:
        return "", data
    if action == "cases.withdraw":
        match = WITHDRAWN.match(text)
        if match:
            who = match["who"]
            data["requested_by"] = "" if who in TRACKING_PAGE else who
            return "", data
        return None
    if action == "cases.assign":
        if text in UNASSIGNED:
            return "", data
        match = ASSIGNED.match(text)
        if match:
            data["name"] = match["en"] if match["en"] is not None else match["sw"]
            return "", data
        return None
    if action == "cases.attach":
        match = FILE_ADDED.match(text)
        if match:
            data["name"] = match["name"]
            return "", data
    return None


def forwards(apps, schema_editor):
    CaseLogEntry = apps.get_model("cases", "CaseLogEntry")
    generated = [
        "cases.create",
        "cases.forward",
        "cases.close",
        "cases.close_unanswered",
        "cases.dismiss",
        "cases.recall",
        "cases.request_escalation",
        "cases.withdraw",
        "cases.assign",
        "cases.attach",
    ]
    entries = CaseLogEntry.objects.filter(action__in=generated).exclude(text="")
    changed = []
    for entry in entries.only("pk", "action", "text", "data").iterator(chunk_size=5000):
        result = moved(entry)
        if result is None:
            continue
        entry.text, entry.data = result
        changed.append(entry)
        if len(changed) >= 5000:
            CaseLogEntry.objects.bulk_update(changed, ["text", "data"])
            changed = []
    CaseLogEntry.objects.bulk_update(changed, ["text", "data"])


class Migration(migrations.Migration):
    dependencies = [("cases", "0008_alter_responsetemplate_transition")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
