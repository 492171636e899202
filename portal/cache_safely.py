"""The shared cache for what is only an optimisation: when the cache is down, a read finds
nothing and a write is dropped, so the page is computed afresh instead of failing."""

import logging

from django.core.cache import cache as _cache

logger = logging.getLogger(__name__)


class _Safely:
    def get(self, key, default=None):
        try:
            return _cache.get(key, default)
        except Exception:
            logger.warning("Cache read failed.", exc_info=True)
            return default

    def set(self, key, value, timeout=None):
        try:
            _cache.set(key, value, timeout=timeout)
        except Exception:
            logger.warning("Cache write failed.", exc_info=True)

    def delete(self, key):
        try:
            _cache.delete(key)
        except Exception:
            logger.warning("Cache delete failed.", exc_info=True)


cache = _Safely()
