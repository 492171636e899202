"""deploy/nginx/huduma.conf in front of gunicorn with production settings: HTTPS only, the
proxy cache keeping just what the portal's Cache-Control allows, static files from the disk,
and the forwarded headers the settings trust (a client cannot choose its own address)."""

import json

import pytest

from . import nginx
from .client import Client
from .stack import free_port, wait_for
from .test_smoke import NAIROBI, county_pk, report

pytestmark = [
    pytest.mark.stack,
    pytest.mark.skipif(nginx.MISSING is not None, reason=nginx.MISSING or ""),
]


def test_nginx_in_front_of_the_portal(fresh_stack, tmp_path):
    stack = fresh_stack
    _web, upstream = stack.web(
        workers=1, DJANGO_RATELIMIT_PROXY_COUNT="1", DJANGO_INTAKE_REPORT_RATE_LIMIT="1"
    )
    http_port, https_port = free_port(), free_port()
    config = nginx.configure(
        tmp_path,
        http_port=http_port,
        https_port=https_port,
        upstream_port=int(upstream.rsplit(":", 1)[1]),
        static=stack.static_root,
        media=stack.root / "media",
    )
    proxy = nginx.start(config)
    stack.processes.append(proxy)  # stopped with the others, whatever happens
    browser = Client(f"https://127.0.0.1:{https_port}")
    wait_for(lambda: _answers(browser), timeout=15, what="nginx")

    # Plain HTTP only redirects to HTTPS.
    plain = Client(f"http://127.0.0.1:{http_port}").get("/sitemap.xml")
    assert plain.status == 301 and plain.header("Location").startswith("https://")

    # A public page: Django saw HTTPS (HSTS is only sent on secure requests), and nginx keeps
    # it for as long as its Cache-Control says.
    first = browser.get("/sitemap.xml")
    assert first.status == 200
    assert "max-age=31536000" in first.header("Strict-Transport-Security")
    assert first.header("Cache-Control").startswith("public")
    assert first.header("X-Proxy-Cache") == "MISS"
    assert browser.get("/sitemap.xml").header("X-Proxy-Cache") == "HIT"
    # ... but never for someone signed in (a session cookie),
    staff = Client(browser.base_url, cookies={"sessionid": "someone"})
    assert staff.get("/sitemap.xml").header("X-Proxy-Cache") == "BYPASS"
    # ... and not what the portal says must be revalidated (the dashboard: no-cache).
    assert "no-cache" in browser.get("/accountability/").header("Cache-Control")
    assert browser.get("/accountability/").header("X-Proxy-Cache") != "HIT"

    # Static files come from the disk, with their hashed names kept for a year.
    manifest = json.loads((stack.static_root / "staticfiles.json").read_text())["paths"]
    hashed = next(v for k, v in manifest.items() if k.endswith(".css"))
    static = browser.get(f"/static/{hashed}")
    assert static.status == 200
    assert static.body == (stack.static_root / hashed).read_bytes()
    assert "immutable" in static.header("Cache-Control")
    assert not static.header("X-Proxy-Cache")  # nginx answered; gunicorn was not asked

    # The rate limit counts the address nginx saw: a made-up X-Forwarded-For changes nothing.
    nairobi = county_pk(stack, NAIROBI)
    report(Client(browser.base_url, forwarded_for="10.0.0.1"), nairobi)
    again = Client(browser.base_url, forwarded_for="10.0.0.2")
    again.get("/report/")
    refused = again.post(
        "/report/",
        {"sector": "water", "county": nairobi, "location": "Kibera", "description": "Again."},
    )
    assert refused.status == 429


def _answers(client):
    try:
        return client.get("/robots.txt").status == 200
    except OSError:
        return False
