"""Public views that are not Wagtail pages: site search."""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.views.decorators.http import require_GET
from wagtail.models import Page

SEARCH_RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200


@require_GET
def search(request):
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    results = None
    if query:
        matches = Page.objects.live().public().specific().search(query)
        results = Paginator(matches, SEARCH_RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "pages/search_results.html", {"query": query, "results": results})
