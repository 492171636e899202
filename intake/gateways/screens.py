"""Building USSD screens that fit: at most 160 characters after the CON/END prefix.

Phones cut or refuse longer screens, so a screen that is too long is a bug: with
``USSD_STRICT_SCREENS`` (tests) or ``DEBUG`` it raises; in production it is logged and cut,
because a cut screen still beats a dropped session.
"""

import logging

from django.conf import settings

MAX_SCREEN_CHARS = 160

logger = logging.getLogger(__name__)


class ScreenTooLong(ValueError):
    pass


def _strict():
    return getattr(settings, "USSD_STRICT_SCREENS", settings.DEBUG)


def _screen(prefix, body):
    body = "\n".join(line.rstrip() for line in body.strip().splitlines())
    if len(body) > MAX_SCREEN_CHARS:
        if _strict():
            raise ScreenTooLong(f"{len(body)} characters: {body!r}")
        logger.error("USSD screen of %s characters cut to %s", len(body), MAX_SCREEN_CHARS)
        body = body[: MAX_SCREEN_CHARS - 3] + "..."
    return f"{prefix} {body}"


def con(body):
    """A screen that waits for more input."""
    return _screen("CON", body)


def end(body):
    """The last screen of a session."""
    return _screen("END", body)


def with_hint(hint, body):
    return f"{hint} {body}" if hint else body


def numbered(labels, first=1):
    return "\n".join(f"{number} {label}" for number, label in enumerate(labels, first))


def paginate(labels, compose, *, per_page, reserve=0):
    """Split ``labels`` into pages; returns (start, stop) slices.

    ``compose(page_labels, has_more)`` builds the screen body for one page; each page takes as
    many labels as fit (and at most ``per_page``) while leaving ``reserve`` characters for a
    hint such as "Invalid choice." so the same page still fits when it is repeated.
    """
    pages = []
    start = 0
    while start < len(labels):
        stop = None
        for candidate in range(start + 1, min(start + per_page, len(labels)) + 1):
            has_more = candidate < len(labels)
            if len(compose(labels[start:candidate], has_more)) + reserve > MAX_SCREEN_CHARS:
                break
            stop = candidate
        if stop is None:
            raise ScreenTooLong(f"One item does not fit a screen: {labels[start]!r}")
        pages.append((start, stop))
        start = stop
    return pages
