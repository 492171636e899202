"""The public filters: the dashboard's period, county, sector and county comparison, and the
published cases' sector, county and status. Plain GET forms (django-filter), so they work
without JavaScript and every view has a link that can be shared."""

import datetime
from dataclasses import dataclass, field
from urllib.parse import urlencode

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from cases.models import Case, CaseState
from refdata.models import County, Sector

DEFAULT_MONTHS = 12
MAX_PERIOD_DAYS = 3653  # ten years: the monthly trend stays readable
EARLIEST_DATE = datetime.date(2000, 1, 1)

DATE_WIDGET = forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})


def default_period(today):
    """The last 12 months: from the first day of the month 11 months ago up to today."""
    month_index = today.year * 12 + today.month - 1 - (DEFAULT_MONTHS - 1)
    start = datetime.date(month_index // 12, month_index % 12 + 1, 1)
    return start, today


def _keep_all(queryset, name, value):
    # The period applies to each figure's own date (received, forwarded...) and the comparison
    # to its own table: the statistics read them from the form, not from this queryset.
    return queryset


class DashboardForm(forms.Form):
    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end:
            if start > end:
                self.add_error("end", _("The end of the period must not be before its start."))
            elif (end - start).days > MAX_PERIOD_DAYS:
                self.add_error("start", _("Choose a period of at most ten years."))
        if start and start < EARLIEST_DATE:
            self.add_error("start", _("Choose a date from the year 2000 onwards."))
        compare = cleaned.get("compare")
        if compare is not None and len(compare) not in (0, 2):
            self.add_error("compare", _("Choose two different counties to compare."))
        return cleaned


def county_filter():
    """A county chosen by its official code (042), as public URLs show it."""
    return django_filters.ModelChoiceFilter(
        label=_("County"),
        queryset=County.objects.all(),
        to_field_name="code",
        empty_label=_("All counties"),
    )


def sector_filter():
    """A service (sector) chosen by its slug."""
    return django_filters.ModelChoiceFilter(
        label=_("Service"),
        queryset=Sector.objects.all(),
        to_field_name="slug",
        empty_label=_("All services"),
    )


class DashboardFilter(django_filters.FilterSet):
    start = django_filters.DateFilter(label=_("From"), method=_keep_all, widget=DATE_WIDGET)
    end = django_filters.DateFilter(label=_("To"), method=_keep_all, widget=DATE_WIDGET)
    county = county_filter()
    sector = sector_filter()
    compare = django_filters.ModelMultipleChoiceFilter(
        label=_("Compare two counties"),
        queryset=County.objects.all(),
        to_field_name="code",
        method=_keep_all,
    )

    class Meta:
        model = Case
        fields = []
        form = DashboardForm


@dataclass(frozen=True)
class DashboardQuery:
    """A valid, normalised dashboard filter: the figures and the cache key depend on it only."""

    start: datetime.date
    end: datetime.date
    county: County | None = None
    sector: Sector | None = None
    compare: tuple = field(default=())

    def params(self):
        params = [("start", self.start.isoformat()), ("end", self.end.isoformat())]
        if self.county:
            params.append(("county", self.county.code))
        if self.sector:
            params.append(("sector", self.sector.slug))
        params += [("compare", county.code) for county in self.compare]
        return params

    def querystring(self):
        return urlencode(self.params())


def _without_empty_values(data):
    """The submitted data with empty parameters dropped: an empty field counts as absent."""
    cleaned = data.copy()
    for key in list(cleaned.keys()):
        values = [value for value in cleaned.getlist(key) if value.strip()]
        if values:
            cleaned.setlist(key, values)
        else:
            del cleaned[key]
    return cleaned


def read_dashboard_query(data, today):
    """(the bound filter, the DashboardQuery or None when the filter is not valid)."""
    data = _without_empty_values(data)
    start, end = default_period(today)
    data.setdefault("start", start.isoformat())
    data.setdefault("end", end.isoformat())
    filterset = DashboardFilter(data, queryset=Case.objects.none())
    if not filterset.is_valid():
        return filterset, None
    cleaned = filterset.form.cleaned_data
    chosen = {county.code: county for county in cleaned.get("compare") or []}
    # In the order given (the first county on the left), each once.
    compare = tuple(chosen[code] for code in dict.fromkeys(data.getlist("compare")))
    query = DashboardQuery(
        start=cleaned["start"],
        end=cleaned["end"],
        county=cleaned.get("county"),
        sector=cleaned.get("sector"),
        compare=compare,
    )
    return filterset, query


class PublishedCaseFilter(django_filters.FilterSet):
    sector = sector_filter()
    county = county_filter()
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        field_name="state",
        choices=CaseState.choices,
        empty_label=_("Any status"),
    )

    class Meta:
        model = Case
        fields = []


def published_case_filter(data, queryset):
    return PublishedCaseFilter(_without_empty_values(data), queryset=queryset)
