"""A schema-based fuzz run: schemathesis generates calls from the API's own OpenAPI
description and sends them to a live test server. No call may end in a server error, and
every error must be the specification's list of ``{code, description}``.

Bounded to keep it in the normal suite: 30 examples per operation and mode, no deadline, a
fixed seed (derandomize) and no example database left in the work tree. It drives
schemathesis through Hypothesis directly rather than through its pytest plugin, which does
not work with pytest 9."""

import gc
import json
import threading
import xml.etree.ElementTree as ET  # noqa: S405 - parsing our own responses

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode

from open311.api import api
from open311.keys import issue_key

pytestmark = [
    # The live server reads committed data; serialized rollback restores what migrations made.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


# The API's own OpenAPI description, as django-ninja serves it at /open311/v2/openapi.json
# (test_services checks that it is served); loaded here so the operations are known when
# pytest collects the tests.
SCHEMA = schemathesis.openapi.from_dict(api.get_openapi_schema())
OPERATIONS = {result.ok().label: result.ok() for result in SCHEMA.get_all_operations()}


@pytest.fixture
def partner_key(live_server):
    _api_key, raw_key = issue_key("Fuzz Partner")
    yield raw_key
    gc.collect()  # let the server's request threads see their connections end
    for thread in threading.enumerate():
        if "process_request_thread" in thread.name:
            thread.join(timeout=5)


def steer(case, raw_key):
    """Random keys and jurisdictions stop every call at the first check (403, 404), which
    the other tests cover: give the calls a valid key and jurisdiction, and posts a known
    service and a place, so that the fuzzing reaches the validation behind them."""
    for params in (case.query, case.body if isinstance(case.body, dict) else None):
        if not params:
            continue
        if "api_key" in params:
            params["api_key"] = raw_key
        if "jurisdiction_id" in params:
            params["jurisdiction_id"] = "huduma.ke"
    if case.method == "POST" and isinstance(case.body, dict):
        case.body["api_key"] = raw_key
        if case.body.get("service_code") not in ("water", "health", "education"):
            case.body["service_code"] = "water"
        if not any(case.body.get(name) for name in ("lat", "long", "address_id")):
            case.body.setdefault("address_string", "Kondele, Kisumu County")


def assert_spec_error(response):
    if not response.content.startswith(b"<?xml"):
        errors = json.loads(response.text)
        assert isinstance(errors, list) and errors
        assert {"code", "description"} <= set(errors[0])
    else:
        root = ET.fromstring(response.content)  # noqa: S314 - our own output
        assert root.tag == "errors"
        assert root.find("error/code") is not None


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
@pytest.mark.parametrize("label", sorted(OPERATIONS))
def test_no_server_errors(label, mode, live_server, partner_key):
    """Schema-valid calls (positive) and schema-violating ones (negative) alike."""

    @settings(
        max_examples=30,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=OPERATIONS[label].as_strategy(generation_mode=mode))
    def call(case):
        steer(case, partner_key)
        response = case.call(base_url=live_server.url)
        assert response.status_code < 500, (case.method, case.formatted_path, response.text[:500])
        if response.status_code >= 400:
            assert response.status_code in (400, 403, 404), response.status_code
            assert_spec_error(response)

    call()
