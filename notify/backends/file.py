"""Staging and tests across processes: each SMS is written as one JSON file in a directory.

Like Django's file-based e-mail backend, for a stack whose worker and web processes are
separate (a staging server, the production smoke test): a test or a person reads what would
have been sent from ``SMS_FILE_PATH`` (``DJANGO_SMS_FILE_PATH``). A file is written under a
temporary name and renamed, so a reader never sees half a message.
"""

import json
import os
import uuid
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone

from .base import BaseSMSBackend


class FileSMSBackend(BaseSMSBackend):
    def __init__(self, file_path=None, **options):
        super().__init__(**options)
        path = file_path or getattr(settings, "SMS_FILE_PATH", "")
        if not path:
            raise ImproperlyConfigured("Set DJANGO_SMS_FILE_PATH for the file SMS backend.")
        self.directory = Path(path)

    def send(self, recipient, text):
        self.directory.mkdir(parents=True, exist_ok=True)
        gateway_id = f"file-{uuid.uuid4().hex}"
        record = {
            "recipient": recipient,
            "text": text,
            "gateway_id": gateway_id,
            "sent_at": timezone.now().isoformat(),
        }
        stamp = timezone.now().strftime("%Y%m%d-%H%M%S-%f")
        target = self.directory / f"{stamp}-{gateway_id}.json"
        partial = target.with_suffix(".part")
        partial.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
        os.replace(partial, target)
        return gateway_id


def read_sent(directory):
    """Every SMS written to ``directory``, oldest first, as dictionaries."""
    directory = Path(directory)
    if not directory.is_dir():
        return []
    return [
        json.loads(path.read_text(encoding="utf-8")) for path in sorted(directory.glob("*.json"))
    ]
