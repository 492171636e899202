"""Caching the public figures and case pages in the shared cache, and forgetting them at once
when a case changes.

Every key contains a "generation" number. A committed case event (``case_event_committed``,
publish and unpublish included) increments it, so every older entry stops being read at once:
no key scanning, and Redis evicts the orphans in time. Keys also carry the language (labels
and numbers are rendered in it) and the local date (the default period and "overdue now"
depend on it). Fragments and downloads are cached here for every visitor; whole pages, for
anonymous visitors only, by the page cache (``portal.page_cache``), under the same generation.

The generation is read before the figures are counted: an entry computed from data older
than a commit is filed under the generation the commit made obsolete.
"""

import hashlib
import logging
import time

from django.core.cache import cache
from django.dispatch import receiver
from django.utils import timezone, translation

from cases.events import case_event_committed
from portal import page_cache

logger = logging.getLogger(__name__)

GENERATION_KEY = "accountability:generation"
# A bound on staleness for anything not announced by a case event (a seeding command, a fixed
# clock); the generation handles everything the case actions do.
TIMEOUT = 10 * 60


def _fresh_generation():
    # Never 1 again after an eviction: old entries under a reused number would come back.
    return time.time_ns()


def current_generation():
    """The generation number, or None when the cache cannot be reached (then nothing is
    cached)."""
    try:
        value = cache.get(GENERATION_KEY)
        if value is None:
            cache.add(GENERATION_KEY, _fresh_generation(), timeout=None)
            value = cache.get(GENERATION_KEY)
    except Exception:  # the cache is down: serve uncached rather than fail
        logger.warning("Accountability cache unavailable: serving uncached.", exc_info=True)
        return None
    return value


def bump_generation():
    """Forget the cached figures, fragments and whole pages (one generation for all: the
    page cache's "accountability" group is filed under this key too). A failure is logged
    by the page cache and never breaks the case action that has already committed; entries
    expire after TIMEOUT anyway."""
    page_cache.purge("accountability")


@receiver(case_event_committed, dispatch_uid="accountability.bump_generation")
def case_changed(sender, **kwargs):
    bump_generation()


def cache_key(kind, identity, generation):
    language = translation.get_language() or "en"
    digest = hashlib.sha256(f"{timezone.localdate()}|{identity}".encode()).hexdigest()[:40]
    return f"accountability:{kind}:{generation}:{language}:{digest}"


def cached(kind, identity, build):
    """``build()``'s result, from the cache when it is there. ``identity`` is everything the
    result depends on besides the data, the language and the date (a normalised filter)."""
    generation = current_generation()
    if generation is None:
        return build()
    key = cache_key(kind, identity, generation)
    try:
        found = cache.get(key)
    except Exception:
        logger.warning("Accountability cache unavailable: serving uncached.", exc_info=True)
        found = None
    if found is not None:
        return found
    value = build()
    try:
        cache.set(key, value, TIMEOUT)
    except Exception:
        logger.warning("Could not store in the accountability cache.", exc_info=True)
    return value


def _dashboard_page(path):
    # The dashboard and published cases; the downloads are cached (and rate limited) above.
    return path.startswith("/accountability/") and not path.startswith("/accountability/figures.")


# An unpublished case must disappear at once: front proxies revalidate every time.
page_cache.register_group(
    "accountability",
    matches=_dashboard_page,
    timeout=lambda path: TIMEOUT,
    generation_key=GENERATION_KEY,
    proxy_seconds=0,
)
