"""The shapes of the API's parameters and answers, for the OpenAPI description.

django-ninja builds the OpenAPI document from these; the views return ready responses in
the requested format (XML or JSON), so the same shapes describe both.
"""

from typing import Literal

from ninja import Field, Schema

Format = Literal["xml", "json"]


class Error(Schema):
    code: int = Field(description="The HTTP status: 400, 403 or 404.")
    description: str


class Endpoint(Schema):
    specification: str
    url: str
    changeset: str
    type: str
    formats: list[str]


class Discovery(Schema):
    changeset: str
    contact: str
    key_service: str
    endpoints: list[Endpoint]


class Service(Schema):
    service_code: str = Field(description="The sector's slug, such as water.")
    service_name: str
    description: str | None
    metadata: bool = Field(description="true when the service has extra questions.")
    type: str = Field(description="Always realtime: the case reference comes back at once.")
    keywords: str | None
    group: str


class AttributeValue(Schema):
    key: str
    name: str


class Attribute(Schema):
    variable: bool
    code: str
    datatype: str
    required: bool
    datatype_description: str | None
    order: int
    description: str
    values: list[AttributeValue]


class ServiceDefinition(Schema):
    service_code: str
    attributes: list[Attribute]


class CreatedRequest(Schema):
    service_request_id: str = Field(description="The case reference, such as HUD-2026-000123.")
    service_notice: str | None
    account_id: str | None


class TokenLookup(Schema):
    service_request_id: str
    token: str


class ServiceRequest(Schema):
    service_request_id: str
    status: Literal["open", "closed"]
    status_notes: str | None = Field(description="The latest public update of the case.")
    service_name: str | None
    service_code: str | None
    description: str | None = Field(description="The published summary, never the raw text.")
    agency_responsible: str | None
    service_notice: str | None
    requested_datetime: str
    updated_datetime: str
    expected_datetime: str | None
    address: str | None = Field(description="The county, such as Kisumu County.")
    lat: float | None = Field(description="Rounded to two decimal places (about 1 km).")
    long: float | None = Field(description="Rounded to two decimal places (about 1 km).")


# --- Parameters. All are optional to the parser: the views check them, so that a missing
# api_key answers 403 and a missing service_code 400, as GeoReport v2 says.

JURISDICTION = "Optional; when given, it must be this portal's jurisdiction (huduma.ke)."
READER_KEY = "Optional: a partner's key also shows the requests that partner sent."


class JurisdictionQuery(Schema):
    jurisdiction_id: str | None = Field(None, description=JURISDICTION)


class ReaderQuery(JurisdictionQuery):
    api_key: str | None = Field(None, description=READER_KEY)


class RequestsQuery(ReaderQuery):
    service_request_id: str | None = Field(
        None, description="Comma-separated case references; overrides every other filter."
    )
    service_code: str | None = Field(None, description="Comma-separated service codes.")
    status: str | None = Field(None, description="open, closed or both, comma-separated.")
    start_date: str | None = Field(
        None, description="W3C datetime with a zone, e.g. 2026-01-01T00:00:00Z."
    )
    end_date: str | None = Field(
        None, description="W3C datetime with a zone. The range spans at most 90 days."
    )


class NewRequestForm(Schema):
    api_key: str | None = Field(None, description="Required: the partner's API key.")
    jurisdiction_id: str | None = Field(None, description=JURISDICTION)
    service_code: str | None = Field(None, description="Required: a code from services.")
    lat: str | None = Field(None, description="WGS84 latitude; with long.")
    long: str | None = Field(None, description="WGS84 longitude; with lat.")
    address_string: str | None = Field(
        None, description="Where, most specific first, ending with the county."
    )
    address_id: str | None = None
    email: str | None = None
    phone: str | None = Field(None, description="A Kenyan number, such as 0712 345 678.")
    first_name: str | None = None
    last_name: str | None = None
    description: str | None = Field(None, description="At most 4,000 characters.")
    media_url: str | None = Field(
        None, description="A link kept for the case worker; the portal never fetches it."
    )
    device_id: str | None = Field(None, description="Accepted and ignored.")
    account_id: str | None = Field(None, description="Accepted and ignored.")
