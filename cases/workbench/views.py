"""Admin views of the case workbench. Each one asks the case permission policy, per object;
every change goes through an operation (``cases.operations``), found in the registry."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django.views import View
from wagtail import hooks
from wagtail.admin.ui.tables import BulkActionsCheckboxColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic import history

from .. import actions, registry
from ..access_log import record_access
from ..exceptions import CaseChanged
from ..exports import spreadsheet_safe
from ..models import AccessKind, Case, CaseLogEntry, Channel
from ..operations import (
    AddNote,
    AssignCase,
    PublishCase,
    TranscribeRecording,
    TransitionOperation,
)
from ..policies import ScopedObjectMixin, case_permission_policy
from . import export_jobs
from .forms import templates_for


def visible_cases(user):
    return case_permission_policy.instances_user_has_permission_for(user, "view")


def get_case_for(user, pk):
    """The case, if this user may see it; otherwise the same 404 as for a case that is not there."""
    case = get_object_or_404(Case.objects.select_related("sector", "county", "authority"), pk=pk)
    if not case_permission_policy.user_has_permission_for_instance(user, "view", case):
        raise Http404
    return case


def available_transitions(case, user):
    """The workflow steps this user may take on this case now, in workflow order."""
    with_forms = registry.with_forms()
    return [
        with_forms[transition.name]
        for transition in case.get_available_state_transitions()
        if transition.name in with_forms and with_forms[transition.name].allowed(user, case)
    ]


def operation_open_to(operation, case, user):
    """Whether ``user`` may run ``operation`` on ``case`` now (a transition: from its state)."""
    if issubclass(operation, TransitionOperation):
        return operation in available_transitions(case, user)
    return operation.allowed(user, case)


# The columns a page of the listing shows (and the county its permission check reads): narrow
# rows keep a page cheap at a million cases, and a page loads none of the complainants'
# personal data it does not show. Exports read whole cases.
LISTING_FIELDS = (
    "reference",
    "state",
    "priority",
    "county_id",
    "due_date",
    "received_at",
    "needs_transcription",
    "sector__slug",
    "sector__name_en",
    "sector__name_sw",
    "county__code",
    "county__name",
    "authority__name",
    "assigned_to__username",
    "assigned_to__first_name",
    "assigned_to__last_name",
)


class CaseIndexView(generic.IndexView):
    template_name = "cases/admin/case_index.html"

    def get_base_queryset(self):
        cases = visible_cases(self.request.user).for_listing()
        return cases if self.is_export else cases.only(*LISTING_FIELDS)

    def order_queryset(self, queryset):
        # The key breaks ties in the sort's direction, so that pages never overlap, and each
        # sort has an index in that order (Case.Meta.indexes).
        queryset = super().order_queryset(queryset)
        ordering = list(queryset.query.order_by)
        if len(ordering) == 1 and isinstance(ordering[0], str) and ordering[0] != "reference":
            tie_break = "-pk" if ordering[0].startswith("-") else "pk"
            queryset = queryset.order_by(ordering[0], tie_break)
        return queryset

    @cached_property
    def columns(self):
        return [BulkActionsCheckboxColumn("bulk_actions", obj_type="snippet"), *super().columns]

    def get(self, request, *args, **kwargs):
        if self.is_export and not getattr(request, "in_background", False):
            count = self.get_queryset().count()
            if count > export_jobs.inline_limit():
                return export_jobs.spreadsheet_in_background(request, count)
        response = super().get(request, *args, **kwargs)
        if self.is_export:
            detail = f"{request.GET.get('export')} export: {request.GET.urlencode()}"
            record_access(request.user, AccessKind.EXPORT, detail=detail)
        return response

    def preprocess_field_value(self, field, value, export_format):
        return spreadsheet_safe(super().preprocess_field_value(field, value, export_format))

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
            "needs_transcription",
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
        record_access(user, AccessKind.VIEW, case=case)
        context["case"] = case
        context["timeline"] = CaseLogEntry.objects.for_case(case).select_related("user")
        context["attachments"] = case.attachments.all()
        context["transitions"] = [
            (op.name, op.label, reverse("cases:transition", args=(case.pk, op.name)))
            for op in available_transitions(case, user)
        ]
        context["can_assign"] = AssignCase.allowed(user, case)
        context["can_note"] = AddNote.allowed(user, case)
        context["can_publish"] = PublishCase.allowed(user, case)
        context["recordings"] = [a for a in context["attachments"] if is_audio(a)]
        context["transcription_form"] = transcription_form(case, user, context["recordings"])
        # Panels other apps add about the case (intake: the voice recording's download).
        context["extra_panels"] = [
            panel
            for panel_for in hooks.get_hooks(CASE_PANELS_HOOK)
            if (panel := panel_for(self.request, case))
        ]
        return context


# Hook: ``fn(request, case)`` returns HTML for a panel on the case view, or None.
CASE_PANELS_HOOK = "case_inspect_panels"


def is_audio(attachment):
    return attachment.content_type.startswith("audio/")


def transcription_form(case, user, recordings):
    """The transcription form shown beside the player, for voice cases and cases with a
    recording, to those who may transcribe."""
    if not (recordings or case.needs_transcription or case.channel == Channel.VOICE):
        return None
    if not TranscribeRecording.allowed(user, case):
        return None
    form_class = import_string(TranscribeRecording.form_class)
    return form_class(initial=form_class.initial_for(case), case=case, user=user)


class CaseHistoryView(ScopedObjectMixin, history.HistoryView):
    def get_context_data(self, **kwargs):
        record_access(self.request.user, AccessKind.HISTORY, case=self.object)
        return super().get_context_data(**kwargs)


class CaseUsageView(ScopedObjectMixin, generic.UsageView):
    pass


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
            run(form)
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


class OperationView(CaseFormView):
    """The form of any operation that has one (its ``form_class``), run through it."""

    operation_name = None  # set for the fixed routes (assign, note, publish); else the URL's

    def dispatch(self, request, pk, name=None):
        self.operation = registry.with_forms().get(name or self.operation_name)
        if self.operation is None:
            raise Http404
        return super().dispatch(request, pk)

    @property
    def title(self):
        return self.operation.label

    def get_form(self, data=None):
        form_class = import_string(self.operation.form_class)
        return form_class(
            data, initial=form_class.initial_for(self.case), case=self.case, user=self.request.user
        )

    def templates(self):
        return templates_for(self.operation, self.case)

    def get(self, request, pk):
        if not operation_open_to(self.operation, self.case, request.user):
            messages.error(request, _("This step is not open to you for this case now."))
            return redirect(self.case_url())
        return self.render(self.get_form(), title=self.title, templates=self.templates())

    def post(self, request, pk):
        form = self.get_form(request.POST)
        return self.handle(form, self.run, title=self.title, templates=self.templates())

    def run(self, form):
        self.operation(
            self.case, by=self.request.user, expected_version=form.cleaned_data.get("version")
        ).execute(**form.operation_values())
        messages.success(
            self.request,
            _("%(reference)s: %(step)s done.")
            % {"reference": self.case.reference, "step": self.operation.label},
        )


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


class UnpublishView(CaseFormView):
    def post(self, request, pk):
        try:
            actions.unpublish_case(
                case=self.case, by=request.user, expected_version=request.POST.get("version")
            )
            messages.success(request, _("The case is no longer public."))
        except CaseChanged:
            messages.error(request, _("This case changed while you were working on it."))
        except PermissionDenied:
            messages.error(request, _("You may not do this to this case."))
        return redirect(self.case_url())
