"""Issuing, checking and revoking partner API keys. The key is shown once, when issued."""

import hashlib
import secrets
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from .models import ApiKey

PREFIX_LENGTH = 8
# Writing "last used" on every call would make each read a write; once a minute is enough.
LAST_USED_RESOLUTION = timedelta(minutes=1)


def hash_key(raw_key):
    return hashlib.sha256(raw_key.encode("utf-8")).hexdigest()


def _new_raw_key():
    # A key starting with "-" would read as an option on the command line.
    while True:
        raw_key = secrets.token_urlsafe(32)
        if raw_key[0].isalnum():
            return raw_key


def issue_key(organisation):
    """Create a key for the organisation. Returns ``(api_key, raw_key)``; only the hash of
    ``raw_key`` is stored, so it can never be shown again."""
    organisation = (organisation or "").strip()
    if not organisation:
        raise ValueError("An API key needs the partner organisation's name.")
    for _attempt in range(5):
        raw_key = _new_raw_key()
        api_key = ApiKey(
            organisation=organisation,
            prefix=raw_key[:PREFIX_LENGTH],
            key_hash=hash_key(raw_key),
        )
        api_key.validate_constraints()
        try:
            with transaction.atomic():
                api_key.save()
        except IntegrityError:
            # Two keys with the same 8-character prefix: vanishingly rare, draw again.
            if ApiKey.objects.active().filter(organisation=organisation).exists():
                raise
            continue
        return api_key, raw_key
    raise RuntimeError("Could not draw a unique API key prefix.")


def authenticate(raw_key):
    """The active key matching ``raw_key``, or None. Notes when the key was last used."""
    if not raw_key:
        return None
    api_key = ApiKey.objects.active().filter(key_hash=hash_key(raw_key)).first()
    if api_key is None:
        return None
    now = timezone.now()
    if api_key.last_used_at is None or now - api_key.last_used_at > LAST_USED_RESOLUTION:
        ApiKey.objects.filter(pk=api_key.pk).update(last_used_at=now)
        api_key.last_used_at = now
    return api_key


def revoke_key(api_key):
    """Stop the key working at once. Revoking twice changes nothing."""
    if api_key.revoked_at is None:
        ApiKey.objects.filter(pk=api_key.pk, revoked_at__isnull=True).update(
            revoked_at=timezone.now()
        )
        api_key.refresh_from_db(fields=["revoked_at"])
    return api_key
