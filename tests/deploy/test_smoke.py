"""The production smoke test: the stack started as README.md says (gunicorn with production
settings, WhiteNoise, the ``db_worker`` task worker, PostgreSQL, Redis) carries one grievance
over HTTP from the web form to the citizen's PDF; then the worker is stopped mid-way, and
what was queued meanwhile is sent once when a worker is back: nothing lost, nothing twice."""

import io
import json
import re
import time

import pytest
from django.urls import reverse
from PIL import Image

from tests.intake.test_evidence import jpeg_with_gps

from .client import Client
from .stack import STAFF_PASSWORD, totp_code, wait_for

pytestmark = pytest.mark.stack

NAIROBI = "047"  # First Schedule code of Nairobi City
PHONE = "+254712345678"


def county_pk(stack, code):
    return stack.psql(f"SELECT id FROM refdata_county WHERE code = '{code}'")[0][0]


def report(client, county, *, phone="0712 345 678", description=None, photo=None):
    """The web form, as a citizen fills it in: the receipt page's reference."""
    form = client.get("/report/")
    assert form.status == 200, form.text[:500]
    data = {
        "sector": "water",
        "county": county,
        "location": "Kibera, Olympic estate",
        "description": description or "The water kiosk on Olympic road has been dry for weeks.",
        "complainant_name": "Achieng Otieno",
        "complainant_phone": phone,
        "consent_to_contact": "on",
    }
    files = {"evidence": ("kiosk.jpg", "image/jpeg", photo)} if photo else None
    sent = client.post("/report/", data, files=files)
    assert sent.status == 302, sent.text[:2000]
    receipt = client.follow(sent)
    assert receipt.status == 200
    return re.search(r"HUD-\d{4}-\d{6}", receipt.text).group(0)


def sms_to(stack, phone):
    return [sms for sms in stack.sent_sms() if sms["recipient"] == phone]


def sign_in(client, username, password, key):
    """The admin's sign-in page, then the second factor, with a real session."""
    client.get("/admin/login/")
    signed = client.post(
        "/admin/login/", {"username": username, "password": password, "next": "/admin/"}
    )
    assert signed.status == 302, signed.text[:1000]
    asked = client.follow(signed)  # the admin sends unverified staff to give a code
    assert asked.status == 302 and reverse("two_factor_verify") in asked.header("Location")
    client.follow(asked)
    verified = client.post(
        reverse("two_factor_verify"), {"code": totp_code(key), "next": "/admin/"}
    )
    assert verified.status == 302, verified.text[:1000]
    dashboard = client.get("/admin/")
    assert dashboard.status == 200, dashboard.status
    return dashboard


def test_one_grievance_through_the_deployed_stack(fresh_stack):
    stack = fresh_stack
    stack.worker()  # it starts while gunicorn does
    _web, base = stack.web(workers=2)
    citizen = Client(base)

    # WhiteNoise serves the collected, hashed static files with a far-future lifetime.
    manifest = json.loads((stack.static_root / "staticfiles.json").read_text())["paths"]
    original, hashed = next((k, v) for k, v in manifest.items() if k.endswith(".css"))
    static = citizen.get(f"/static/{hashed}")
    assert static.status == 200
    assert static.body == (stack.static_root / hashed).read_bytes()
    assert "immutable" in static.header("Cache-Control")
    assert hashed != original

    # 1. A web report with a photo (a real JPEG, carrying GPS coordinates).
    nairobi = county_pk(stack, NAIROBI)
    reference = report(citizen, nairobi, photo=jpeg_with_gps())
    case_id, photo_name = stack.psql(
        "SELECT c.id, a.file FROM cases_case c JOIN cases_caseattachment a ON a.case_id = c.id "
        f"WHERE c.reference = '{reference}'"
    )[0]
    stored = Image.open(io.BytesIO((stack.root / "private-media" / photo_name).read_bytes()))
    assert not stored.getexif(), "the stored photo keeps no EXIF (no location)"

    # 2. The acknowledgement reaches the SMS gateway through the worker.
    # Earlier stack tests may have written to the same number: this report's own SMS.
    acknowledgements = wait_for(
        lambda: [s for s in sms_to(stack, PHONE) if reference in s["text"]],
        what="the acknowledgement SMS",
    )
    assert len(acknowledgements) == 1
    acknowledgement = acknowledgements[0]
    tracking = re.search(r"/track/[\w-]+/", acknowledgement["text"]).group(0)

    # 3. A case worker signs in (password, then the authenticator's code) and forwards it.
    worker = Client(base)
    sign_in(worker, "wanjiru", STAFF_PASSWORD, stack.totp_keys["wanjiru"])
    forward_url = reverse("cases:transition", args=(case_id, "forward"))
    form = worker.get(forward_url)
    assert form.status == 200, form.text[:500]
    authority = re.search(r'<option value="(\d+)" selected', form.text).group(1)
    forwarded = worker.post(
        forward_url, {"version": form.form_value("version"), "authority": authority}
    )
    assert forwarded.status == 302, forwarded.text[:2000]

    # 4. The authority answers through the link in its e-mail, without an account.
    link = wait_for(
        lambda: next(
            (m for t in stack.sent_email_texts() for m in re.findall(r"/respond/[\w:-]+/", t)),
            None,
        ),
        what="the authority's e-mail",
    )
    authority_browser = Client(base)
    page = authority_browser.get(link)
    assert page.status == 200 and reference in page.text
    answered = authority_browser.post(link, {"response": "A new pump was fitted on Monday."})
    assert answered.status == 302, answered.text[:2000]

    # 5. The citizen is told (SMS through the worker) and downloads the PDF.
    told = wait_for(
        lambda: [s for s in sms_to(stack, PHONE) if "new pump" in s["text"]],
        what="the citizen's SMS with the response",
    )
    assert len(told) == 1
    pdf = citizen.get(tracking + "summary.pdf")
    assert pdf.status == 200, pdf.text[:500]
    assert pdf.header("Content-Type") == "application/pdf"
    assert pdf.body.startswith(b"%PDF")

    # 6. The worker stops; reports keep coming and their messages wait in the outbox.
    for process in list(stack.processes):
        if "db_worker" in " ".join(process.args):
            stack.stop(process)
    before = len(stack.sent_sms())
    late = [
        report(Client(base), nairobi, phone=f"+25472200000{n}", description=f"Dry tap {n}")
        for n in range(3)
    ]
    time.sleep(1.5)
    assert len(stack.sent_sms()) == before, "nothing is sent without a worker"
    queued = stack.psql(
        "SELECT count(*) FROM notify_outboundmessage m JOIN cases_case c ON c.id = m.case_id "
        f"WHERE c.reference IN ({', '.join(repr(r) for r in late)}) AND m.status = 'queued'"
    )[0][0]
    assert queued == "3"

    # 7. A worker starts again: each waiting message goes out once.
    stack.worker()
    wait_for(lambda: len(stack.sent_sms()) == before + 3, what="the queued SMS")
    time.sleep(1)  # anything sent twice would show now
    sent = stack.sent_sms()
    for number, late_reference in enumerate(late):
        mine = [s for s in sent if s["recipient"] == f"+25472200000{number}"]
        assert len(mine) == 1 and late_reference in mine[0]["text"]

    # Nothing lost or sent twice, anywhere: one SMS per outbox row, and all of them sent.
    statuses = dict(
        stack.psql("SELECT status, count(*) FROM notify_outboundmessage GROUP BY status")
    )
    assert set(statuses) <= {"sent"}, statuses
    sms_rows = stack.psql("SELECT gateway_id FROM notify_outboundmessage WHERE channel = 'sms'")
    assert sorted(row[0] for row in sms_rows) == sorted(s["gateway_id"] for s in sent)
    assert len({(s["recipient"], s["text"]) for s in sent}) == len(sent)
