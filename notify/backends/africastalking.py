"""Production: Africa's Talking's SMS API (sandbox or live), called with the standard library.

POST https://api.africastalking.com/version1/messaging (api.sandbox.africastalking.com when
the username is "sandbox"), form fields username, to, message and from (the sender id or
short code, when set); headers apiKey and Accept: application/json. The answer lists each
recipient with its statusCode, status and messageId.
"""

import json
import urllib.error
import urllib.parse
import urllib.request

from django.conf import settings

from .base import BaseSMSBackend, SMSOutcomeUnknown, SMSSendError

LIVE_URL = "https://api.africastalking.com/version1/messaging"
SANDBOX_URL = "https://api.sandbox.africastalking.com/version1/messaging"
TIMEOUT_SECONDS = 10

# statusCode per recipient: 100 Processed, 101 Sent, 102 Queued are accepted.
ACCEPTED_CODES = {100, 101, 102}
# Refusals that trying again cannot fix.
PERMANENT_CODES = {
    402,  # InvalidSenderId
    403,  # InvalidPhoneNumber
    404,  # UnsupportedNumberType
    406,  # UserInBlacklist
    409,  # DoNotDisturbRejection
}


class AfricasTalkingSMSBackend(BaseSMSBackend):
    def __init__(self, username=None, api_key=None, sender_id=None, timeout=None, **options):
        super().__init__(**options)
        self.username = username if username is not None else settings.AFRICASTALKING_USERNAME
        self.api_key = api_key if api_key is not None else settings.AFRICASTALKING_API_KEY
        self.sender_id = sender_id if sender_id is not None else settings.AFRICASTALKING_SENDER_ID
        self.timeout = timeout or TIMEOUT_SECONDS

    @property
    def url(self):
        return SANDBOX_URL if self.username == "sandbox" else LIVE_URL

    def build_request(self, recipient, text):
        fields = {"username": self.username, "to": recipient, "message": text}
        if self.sender_id:
            fields["from"] = self.sender_id
        return urllib.request.Request(  # noqa: S310 - a fixed https address
            self.url,
            data=urllib.parse.urlencode(fields).encode(),
            headers={
                "apiKey": self.api_key,
                "Accept": "application/json",
                "Content-Type": "application/x-www-form-urlencoded",
            },
            method="POST",
        )

    def send(self, recipient, text):
        if not self.api_key:
            raise SMSSendError("AFRICASTALKING_API_KEY is not set", permanent=True)
        request = self.build_request(recipient, text)
        try:
            # The request goes out inside urlopen; until it does, any failure means "not sent".
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310
                body = response.read()
        except urllib.error.HTTPError as error:
            # The gateway answered with an error: it did not take the message.
            detail = error.read()[:300].decode(errors="replace")
            raise SMSSendError(f"HTTP {error.code}: {detail}") from error
        except urllib.error.URLError as error:
            # Could not connect (DNS, refused, connect timeout): nothing was sent.
            raise SMSSendError(f"Gateway unreachable: {error.reason}") from error
        except (TimeoutError, OSError) as error:
            # Connected and sent, then no answer: the gateway may have taken the message.
            raise SMSOutcomeUnknown(f"No answer from the gateway: {error}") from error
        return self.parse_response(body)

    @staticmethod
    def parse_response(body):
        try:
            recipient = json.loads(body)["SMSMessageData"]["Recipients"][0]
        except (ValueError, KeyError, IndexError, TypeError) as error:
            # A 2xx answer we cannot read: the message may well have been taken.
            raise SMSOutcomeUnknown(f"Unreadable gateway answer: {body[:300]!r}") from error
        try:
            code = int(recipient.get("statusCode"))
        except (TypeError, ValueError):
            code = None
        status = recipient.get("status", "")
        message_id = recipient.get("messageId", "")
        if (code in ACCEPTED_CODES or status == "Success") and message_id not in ("", "None"):
            return message_id
        raise SMSSendError(
            f"Refused by the gateway: {status or 'no status'} ({code})",
            permanent=code in PERMANENT_CODES,
        )
