"""Which question a voice callback answers: the step number in the ``callbackUrl`` of each
``GetDigits``.

The gateway's requests carry no step number, and a replayed key press is byte for byte the
same request as the same key pressed again at the next menu ("1" for English, then "1" to
report). So every ``GetDigits`` names its own callback URL, with the index of the step that
asked; the answer arrives there, and an answer to a question already answered is a replay.

The URL carries a token made from the callback secret and the call's ``sessionId`` rather
than the secret itself: the replies are stored on the call and shown in the admin, and a
token opens only that one call's steps. A gateway that ignores ``callbackUrl`` posts to the
number's callback URL as before, without a step.
"""

import hashlib
import hmac

from django.conf import settings
from django.urls import reverse


def step_token(session_id):
    """The token of one call's step URLs; "" while no callback secret is configured."""
    secret = settings.AFRICASTALKING_CALLBACK_SECRET or ""
    if not secret:
        return ""
    message = f"voice-step|{session_id}".encode()
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()[:32]


def token_matches(token, session_id):
    expected = step_token(session_id)
    return bool(expected) and hmac.compare_digest(token.encode(), expected.encode())


def step_url(session_id, step):
    """The absolute URL where the answer to step ``step`` of the call is to be posted."""
    location = reverse(
        "africastalking_voice_step", kwargs={"token": step_token(session_id), "step": step}
    )
    return f"{settings.BASE_URL}{location}"
