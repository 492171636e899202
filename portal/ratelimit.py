"""Small counters in the shared cache (Redis in production) that limit how often something
may happen, for every app: reports, wrong access codes, Open311 submissions, dashboard
downloads, staff sign-ins.

Django has no rate limiter of its own. A counter is created with ``cache.add`` (atomic: only
the first caller creates it, with the window as its lifetime) and grown with ``cache.incr``
(atomic in Redis), so parallel requests cannot both slip under a limit.
"""

import hashlib
import ipaddress

from django.conf import settings
from django.core.cache import cache

KEY_PREFIX = "intake:ratelimit"  # kept from when intake alone used it: live counters stay valid


def client_ip(request):
    """The client's IP address, or None when there is no valid one.

    ``REMOTE_ADDR`` unless ``RATELIMIT_PROXY_COUNT`` says how many proxies of our own sit in
    front of Django: then the address those proxies saw, counted from the right of
    X-Forwarded-For (anything further left was written by the client and proves nothing).
    """
    address = request.META.get("REMOTE_ADDR", "")
    proxies = getattr(settings, "RATELIMIT_PROXY_COUNT", 0)
    if proxies:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if forwarded:
            address = forwarded[-min(proxies, len(forwarded))]
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return None


def client_address(request):
    """The address to count a request against: ``client_ip``, with IPv6 clients counted per
    /64, the block one phone or household usually gets."""
    address = client_ip(request)
    if address is None:
        return request.META.get("REMOTE_ADDR", "") or "unknown"
    parsed = ipaddress.ip_address(address)
    if parsed.version == 6:
        if parsed.ipv4_mapped is not None:
            return str(parsed.ipv4_mapped)
        return str(ipaddress.ip_network(f"{parsed}/64", strict=False))
    return str(parsed)


class Limit:
    """At most ``limit`` events per ``window`` seconds for one subject (an address, a reference).

    Once the limit is reached the counter's lifetime is renewed, so the subject stays blocked
    for a full window after its last counted event.
    """

    def __init__(self, name, subject, *, limit, window):
        digest = hashlib.sha256(str(subject).encode()).hexdigest()[:32]
        self.key = f"{KEY_PREFIX}:{name}:{digest}"
        self.limit = limit
        self.window = window

    def count(self):
        return cache.get(self.key, 0)

    def exceeded(self):
        return self.count() >= self.limit

    def hit(self):
        """Count one event; True while the subject is still within its limit."""
        cache.add(self.key, 0, self.window)
        try:
            count = cache.incr(self.key)
        except ValueError:
            # The counter expired between add and incr: this event starts a new window.
            cache.set(self.key, 1, self.window)
            count = 1
        if count >= self.limit:
            cache.touch(self.key, self.window)
        return count <= self.limit

    def allow(self):
        """Count one event unless the limit is already reached; True when it may happen.
        Refused attempts are not counted, so a refused client is free again one window
        after the limit was reached, however often it retries meanwhile."""
        return not self.exceeded() and self.hit()

    @property
    def retry_after_minutes(self):
        return max(1, -(-self.window // 60))

    def reset(self):
        cache.delete(self.key)
