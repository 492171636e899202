"""Building the XML replies of the Africa's Talking voice callback.

Replies are built with ``xml.etree`` so that nothing a caller or an editor typed can change
the document's structure, and only the gateway's documented actions and attributes can be
written (``ALLOWED``): anything else raises at once rather than reaching a live call.
"""

import re
import xml.etree.ElementTree as ET

XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>'
CONTENT_TYPE = "application/xml; charset=utf-8"

# Action -> the attributes it may carry. Say and Play are also allowed inside GetDigits and
# Record (the prompt they play while waiting).
ALLOWED = {
    "Say": {"voice", "playBeep"},
    "Play": {"url"},
    "GetDigits": {"numDigits", "timeout", "finishOnKey", "callbackUrl"},
    "Record": {"finishOnKey", "maxLength", "trimSilence", "playBeep", "callbackUrl"},
    "Reject": set(),
}
NESTED = {"Say", "Play"}
# What XML 1.0 does not allow in text (https://www.w3.org/TR/xml/#charsets).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
CONTAINERS = {"GetDigits", "Record"}


class Reply:
    """One ``<Response>``: add actions in the order the gateway runs them."""

    def __init__(self):
        self.root = ET.Element("Response")

    def _add(self, parent, action, **attributes):
        if action not in ALLOWED or not set(attributes) <= ALLOWED[action]:
            raise ValueError(f"Not a documented voice action: {action} {sorted(attributes)}")
        if parent is not self.root and action not in NESTED:
            raise ValueError(f"{action} cannot be inside {parent.tag}")
        return ET.SubElement(
            parent, action, {name: str(value) for name, value in attributes.items()}
        )

    def play(self, url, *, parent=None):
        self._add(self.root if parent is None else parent, "Play", url=url)
        return self

    def say(self, text, *, parent=None):
        # ElementTree writes any character, and XML 1.0 forbids most control characters: one
        # pasted into a case note would make the whole reply unreadable to the gateway.
        text = _NOT_XML.sub(" ", text)
        self._add(self.root if parent is None else parent, "Say").text = text
        return self

    def get_digits(self, *, num_digits=None, timeout=10, finish_on_key=None, callback_url=None):
        """A GetDigits element; fill it with ``play``/``say`` through ``parent=``."""
        attributes = {"timeout": timeout}
        if num_digits is not None:
            attributes["numDigits"] = num_digits
        if finish_on_key is not None:
            attributes["finishOnKey"] = finish_on_key
        if callback_url is not None:
            attributes["callbackUrl"] = callback_url
        return self._add(self.root, "GetDigits", **attributes)

    def record(
        self, *, max_length, finish_on_key="#", trim_silence=True, play_beep=True, callback_url=None
    ):
        attributes = {
            "finishOnKey": finish_on_key,
            "maxLength": max_length,
            "trimSilence": str(trim_silence).lower(),
            "playBeep": str(play_beep).lower(),
        }
        if callback_url is not None:
            attributes["callbackUrl"] = callback_url
        return self._add(self.root, "Record", **attributes)

    def reject(self):
        self._add(self.root, "Reject")
        return self

    def to_xml(self):
        body = ET.tostring(self.root, encoding="unicode", short_empty_elements=False)
        return f"{XML_DECLARATION}{body}"


def empty_reply():
    return Reply().to_xml()
