"""Filters for the public report listing (django-filter)."""

import django_filters
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _

from refdata.models import County, Sector

from .models import ReportPage


def report_years():
    years = (
        ReportPage.objects.live()
        .public()
        .annotate(year=ExtractYear("publication_date"))
        .values_list("year", flat=True)
        .distinct()
        .order_by("-year")
    )
    return [(year, str(year)) for year in years]


class ReportFilter(django_filters.FilterSet):
    year = django_filters.ChoiceFilter(
        label=_("Year"),
        field_name="publication_date",
        lookup_expr="year",
        choices=report_years,
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

    class Meta:
        model = ReportPage
        fields = ["year", "sector", "county"]
