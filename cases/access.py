"""The citizen's access code: 8 characters from an alphabet without look-alikes (no 0/O,
1/I/L), kept only as a keyed hash."""

import hashlib
import hmac
import secrets

from django.conf import settings

ACCESS_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
ACCESS_CODE_LENGTH = 8


def new_access_code():
    return "".join(secrets.choice(ACCESS_CODE_ALPHABET) for _ in range(ACCESS_CODE_LENGTH))


def normalise_access_code(code):
    return "".join((code or "").split()).replace("-", "").upper()


def hash_access_code(code):
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, normalise_access_code(code).encode(), hashlib.sha256).hexdigest()


def access_code_matches(case, code):
    if not case.access_code_hash or not code:
        return False
    return hmac.compare_digest(case.access_code_hash, hash_access_code(code))
