"""Authorities with a phone number and no e-mail are reminded of late answers by SMS: the
"authority_reminder" SMS templates are added where missing (an installation that already made
its own is left alone)."""

from django.db import migrations

# language: body of the authority's reminder SMS
REMINDER_SMS = {
    "en": "Huduma Portal: reminder. Case {reference} for {authority} was due on {due_date} ({days_overdue} days ago). {sector}. Where: {place}. Please respond here: {respond_link}",
    "sw": "Huduma Portal: ukumbusho. Jibu la kesi {reference} kwa {authority} lilitakiwa {due_date} (siku {days_overdue} zilizopita). {sector}. Mahali: {place}. Tafadhali jibuni hapa: {respond_link}",
}


def forwards(apps, schema_editor):
    MessageTemplate = apps.get_model("notify", "MessageTemplate")
    for language, body in REMINDER_SMS.items():
        MessageTemplate.objects.get_or_create(
            event="authority_reminder",
            channel="sms",
            language=language,
            defaults={"subject": "", "body": body},
        )


def backwards(apps, schema_editor):
    # Only the texts as shipped: an edited template is somebody's work.
    MessageTemplate = apps.get_model("notify", "MessageTemplate")
    for language, body in REMINDER_SMS.items():
        MessageTemplate.objects.filter(
            event="authority_reminder", channel="sms", language=language, body=body
        ).delete()


class Migration(migrations.Migration):
    dependencies = [("notify", "0009_answer_by_sms_and_authority_sms")]

    operations = [migrations.RunPython(forwards, backwards)]
