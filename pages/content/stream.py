"""Build StreamField values as (block name, value) pairs, so the content modules read like the
pages they fill. Rich text is HTML; Wagtail normalises it when the value is assigned."""


def heading(text, level="h3"):
    return ("heading", {"text": text, "level": level})


def paragraph(html):
    return ("paragraph", html)


def callout(title, html, tone="info"):
    return ("callout", {"tone": tone, "title": title, "text": html})


def finding(title, detail_html=""):
    return ("finding", {"title": title, "detail": detail_html})


def bullet_list(*items):
    """An HTML list for a paragraph block; items are HTML fragments."""
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"
