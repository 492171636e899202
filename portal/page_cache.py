"""The page cache: anonymous GET and HEAD responses of public pages, served from the shared
cache (Redis in production) through a short in-process tier.

Why this and not a library: wagtail-cache, the kept page cache for Wagtail, declares
``wagtail<8``; Django's own site cache middleware (measured here at 0.25× a bare "hello
world" on Redis) reads two keys per request, hashes the request headers into its key and
runs behind the whole middleware stack. This middleware is built on Django's cache framework
(``caches``, ``patch_cache_control``, ``patch_vary_headers``) and sits first in the stack: a
hit costs a dictionary lookup, and the stored response already carries every header the
other middleware added (security, CSP).

What is cached: a 200 response to an anonymous GET (no session cookie, no Authorization
header) of a path a *group* claims, that sets no cookie, does not vary on cookies, used no
CSRF token and is not marked private. The groups: ``pages`` (Wagtail pages, search, feeds,
the sitemap, the developers' page) and the groups other apps register (``accountability``
registers the dashboard and published cases). Never: the admin, the report form, tracking,
the authority's link, evidence, the APIs and gateway callbacks.

Forgetting: each group has a generation number in the shared cache, part of every key. A
purge (a page published, unpublished, moved or deleted; a view restriction or a site
changed; a case changed) increments it, so every process stops reading the old entries; a
process re-reads the number at most once a ``GENERATION_RECHECK`` seconds, so a purge on one
web process is seen on all within that time.
"""

import logging
import time
from collections import OrderedDict
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.utils.cache import patch_cache_control

logger = logging.getLogger(__name__)

KEY_PREFIX = "pagecache"
GENERATION_RECHECK = 1.0  # seconds a process trusts the generation it read
LOCAL_SECONDS = 5  # the in-process tier: a burst of requests for one page costs no I/O
LOCAL_ENTRIES = 500
MAX_QUERY_LENGTH = 300  # longer query strings are not worth an entry of their own
CACHEABLE_TYPES = (
    "text/html",
    "application/xml",
    "text/xml",
    "application/rss+xml",
    "application/atom+xml",
    "text/plain",
)
# Never cached, whatever group claims them (with or without the /sw/ prefix).
PRIVATE_PREFIXES = (
    "/admin/",
    "/report/",
    "/track/",
    "/respond/",
    "/evidence/",
    "/channels/",
    "/open311/v2/",
    "/documents/",
    "/static/",
    "/media/",
)


def _settings(name, default):
    return getattr(settings, name, default)


@dataclass(frozen=True)
class Group:
    name: str
    matches: object  # path (without the language prefix) -> bool
    timeout: object  # path -> seconds in the shared cache
    generation_key: str
    proxy_seconds: object  # what a front proxy may keep it for; 0: revalidate every time


_groups = []


def register_group(name, *, matches, timeout=None, generation_key=None, proxy_seconds=None):
    """Let the page cache keep the pages ``matches(path)`` accepts, forgotten by
    ``purge(name)``."""
    default = _settings("PAGE_CACHE_SECONDS", 600)
    group = Group(
        name=name,
        matches=matches,
        timeout=timeout or (lambda path: default),
        generation_key=generation_key or f"{KEY_PREFIX}:generation:{name}",
        proxy_seconds=proxy_seconds,
    )
    _groups[:] = [existing for existing in _groups if existing.name != name] + [group]
    return group


def _language_free(path):
    for code, _name in settings.LANGUAGES:
        prefix = f"/{code}/"
        if code != settings.LANGUAGE_CODE and path.startswith(prefix):
            return path[len(prefix) - 1 :]
    return path


def group_named(name):
    return next((group for group in _groups if group.name == name), None)


def generation_or_none(name):
    """The group's generation for keys of other caches that content changes renew; None
    when the cache cannot be read."""
    try:
        return generation(group_named(name))
    except Exception:
        logger.warning("Page cache generation unavailable.", exc_info=True)
        return None


def group_for(path):
    path = _language_free(path)
    if path.startswith(PRIVATE_PREFIXES):
        return None
    # Registered groups first; "pages" (registered last, below) takes the rest.
    for group in sorted(_groups, key=lambda g: g.name == "pages"):
        if group.matches(path):
            return group
    return None


# --- Generations ----------------------------------------------------------------------------

_known_generations = {}  # key -> (read at, value)


def cache():
    return caches[_settings("PAGE_CACHE_ALIAS", "default")]


def _fresh_generation():
    # Never reused after an eviction: entries filed under an old number stay dead.
    return time.time_ns()


def generation(group):
    now = time.monotonic()
    known = _known_generations.get(group.generation_key)
    if known and now - known[0] < GENERATION_RECHECK:
        return known[1]
    value = cache().get(group.generation_key)
    if value is None:
        cache().add(group.generation_key, _fresh_generation(), timeout=None)
        value = cache().get(group.generation_key)
    _known_generations[group.generation_key] = (now, value)
    return value


def forget_process_state():
    """Drop this process's copies (generations, the short tier): after the shared cache is
    emptied behind its back, e.g. between tests, so what is read next does not depend on
    whether a second has passed."""
    _known_generations.clear()
    _local.clear()


def purge(name):
    """Forget every cached page of the group ``name``, on every process."""
    for group in _groups:
        if group.name != name:
            continue
        try:
            try:
                cache().incr(group.generation_key)
            except ValueError:
                cache().set(group.generation_key, _fresh_generation(), timeout=None)
        except Exception:
            logger.warning("Page cache purge of %s failed.", name, exc_info=True)
        _known_generations.pop(group.generation_key, None)
        _local.clear()


# --- Entries --------------------------------------------------------------------------------


class _LocalTier:
    """A small, short-lived, per-process copy of the hottest entries."""

    def __init__(self):
        self.entries = OrderedDict()

    def get(self, key):
        entry = self.entries.get(key)
        if entry is None:
            return None
        expires, value = entry
        if expires < time.monotonic():
            self.entries.pop(key, None)
            return None
        return value

    def set(self, key, value):
        self.entries[key] = (time.monotonic() + LOCAL_SECONDS, value)
        self.entries.move_to_end(key)
        while len(self.entries) > LOCAL_ENTRIES:
            self.entries.popitem(last=False)

    def clear(self):
        self.entries.clear()


_local = _LocalTier()


def _anonymous(request):
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        # A flash message waits for this visitor: the page they get shows it.
        and _settings("MESSAGE_COOKIE_NAME", "messages") not in request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
        and len(request.META.get("QUERY_STRING", "")) <= MAX_QUERY_LENGTH
    )


def _key(request, group):
    return ":".join(
        [
            KEY_PREFIX,
            group.name,
            str(generation(group)),
            request.get_host(),
            request.path,
            request.META.get("QUERY_STRING", ""),
        ]
    )


def _storable(request, response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or request.META.get("CSRF_COOKIE_USED"):
        return False
    # "no-cache" (revalidate) is what a purge does for this cache; private pages are refused.
    cache_control = response.get("Cache-Control", "").lower()
    if any(word in cache_control for word in ("private", "no-store")):
        return False
    # "Vary: Cookie" from the session or the user bar being looked at does not count: the
    # request had no session cookie (``_anonymous``), so the page is every visitor's.
    return response.get("Content-Type", "").startswith(CACHEABLE_TYPES)


def _rebuild(request, value):
    status, headers, content = value
    response = HttpResponse(b"" if request.method == "HEAD" else content, status=status)
    for name, header in headers:
        response[name] = header
    response["X-Page-Cache"] = "hit"
    return response


class PageCacheMiddleware:
    """First in MIDDLEWARE: answers a cached page before anything else runs."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _settings("PAGE_CACHE_ENABLED", True) or not _anonymous(request):
            return self.get_response(request)
        group = group_for(request.path)
        if group is None:
            return self.get_response(request)
        try:
            key = _key(request, group)
            value = _local.get(key)
            if value is None:
                value = cache().get(key)
                if value is not None:
                    _local.set(key, value)
        except Exception:  # the cache is down: serve the page uncached
            logger.warning("Page cache unavailable.", exc_info=True)
            return self.get_response(request)
        if value is not None:
            return _rebuild(request, value)
        response = self.get_response(request)
        if _storable(request, response):
            self._store(request, response, group, key)
        return response

    def _store(self, request, response, group, key):
        proxy_seconds = group.proxy_seconds
        if proxy_seconds is None:
            proxy_seconds = _settings("PAGE_CACHE_PROXY_SECONDS", 60)
        if proxy_seconds:
            patch_cache_control(response, public=True, max_age=proxy_seconds)
        else:
            # A proxy cannot be told of a purge: it must ask every time.
            patch_cache_control(response, public=True, no_cache=True)
        # The language is in the address and no cookie matters: only encodings differ.
        response["Vary"] = "Accept-Encoding"
        value = (response.status_code, list(response.items()), response.content)
        try:
            cache().set(key, value, timeout=group.timeout(_language_free(request.path)))
            _local.set(key, value)
        except Exception:
            logger.warning("Page cache write failed.", exc_info=True)
        response["X-Page-Cache"] = "miss"


# The public site itself: every path no other group claims (and PRIVATE_PREFIXES excluded).
register_group(
    "pages",
    matches=lambda path: True,
    timeout=lambda path: (
        _settings("PAGE_CACHE_SEARCH_SECONDS", 60)
        if path.startswith("/search/")
        else _settings("PAGE_CACHE_SECONDS", 600)
    ),
)
