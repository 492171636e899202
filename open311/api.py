"""The Open311 GeoReport v2 API at /open311/v2/, built with django-ninja.

django-ninja routes the calls, reads the parameters and writes the OpenAPI description
(/open311/v2/openapi.json); the views build plain Python data and ``renderers`` turns it
into the XML or JSON the URL's extension asks for. Every error is the specification's list
of ``{code, description}`` in the same format.
"""

from datetime import timedelta
from functools import wraps

from django.conf import settings
from django.http import Http404
from django.urls import register_converter
from django.utils import timezone, translation
from ninja import Form, NinjaAPI, Query
from ninja.errors import HttpError, ValidationError

from cases.models import OPEN_STATES, CaseState
from refdata.models import Sector

from . import keys, ratelimit, schemas
from .errors import BadRequest, Forbidden, NotFound, Open311Error
from .models import Open311Request
from .params import comma_list, parameter_texts, present, w3c_datetime, without_nul
from .renderers import MEDIA_TYPES, format_from_path, render, render_error
from .representations import request_data, visible_cases, with_request_data
from .services import SERVICE_TYPE, service_definition, service_list
from .submission import SERVICE_NOTICE, create_request

SPECIFICATION = "http://wiki.open311.org/GeoReport_v2"
# When this API's behaviour last changed (the discovery document's changeset).
CHANGESET = "2026-11-29T00:00:00+03:00"
DEFAULT_JURISDICTION_ID = "huduma.ke"
DEFAULT_SPAN = timedelta(days=90)
MAX_RESULTS = 1000
ERRORS = {400: list[schemas.Error], 403: list[schemas.Error], 404: list[schemas.Error]}
POST_ERRORS = {**ERRORS, 429: list[schemas.Error]}


class FormatConverter:
    """``xml`` or ``json``: any other extension matches no route and answers 404."""

    regex = "xml|json"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(FormatConverter, "open311fmt")


def _docs_url():
    # django-ninja's Swagger UI comes from a CDN unless "ninja" is an installed app (then it
    # is served from our own static files). Nothing may load from outside hosts, so the docs
    # page exists only in the second case; the OpenAPI JSON is always there.
    return "/docs" if "ninja" in settings.INSTALLED_APPS else None


api = NinjaAPI(
    title="Huduma Portal: Open311 GeoReport v2",
    version="2",
    description=(
        "Services and service requests of the Huduma Portal, following the GeoReport v2 "
        f"specification ({SPECIFICATION}). Every call answers in XML (the .xml extension) or "
        "JSON (.json). Reading is open to everyone and shows the published cases; posting "
        "needs a partner's api_key. See /open311/ for how to get one."
    ),
    urls_namespace="open311",
    openapi_url="/openapi.json",
    docs_url=_docs_url(),
)


# --- Shared checks ---------------------------------------------------------------------------


def open311_view(view):
    """Every call: in English, whatever language the caller's cookie or browser asks for,
    and with no NUL character anywhere in the address or the parameters."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        without_nul([request.path, *parameter_texts(request.GET), *parameter_texts(request.POST)])
        with translation.override("en"):
            return view(request, *args, **kwargs)

    return wrapped


def check_jurisdiction(jurisdiction_id):
    jurisdiction_id = present(jurisdiction_id)
    expected = getattr(settings, "OPEN311_JURISDICTION_ID", DEFAULT_JURISDICTION_ID)
    if jurisdiction_id is not None and jurisdiction_id != expected:
        raise NotFound(f"jurisdiction_id {jurisdiction_id!r} was not found.")


def reader_key(raw_key):
    """The partner reading, or None for the public. A key that is given must be valid."""
    raw_key = present(raw_key)
    if raw_key is None:
        return None
    api_key = keys.authenticate(raw_key)
    if api_key is None:
        raise Forbidden("Invalid api_key received.")
    return api_key


def respond(fmt, root_tag, data, *, private=False, status=200):
    response = render(fmt, root_tag, data, status=status)
    if private:
        response["Cache-Control"] = "private, no-store"
    else:
        # Public, read-only data: other sites' scripts may read it too.
        response["Access-Control-Allow-Origin"] = "*"
    return response


# --- Errors, in the specification's form -----------------------------------------------------


@api.exception_handler(Open311Error)
def open311_error(request, exc):
    response = render_error(format_from_path(request.path), exc)
    if getattr(exc, "retry_after", None):
        response["Retry-After"] = str(exc.retry_after)
    return response


@api.exception_handler(ValidationError)
def invalid_parameters(request, exc):
    fields = sorted({str(error["loc"][-1]) for error in exc.errors if error.get("loc")})
    description = "Invalid parameters" + (f": {', '.join(fields)}." if fields else ".")
    return render_error(format_from_path(request.path), BadRequest(description))


@api.exception_handler(HttpError)
def http_error(request, exc):
    error = Open311Error(str(exc))
    error.status = exc.status_code if exc.status_code in (400, 403, 404) else 400
    return render_error(format_from_path(request.path), error)


@api.exception_handler(Http404)
def not_found(request, exc):
    return render_error(format_from_path(request.path), NotFound("Not found."))


# --- Discovery and services --------------------------------------------------------------------


@api.get(
    "/discovery.{open311fmt:fmt}",
    response={200: schemas.Discovery, **ERRORS},
    summary="Service discovery",
    tags=["discovery"],
)
@open311_view
def discovery(request, fmt: schemas.Format):
    developers = f"{settings.BASE_URL}/open311/"
    data = {
        "changeset": CHANGESET,
        "contact": f"Questions about this API: see {developers}",
        "key_service": f"Partner organisations can ask for an API key: see {developers}",
        "endpoints": [
            {
                "specification": SPECIFICATION,
                "url": f"{settings.BASE_URL}/open311/v2",
                "changeset": CHANGESET,
                "type": "production",
                "formats": MEDIA_TYPES,
            }
        ],
    }
    return respond(fmt, "discovery", data)


@api.get(
    "/services.{open311fmt:fmt}",
    response={200: list[schemas.Service], **ERRORS},
    summary="GET Service List",
    description=f"One service per sector; every service is of type {SERVICE_TYPE}.",
    tags=["services"],
)
@open311_view
def services(request, fmt: schemas.Format, query: Query[schemas.JurisdictionQuery]):
    check_jurisdiction(query.jurisdiction_id)
    return respond(fmt, "services", service_list())


@api.get(
    "/services/{service_code}.{open311fmt:fmt}",
    response={200: schemas.ServiceDefinition, **ERRORS},
    summary="GET Service Definition",
    tags=["services"],
)
@open311_view
def service(
    request, service_code: str, fmt: schemas.Format, query: Query[schemas.JurisdictionQuery]
):
    check_jurisdiction(query.jurisdiction_id)
    return respond(fmt, "service_definition", service_definition(service_code))


# --- Service requests ---------------------------------------------------------------------------


@api.post(
    "/requests.{open311fmt:fmt}",
    response={200: list[schemas.CreatedRequest], **POST_ERRORS},
    summary="POST Service Request",
    description=(
        "Form-encoded. Needs api_key, service_code and a location (lat and long, "
        "address_string or address_id). Answers to a service's extra questions go in "
        "attribute[code]=value (attribute[code][]=value for a multivaluelist). Posting is "
        "limited per key and per network address: over the limit the answer is 429, with "
        "Retry-After in seconds."
    ),
    tags=["requests"],
)
@open311_view
def create(request, fmt: schemas.Format, form: Form[schemas.NewRequestForm]):
    check_jurisdiction(form.jurisdiction_id)
    address_limit = ratelimit.check_address(request)
    api_key = keys.authenticate(present(form.api_key) or present(request.GET.get("api_key")))
    if api_key is None:
        raise Forbidden("Missing or invalid api_key: a partner key is needed to post requests.")
    ratelimit.count_post(address_limit, api_key)
    case = create_request(api_key=api_key, form=request.POST)
    data = [
        {
            "service_request_id": case.reference,
            "service_notice": SERVICE_NOTICE,
            "account_id": None,
        }
    ]
    return respond(fmt, "service_requests", data, private=True)


def date_range(start_date, end_date):
    start = w3c_datetime("start_date", start_date)
    end = w3c_datetime("end_date", end_date)
    if start and end:
        if start > end:
            raise BadRequest("start_date must not be after end_date.")
        if end - start > DEFAULT_SPAN:
            raise BadRequest("start_date and end_date may not span more than 90 days.")
    elif start:
        end = start + DEFAULT_SPAN
    elif end:
        start = end - DEFAULT_SPAN
    else:
        end = timezone.now()
        start = end - DEFAULT_SPAN
    return start, end


def filter_requests(cases, query):
    references = comma_list(query.service_request_id)
    if references:
        # service_request_id overrides every other parameter.
        if len(references) > MAX_RESULTS:
            raise BadRequest(f"At most {MAX_RESULTS} service_request_id values at once.")
        return cases.filter(reference__in=references)
    codes = comma_list(query.service_code)
    if codes:
        known = set(Sector.objects.filter(slug__in=codes).values_list("slug", flat=True))
        unknown = [code for code in codes if code not in known]
        if unknown:
            raise NotFound(f"service_code {unknown[0]!r} was not found.")
        cases = cases.filter(sector__slug__in=codes)
    statuses = set(comma_list(query.status))
    if statuses - {"open", "closed"}:
        raise BadRequest("status must be open, closed or both (comma-separated).")
    if statuses == {"open"}:
        cases = cases.filter(state__in=OPEN_STATES)
    elif statuses == {"closed"}:
        cases = cases.filter(state=CaseState.CLOSED)
    start, end = date_range(query.start_date, query.end_date)
    return cases.filter(received_at__gte=start, received_at__lte=end)


@api.get(
    "/requests.{open311fmt:fmt}",
    response={200: list[schemas.ServiceRequest], **ERRORS},
    summary="GET Service Requests",
    description=(
        "The published cases (and, with a partner's api_key, the requests it sent), newest "
        "first: by default those received in the last 90 days, at most 1,000."
    ),
    tags=["requests"],
)
@open311_view
def requests(request, fmt: schemas.Format, query: Query[schemas.RequestsQuery]):
    check_jurisdiction(query.jurisdiction_id)
    api_key = reader_key(query.api_key)
    cases = filter_requests(visible_cases(api_key), query)
    cases = with_request_data(cases.order_by("-received_at", "-pk"))[:MAX_RESULTS]
    data = [request_data(case) for case in cases]
    return respond(fmt, "service_requests", data, private=api_key is not None)


@api.get(
    "/requests/{service_request_id}.{open311fmt:fmt}",
    response={200: list[schemas.ServiceRequest], **ERRORS},
    summary="GET Service Request",
    tags=["requests"],
)
@open311_view
def request_detail(
    request, service_request_id: str, fmt: schemas.Format, query: Query[schemas.ReaderQuery]
):
    check_jurisdiction(query.jurisdiction_id)
    api_key = reader_key(query.api_key)
    case = with_request_data(visible_cases(api_key).filter(reference=service_request_id)).first()
    if case is None:
        raise NotFound(f"service_request_id {service_request_id!r} was not found.")
    return respond(fmt, "service_requests", [request_data(case)], private=api_key is not None)


@api.get(
    "/tokens/{token}.{open311fmt:fmt}",
    response={200: list[schemas.TokenLookup], **ERRORS},
    summary="GET service_request_id from a token",
    tags=["requests"],
)
@open311_view
def token_lookup(request, token: str, fmt: schemas.Format, query: Query[schemas.JurisdictionQuery]):
    check_jurisdiction(query.jurisdiction_id)
    found = Open311Request.objects.filter(token=token).select_related("case").first()
    if found is None:
        raise NotFound("token was not found.")
    data = [{"service_request_id": found.case.reference, "token": found.token}]
    return respond(fmt, "service_requests", data)
