"""The API read by the `georeport` client from PyPI, against a live test server.

The client has no POST, so a partner's post goes through plain HTTP (urllib), and so does
reading it back with the key (the client sends no api_key on reads)."""

import gc
import json
import threading
import urllib.error
import urllib.parse
import urllib.request

import pytest
import requests
from georeport import GeoReport

from cases import actions
from open311.keys import issue_key
from tests.factories import make_case, supervisor

pytestmark = [
    # The live server reads committed data, hence transactional tests; serialized rollback
    # puts back the rows migrations made (sectors, counties, groups) after each flush.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture(autouse=True)
def finish_server_requests():
    """After each test, let the live server's request threads finish.

    A request thread ends, closing its database connections, only when its client's socket
    closes. If the session stopped the live server first, that late close would raise
    "DatabaseWrapper objects created in a thread can only be used in that same thread" in
    the thread: harmless, but noisy and racy."""
    yield
    # Client sockets left to the garbage collector keep their server thread waiting for a
    # next request on the connection: collect them, so that the threads see the end.
    gc.collect()
    for thread in threading.enumerate():
        if "process_request_thread" in thread.name:
            thread.join(timeout=5)


def published_case(summary, **kwargs):
    case = make_case(consent_to_publish=True, **kwargs)
    return actions.publish_case(case=case, summary=summary, by=supervisor())


@pytest.fixture
def api_root(live_server):
    return f"{live_server.url}/open311/v2"


@pytest.fixture
def published(db):
    return [
        published_case("A kiosk ran dry.", county_name="Kisumu"),
        published_case("No nurse at night.", sector_slug="health", latitude="-1.28333"),
    ]


@pytest.mark.parametrize("output_format", ["json", "xml"])
def test_client_lists_services_and_reads_a_definition(api_root, output_format):
    client = GeoReport(api_root, jurisdiction="huduma.ke", output_format=output_format)
    services = client.get_service_list()
    codes = [service["service_code"] for service in services]
    assert "water" in codes and "health" in codes
    definition = client.get_service_definition("health")
    attributes = definition["attributes"]
    if output_format == "xml":
        attributes = attributes["attribute"]
    assert [attribute["code"] for attribute in attributes] == ["facility_name", "since_when"]


@pytest.mark.parametrize("output_format", ["json", "xml"])
def test_client_reads_requests_back(api_root, published, output_format):
    client = GeoReport(api_root, jurisdiction="huduma.ke", output_format=output_format)
    requests_read = client.get_service_requests()
    assert {item["service_request_id"] for item in requests_read} == {
        case.reference for case in published
    }
    health = client.get_service_request(published[1].reference)
    assert health["service_code"] == "health"
    assert health["description"] == "No nurse at night."
    assert float(health["lat"]) == -1.28
    filtered = client.get_service_requests(service_code="water", status="open")
    if output_format == "xml":
        filtered = [filtered]  # xmltodict gives a lone request as a dict
    assert [item["service_request_id"] for item in filtered] == [published[0].reference]


def test_client_sees_the_spec_errors(api_root):
    client = GeoReport(api_root)
    with pytest.raises(requests.HTTPError) as raised:
        client.get_service_definition("potholes")
    assert raised.value.response.status_code == 404
    assert raised.value.response.json()[0]["code"] == 404
    with pytest.raises(requests.HTTPError) as raised:
        client.get_service_requests(start_date="2026-01-01")
    assert raised.value.response.status_code == 400


def post_form(url, data):
    body = urllib.parse.urlencode(data).encode("utf-8")
    request = urllib.request.Request(  # noqa: S310 - the live test server
        url,
        data=body,
        headers={"Content-Type": "application/x-www-form-urlencoded; charset=utf-8"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
        return response.status, json.loads(response.read())


def get_json(url, **params):
    with urllib.request.urlopen(  # noqa: S310 - the live test server
        f"{url}?{urllib.parse.urlencode(params)}", timeout=10
    ) as response:
        return json.loads(response.read())


def test_a_partner_posts_and_reads_its_request_back(api_root):
    _api_key, raw_key = issue_key("Sauti Civic Lab")
    status, answer = post_form(
        f"{api_root}/requests.json",
        {
            "api_key": raw_key,
            "service_code": "water",
            "address_string": "Manyatta, Kisumu County",
            "description": "Hakuna maji tangu wiki mbili.",
            "first_name": "Otieno",
            "phone": "0733 123 456",
            "attribute[since_when]": "week",
        },
    )
    assert status == 200
    reference = answer[0]["service_request_id"]
    assert reference.startswith("HUD-")

    [mine] = get_json(f"{api_root}/requests/{reference}.json", api_key=raw_key)
    assert mine["status"] == "open"
    assert mine["service_code"] == "water"
    assert mine["address"] == "Kisumu County"
    assert mine["description"] is None  # not published: the raw text is never shown
    assert "Otieno" not in json.dumps(mine) and "733" not in json.dumps(mine)
    listed = get_json(f"{api_root}/requests.json", api_key=raw_key)
    assert reference in [item["service_request_id"] for item in listed]

    # The public (the georeport client sends no key) does not see it.
    client = GeoReport(api_root)
    with pytest.raises(requests.HTTPError) as raised:
        client.get_service_request(reference)
    assert raised.value.response.status_code == 404
    assert reference not in [item["service_request_id"] for item in client.get_service_requests()]


def test_posting_without_a_key_is_403(api_root):
    with pytest.raises(urllib.error.HTTPError) as raised:
        post_form(f"{api_root}/requests.xml", {"service_code": "water", "lat": "0", "long": "0"})
    assert raised.value.code == 403
    body = raised.value.read().decode()
    assert body.startswith('<?xml version="1.0" encoding="utf-8"?>')
    assert "<code>403</code>" in body
