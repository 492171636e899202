"""Two web processes (two gunicorn instances on two ports), one PostgreSQL and one Redis: what
one counts, purges or signs in, the other sees."""

import time

import pytest
from django.urls import reverse

from portal.page_cache import GENERATION_RECHECK

from .client import Client
from .stack import STAFF_PASSWORD
from .test_smoke import NAIROBI, county_pk, report, sign_in

pytestmark = pytest.mark.stack

REPORT_LIMIT = 2


def test_two_web_processes_share_limits_cache_and_sessions(fresh_stack):
    stack = fresh_stack
    (_a, first), (_b, second) = stack.webs(2, DJANGO_INTAKE_REPORT_RATE_LIMIT=str(REPORT_LIMIT))
    nairobi = county_pk(stack, NAIROBI)

    # A page cached by the second process...
    reader = Client(second)
    assert reader.get("/accountability/").header("X-Page-Cache") == "miss"
    assert reader.get("/accountability/").header("X-Page-Cache") == "hit"

    # ... is forgotten there when a case arrives through the first (a purge in Redis).
    for number in range(REPORT_LIMIT):
        report(Client(first), nairobi, phone=f"+25473300000{number}")
    time.sleep(GENERATION_RECHECK + 0.2)
    assert reader.get("/accountability/").header("X-Page-Cache") == "miss"

    # The reports counted on the first process use up the limit on the second.
    refused = Client(second)
    refused.get("/report/")
    over = refused.post(
        "/report/",
        {
            "sector": "water",
            "county": nairobi,
            "location": "Kibera",
            "description": "One report too many from this address.",
            "consent_to_contact": "",
        },
    )
    assert over.status == 429, over.status
    assert over.header("Retry-After")

    # A case worker signed in on one process is signed in on the other: sessions in the
    # database, the second factor recorded in the session.
    staff = Client(first)
    sign_in(staff, "otieno", STAFF_PASSWORD, stack.totp_keys["otieno"])
    elsewhere = Client(second, cookies=dict(staff.cookies))
    dashboard = elsewhere.get("/admin/")
    assert dashboard.status == 200, (dashboard.status, dashboard.header("Location"))
    assert "otieno" in dashboard.text
    listing = elsewhere.get(reverse("cases:index"))
    assert listing.status == 200, (listing.status, listing.header("Location"))
