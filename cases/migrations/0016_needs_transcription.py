"""Voice cases: the mark that a recording still waits for its transcription."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0015_voice_channel"),
    ]

    operations = [
        migrations.AddField(
            model_name="case",
            name="needs_transcription",
            field=models.BooleanField(
                db_index=True, default=False, verbose_name="needs transcription"
            ),
        ),
    ]
