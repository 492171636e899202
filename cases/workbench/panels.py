"""Dashboard panels on the admin home for people who work on cases."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component

from ..policies import case_permission_policy
from .saved_searches import count_saved_search

PANEL_SIZE = 8


class CaseListPanel(Component):
    template_name = "cases/admin/dashboard_panel.html"

    def __init__(self, *, name, title, queryset, listing_query, order):
        self.name = name
        self.title = title
        self.queryset = queryset
        self.listing_query = listing_query
        self.order = order

    def get_context_data(self, parent_context):
        return {
            "panel_name": self.name,
            "title": self.title,
            "total": self.queryset.count(),
            "cases": self.queryset.for_listing()[:PANEL_SIZE],
            "listing_url": f"{reverse('cases:index')}?{self.listing_query}",
        }


class SavedSearchesPanel(Component):
    template_name = "cases/admin/saved_searches_panel.html"
    order = 160

    def __init__(self, *, searches):
        self.searches = searches

    def get_context_data(self, parent_context):
        return {"searches": self.searches}


def case_panels(user):
    if not case_permission_policy.user_has_permission(user, "view"):
        return []
    cases = case_permission_policy.instances_user_has_permission_for(user, "view")
    panels = [
        CaseListPanel(
            name="my_open_cases",
            title=_("My open cases"),
            queryset=cases.open().assigned_to(user).order_by("due_date"),
            listing_query="assignee=me&state=received,forwarded,responded",
            order=110,
        ),
        CaseListPanel(
            name="overdue_cases",
            title=_("Overdue cases"),
            queryset=cases.overdue().order_by("due_date"),
            listing_query="overdue=true",
            order=120,
        ),
        CaseListPanel(
            name="new_unassigned_cases",
            title=_("New unassigned cases"),
            queryset=cases.filter(state="received").unassigned().order_by("received_at"),
            listing_query="assignee=unassigned&state=received",
            order=130,
        ),
        CaseListPanel(
            name="escalation_requests",
            title=_("Escalation requests"),
            queryset=cases.escalation_requested().order_by("received_at"),
            listing_query="escalation_requested=true",
            order=140,
        ),
    ]
    searches = list(user.saved_case_searches.all())
    if searches:
        for search in searches:
            search.count = count_saved_search(search, user)
        panels.append(SavedSearchesPanel(searches=searches))
    return panels
