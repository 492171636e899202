"""Voice cases: the channel, and the mark that a recording still waits for its transcription."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0014_export_permission_for_supervisors"),
    ]

    operations = [
        migrations.AddField(
            model_name="case",
            name="needs_transcription",
            field=models.BooleanField(
                db_index=True, default=False, verbose_name="needs transcription"
            ),
        ),
        migrations.AlterField(
            model_name="case",
            name="channel",
            field=models.CharField(
                choices=[
                    ("web", "Web"),
                    ("sms", "SMS"),
                    ("ussd", "USSD"),
                    ("phone", "Phone call"),
                    ("walk_in", "Walk-in"),
                    ("email", "E-mail"),
                    ("open311", "Open311"),
                    ("voice", "Voice call"),
                ],
                max_length=10,
                verbose_name="channel",
            ),
        ),
    ]
