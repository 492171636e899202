"""Development: SMS are printed, not sent."""

import sys
import threading
import uuid

from .base import BaseSMSBackend


class ConsoleSMSBackend(BaseSMSBackend):
    _lock = threading.Lock()

    def __init__(self, stream=None, **options):
        super().__init__(**options)
        self.stream = stream or sys.stdout

    def send(self, recipient, text):
        gateway_id = f"console-{uuid.uuid4().hex}"
        with self._lock:
            self.stream.write(f"SMS to {recipient} ({gateway_id}):\n{text}\n{'-' * 60}\n")
            self.stream.flush()
        return gateway_id
