"""Response headers for pages that carry a secret (a tracking token, an access code)."""

from functools import wraps

from django.utils.cache import patch_cache_control


def mark_private(response):
    # Never kept by a shared cache or the browser's history cache.
    patch_cache_control(response, private=True, no_store=True)
    # The tracking token is in the URL: links and forms send at most the origin, never the
    # path. Not "no-referrer": with it browsers send "Origin: null" on POST, which Django's
    # CSRF check rejects, and old browsers without Origin send no Referer over HTTPS at all.
    response["Referrer-Policy"] = "strict-origin"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def private_page(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        return mark_private(view(request, *args, **kwargs))

    return wrapped
