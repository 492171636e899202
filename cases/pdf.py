"""PDF documents about cases: the case summary (internal or citizen copy) and listing reports.

Django templates write the HTML, autoescaped, so whatever a citizen typed stays text; WeasyPrint
lays it out. Everything WeasyPrint would fetch goes through ``StaticFilesFetcher``, which serves
the portal's own static files and refuses every other URL, so no document can make the server
read a local file or open a connection.
"""

import mimetypes
import re
from dataclasses import dataclass
from urllib.parse import unquote, urljoin

from django.conf import settings
from django.contrib.staticfiles import finders
from django.db.models import Count
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

from refdata.models import Sector

from . import public_timeline, timeline
from .models import ActorKind, CaseLogEntry, CaseState, Channel, Outcome, Priority

INTERNAL = "internal"
CITIZEN = "citizen"
VARIANTS = (INTERNAL, CITIZEN)

# The base for relative URLs in the documents. The .invalid domain never resolves, and nothing
# is ever fetched from it: the fetcher only maps <base>/static/<name> to a static file.
DOCUMENT_BASE_URL = "https://huduma-portal.invalid/"

# Linked by its source name, not through {% static %}: the manifest storage used in production
# hands out hashed names, which only the storage knows, while the finders know source names.
STYLESHEET = "cases/pdf.css"

EMPTY = "—"


# --- Fetching ---------------------------------------------------------------------------


class RefusedURL(ValueError):
    """WeasyPrint asked for something other than one of the portal's static files."""


class StaticFilesFetcher(URLFetcher):
    """Serves the portal's static files to WeasyPrint and refuses every other URL.

    Only URLs under ``STATIC_URL`` (resolved against ``base_url``) are answered, from the files
    the staticfiles finders know. ``file:``, ``http(s):`` to anywhere else, and names that climb
    out with ``..`` are refused before any file or socket is opened; so is ``data:``, which the
    templates never need.
    """

    def __init__(self, base_url=DOCUMENT_BASE_URL):
        # The inherited urllib machinery is never used (fetch below replaces it); still, allow
        # it no protocol and no redirect so that any path into it fails closed.
        super().__init__(allowed_protocols=(), allow_redirects=False, fail_on_errors=False)
        self.static_prefix = urljoin(base_url, settings.STATIC_URL)

    def fetch(self, url, headers=None):
        name = self.static_name(url)
        if name is None:
            raise RefusedURL(f"Refused {url!r}: PDFs may use the portal's static files only.")
        path = finders.find(name)
        if not path:
            raise RefusedURL(f"Refused {url!r}: there is no such static file.")
        with open(path, "rb") as static_file:
            body = static_file.read()
        content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, body, {"Content-Type": content_type}, 200)

    def static_name(self, url):
        """The static file name ``url`` asks for, or None unless it is a plain static URL."""
        if not url.startswith(self.static_prefix):
            return None
        name = unquote(re.split(r"[?#]", url[len(self.static_prefix) :], maxsplit=1)[0])
        segments = name.split("/")
        if any(segment in ("", ".", "..") for segment in segments):
            return None  # empty: "//host" or a trailing slash; dots: climbing out
        if "\\" in name or "\x00" in name:
            return None
        return name


def render_document(template_name, context):
    """A template rendered to PDF bytes, with only the portal's static files fetchable."""
    context = {
        "language": _document_language(translation.get_language()),
        "stylesheet_url": _stylesheet_url(),
        "generated_at": _generated_at(),
        **context,
    }
    html = render_to_string(template_name, context)
    document = HTML(string=html, base_url=DOCUMENT_BASE_URL, url_fetcher=StaticFilesFetcher())
    # Tagged, so screen readers get headings, tables and reading order. presentational_hints
    # stays off (WeasyPrint's default): no HTML attribute ever styles the document.
    return document.write_pdf(pdf_tags=True)


# --- Text and values ---------------------------------------------------------------------

# WeasyPrint lays out an unbroken run of text again for every line it cuts it into, so one
# 20,000-character "word" takes seconds even with overflow-wrap: anywhere. An invisible
# zero-width space every 40 characters of such a run gives it ordinary break opportunities.
_LONG_RUN = re.compile(r"\S{40}(?=\S)")
ZERO_WIDTH_SPACE = "\u200b"


def breakable(text):
    """Plain text (still escaped by the template) that can wrap quickly anywhere."""
    return _LONG_RUN.sub(lambda match: match.group(0) + ZERO_WIDTH_SPACE, text or "")


def _datetime(value):
    return date_format(timezone.localtime(value), "j M Y, H:i") if value else EMPTY


def _date(value):
    return date_format(value, "j M Y") if value else EMPTY


def _label(choices, value):
    try:
        return str(choices(value).label)
    except ValueError:
        return str(value) if value else EMPTY


def _yes_no(value):
    return _("Yes") if value else _("No")


def _count(value):
    return number_format(value, force_grouping=True)


def _stylesheet_url():
    return f"{settings.STATIC_URL}{STYLESHEET}"


def _generated_at():
    return _datetime(timezone.now())


def _document_language(requested):
    codes = [code for code, _name in settings.LANGUAGES]
    requested = (requested or "").split("-")[0]
    return requested if requested in codes else settings.LANGUAGE_CODE


# --- Case summary ------------------------------------------------------------------------


@dataclass(frozen=True)
class TimelineRow:
    when: str
    event: str
    from_state: str
    to_state: str
    summary: str
    text: str
    actor: str
    actor_kind: str
    is_internal: bool


def _state(value):
    return _label(CaseState, value) if value else ""


def _internal_actor(entry):
    if entry.actor_kind == ActorKind.STAFF:
        return entry.actor_label or entry.user_display_name
    return entry.actor_label or _label(ActorKind, entry.actor_kind)


def _internal_timeline(case):
    entries = CaseLogEntry.objects.for_case(case).select_related("user", "authority")
    return [
        TimelineRow(
            when=_datetime(entry.timestamp),
            event=str(entry.formatter.label) if entry.formatter else entry.action,
            from_state=_state(entry.from_state),
            to_state=_state(entry.to_state),
            summary=breakable(timeline.summary(entry)),
            text=breakable(entry.text),
            actor=breakable(_internal_actor(entry)),
            actor_kind=_label(ActorKind, entry.actor_kind),
            is_internal=not entry.is_public,
        )
        for entry in entries
    ]


def _citizen_timeline(case):
    """The citizen copy's timeline: what the tracking page shows them."""
    return [
        TimelineRow(
            when=_datetime(update.timestamp),
            event=update.label,
            from_state=_state(update.from_state),
            to_state=_state(update.to_state),
            summary=breakable(update.summary),
            text=breakable(update.text),
            actor=breakable(update.actor),
            actor_kind="",
            is_internal=False,
        )
        for update in public_timeline.public_updates(case, audience=public_timeline.CITIZEN)
    ]


def _case_facts(case, *, internal):
    facts = [
        (_("Sector"), case.sector.name if case.sector else EMPTY),
        (_("County"), case.county.name if case.county else EMPTY),
        (_("Where"), breakable(case.location) or EMPTY),
        (_("Received through"), _label(Channel, case.channel)),
        (_("Authority"), breakable(case.authority.name) if case.authority else EMPTY),
    ]
    if internal:
        coordinates = (
            f"{case.latitude}, {case.longitude}"
            if case.latitude is not None and case.longitude is not None
            else EMPTY
        )
        assignee = case.assigned_to
        facts += [
            (_("Coordinates"), coordinates),
            (_("Priority"), _label(Priority, case.priority)),
            (
                _("Assigned to"),
                (assignee.get_full_name() or assignee.get_username()) if assignee else EMPTY,
            ),
        ]
    return facts


def _case_dates(case):
    return [
        (_("Received"), _datetime(case.received_at)),
        (_("Forwarded"), _datetime(case.forwarded_at)),
        (_("Responded"), _datetime(case.responded_at)),
        (_("Closed"), _datetime(case.closed_at)),
        (_("Due"), _date(case.due_date)),
    ]


def _complainant(case):
    return {
        "facts": [
            (_("Name"), breakable(case.complainant_name) or EMPTY),
            (_("Phone"), case.complainant_phone or EMPTY),
            (_("E-mail"), breakable(case.complainant_email) or EMPTY),
            (_("Preferred language"), _label_language(case.language)),
        ],
        "consents": [
            (_("May be contacted"), _yes_no(case.consent_to_contact)),
            (
                _("Identity may be shared with the authority"),
                _yes_no(case.consent_to_share_identity),
            ),
            (_("An edited summary may be published"), _yes_no(case.consent_to_publish)),
        ],
    }


def _label_language(code):
    return str(dict(settings.LANGUAGES).get(code, code or EMPTY))


def _outcome(case, *, internal):
    if not case.outcome:
        return ""
    outcome = _label(Outcome, case.outcome)
    if internal and case.duplicate_of_id:
        outcome = f"{outcome}: {case.duplicate_of.reference}"
    return outcome


def render_case_summary(case, *, variant=INTERNAL, language=None) -> bytes:
    """A case's summary as PDF bytes.

    ``internal`` shows everything staff see. ``citizen`` is the copy for the complainant: only
    public timeline entries, no staff names (staff appear as "Case worker"), no personal data,
    in the case's language unless ``language`` says otherwise.
    """
    if variant not in VARIANTS:
        raise ValueError(f"Unknown variant {variant!r}: use one of {VARIANTS}.")
    internal = variant == INTERNAL
    default_language = translation.get_language() if internal else case.language
    language = _document_language(language or default_language)
    with translation.override(language):
        context = {
            "language": language,
            "internal": internal,
            "reference": case.reference,
            "status": _label(CaseState, case.state),
            "state": case.state,
            "is_overdue": case.is_overdue,
            "escalation_requested": case.escalation_requested,
            "facts": _case_facts(case, internal=internal),
            "dates": _case_dates(case),
            "description": breakable(case.description),
            "response": breakable(case.response),
            "outcome": _outcome(case, internal=internal),
            "complainant": _complainant(case) if internal else None,
            "timeline": _internal_timeline(case) if internal else _citizen_timeline(case),
            "generated_at": _generated_at(),
            "stylesheet_url": _stylesheet_url(),
        }
        return render_document("cases/pdf/case_summary.html", context)


# --- Listing report ----------------------------------------------------------------------


def _status_counts(cases):
    counts = dict(cases.order_by().values_list("state").annotate(count=Count("pk", distinct=True)))
    return [(str(state.label), counts[state.value]) for state in CaseState if state.value in counts]


def _sector_counts(cases):
    counts = dict(cases.order_by().values_list("sector").annotate(count=Count("pk", distinct=True)))
    sectors = Sector.objects.in_bulk([pk for pk in counts if pk is not None])
    ordered = sorted(sectors.values(), key=lambda sector: (sector.sort_order, sector.name))
    rows = [(sector.name, counts[sector.pk]) for sector in ordered]
    if None in counts:
        rows.append((_("No sector"), counts[None]))
    return rows


def _listing_rows(cases, max_rows):
    rows = cases.select_related("sector", "county", "authority")[:max_rows]
    return [
        {
            "reference": case.reference,
            "received": _date(timezone.localtime(case.received_at).date()),
            "status": _label(CaseState, case.state),
            "sector": case.sector.name if case.sector else EMPTY,
            "county": case.county.name if case.county else EMPTY,
            "authority": breakable(case.authority.name) if case.authority else EMPTY,
            "due": _date(case.due_date),
            "is_overdue": case.is_overdue,
            "priority": _label(Priority, case.priority),
        }
        for case in rows
    ]


def render_listing_report(cases_queryset, *, title, filter_description="", max_rows=1000) -> bytes:
    """A report on a filtered set of cases as PDF bytes, in the active language.

    Counts by status and sector cover every case in the queryset (counted by the database);
    the table lists at most ``max_rows`` of them in the queryset's order and says when there
    are more. The queryset must not be sliced.
    """
    max_rows = max(int(max_rows), 0)
    by_status = _status_counts(cases_queryset)
    total = sum(count for _status, count in by_status)
    rows = _listing_rows(cases_queryset, max_rows) if total else []
    context = {
        "language": _document_language(translation.get_language()),
        "title": title,
        "filter_description": breakable(filter_description),
        "total": total,
        "total_display": _count(total),
        "shown_display": _count(len(rows)),
        "truncated": total > len(rows),
        "by_status": [(label, _count(count)) for label, count in by_status],
        "by_sector": [(label, _count(count)) for label, count in _sector_counts(cases_queryset)],
        "rows": rows,
        "generated_at": _generated_at(),
        "stylesheet_url": _stylesheet_url(),
    }
    return render_document("cases/pdf/listing_report.html", context)
