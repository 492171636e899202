from django.db import migrations


def create_templates(apps, schema_editor):
    from notify.default_texts import all_default_texts

    MessageTemplate = apps.get_model("notify", "MessageTemplate")
    for event, channel, language, subject, body in all_default_texts():
        # Never overwrite a text an editor has changed.
        MessageTemplate.objects.get_or_create(
            event=event,
            channel=channel,
            language=language,
            defaults={"subject": subject, "body": body},
        )


class Migration(migrations.Migration):
    dependencies = [("notify", "0001_initial")]

    operations = [migrations.RunPython(create_templates, migrations.RunPython.noop)]
