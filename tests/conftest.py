import pytest
from django.conf import settings
from django.core.cache import cache
from django.utils import translation

from notify.backends import locmem


@pytest.fixture(autouse=True)
def empty_caches_and_sms_outbox():
    """Every test starts with an empty cache, an empty in-memory SMS outbox and a gateway
    that works."""
    # Rate limits and page caches live in the cache: no test sees another's counters.
    cache.clear()
    # LocaleMiddleware leaves the last request's language active in the thread: start every
    # test in the default language.
    translation.activate(settings.LANGUAGE_CODE)
    locmem.reset()
    yield
    locmem.reset()
    translation.deactivate()
