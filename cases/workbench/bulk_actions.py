"""Bulk actions on selected cases: assign, forward to one authority, export the selection."""

import csv

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.views.bulk_action import BulkAction

from .. import actions, rules
from ..exceptions import CaseChanged
from ..models import Authority, Case
from ..policies import case_permission_policy
from .forms import case_staff
from .views import FORMULA_PREFIXES

EXPORT_COLUMNS = [
    ("reference", _("Reference")),
    ("get_state_display", _("Status")),
    ("sector", _("Sector")),
    ("county", _("County")),
    ("authority", _("Authority")),
    ("received_at", _("Received")),
    ("due_date", _("Due")),
    ("get_priority_display", _("Priority")),
    ("location", _("Where")),
    ("description", _("What happened")),
]


class CaseBulkAction(BulkAction):
    models = [Case]
    operation = "view"

    def get_queryset(self, model, object_ids):
        # Only cases this user may see are ever looked up, even by guessed ids.
        return case_permission_policy.instances_user_has_permission_for(
            self.request.user, "view"
        ).filter(pk__in=object_ids)

    def get_all_objects_in_listing_query(self, parent_id):
        return case_permission_policy.instances_user_has_permission_for(
            self.request.user, "view"
        ).values_list("pk", flat=True)

    def check_perm(self, case):
        return rules.user_may(self.request.user, self.operation, case)

    def object_context(self, case):
        return {"item": case, "edit_url": None}

    def get_execution_context(self):
        return {"user": self.request.user, "data": self.cleaned_form.cleaned_data}

    def get_success_message(self, num_parent_objects, num_child_objects):
        return None

    @classmethod
    def run_each(cls, objects, run):
        done, failed = 0, []
        for case in objects:
            try:
                run(case)
                done += 1
            except (CaseChanged, PermissionDenied, ValidationError):
                failed.append(case.reference)
        return done, failed

    def report(self, done, failed):
        if done:
            messages.success(
                self.request,
                ngettext("%(count)d case done.", "%(count)d cases done.", done) % {"count": done},
            )
        if failed:
            messages.warning(
                self.request,
                _("Not changed (the case changed or is not open to you): %(refs)s")
                % {"refs": ", ".join(failed)},
            )


class AssignForm(forms.Form):
    assignee = forms.ModelChoiceField(
        label=_("Assign to"), queryset=get_user_model().objects.none()
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = case_staff().order_by("username")


class AssignBulkAction(CaseBulkAction):
    display_name = _("Assign")
    action_type = "assign"
    aria_label = _("Assign the selected cases")
    template_name = "cases/admin/bulk_action_confirm.html"
    form_class = AssignForm
    operation = "reassign"

    def check_perm(self, case):
        user = self.request.user
        return rules.user_may(user, "reassign", case) or (
            rules.user_may(user, "assign", case) and case.assigned_to_id is None
        )

    def form_valid(self, form):
        self.cleaned_form = form
        objects, _no_access = self.get_actionable_objects()
        assignee = form.cleaned_data["assignee"]
        done, failed = self.run_each(
            objects,
            lambda case: actions.assign_case(
                case=case, assignee=assignee, by=self.request.user, expected_version=case.version
            ),
        )
        self.report(done, failed)
        return redirect(self.next_url)

    @classmethod
    def execute_action(cls, objects, **kwargs):
        return 0, 0


class ForwardForm(forms.Form):
    authority = forms.ModelChoiceField(label=_("Forward to"), queryset=Authority.objects.active())
    note = forms.CharField(label=_("Message (public)"), required=False, widget=forms.Textarea)


class ForwardBulkAction(CaseBulkAction):
    display_name = _("Forward")
    action_type = "forward"
    aria_label = _("Forward the selected cases to one authority")
    template_name = "cases/admin/bulk_action_confirm.html"
    form_class = ForwardForm
    operation = "forward"

    def form_valid(self, form):
        self.cleaned_form = form
        objects, _no_access = self.get_actionable_objects()
        data = form.cleaned_data
        done, failed = self.run_each(
            objects,
            lambda case: actions.forward_case(
                case=case,
                authority=data["authority"],
                note=data["note"],
                by=self.request.user,
                expected_version=case.version,
            ),
        )
        self.report(done, failed)
        return redirect(self.next_url)

    @classmethod
    def execute_action(cls, objects, **kwargs):
        return 0, 0


def export_cell(value):
    if value is None:
        return ""
    value = str(value)
    return "'" + value if value.startswith(FORMULA_PREFIXES) else value


class ExportBulkAction(CaseBulkAction):
    display_name = _("Export CSV")
    action_type = "export"
    aria_label = _("Export the selected cases as CSV")
    template_name = "cases/admin/bulk_action_confirm.html"
    operation = "view"

    def form_valid(self, form):
        objects, _no_access = self.get_actionable_objects()
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        filename = f"cases-selection-{timezone.localdate():%Y-%m-%d}.csv"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        writer = csv.writer(response)
        writer.writerow([str(label) for _, label in EXPORT_COLUMNS])
        for case in objects:
            row = []
            for attribute, _label in EXPORT_COLUMNS:
                value = getattr(case, attribute)
                row.append(export_cell(value() if callable(value) else value))
            writer.writerow(row)
        return response

    @classmethod
    def execute_action(cls, objects, **kwargs):
        return 0, 0


BULK_ACTIONS = [AssignBulkAction, ForwardBulkAction, ExportBulkAction]
