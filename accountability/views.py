"""The public accountability pages: the dashboard, its downloads and the published cases.

Each page renders its expensive part (the figures, a list of cases, a case) as a fragment that
depends on nothing but the normalised filter, the language and the data, and caches that; the
rest of the page (header, filter form, user bar) is rendered for each request.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET

from cases.models import Case
from portal.ratelimit import Limit, client_address
from refdata.models import County

from . import exports, public_cases
from .cache import cached
from .charts import dashboard_charts
from .filters import published_case_filter, read_dashboard_query
from .report import build_report, definitions, describe_query
from .stats import compute_figures

CASES_PER_PAGE = 20
MAX_PAGE_DIGITS = 6

DOWNLOADS = {
    "csv": (exports.figures_csv, "text/csv; charset=utf-8"),
    "xlsx": (
        exports.figures_xlsx,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
    "pdf": (exports.figures_pdf, "application/pdf"),
}


def public_page(response):
    """The same page for everyone in a language: shared caches must ask again every time
    (an unpublished case disappears at once) and keep languages apart."""
    patch_cache_control(response, no_cache=True)
    patch_vary_headers(response, ("Cookie", "Accept-Language"))
    return response


# --- The dashboard ---------------------------------------------------------------------------


def dashboard_report(query, today):
    return build_report(compute_figures(query, today))


def render_figures(query, today):
    report = dashboard_report(query, today)
    context = {
        "report": report,
        "charts": dashboard_charts(report),
        "query": query,
        "querystring": query.querystring(),
        "described": describe_query(query),
        "definitions": definitions(),
    }
    return render_to_string("accountability/includes/figures.html", context)


@require_GET
def dashboard(request):
    today = timezone.localdate()
    filterset, query = read_dashboard_query(request.GET, today)
    figures_html = None
    if query is not None:
        figures_html = cached(
            "dashboard", query.querystring(), lambda: render_figures(query, today)
        )
    compare = (request.GET.getlist("compare") + ["", ""])[:2]
    context = {
        "filter": filterset,
        "query": query,
        "figures_html": figures_html,
        "counties": County.objects.order_by("name"),
        "compare_slots": [
            {"id": "id_compare_1", "label": _("First county"), "selected": compare[0]},
            {"id": "id_compare_2", "label": _("Second county"), "selected": compare[1]},
        ],
    }
    return public_page(render(request, "accountability/dashboard.html", context))


class DownloadLimitReached(Exception):
    pass


def download_limit(request):
    """Downloads that must be rendered, per network address: a PDF takes seconds of a web
    worker. One found in the cache costs nothing and is not counted."""
    return Limit(
        "accountability-download",
        client_address(request),
        limit=getattr(settings, "ACCOUNTABILITY_EXPORT_RATE_LIMIT", 10),
        window=getattr(settings, "ACCOUNTABILITY_EXPORT_RATE_WINDOW", 10 * 60),
    )


def too_many_downloads(limit):
    minutes = limit.retry_after_minutes
    message = ngettext(
        "Too many downloads from your network in a short time. Try again in %(minutes)s "
        "minute, or download the same figures again: those are ready at once.",
        "Too many downloads from your network in a short time. Try again in %(minutes)s "
        "minutes, or download the same figures again: those are ready at once.",
        minutes,
    ) % {"minutes": minutes}
    response = HttpResponse(message, status=429, content_type="text/plain; charset=utf-8")
    response["Retry-After"] = str(limit.window)
    return response


@require_GET
def download(request, fmt):
    if fmt not in DOWNLOADS:
        raise Http404
    today = timezone.localdate()
    _filterset, query = read_dashboard_query(request.GET, today)
    if query is None:
        return HttpResponseBadRequest(
            _("The filter is not valid: correct it on the dashboard first."),
            content_type="text/plain; charset=utf-8",
        )
    export, content_type = DOWNLOADS[fmt]
    limit = download_limit(request)

    def render_download():
        if not limit.allow():
            raise DownloadLimitReached
        return export(dashboard_report(query, today))

    try:
        content = cached(f"download-{fmt}", query.querystring(), render_download)
    except DownloadLimitReached:
        return too_many_downloads(limit)
    response = HttpResponse(content, content_type=content_type)
    filename = f"huduma-accountability-{query.start:%Y%m%d}-{query.end:%Y%m%d}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return public_page(response)


# --- Published cases ----------------------------------------------------------------------


def _page_number(request):
    page = request.GET.get("page", "1").strip()
    return page if page.isdigit() and len(page) <= MAX_PAGE_DIGITS else "1"


def _filter_params(filterset):
    """The valid filter values, normalised (slugs and codes), for links and cache keys."""
    cleaned = filterset.form.cleaned_data if filterset.is_valid() else {}
    params = []
    if cleaned.get("sector"):
        params.append(("sector", cleaned["sector"].slug))
    if cleaned.get("county"):
        params.append(("county", cleaned["county"].code))
    if cleaned.get("status"):
        params.append(("status", cleaned["status"]))
    return params


def _case_list_html(filterset, params, page_number):
    page = Paginator(filterset.qs, CASES_PER_PAGE).get_page(page_number)
    items = [
        {
            "case": case,
            "summary": public_cases.public_summary(case),
            "status": public_cases.status_label(case),
        }
        for case in page.object_list
    ]
    context = {"page": page, "items": items, "filter_query": urlencode(params)}
    return render_to_string("accountability/includes/case_list_results.html", context)


@require_GET
def case_list(request):
    published = Case.objects.published().select_related("sector", "county")
    published = published.order_by("-published_at", "-pk")
    filterset = published_case_filter(request.GET, published)
    params = _filter_params(filterset)
    page_number = _page_number(request)
    identity = urlencode([*params, ("page", page_number)])
    results_html = cached(
        "case-list", identity, lambda: _case_list_html(filterset, params, page_number)
    )
    context = {"filter": filterset, "results_html": results_html}
    return public_page(render(request, "accountability/case_list.html", context))


def _case_html(reference):
    case = (
        Case.objects.published()
        .select_related("sector", "county", "authority")
        .filter(reference=reference)
        .first()
    )
    if case is None:
        raise Http404
    context = {
        "case": case,
        "summary": public_cases.public_summary(case),
        "status": public_cases.status_label(case),
        "outcome": public_cases.outcome_label(case),
        "updates": public_cases.updates(case),
    }
    return render_to_string("accountability/includes/case_detail_body.html", context)


@require_GET
def case_detail(request, reference):
    body_html = cached("case", reference, lambda: _case_html(reference))
    context = {"reference": reference, "body_html": body_html}
    return public_page(render(request, "accountability/case_detail.html", context))
