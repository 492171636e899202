"""Forms of the workbench. Every form that changes a case carries the version it was opened on."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from ..models import (
    CLOSING_OUTCOMES,
    DISMISSAL_OUTCOMES,
    Authority,
    Case,
    Outcome,
    ResponseTemplate,
)
from ..rules import STAFF_PERMISSIONS


class VersionedForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)


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

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
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

    def __init__(self, *args, case, visible_cases, **kwargs):
        super().__init__(*args, **kwargs)
        self.case = case
        self.visible_cases = visible_cases

    def clean_duplicate_of(self):
        reference = self.cleaned_data["duplicate_of"].strip().upper()
        if not reference:
            return None
        try:
            return self.visible_cases.get(reference=reference)
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

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        from ..rules import user_covers_case

        candidates = case_staff().order_by("first_name", "last_name", "username")
        allowed = [user.pk for user in candidates if user_covers_case(user, case)]
        self.fields["assignee"].queryset = candidates.filter(pk__in=allowed)
        self.fields["assignee"].label_from_instance = lambda u: u.get_full_name() or u.username


def case_staff():
    """Active users who may see cases (by group, own permission or as superusers)."""
    return get_user_model().objects.with_perm(STAFF_PERMISSIONS["view"], is_active=True)


class NoteForm(forms.Form):
    text = forms.CharField(label=_("Note"), widget=forms.Textarea(attrs={"rows": 4}))
    visibility = forms.ChoiceField(
        label=_("Who may see it"),
        choices=[("internal", _("Staff only")), ("public", _("Also the citizen (public)"))],
        initial="internal",
        widget=forms.RadioSelect,
    )


TRANSITION_FORMS = {
    "forward": ForwardForm,
    "respond": RespondForm,
    "close": CloseForm,
    "close_unanswered": CloseUnansweredForm,
    "dismiss": DismissForm,
    "withdraw": WithdrawForm,
    "escalate": EscalateForm,
    "recall": OptionalReasonForm,
    "reopen": ReasonForm,
}


def templates_for(transition, case):
    """Response templates that can fill the form's text for this case."""
    from django.db.models import Q

    return ResponseTemplate.objects.filter(transition=transition).filter(
        Q(sector__isnull=True) | Q(sector=case.sector_id)
    )


class PublishForm(forms.Form):
    summary = forms.CharField(
        label=_("Public summary"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Edited text without names, phone numbers, addresses or anything else that could "
            "identify the complainant."
        ),
    )
