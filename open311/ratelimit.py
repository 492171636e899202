"""How many requests a partner may post in a while: per API key (one partner's integration
running away) and per network address (many keys from one machine). Counted in the shared
cache with the portal's rate limiter."""

from django.conf import settings

from portal.ratelimit import Limit, client_address

from .errors import TooManyRequests


def address_limit(request):
    window = getattr(settings, "OPEN311_POST_RATE_WINDOW", 60 * 60)
    return Limit(
        "open311-post-address",
        client_address(request),
        limit=getattr(settings, "OPEN311_POST_RATE_LIMIT_PER_ADDRESS", 120),
        window=window,
    )


def key_limit(api_key):
    return Limit(
        "open311-post-key",
        api_key.pk,
        limit=getattr(settings, "OPEN311_POST_RATE_LIMIT_PER_KEY", 60),
        window=getattr(settings, "OPEN311_POST_RATE_WINDOW", 60 * 60),
    )


def refuse(limit, subject):
    return TooManyRequests(
        f"Too many service requests from this {subject}: at most {limit.limit} in "
        f"{limit.retry_after_minutes} minutes. Try again later.",
        retry_after=limit.window,
    )


def check_address(request):
    """Before the key is even read: an address over its limit is refused at once."""
    limit = address_limit(request)
    if limit.exceeded():
        raise refuse(limit, "network address")
    return limit


def count_post(address, api_key):
    """Count one POST against the address and the key; refused ones are not counted, so a
    refused partner is free again one window after it reached the limit."""
    key = key_limit(api_key)
    if key.exceeded():
        raise refuse(key, "api_key")
    address_ok, key_ok = address.hit(), key.hit()
    if not address_ok:
        raise refuse(address, "network address")
    if not key_ok:
        raise refuse(key, "api_key")
