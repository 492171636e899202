"""Public views that are not Wagtail pages: site search, in the reader's language."""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.views.decorators.http import require_GET
from wagtail.models import Locale, Page

SEARCH_RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200


@require_GET
def search(request):
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    results = None
    if query:
        # Only the reader's language: Kiswahili pages are indexed with PostgreSQL's "simple"
        # configuration and English ones with English stemming (pages/search_backend.py).
        matches = (
            Page.objects.live().public().filter(locale=Locale.get_active()).specific().search(query)
        )
        results = Paginator(matches, SEARCH_RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "pages/search_results.html", {"query": query, "results": results})
