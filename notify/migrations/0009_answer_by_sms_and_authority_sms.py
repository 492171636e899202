"""The responded SMS ends with how to answer by SMS ("Reply 1 if this solved your problem, 2
if not."), and authorities without an e-mail get forwarded and escalated cases by SMS (new
placeholders {sector} and {place}). Only templates still holding the text shipped before are
changed; edited ones are left alone. The authority SMS templates are added where missing."""

from django.db import migrations, models

# language: (old body, new body) of the "case_responded" SMS
RESPONDED = {
    "en": (
        'Huduma Portal: {authority} answered case {reference}: "{response}" Did this solve your problem? Tell us here: {tracking_link}',
        'Huduma Portal: {authority} answered case {reference}: "{response}" {tracking_link} Reply 1 if this solved your problem, 2 if not.',
    ),
    "sw": (
        'Huduma Portal: {authority} wamejibu kesi {reference}: "{response}" Je, tatizo lako limetatuliwa? Tuambie hapa: {tracking_link}',
        'Huduma Portal: {authority} wamejibu kesi {reference}: "{response}" {tracking_link} Tuma 1 kama tatizo lako limetatuliwa, 2 kama sivyo.',
    ),
}

# (event, language): body of the authority's SMS
AUTHORITY_SMS = {
    ("authority_new_case", "en"): "Huduma Portal: new case {reference} for {authority}. {sector}. Where: {place}. Please respond by {due_date} here: {respond_link}",
    ("authority_new_case", "sw"): "Huduma Portal: kesi mpya {reference} kwa {authority}. {sector}. Mahali: {place}. Tafadhali jibuni kufikia {due_date} hapa: {respond_link}",
    ("authority_escalated_case", "en"): "Huduma Portal: case {reference} escalated to {authority}. {sector}. Where: {place}. Please respond by {due_date} here: {respond_link}",
    ("authority_escalated_case", "sw"): "Huduma Portal: kesi {reference} imepandishwa kwa {authority}. {sector}. Mahali: {place}. Tafadhali jibuni kufikia {due_date} hapa: {respond_link}",
}


def _responded(apps, direction):
    MessageTemplate = apps.get_model("notify", "MessageTemplate")
    for language, bodies in RESPONDED.items():
        old, new = bodies[::direction]
        MessageTemplate.objects.filter(
            event="case_responded", channel="sms", language=language, body=old
        ).update(body=new)


def forwards(apps, schema_editor):
    _responded(apps, 1)
    MessageTemplate = apps.get_model("notify", "MessageTemplate")
    for (event, language), body in AUTHORITY_SMS.items():
        MessageTemplate.objects.get_or_create(
            event=event, channel="sms", language=language, defaults={"subject": "", "body": body}
        )


def backwards(apps, schema_editor):
    _responded(apps, -1)
    MessageTemplate = apps.get_model("notify", "MessageTemplate")
    for (event, language), body in AUTHORITY_SMS.items():
        MessageTemplate.objects.filter(
            event=event, channel="sms", language=language, body=body
        ).delete()


class Migration(migrations.Migration):
    dependencies = [("notify", "0008_placeholder_help")]

    operations = [
        migrations.AlterField(
            model_name="messagetemplate",
            name="body",
            field=models.TextField(
                help_text="Placeholders: {reference}, {status}, {authority}, {sector}, {place}, {response}, {tracking_link}, {access_code}, {outcome}, {due_date}, {tracking_access}, {update}, {respond_link}, {summary}, {admin_link}, {days_overdue}. Not every message knows all of them; an unknown one stays as typed.",
                verbose_name="text",
            ),
        ),
        migrations.RunPython(forwards, backwards),
    ]
