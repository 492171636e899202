"""Bulk actions on selected cases: assign, forward to one authority, export the selection.

They run through Wagtail's bulk-action flow (``execute_action`` inside the before/after
hooks), and each case through its operation, so one case that changed meanwhile is reported
and the others go ahead. The export is the listing's own export, limited to the selection.
"""

from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.views.bulk_action import BulkAction

from ..exceptions import CaseChanged
from ..models import Authority, Case
from ..operations import AssignCase, ForwardCase
from ..policies import case_permission_policy
from .forms import case_staff


class CaseBulkAction(BulkAction):
    models = [Case]
    template_name = "cases/admin/bulk_action_confirm.html"
    operation = None  # the operation run on each case

    def get_queryset(self, model, object_ids):
        # Only cases this user may see are ever looked up, even by guessed ids.
        return self.visible_cases().filter(pk__in=object_ids)

    def get_all_objects_in_listing_query(self, parent_id):
        return self.visible_cases().values_list("pk", flat=True)

    def visible_cases(self):
        return case_permission_policy.instances_user_has_permission_for(self.request.user, "view")

    def check_perm(self, case):
        return self.operation.allowed(self.request.user, case)

    def object_context(self, case):
        return {"item": case, "edit_url": None}

    def get_execution_context(self):
        self.failed = []
        return {
            "user": self.request.user,
            "values": self.operation_values(self.cleaned_form.cleaned_data),
            "failed": self.failed,
        }

    def operation_values(self, data):
        return dict(data)

    @classmethod
    def execute_action(cls, objects, *, user, values, failed):
        done = 0
        for case in objects:
            try:
                cls.operation(case, by=user, expected_version=case.version).execute(**values)
                done += 1
            except (CaseChanged, PermissionDenied, ValidationError):
                failed.append(case.reference)
        return done, 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        if self.failed:
            messages.warning(
                self.request,
                _("Not changed (the case changed or is not open to you): %(refs)s")
                % {"refs": ", ".join(self.failed)},
            )
        if not num_parent_objects:
            return None
        return ngettext("%(count)d case done.", "%(count)d cases done.", num_parent_objects) % {
            "count": num_parent_objects
        }


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
    form_class = AssignForm
    operation = AssignCase


class ForwardForm(forms.Form):
    authority = forms.ModelChoiceField(label=_("Forward to"), queryset=Authority.objects.active())
    note = forms.CharField(label=_("Message (public)"), required=False, widget=forms.Textarea)


class ForwardBulkAction(CaseBulkAction):
    display_name = _("Forward")
    action_type = "forward"
    aria_label = _("Forward the selected cases to one authority")
    form_class = ForwardForm
    operation = ForwardCase


class ExportBulkAction(CaseBulkAction):
    display_name = _("Export CSV")
    action_type = "export"
    aria_label = _("Export the selected cases as CSV")

    def check_perm(self, case):
        return True  # every case the user may see (get_queryset) may be exported

    def form_valid(self, form):
        # After Wagtail's flow (and its hooks), the listing's own export of the selection.
        ids = [case.pk for case in self.get_actionable_objects()[0]]
        query = [("export", "csv")]
        if "all" not in self.request.GET.getlist("id"):
            query.append(("id", ",".join(str(pk) for pk in ids) or "0"))
        self.next_url = f"{reverse('cases:index')}?{urlencode(query)}"
        return super().form_valid(form)

    def get_execution_context(self):
        return {}

    @classmethod
    def execute_action(cls, objects, **kwargs):
        return len(objects), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return None


BULK_ACTIONS = [AssignBulkAction, ForwardBulkAction, ExportBulkAction]
