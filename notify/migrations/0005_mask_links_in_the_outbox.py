"""The outbox no longer keeps live links: tracking and response tokens in messages already
written are cut to their last four characters, as new messages are (``OutboundMessage.mask``).
Messages not yet sent (queued, failed, or left in "sending", which may be sent again) keep
their text and get the tokens in ``sensitive``, so staff see them masked."""

import re

from django.db import migrations

RESPONSE_LINK = re.compile(r"/respond/([^/\s]+)/")


def mask(secret):
    return f"…{secret[-4:]}" if len(secret) > 12 else "*" * len(secret)


def forwards(apps, schema_editor):
    OutboundMessage = apps.get_model("notify", "OutboundMessage")
    messages = OutboundMessage.objects.select_related("case").filter(
        text__regex=r"/(track|respond)/"
    )
    for message in messages.iterator(chunk_size=2000):
        tokens = RESPONSE_LINK.findall(message.text)
        if message.case_id and message.case.tracking_token:
            tokens.append(message.case.tracking_token)
        tokens = [token for token in tokens if token in message.text and len(token) > 12]
        if not tokens:
            continue
        if message.status in ("queued", "sending", "failed"):
            message.sensitive = sorted(set(message.sensitive or []) | set(tokens))
            message.save(update_fields=["sensitive"])
            continue
        for token in tokens:
            message.text = message.text.replace(token, mask(token))
        message.save(update_fields=["text"])


class Migration(migrations.Migration):
    dependencies = [("notify", "0004_alter_messagetemplate_event")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
