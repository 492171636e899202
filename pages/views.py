"""Public views that are not Wagtail pages: site search, in the reader's language."""

import logging

from django.core.paginator import Paginator
from django.db import DatabaseError
from django.shortcuts import render
from django.views.decorators.http import require_GET
from wagtail.models import Page

from . import locales
from .restrictions import public
from .search_query import displayed_query, search_words

logger = logging.getLogger(__name__)

SEARCH_RESULTS_PER_PAGE = 10


@require_GET
def search(request):
    query = displayed_query(request.GET.get("q", ""))
    words = search_words(query)
    results = None
    if query:
        # Text without a word to look for (only quotes or signs) finds nothing, and the page
        # says so, with its usual advice.
        results = Paginator([], SEARCH_RESULTS_PER_PAGE).get_page(1)
    if words:
        # Only the reader's language: Kiswahili pages are indexed with PostgreSQL's "simple"
        # configuration and English ones with English stemming (pages/search_backend.py).
        matches = (
            public(Page.objects.live().filter(locale=locales.active())).specific().search(words)
        )
        try:
            results = Paginator(matches, SEARCH_RESULTS_PER_PAGE).get_page(request.GET.get("page"))
            # Read here, so a refused query is caught, with their locales (for addresses and
            # language marks) attached rather than read one by one.
            results.object_list = locales.attach(list(results.object_list))
        except DatabaseError:
            # Only words reach the backend, but should one still refuse them: no results.
            logger.warning("Search backend refused the query %r", words, exc_info=True)
    context = {"query": query, "results": results}
    return render(request, "pages/search_results.html", context)
