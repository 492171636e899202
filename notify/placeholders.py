"""Filling in message templates.

Editors write the templates, so filling them in must never fail: ``{name}`` is replaced when
the message knows ``name`` and left exactly as typed otherwise, and no other brace has a
meaning. (``str.format`` would raise on a stray "{" and would let a template reach into
attributes of the values, e.g. ``{reference.__class__}``.)
"""

import re

from django.utils.translation import gettext_lazy as _

PLACEHOLDERS = {
    "reference": _("the case reference, e.g. HUD-2026-000123"),
    "status": _("the case's status"),
    "authority": _("the authority the case is with"),
    "sector": _("the case's sector"),
    "place": _("where: the place described and the county"),
    "response": _("the authority's response (shortened in an SMS)"),
    "tracking_link": _("the citizen's private tracking link"),
    "access_code": _("the citizen's access code (acknowledgement only)"),
    "outcome": _("how the case ended"),
    "due_date": _("the date an answer is due"),
    "tracking_access": _("how long the tracking link works after the case closes"),
    "update": _("the text of the latest public update (reason, note)"),
    "respond_link": _("the authority's response link (authority messages only)"),
    "summary": _("the case summary for the authority"),
    "admin_link": _("the case in the admin (staff messages only)"),
    "days_overdue": _("days since the due date"),
}

# "{reference}", also forgiving "{ Reference }".
PLACEHOLDER_PATTERN = re.compile(r"\{\s*([A-Za-z_]\w*)\s*\}")


def fill_placeholders(template, values):
    """The template with every known ``{name}`` replaced by ``values[name]``."""

    def replace(match):
        name = match.group(1).lower()
        if name in values and values[name] is not None:
            return str(values[name])
        return match.group(0)

    return PLACEHOLDER_PATTERN.sub(replace, template or "")


def unknown_placeholders(template):
    """Placeholder names in the template that no message knows (most likely typos)."""
    found = PLACEHOLDER_PATTERN.findall(template or "")
    return sorted({name for name in found if name.lower() not in PLACEHOLDERS})
