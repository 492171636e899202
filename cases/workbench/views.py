"""Admin views of the case workbench. Each one asks the case permission policy, per object."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from wagtail.admin.ui.tables import BulkActionsCheckboxColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic import history

from .. import actions, rules
from ..exceptions import CaseChanged
from ..models import Case, CaseLogEntry, CaseState, TimelineVisibility
from ..policies import case_permission_policy
from .forms import TRANSITION_FORMS, AssignForm, NoteForm, PublishForm, templates_for

TRANSITION_LABELS = {
    "forward": gettext_lazy("Forward to an authority"),
    "respond": gettext_lazy("Record the response"),
    "close": gettext_lazy("Close"),
    "close_unanswered": gettext_lazy("Close: no response"),
    "dismiss": gettext_lazy("Dismiss"),
    "withdraw": gettext_lazy("Withdraw for the citizen"),
    "escalate": gettext_lazy("Escalate"),
    "recall": gettext_lazy("Recall"),
    "reopen": gettext_lazy("Reopen"),
}

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def visible_cases(user):
    return case_permission_policy.instances_user_has_permission_for(user, "view")


def get_case_for(user, pk):
    """The case, if this user may see it; otherwise the same 404 as for a case that is not there."""
    case = get_object_or_404(Case.objects.select_related("sector", "county", "authority"), pk=pk)
    if not case_permission_policy.user_has_permission_for_instance(user, "view", case):
        raise Http404
    return case


def available_transitions(case, user):
    """The transitions this user may take on this case now, in workflow order."""
    names = []
    for transition in case.get_available_state_transitions():
        if transition.name in TRANSITION_FORMS and rules.user_may(user, transition.name, case):
            names.append(transition.name)
    return names


class ScopedObjectMixin:
    """For Wagtail's generic object views: refuse any case outside the user's scope."""

    def get_object(self, *args, **kwargs):
        case = super().get_object(*args, **kwargs)
        if not case_permission_policy.user_has_permission_for_instance(
            self.request.user, "view", case
        ):
            raise Http404
        return case


class CaseIndexView(generic.IndexView):
    template_name = "cases/admin/case_index.html"

    def get_base_queryset(self):
        return visible_cases(self.request.user).for_listing()

    @cached_property
    def columns(self):
        return [BulkActionsCheckboxColumn("bulk_actions", obj_type="snippet"), *super().columns]

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        # A cell that a spreadsheet would run as a formula is exported as text.
        if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
            return "'" + value
        return value

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["saved_searches"] = self.request.user.saved_case_searches.all()
        context["current_query"] = self.request.GET.urlencode()
        context["report_pdf_url"] = reverse("cases:listing_pdf")
        return context


class CaseInspectView(ScopedObjectMixin, generic.InspectView):
    template_name = "cases/admin/case_inspect.html"

    def get_fields(self):
        return [
            "reference",
            "state",
            "priority",
            "channel",
            "sector",
            "county",
            "location",
            "description",
            "authority",
            "due_date",
            "response",
            "outcome",
            "duplicate_of",
            "assigned_to",
            "escalation_requested",
            "complainant_name",
            "complainant_phone",
            "complainant_email",
            "consent_to_contact",
            "consent_to_share_identity",
            "consent_to_publish",
            "language",
            "received_at",
            "forwarded_at",
            "responded_at",
            "closed_at",
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        case = self.object
        user = self.request.user
        context["case"] = case
        context["timeline"] = CaseLogEntry.objects.for_case(case).select_related("user")
        context["attachments"] = case.attachments.all()
        context["transitions"] = [
            (name, TRANSITION_LABELS[name], reverse("cases:transition", args=(case.pk, name)))
            for name in available_transitions(case, user)
        ]
        context["can_assign"] = rules.user_may(user, "assign", case) or rules.user_may(
            user, "reassign", case
        )
        context["can_note"] = rules.user_may(user, "note", case)
        context["can_publish"] = case.consent_to_publish and rules.user_may(user, "publish", case)
        return context


class CaseHistoryView(ScopedObjectMixin, history.HistoryView):
    pass


class CaseUsageView(ScopedObjectMixin, generic.UsageView):
    pass


class CaseEditView(generic.EditView):
    """Cases change only through actions: there is no free edit form."""

    def dispatch(self, request, *args, **kwargs):
        raise PermissionDenied


class CaseDeleteView(generic.DeleteView):
    def dispatch(self, request, *args, **kwargs):
        raise PermissionDenied


class CaseFormView(View):
    """Shared handling of the short forms on a case: scope check, stale versions, errors."""

    template_name = "cases/admin/case_action_form.html"

    def dispatch(self, request, pk, *args, **kwargs):
        self.case = get_case_for(request.user, pk)
        return super().dispatch(request, pk, *args, **kwargs)

    def case_url(self):
        return reverse("cases:inspect", args=(self.case.pk,))

    def render(self, form, *, title, changed=None, templates=()):
        return TemplateResponse(
            self.request,
            self.template_name,
            {
                "case": self.case,
                "form": form,
                "title": title,
                "changed": changed,
                "changes": self.changes_since(form),
                "templates": templates,
                "case_url": self.case_url(),
                "action_url": self.request.path,
            },
            status=409 if changed else (400 if form.is_bound else 200),
        )

    def changes_since(self, form):
        opened_version = form.data.get("version") if form.is_bound else None
        if not opened_version:
            return []
        try:
            opened_version = int(opened_version)
        except (TypeError, ValueError):
            return []
        return CaseLogEntry.objects.for_case(self.case).filter(data__version__gt=opened_version)

    def handle(self, form, run, *, title, templates=()):
        if not form.is_valid():
            return self.render(form, title=title, templates=templates)
        try:
            run(form.cleaned_data)
        except CaseChanged as changed:
            self.case = changed.current or Case.objects.get(pk=self.case.pk)
            return self.render(form, title=title, changed=changed, templates=templates)
        except ValidationError as error:
            for field, field_errors in error.message_dict.items():
                form.add_error(field if field in form.fields else None, field_errors)
            return self.render(form, title=title, templates=templates)
        except PermissionDenied:
            messages.error(self.request, _("You may not do this to this case."))
            return redirect(self.case_url())
        return redirect(self.case_url())


class TransitionView(CaseFormView):
    def dispatch(self, request, pk, name):
        if name not in TRANSITION_FORMS:
            raise Http404
        self.name = name
        return super().dispatch(request, pk, name)

    def get_form(self, data=None):
        form_class = TRANSITION_FORMS[self.name]
        kwargs = {"initial": {"version": self.case.version}}
        if self.name in ("forward",):
            kwargs["case"] = self.case
        if self.name == "dismiss":
            kwargs["case"] = self.case
            kwargs["visible_cases"] = visible_cases(self.request.user)
        return form_class(data, **kwargs)

    def get(self, request, pk, name):
        if name not in available_transitions(self.case, request.user):
            messages.error(request, _("This step is not open to you for this case now."))
            return redirect(self.case_url())
        return self.render(
            self.get_form(),
            title=TRANSITION_LABELS[name],
            templates=templates_for(name, self.case),
        )

    def post(self, request, pk, name):
        form = self.get_form(request.POST)
        return self.handle(
            form,
            lambda data: self.run(data),
            title=TRANSITION_LABELS[name],
            templates=templates_for(name, self.case),
        )

    def run(self, data):
        common = {"case": self.case, "by": self.request.user, "expected_version": data["version"]}
        name = self.name
        if name == "forward":
            actions.forward_case(authority=data["authority"], note=data["note"], **common)
        elif name == "respond":
            actions.respond_to_case(response=data["response"], **common)
        elif name == "close":
            actions.close_case(outcome=data["outcome"], note=data["note"], **common)
        elif name == "close_unanswered":
            actions.close_unanswered_case(note=data["note"], **common)
        elif name == "dismiss":
            actions.dismiss_case(
                outcome=data["outcome"],
                reason=data["reason"],
                duplicate_of=data["duplicate_of"],
                **common,
            )
        elif name == "withdraw":
            actions.withdraw_case(requested_by=data["requested_by"], **common)
        elif name == "escalate":
            actions.escalate_case(reason=data["reason"], to_parent=data["to_parent"], **common)
        elif name == "recall":
            actions.recall_case(reason=data["reason"], **common)
        elif name == "reopen":
            actions.reopen_case(reason=data["reason"], **common)
        messages.success(
            self.request,
            _("%(reference)s: %(step)s done.")
            % {"reference": self.case.reference, "step": TRANSITION_LABELS[name]},
        )


class AssignView(CaseFormView):
    title = gettext_lazy("Assign")

    def get(self, request, pk):
        form = AssignForm(
            initial={"version": self.case.version, "assignee": self.case.assigned_to_id},
            case=self.case,
        )
        return self.render(form, title=self.title)

    def post(self, request, pk):
        form = AssignForm(request.POST, case=self.case)

        def run(data):
            actions.assign_case(
                case=self.case,
                assignee=data["assignee"],
                by=request.user,
                expected_version=data["version"],
            )
            messages.success(
                request, _("%(reference)s: assignment saved.") % {"reference": self.case.reference}
            )

        return self.handle(form, run, title=self.title)


class TakeCaseView(CaseFormView):
    """One click for a case worker to take an unassigned case."""

    def post(self, request, pk):
        try:
            actions.assign_case(
                case=self.case,
                assignee=request.user,
                by=request.user,
                expected_version=request.POST.get("version"),
            )
            messages.success(request, _("You took %(reference)s.") % {"reference": self.case})
        except CaseChanged:
            messages.error(request, _("This case changed while you were working on it."))
        except (PermissionDenied, ValidationError):
            messages.error(request, _("You may not take this case."))
        return redirect(self.case_url())


class NoteView(CaseFormView):
    title = gettext_lazy("Add a note")

    def get(self, request, pk):
        return self.render(NoteForm(), title=self.title, templates=templates_for("note", self.case))

    def post(self, request, pk):
        form = NoteForm(request.POST)

        def run(data):
            actions.add_note(
                case=self.case,
                text=data["text"],
                visibility=data["visibility"],
                by=request.user,
            )
            messages.success(request, _("Note added."))

        return self.handle(form, run, title=self.title, templates=templates_for("note", self.case))


class PublishView(CaseFormView):
    title = gettext_lazy("Publish a summary")

    def get(self, request, pk):
        form = PublishForm(initial={"summary": self.case.public_summary})
        return self.render(form, title=self.title)

    def post(self, request, pk):
        form = PublishForm(request.POST)

        def run(data):
            actions.publish_case(case=self.case, summary=data["summary"], by=request.user)
            messages.success(request, _("The summary is published."))

        return self.handle(form, run, title=self.title)


class UnpublishView(CaseFormView):
    def post(self, request, pk):
        try:
            actions.unpublish_case(case=self.case, by=request.user)
            messages.success(request, _("The case is no longer public."))
        except PermissionDenied:
            messages.error(request, _("You may not do this to this case."))
        return redirect(self.case_url())


__all__ = [
    "AssignView",
    "CaseDeleteView",
    "CaseEditView",
    "CaseHistoryView",
    "CaseIndexView",
    "CaseInspectView",
    "CaseUsageView",
    "NoteView",
    "TakeCaseView",
    "TransitionView",
    "CaseState",
    "TimelineVisibility",
]
