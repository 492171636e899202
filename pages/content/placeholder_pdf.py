"""The placeholder PDF that stands in for the baseline survey until the report is published.
Rendered with WeasyPrint from a self-contained page: no images, no outside resources."""

from django.utils.html import escape
from weasyprint import HTML

from . import report

_PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{title}</title>
<style>
  @page {{ size: A4; margin: 25mm; }}
  body {{ font-family: "DejaVu Sans", sans-serif; font-size: 11pt; line-height: 1.5; }}
  .label {{ font-size: 10pt; font-weight: bold; letter-spacing: 0.1em; text-transform: uppercase; }}
  h1 {{ font-size: 20pt; line-height: 1.2; margin: 8mm 0 4mm; }}
  .notice {{ border: 2pt solid black; padding: 5mm; margin-top: 10mm; }}
</style>
</head>
<body>
<p class="label">Placeholder</p>
<h1>{title}</h1>
<p>Baseline survey in support of the Huduma Portal</p>
<p>{publishers}, {date}</p>
<div class="notice">
<p><strong>This document is a placeholder for the published report.</strong></p>
<p>The full report will replace this file when it is published. It contains no findings.</p>
</div>
</body>
</html>
"""


def placeholder_report_pdf():
    """The placeholder as PDF bytes (a few kilobytes: WeasyPrint embeds only used glyphs)."""
    date = report.PUBLICATION_DATE
    html = _PAGE.format(
        title=escape(report.TITLE),
        publishers=escape(report.PUBLISHERS),
        date=f"{date.day} {date:%B %Y}",
    )
    return HTML(string=html).write_pdf()
