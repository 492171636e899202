"""Viewsets of the case workbench: cases, authorities, response templates and county limits."""

from django.contrib.admin.utils import quote
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.admin_url_finder import ModelAdminURLFinder
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from ..models import Authority, Case, CountyLimit, ResponseTemplate, StaffAccess
from ..policies import case_permission_policy
from . import export_jobs, pdf_views, saved_searches, views
from .columns import FlagColumn
from .filters import CaseFilterSet
from .registration import RegisterCaseForm


class CaseAdminURLFinder(ModelAdminURLFinder):
    def get_edit_url(self, instance):
        if self.user and not case_permission_policy.user_has_permission_for_instance(
            self.user, "view", instance
        ):
            return None
        return reverse("cases:inspect", args=(quote(instance.pk),))


class CaseViewSet(ModelViewSet):
    model = Case
    icon = "folder-open-inverse"
    menu_label = _("Cases")
    menu_order = 200
    add_to_admin_menu = True
    name = "cases"
    url_prefix = "cases"
    copy_view_enabled = False
    inspect_view_enabled = True
    filterset_class = CaseFilterSet
    index_view_class = views.CaseIndexView
    inspect_view_class = views.CaseInspectView
    history_view_class = views.CaseHistoryView
    usage_view_class = views.CaseUsageView
    add_to_reference_index = False

    def get_form_class(self, for_update=False):
        return RegisterCaseForm

    list_display = [
        "reference",
        "state",
        "priority",
        "sector",
        "county",
        "authority",
        "assigned_to",
        "due_date",
        "received_at",
        FlagColumn(
            "needs_transcription",
            label=_("Transcription"),
            text=_("Needs transcription"),
        ),
    ]
    list_per_page = 50
    ordering = ["-received_at"]
    sort_fields = ["reference", "state", "priority", "due_date", "received_at"]
    list_export = [
        "reference",
        "get_state_display",
        "get_priority_display",
        "get_channel_display",
        "sector",
        "county",
        "authority",
        "assigned_to",
        "received_at",
        "due_date",
        "location",
        "description",
        "get_outcome_display",
    ]
    export_headings = {
        "get_state_display": _("Status"),
        "get_priority_display": _("Priority"),
        "get_channel_display": _("Channel"),
        "get_outcome_display": _("Outcome"),
    }
    export_filename = "cases"

    # Cases change only through operations: no free edit form, and nobody deletes one. Those
    # routes do not exist at all, and links to a case (search, reports) open its inspect view.
    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            **{"edit_url_name": self.get_url_name("inspect"), "delete_url_name": None, **kwargs}
        )

    @property
    def url_finder_class(self):
        return CaseAdminURLFinder

    def get_urlpatterns(self):
        operation = views.OperationView.as_view
        return [
            *[
                pattern
                for pattern in super().get_urlpatterns()
                if pattern.name not in ("edit", "delete")
            ],
            path("<int:pk>/do/<str:name>/", operation(), name="transition"),
            path("<int:pk>/assign/", operation(operation_name="assign"), name="assign"),
            path("<int:pk>/take/", views.TakeCaseView.as_view(), name="take"),
            path("<int:pk>/note/", operation(operation_name="note"), name="note"),
            path("<int:pk>/publish/", operation(operation_name="publish"), name="publish"),
            path("<int:pk>/unpublish/", views.UnpublishView.as_view(), name="unpublish"),
            path("<int:pk>/summary.pdf", pdf_views.case_summary_pdf, name="summary_pdf"),
            path(
                "<int:pk>/citizen-copy.pdf",
                pdf_views.citizen_copy_pdf,
                name="citizen_pdf",
            ),
            path("report/", export_jobs.listing_report, name="listing_pdf"),
            path("downloads/", export_jobs.downloads, name="downloads"),
            path("downloads/<int:pk>/", export_jobs.download, name="download"),
            path("saved-searches/", saved_searches.save_search, name="save_search"),
            path(
                "saved-searches/<int:pk>/delete/",
                saved_searches.delete_search,
                name="delete_search",
            ),
        ]


class AuthorityViewSet(ModelViewSet):
    add_to_reference_index = False  # not content: nothing refers to it
    model = Authority
    icon = "group"
    menu_label = _("Authorities")
    name = "authorities"
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = ["name", "kind", "parent", "response_days", "is_active", "is_example"]
    list_filter = ["kind", "is_active", "sectors", "is_example"]
    search_fields = ["name", "email"]
    form_fields = [
        "name",
        "kind",
        "parent",
        "sectors",
        "counties",
        "email",
        "phone",
        "response_days",
        "is_active",
        "is_example",
    ]


class ResponseTemplateViewSet(ModelViewSet):
    add_to_reference_index = False  # not content: nothing refers to it
    model = ResponseTemplate
    icon = "doc-full"
    menu_label = _("Response templates")
    name = "response_templates"
    copy_view_enabled = True
    list_display = ["title", "transition", "sector"]
    list_filter = ["transition", "sector"]
    search_fields = ["title", "text"]
    form_fields = ["title", "transition", "sector", "text"]


class CountyLimitViewSet(ModelViewSet):
    add_to_reference_index = False  # not content: nothing refers to it
    model = CountyLimit
    icon = "lock"
    menu_label = _("County limits")
    name = "county_limits"
    copy_view_enabled = False
    list_display = ["user", "counties_display"]
    form_fields = ["user", "counties"]


class StaffAccessViewSet(ModelViewSet):
    """Who looked at whose personal data: read-only, for supervisors."""

    model = StaffAccess
    icon = "view"
    menu_label = _("Access log")
    name = "staff_access"
    copy_view_enabled = False
    add_to_reference_index = False
    list_display = ["at", "username", "kind", "case", "detail"]
    list_filter = ["kind", "user", "at"]
    search_fields = ["username", "case__reference", "detail"]
    ordering = ["-at"]
    list_per_page = 50
    list_export = ["at", "username", "get_kind_display", "case", "detail"]
    form_fields = []  # read-only: no form route exists

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            **{"add_url_name": None, "edit_url_name": None, "delete_url_name": None, **kwargs}
        )

    def get_urlpatterns(self):
        return [
            pattern
            for pattern in super().get_urlpatterns()
            if pattern.name in ("index", "index_results")
        ]


class CaseAdminGroup(ModelViewSetGroup):
    menu_label = _("Case settings")
    menu_icon = "cogs"
    menu_order = 210
    items = (AuthorityViewSet, ResponseTemplateViewSet, CountyLimitViewSet, StaffAccessViewSet)
