"""Periods in words ("3 years", "6 months", "90 days"), in the active language."""

from django.utils.translation import ngettext

DAYS_PER_YEAR = 365
DAYS_PER_MONTH = 30.44


def in_words(days):
    """A number of days in the largest unit that says it exactly enough."""
    if days >= DAYS_PER_YEAR and days % DAYS_PER_YEAR == 0:
        years = days // DAYS_PER_YEAR
        return ngettext("%(count)d year", "%(count)d years", years) % {"count": years}
    months = round(days / DAYS_PER_MONTH)
    if days >= 28 and abs(months * DAYS_PER_MONTH - days) < 3:
        return ngettext("%(count)d month", "%(count)d months", months) % {"count": months}
    return ngettext("%(count)d day", "%(count)d days", days) % {"count": days}
