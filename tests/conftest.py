import pytest
from django.core.cache import cache

from notify.backends import locmem


@pytest.fixture(autouse=True)
def empty_caches_and_sms_outbox():
    """Every test starts with an empty cache, an empty in-memory SMS outbox and a gateway
    that works."""
    # Rate limits and page caches live in the cache: no test sees another's counters.
    cache.clear()
    locmem.reset()
    yield
    locmem.reset()
