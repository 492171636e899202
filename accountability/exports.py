"""Downloads of the dashboard's figures: CSV, XLSX and a PDF statistics report.

All three are made from the same ``Report`` as the page, suppressed cells included. Text cells
that a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage return)
are kept as text: escaped with an apostrophe in the CSV, typed as strings in the XLSX.
"""

import csv
import io
import re

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from weasyprint import HTML

from cases.exports import spreadsheet_safe
from cases.pdf import DOCUMENT_BASE_URL, STYLESHEET, StaticFilesFetcher

from .charts import dashboard_charts
from .report import RATE, definitions, describe_query, generated_at

SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
MAX_SHEET_NAME = 31


def _title():
    return _("Huduma Portal: how authorities respond")


def _about_rows(report):
    rows = [[_title()]]
    rows += [[label, value] for label, value in describe_query(report.query)]
    rows.append([_("Generated"), generated_at()])
    rows.append([])
    rows += [[term, explanation] for term, explanation in definitions()]
    return rows


def _headings(table):
    """The column headings, with "(%)" where the column holds percentages."""
    first = table.rows[0].cells if table.rows else []
    headings = [table.headings[0]]
    for heading, cell in zip(table.headings[1:], first, strict=False):
        headings.append(f"{heading} (%)" if cell.kind == RATE else heading)
    return headings


def _table_rows(table):
    yield [table.caption]
    yield _headings(table)
    for row in table.rows:
        yield [row.heading, *(cell.export_value for cell in row.cells)]


# --- CSV ----------------------------------------------------------------------------------


def figures_csv(report):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in _about_rows(report):
        writer.writerow([spreadsheet_safe(value) for value in row])
    for table in report.tables.values():
        writer.writerow([])
        for row in _table_rows(table):
            writer.writerow([spreadsheet_safe(value) for value in row])
    # The byte order mark lets spreadsheet programs recognise UTF-8 (Kiswahili, dashes).
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


# --- XLSX ---------------------------------------------------------------------------------


def _sheet_name(name, taken):
    name = SHEET_NAME_FORBIDDEN.sub(" ", name).strip()[:MAX_SHEET_NAME] or "Sheet"
    candidate, number = name, 2
    while candidate.lower() in taken:
        suffix = f" {number}"
        candidate = name[: MAX_SHEET_NAME - len(suffix)] + suffix
        number += 1
    taken.add(candidate.lower())
    return candidate


def _append(sheet, values, *, bold=False):
    sheet.append([ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v for v in values])
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, str):
            cell.data_type = "s"  # never a formula, whatever the text starts with
        if bold:
            cell.font = Font(bold=True)


def figures_xlsx(report):
    workbook = Workbook()
    workbook.properties.creator = "Huduma Portal"
    workbook.properties.title = _title()
    taken = set()
    about = workbook.active
    about.title = _sheet_name(_("About"), taken)
    for index, row in enumerate(_about_rows(report)):
        _append(about, row, bold=index == 0)
    about.column_dimensions["A"].width = 40
    about.column_dimensions["B"].width = 100
    for table in report.tables.values():
        sheet = workbook.create_sheet(_sheet_name(table.sheet_name or table.key, taken))
        for index, row in enumerate(_table_rows(table)):
            _append(sheet, row, bold=index < 2)
        sheet.column_dimensions["A"].width = 40
        for column in "BCDEFG":
            sheet.column_dimensions[column].width = 18
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


# --- PDF ----------------------------------------------------------------------------------


def figures_pdf(report):
    """The statistics report: the same tables and the same SVG charts as the page."""
    context = {
        "language": (translation.get_language() or "en").split("-")[0],
        "title": _title(),
        "report": report,
        "charts": dashboard_charts(report),
        "described": describe_query(report.query),
        "definitions": definitions(),
        "generated_at": generated_at(),
        "stylesheet_url": f"{settings.STATIC_URL}{STYLESHEET}",
    }
    html = render_to_string("accountability/pdf/report.html", context)
    document = HTML(string=html, base_url=DOCUMENT_BASE_URL, url_fetcher=StaticFilesFetcher())
    return document.write_pdf(pdf_tags=True)
