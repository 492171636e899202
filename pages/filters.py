"""Filters for the public report listing (django-filter).

The filter set is given the reports to filter (the page's children) and offers the years they
were published in, so it needs no page model of its own.
"""

import django_filters
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _

from refdata.models import County, Sector


def report_years(reports):
    years = (
        reports.order_by()
        .annotate(year=ExtractYear("publication_date"))
        .values_list("year", flat=True)
        .distinct()
    )
    return [(year, str(year)) for year in sorted(years, reverse=True)]


class ReportFilter(django_filters.FilterSet):
    year = django_filters.ChoiceFilter(
        label=_("Year"),
        field_name="publication_date",
        lookup_expr="year",
        choices=[],
        empty_label=_("All years"),
    )
    sector = django_filters.ModelChoiceFilter(
        label=_("Sector"),
        field_name="sectors",
        distinct=True,
        queryset=Sector.objects.active(),
        empty_label=_("All sectors"),
    )
    county = django_filters.ModelChoiceFilter(
        label=_("County"),
        field_name="counties",
        distinct=True,
        queryset=County.objects.all(),
        empty_label=_("All counties"),
    )

    def __init__(self, *args, queryset, **kwargs):
        super().__init__(*args, queryset=queryset, **kwargs)
        self.filters["year"].extra["choices"] = report_years(queryset)
