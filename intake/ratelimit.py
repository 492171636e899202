"""How often citizens may report and guess access codes (``portal.ratelimit`` counts)."""

from django.conf import settings

from portal.ratelimit import Limit, client_address


def setting(name, default):
    return getattr(settings, name, default)


def report_limit(request):
    """Reports (and additions on the tracking page) from one network address. Generous: many
    people share one mobile carrier's address."""
    return Limit(
        "report",
        client_address(request),
        limit=setting("INTAKE_REPORT_RATE_LIMIT", 10),
        window=setting("INTAKE_REPORT_RATE_WINDOW", 10 * 60),
    )


def wrong_code_limits(request, reference):
    """Wrong access codes: per reference (the real protection of one case) and per address
    (someone trying many references)."""
    window = setting("INTAKE_TRACKING_LOCK_SECONDS", 60 * 60)
    return [
        Limit(
            "track-reference",
            reference,
            limit=setting("INTAKE_TRACKING_WRONG_CODES_PER_REFERENCE", 5),
            window=window,
        ),
        Limit(
            "track-address",
            client_address(request),
            limit=setting("INTAKE_TRACKING_WRONG_CODES_PER_ADDRESS", 20),
            window=window,
        ),
    ]
