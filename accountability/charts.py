"""Charts as server-rendered SVG: the geometry is worked out here, templates draw it.

Every chart is made from a report table's cells, so a suppressed cell has no bar, only its
words ("fewer than 5", "not shown"). Colours pass WCAG contrast against white (3:1 is needed
for graphics; these give 6.6:1 and more), and never carry meaning alone: every bar has its
label and value written next to it, and the second series is striped as well as coloured.
"""

from dataclasses import dataclass, field

from django.utils import formats
from django.utils.translation import gettext as _

from .report import DAYS, RATE
from .report import text_with_unit as value_text

BLUE = "#1a4d8f"
GREEN = "#006b3f"
RED = "#bb0000"
TEXT = "#0b0c0c"
GRID = "#b1b4b6"

SOLID, STRIPED = "solid", "striped"

MAX_LABEL_CHARACTERS = 32


@dataclass(frozen=True)
class BarSpec:
    label: str
    cell: object  # report.Cell
    scale_max: float | None = None  # None: the largest shown value of the chart
    is_emphasised: bool = False
    style: str = SOLID
    group: str = ""  # a heading written above the first bar of each group


@dataclass(frozen=True)
class Bar:
    label: str
    value_text: str
    x: float
    y: float
    width: float
    height: float
    label_y: float
    value_x: float
    fill: str
    style: str
    is_suppressed: bool
    is_emphasised: bool


@dataclass(frozen=True)
class Text:
    x: float
    y: float
    text: str
    anchor: str = "start"
    rotate: float = 0


@dataclass
class Chart:
    id: str
    kind: str  # "bars" (horizontal) or "columns"
    title: str
    description: str
    width: int
    height: int
    bars: list = field(default_factory=list)
    texts: list = field(default_factory=list)  # group headings, axis and tick labels
    lines: list = field(default_factory=list)  # (x1, y1, x2, y2) grid and axis lines
    legend: list = field(default_factory=list)  # (x, y, label, paint)
    note: Text | None = None

    @property
    def title_id(self):
        return f"{self.id}-title"

    @property
    def desc_id(self):
        return f"{self.id}-desc"

    @property
    def pattern_id(self):
        return f"{self.id}-stripes"


def _count(number):
    return formats.number_format(number, force_grouping=True)


def _paint(chart_id, colour, style):
    """A plain colour, or the striped pattern of that colour (defined in the chart template)."""
    if style != STRIPED:
        return colour
    name = "red" if colour == RED else "green"
    return f"url(#{chart_id}-stripes-{name})"


def _short(label):
    if len(label) <= MAX_LABEL_CHARACTERS:
        return label
    return label[: MAX_LABEL_CHARACTERS - 1].rstrip() + "…"


def _describe(intro, specs):
    parts = [
        f"{spec.group + ', ' if spec.group else ''}{spec.label}: {value_text(spec.cell)}"
        for spec in specs
    ]
    details = "; ".join(parts) if parts else _("There are no figures to show.")
    see_table = _("The same figures are in the table next to the chart.")
    return f"{intro} {details}. {see_table}"


# --- Horizontal bars ------------------------------------------------------------------------

BARS_WIDTH = 720
BAR_LEFT = 290  # labels end 8 units before, right-aligned (DejaVu Sans is wide: room for 32)
BAR_SPACE = 280  # the longest bar; the rest of the width is for its value
ROW_HEIGHT = 28
BAR_HEIGHT = 18
GROUP_HEADING_HEIGHT = 26


def _colour_and_style(spec):
    if spec.is_emphasised:
        return RED, STRIPED
    return (GREEN, STRIPED) if spec.style == STRIPED else (BLUE, SOLID)


def horizontal_bars(chart_id, title, intro, specs):
    shown = [float(spec.cell.value) for spec in specs if spec.cell.is_shown]
    largest = max(shown, default=0) or 1
    chart = Chart(chart_id, "bars", title, _describe(intro, specs), BARS_WIDTH, 0)
    y = 8.0
    group = None
    for spec in specs:
        if spec.group and spec.group != group:
            group = spec.group
            y += 6 if chart.bars else 0
            chart.texts.append(Text(8, y + 16, spec.group))
            y += GROUP_HEADING_HEIGHT
        cell = spec.cell
        scale = float(spec.scale_max or largest) or 1
        width = BAR_SPACE * min(float(cell.value), scale) / scale if cell.is_shown else 0
        if cell.is_shown and cell.value and width < 1:
            width = 1  # a non-zero value always shows
        chart.bars.append(
            Bar(
                label=_short(spec.label),
                value_text=value_text(cell),
                x=BAR_LEFT,
                y=y + (ROW_HEIGHT - BAR_HEIGHT) / 2,
                width=round(width, 1),
                height=BAR_HEIGHT,
                label_y=y + ROW_HEIGHT / 2 + 5,
                value_x=BAR_LEFT + round(width, 1) + 6,
                fill=_paint(chart_id, *_colour_and_style(spec)),
                style=_colour_and_style(spec)[1],
                is_suppressed=not cell.is_shown,
                is_emphasised=spec.is_emphasised,
            )
        )
        y += ROW_HEIGHT
    chart.lines.append((BAR_LEFT, 4, BAR_LEFT, y + 4))
    chart.height = int(y + 12)
    return chart


# --- Columns over time ----------------------------------------------------------------------

COLUMNS_HEIGHT = 320
PLOT_TOP = 48
PLOT_BOTTOM = 240
PLOT_LEFT = 64
COLUMN_WIDTH = 14
GROUP_GAP = 12


def _nice_ticks(largest, count=4):
    """Round tick values from 0 up to at least ``largest``."""
    if largest <= 0:
        return [0, 1]
    raw_step = largest / count
    magnitude = 10 ** (len(str(int(raw_step))) - 1)
    for factor in (1, 2, 2.5, 5, 10):
        step = factor * magnitude
        if step >= raw_step:
            break
    step = max(int(step), 1)
    ticks = list(range(0, int(largest) + step, step))
    return ticks if ticks[-1] >= largest else [*ticks, ticks[-1] + step]


def monthly_columns(chart_id, title, intro, months, series):
    """Grouped columns, one group per month. ``series``: [(name, [cells]), ...], two at most."""
    shown = [float(cell.value) for _name, cells in series for cell in cells if cell.is_shown]
    ticks = _nice_ticks(max(shown, default=0))
    top = ticks[-1] or 1
    group_width = COLUMN_WIDTH * len(series) + GROUP_GAP
    width = max(BARS_WIDTH, PLOT_LEFT + group_width * len(months) + 24)
    specs = [
        BarSpec(f"{month}, {name}", cell)
        for name, cells in series
        for month, cell in zip(months, cells, strict=True)
    ]
    chart = Chart(chart_id, "columns", title, _describe(intro, specs), width, COLUMNS_HEIGHT)
    plot_height = PLOT_BOTTOM - PLOT_TOP
    for tick in ticks:
        y = PLOT_BOTTOM - plot_height * tick / top
        chart.lines.append((PLOT_LEFT, round(y, 1), width - 8, round(y, 1)))
        chart.texts.append(Text(PLOT_LEFT - 6, round(y + 4, 1), _count(tick), anchor="end"))
    every = max(1, len(months) // 24 + 1) if len(months) > 24 else 1
    any_suppressed = False
    for index, month in enumerate(months):
        left = PLOT_LEFT + GROUP_GAP / 2 + index * group_width
        for position, (name, cells) in enumerate(series):
            cell = cells[index]
            style = STRIPED if position else SOLID
            height = plot_height * float(cell.value) / top if cell.is_shown else 0
            x = left + position * COLUMN_WIDTH
            any_suppressed |= not cell.is_shown
            chart.bars.append(
                Bar(
                    label=f"{month}, {name}",
                    value_text="*" if not cell.is_shown else cell.text,
                    x=round(x, 1),
                    y=round(PLOT_BOTTOM - height, 1),
                    width=COLUMN_WIDTH - 2,
                    height=round(height, 1),
                    label_y=PLOT_BOTTOM - 4,
                    value_x=round(x + (COLUMN_WIDTH - 2) / 2, 1),
                    fill=_paint(chart_id, GREEN if position else BLUE, style),
                    style=style,
                    is_suppressed=not cell.is_shown,
                    is_emphasised=False,
                )
            )
        if index % every == 0:
            centre = round(left + group_width / 2 - GROUP_GAP / 2, 1)
            chart.texts.append(Text(centre, PLOT_BOTTOM + 14, month, anchor="end", rotate=-40))
    for position, (name, _cells) in enumerate(series):
        style = STRIPED if position else SOLID
        paint = _paint(chart_id, GREEN if position else BLUE, style)
        chart.legend.append((PLOT_LEFT + position * 160, 16, name, paint))
    if any_suppressed:
        chart.note = Text(
            8,
            COLUMNS_HEIGHT - 8,
            _("* not shown: fewer than 5, or hidden to protect a small number"),
        )
    return chart


# --- The dashboard's charts -----------------------------------------------------------------


def outcome_chart(report):
    table = report.table("outcomes")
    specs = [
        BarSpec(row.heading, row.cells[0], is_emphasised=row.is_emphasised) for row in table.body
    ]
    return horizontal_bars(
        "chart-outcomes",
        _("Outcomes of the cases closed in the period"),
        _("Bar chart of the cases closed in the period, by outcome."),
        specs,
    )


def month_chart(report):
    table = report.table("months")
    months = [row.heading for row in table.body]
    series = [
        (table.headings[1], [row.cells[0] for row in table.body]),
        (table.headings[2], [row.cells[1] for row in table.body]),
    ]
    return monthly_columns(
        "chart-months",
        _("Cases received and responded to, by month"),
        _("Column chart of the cases received and the responses from authorities, month by month."),
        months,
        series,
    )


def county_days_chart(report):
    table = report.table("counties")
    days_column = -1  # the median is the county table's last column
    rows = [row for row in table.body if row.cells[days_column].is_shown]
    rows.sort(key=lambda row: (row.cells[days_column].value, row.heading))
    specs = [BarSpec(row.heading, row.cells[days_column]) for row in rows]
    return horizontal_bars(
        "chart-county-days",
        _("Median days to respond, by county"),
        _(
            "Bar chart of the median days authorities took to respond, county by county, the "
            "fastest first. Counties with fewer than 5 answered cases are left out."
        ),
        specs,
    )


def comparison_chart(report):
    table = report.table("comparison")
    if table is None:
        return None
    first, second = table.headings[1], table.headings[2]
    specs = []
    for row in table.body:
        cells = row.cells
        if cells[0].kind not in (RATE, DAYS):
            continue
        if cells[0].kind == RATE:
            scale = 100
        else:
            scale = max((cell.value for cell in cells if cell.is_shown), default=1) or 1
        specs.append(BarSpec(first, cells[0], scale, group=row.heading))
        specs.append(BarSpec(second, cells[1], scale, style=STRIPED, group=row.heading))
    return horizontal_bars(
        "chart-comparison",
        table.caption,
        _(
            "Bar chart comparing two counties: response rate, answers within the target and "
            "median days to respond."
        ),
        specs,
    )


def dashboard_charts(report):
    charts = {
        "outcomes": outcome_chart(report),
        "months": month_chart(report),
        "counties": county_days_chart(report),
    }
    comparison = comparison_chart(report)
    if comparison:
        charts["comparison"] = comparison
    return charts
