"""Forms of the workbench, one per operation that takes input (``form_class`` on the
operation names it). Each gets the case and the user; its cleaned data, but for the version,
are the operation's arguments. Every form that changes a case carries the version it was
opened on."""

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ..limits import MAX_DESCRIPTION_LENGTH, MAX_PUBLIC_SUMMARY_LENGTH
from ..models import (
    CLOSING_OUTCOMES,
    DISMISSAL_OUTCOMES,
    Authority,
    Case,
    Outcome,
    ResponseTemplate,
)
from ..operations.transcribing import latest_transcription
from ..rules import STAFF_PERMISSIONS, user_covers_case


class OperationForm(forms.Form):
    """A form for one operation on ``case`` by ``user``."""

    def __init__(self, *args, case, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.case = case
        self.user = user

    @classmethod
    def initial_for(cls, case):
        return {}

    def operation_values(self):
        return {name: value for name, value in self.cleaned_data.items() if name != "version"}


class VersionedForm(OperationForm):
    version = forms.IntegerField(widget=forms.HiddenInput)

    @classmethod
    def initial_for(cls, case):
        return {"version": case.version}


def outcome_choices(outcomes):
    return [(outcome.value, outcome.label) for outcome in Outcome if outcome in outcomes]


class AuthorityChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, authority):
        return f"{authority.name} ({authority.response_days} working days)"


class ForwardForm(VersionedForm):
    authority = AuthorityChoiceField(label=_("Authority"), queryset=Authority.objects.none())
    note = forms.CharField(
        label=_("Message for the timeline (public)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        case = self.case
        suggested = list(Authority.objects.serving(sector=case.sector, county=case.county))
        others = Authority.objects.active().exclude(pk__in=[a.pk for a in suggested])
        self.fields["authority"].queryset = Authority.objects.active()
        # The routing rule's suggestions first, then every other active authority.
        self.fields["authority"].choices = [
            ("", "---------"),
            (_("Suggested for this sector and county"), [(a.pk, str(a)) for a in suggested]),
            (_("Other authorities"), [(a.pk, str(a)) for a in others]),
        ]
        if suggested and not self.is_bound:
            self.initial.setdefault("authority", suggested[0].pk)


class RespondForm(VersionedForm):
    response = forms.CharField(
        label=_("The authority's response"), widget=forms.Textarea(attrs={"rows": 6})
    )


class CloseForm(VersionedForm):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=outcome_choices(CLOSING_OUTCOMES))
    note = forms.CharField(
        label=_("Closing note (public)"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class CloseUnansweredForm(VersionedForm):
    note = forms.CharField(
        label=_("Note (public)"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class DismissForm(VersionedForm):
    outcome = forms.ChoiceField(label=_("Reason"), choices=outcome_choices(DISMISSAL_OUTCOMES))
    reason = forms.CharField(label=_("Explanation"), widget=forms.Textarea(attrs={"rows": 3}))
    duplicate_of = forms.CharField(
        label=_("Duplicate of (reference)"),
        required=False,
        help_text=_("For a duplicate: the reference of the original case, e.g. HUD-2026-000123."),
    )

    def clean_duplicate_of(self):
        reference = self.cleaned_data["duplicate_of"].strip().upper()
        if not reference:
            return None
        try:
            return Case.objects.visible_to(self.user).get(reference=reference)
        except Case.DoesNotExist:
            raise forms.ValidationError(_("No case with this reference.")) from None


class WithdrawForm(VersionedForm):
    requested_by = forms.CharField(
        label=_("Who asked for the withdrawal, and how"),
        max_length=200,
        help_text=_("For example: the complainant, by phone on 3 March."),
    )


class EscalateForm(VersionedForm):
    reason = forms.CharField(
        label=_("Why the response was not adequate"), widget=forms.Textarea(attrs={"rows": 3})
    )
    to_parent = forms.BooleanField(
        label=_("Escalate to the higher authority"),
        required=False,
        help_text=_("Otherwise the case goes back to the same authority."),
    )


class ReasonForm(VersionedForm):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}))


class OptionalReasonForm(VersionedForm):
    reason = forms.CharField(
        label=_("Reason (internal)"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class AssignForm(VersionedForm):
    assignee = forms.ModelChoiceField(
        label=_("Assign to"),
        queryset=get_user_model().objects.none(),
        required=False,
        empty_label=_("Nobody"),
    )

    @classmethod
    def initial_for(cls, case):
        return {**super().initial_for(case), "assignee": case.assigned_to_id}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        candidates = case_staff().order_by("first_name", "last_name", "username")
        allowed = [user.pk for user in candidates if user_covers_case(user, self.case)]
        self.fields["assignee"].queryset = candidates.filter(pk__in=allowed)
        self.fields["assignee"].label_from_instance = lambda u: u.get_full_name() or u.username


def case_staff():
    """Active users who may see cases (by group, own permission or as superusers)."""
    return get_user_model().objects.with_perm(STAFF_PERMISSIONS["view"], is_active=True)


class NoteForm(OperationForm):
    text = forms.CharField(label=_("Note"), widget=forms.Textarea(attrs={"rows": 4}))
    visibility = forms.ChoiceField(
        label=_("Who may see it"),
        choices=[("internal", _("Staff only")), ("public", _("Also the citizen (public)"))],
        initial="internal",
        widget=forms.RadioSelect,
    )


def templates_for(operation, case):
    """Response templates that can fill the form's text for this case."""
    if not operation.takes_response_template:
        return ResponseTemplate.objects.none()
    return ResponseTemplate.objects.filter(transition=operation.name).filter(
        Q(sector__isnull=True) | Q(sector=case.sector_id)
    )


class PublishForm(VersionedForm):
    summary = forms.CharField(
        label=_("Public summary"),
        max_length=MAX_PUBLIC_SUMMARY_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Edited text without names, phone numbers, addresses or anything else that could "
            "identify the complainant."
        ),
    )

    @classmethod
    def initial_for(cls, case):
        return {**super().initial_for(case), "summary": case.public_summary}


class TranscriptionForm(VersionedForm):
    text = forms.CharField(
        label=_("What the caller says (internal)"),
        max_length=MAX_DESCRIPTION_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "Write it down as said, in the caller's language. While the description is only "
            "“Voice message”, this becomes the description the authority reads."
        ),
    )

    @classmethod
    def initial_for(cls, case):
        return {**super().initial_for(case), "text": latest_transcription(case)}
