"""The figures as the public sees them: tables of cells, suppressed where needed.

The page, the charts, the CSV and XLSX downloads and the PDF report are all made from one
``Report``, so every output shows the same figures with the same cells suppressed.
"""

from dataclasses import dataclass, field

from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from cases.models import Outcome

from .suppression import Status, protect_line, protect_statistic

EMPTY = "—"
DATE_FORMAT = "j F Y"  # as the other public pages write dates: 1 December 2025

COUNT, RATE, DAYS, TEXT = "count", "rate", "days", "text"


@dataclass(frozen=True)
class Cell:
    text: str
    value: int | float | None = None  # the number itself, when it is shown
    status: Status | None = None  # None: nothing to protect (a label, or no cases at all)
    kind: str = TEXT

    @property
    def is_shown(self):
        return self.value is not None

    @property
    def is_suppressed(self):
        return self.status in (Status.FEWER_THAN, Status.HIDDEN)

    @property
    def export_value(self):
        return self.value if self.value is not None else self.text

    def as_td(self):
        """The cell of a table on the page. Made here rather than by a template included per
        cell: a dashboard holds thousands of cells, and the includes were most of its
        rendering time."""
        classes = "number is-suppressed" if self.is_suppressed else "number"
        status = format_html(' data-status="{}"', self.status) if self.status else ""
        return format_html(
            '<td class="{}" data-kind="{}"{}>{}</td>', classes, self.kind, status, self.text
        )


@dataclass
class Row:
    heading: str
    cells: list
    is_total: bool = False
    is_emphasised: bool = False  # "No response from the authority"


@dataclass
class Table:
    key: str
    caption: str
    headings: list  # the row heading's column first
    rows: list
    sheet_name: str = ""

    @property
    def body(self):
        return [row for row in self.rows if not row.is_total]

    @property
    def totals(self):
        return [row for row in self.rows if row.is_total]

    @property
    def has_suppressed_cells(self):
        return any(cell.is_suppressed for row in self.rows for cell in row.cells)


@dataclass(frozen=True)
class Headline:
    key: str
    label: str
    cell: Cell
    is_emphasised: bool = False

    @property
    def text(self):
        return text_with_unit(self.cell)


@dataclass
class Report:
    query: object
    today: object
    headline: list = field(default_factory=list)
    tables: dict = field(default_factory=dict)

    def table(self, key):
        return self.tables.get(key)


# --- Cells ----------------------------------------------------------------------------------


def fewer_than_text():
    return _("fewer than 5")


def text_with_unit(cell):
    """A cell's words where no column heading gives the unit: "4.5 days"."""
    if cell.is_shown and cell.kind == DAYS:
        return _("%(days)s days") % {"days": cell.text}
    return cell.text


def count_cell(value, status):
    if status == Status.FEWER_THAN:
        return Cell(fewer_than_text(), status=status, kind=COUNT)
    if status == Status.HIDDEN:
        return Cell(pgettext("suppressed figure", "not shown"), status=status, kind=COUNT)
    return Cell(formats.number_format(value, force_grouping=True), value, status, COUNT)


def rate_cell(numerator, base):
    if not base:
        return Cell(EMPTY, kind=RATE)
    status = protect_statistic(base)
    if status != Status.SHOWN:
        return Cell(_("fewer than 5 cases"), status=status, kind=RATE)
    percent = round(100 * numerator / base)
    return Cell(f"{formats.number_format(percent)}%", percent, status, RATE)


def days_cell(median, base):
    if not base:
        return Cell(EMPTY, kind=DAYS)
    status = protect_statistic(base)
    if status != Status.SHOWN:
        return Cell(_("fewer than 5 cases"), status=status, kind=DAYS)
    if median is None:
        return Cell(EMPTY, kind=DAYS)  # too many values for the SQLite fallback
    median = round(median, 1)
    return Cell(formats.number_format(median, 1), median, status, DAYS)


def response_cells(stats):
    """Response rate, share within target and median days of a ResponseStats."""
    return [
        rate_cell(stats.answered, stats.due),
        rate_cell(stats.within_target, stats.due),
        days_cell(stats.median_days, stats.answered),
    ]


# --- Lines of counts and their totals -------------------------------------------------------

STATUS_ORDER = [Status.SHOWN, Status.FEWER_THAN, Status.HIDDEN]


class Lines:
    """Every line of counts in the report, protected before any table is built.

    Several lines can share a total (the cases received are the total of the months and,
    without a county filter, of the counties too): hidden in one line, it is hidden everywhere.
    """

    def __init__(self):
        self.lines = {}
        self.total_values = {}
        self.total_statuses = {}

    def add(self, name, total_name, values):
        values = list(values)
        line = protect_line(values)
        self.lines[name] = (values, line)
        self.total_values[total_name] = sum(values)
        previous = self.total_statuses.get(total_name, Status.SHOWN)
        self.total_statuses[total_name] = max(previous, line.total, key=STATUS_ORDER.index)

    def cells(self, name):
        values, line = self.lines[name]
        return [count_cell(value, status) for value, status in zip(values, line.cells, strict=True)]

    def total(self, total_name):
        return count_cell(self.total_values[total_name], self.total_statuses[total_name])


def _county_total(figures, name):
    # Without a county filter the county table's totals are the headline's own figures.
    return f"{name}_all_counties" if figures.query.county else name


def protect_lines(figures):
    lines = Lines()
    lines.add("outcomes", "closed", (figures.outcomes[outcome.value] for outcome in Outcome))
    lines.add("months_received", "received", (row.received for row in figures.months))
    lines.add("months_responded", "responded", (row.responded for row in figures.months))
    authorities = figures.authorities
    lines.add(
        "authorities_forwarded", "forwarded", (row.responses.forwarded for row in authorities)
    )
    lines.add("authorities_overdue", "overdue_now", (row.overdue_now for row in authorities))
    counties = figures.counties
    lines.add(
        "counties_received", _county_total(figures, "received"), (row.received for row in counties)
    )
    lines.add(
        "counties_forwarded",
        _county_total(figures, "forwarded"),
        (row.responses.forwarded for row in counties),
    )
    return lines


# --- Tables ---------------------------------------------------------------------------------


def _month_label(month):
    return formats.date_format(month, "YEAR_MONTH_FORMAT")


def _authority_name(authority):
    return authority.name if authority else _("No authority recorded")


def _county_name(county):
    return county.name if county else _("County not given")


def _response_headings():
    return [
        _("Response rate"),
        _("Answered within the target"),
        _("Median days to respond"),
    ]


def _outcomes_table(figures, lines):
    outcomes = list(Outcome)
    rows = [
        Row(str(outcome.label), [cell], is_emphasised=outcome == Outcome.NO_RESPONSE)
        for outcome, cell in zip(outcomes, lines.cells("outcomes"), strict=True)
    ]
    rows.append(Row(_("All closed cases"), [lines.total("closed")], is_total=True))
    return Table(
        "outcomes",
        _("Outcomes of the cases closed in the period"),
        [_("Outcome"), _("Cases")],
        rows,
        sheet_name=_("Outcomes"),
    )


def _months_table(figures, lines):
    cells = zip(
        figures.months, lines.cells("months_received"), lines.cells("months_responded"), strict=True
    )
    rows = [
        Row(_month_label(row.month), [received, responded]) for row, received, responded in cells
    ]
    rows.append(
        Row(_("Whole period"), [lines.total("received"), lines.total("responded")], is_total=True)
    )
    return Table(
        "months",
        _("Cases received and responded to, by month"),
        [_("Month"), pgettext("cases counted", "Received"), pgettext("cases counted", "Responded")],
        rows,
        sheet_name=_("By month"),
    )


def _authorities_table(figures, lines):
    cells = zip(
        figures.authorities,
        lines.cells("authorities_forwarded"),
        lines.cells("authorities_overdue"),
        strict=True,
    )
    rows = [
        Row(_authority_name(row.authority), [forwarded, *response_cells(row.responses), overdue])
        for row, forwarded, overdue in cells
    ]
    rows.append(
        Row(
            _("All authorities"),
            [
                lines.total("forwarded"),
                *response_cells(figures.responses),
                lines.total("overdue_now"),
            ],
            is_total=True,
        )
    )
    return Table(
        "authorities",
        _("How each authority answers"),
        [_("Authority"), _("Cases forwarded to it"), *_response_headings(), _("Overdue now")],
        rows,
        sheet_name=_("Authorities"),
    )


def _counties_table(figures, lines):
    cells = zip(
        figures.counties,
        lines.cells("counties_received"),
        lines.cells("counties_forwarded"),
        strict=True,
    )
    rows = [
        Row(_county_name(row.county), [received, forwarded, *response_cells(row.responses)])
        for row, received, forwarded in cells
    ]
    rows.append(
        Row(
            _("All counties"),
            [
                lines.total(_county_total(figures, "received")),
                lines.total(_county_total(figures, "forwarded")),
                *response_cells(figures.all_counties),
            ],
            is_total=True,
        )
    )
    return Table(
        "counties",
        _("Figures by county"),
        [
            _("County"),
            pgettext("cases counted", "Received"),
            pgettext("cases counted", "Forwarded"),
            *_response_headings(),
        ],
        rows,
        sheet_name=_("Counties"),
    )


def _comparison_table(counties_table, figures):
    """The two chosen counties side by side: their rows of the county table, turned."""
    by_name = {row.heading: row for row in counties_table.body}
    columns = [by_name[_county_name(county)] for county in figures.query.compare]
    if len(columns) != 2:
        return None
    figure_names = counties_table.headings[1:]
    rows = [
        Row(name, [column.cells[index] for column in columns])
        for index, name in enumerate(figure_names)
    ]
    return Table(
        "comparison",
        _("%(first)s and %(second)s side by side")
        % {"first": columns[0].heading, "second": columns[1].heading},
        [_("Figure"), columns[0].heading, columns[1].heading],
        rows,
        sheet_name=_("Comparison"),
    )


def _headline(figures, lines, outcomes_table):
    no_response = next(row for row in outcomes_table.rows if row.is_emphasised)
    rate, within, median = response_cells(figures.responses)
    return [
        Headline("received", _("Cases received"), lines.total("received")),
        Headline("forwarded", _("Forwarded to an authority"), lines.total("forwarded")),
        Headline("responded", _("Responses from authorities"), lines.total("responded")),
        Headline("closed", _("Cases closed"), lines.total("closed")),
        Headline("response_rate", _("Response rate"), rate),
        Headline("within_target", _("Answered within the target"), within),
        Headline("median_days", _("Median days to respond"), median),
        Headline(
            "no_response",
            _("Closed with no response from the authority"),
            no_response.cells[0],
            is_emphasised=True,
        ),
        Headline("overdue_now", _("Overdue at an authority now"), lines.total("overdue_now")),
    ]


def build_report(figures):
    lines = protect_lines(figures)
    tables = {
        "outcomes": _outcomes_table(figures, lines),
        "months": _months_table(figures, lines),
        "authorities": _authorities_table(figures, lines),
        "counties": _counties_table(figures, lines),
    }
    comparison = _comparison_table(tables["counties"], figures)
    if comparison:
        tables["comparison"] = comparison
    return Report(
        query=figures.query,
        today=figures.today,
        headline=_headline(figures, lines, tables["outcomes"]),
        tables=tables,
    )


def generated_at():
    return formats.date_format(timezone.localtime(timezone.now()), f"{DATE_FORMAT}, H:i")


def describe_query(query):
    """The filter in words: [(label, value), ...]."""
    period = _("%(start)s to %(end)s") % {
        "start": formats.date_format(query.start, DATE_FORMAT),
        "end": formats.date_format(query.end, DATE_FORMAT),
    }
    described = [
        (_("Period"), period),
        (_("County"), query.county.name if query.county else _("All counties")),
        (_("Service"), query.sector.name if query.sector else _("All services")),
    ]
    if query.compare:
        described.append(
            (_("Counties compared"), ", ".join(county.name for county in query.compare))
        )
    return described


def definitions():
    """How each figure is counted: [(term, explanation), ...], shown with every output."""
    return [
        (
            _("Received, forwarded, responded, closed"),
            _(
                "Cases received by the portal, forwarded to an authority, answered by the "
                "authority or closed during the period. A case sent to an authority again after "
                "an escalation counts from its latest forwarding and its latest response."
            ),
        ),
        (
            _("Response rate"),
            _(
                "Of the cases forwarded during the period whose answer is due, the share the "
                "authority answered. A case's answer is due once the authority answered it, once "
                "it was closed without a response, or when it is past its due date today; cases "
                "still within their time, or withdrawn before an answer was due, are not counted."
            ),
        ),
        (
            _("Answered within the target"),
            _(
                "The share of those same cases that the authority answered within its response "
                "time. Response times are set in working days; we count each working day as "
                "7/5 calendar days (to allow for weekends), so a 10-working-day target is 14 "
                "days. Public holidays are not allowed for."
            ),
        ),
        (
            _("Median days to respond"),
            _(
                "Half of the answered cases forwarded during the period were answered faster "
                "than this, half more slowly: days from forwarding to the authority's response."
            ),
        ),
        (
            _("Overdue now"),
            _("Cases with an authority that are past their due date today, whatever the period."),
        ),
        (
            _("Small numbers"),
            _(
                "A count from 1 to 4 is shown as “fewer than 5”, and rates and medians worked "
                "out from fewer than 5 cases are not shown, so that nobody can be recognised. "
                "Where a small count could be worked out from a total, another figure is "
                "“not shown” as well."
            ),
        ),
    ]
