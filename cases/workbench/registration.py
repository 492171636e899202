"""Registering a case for a citizen who phoned, walked in or wrote: the admin's own create view,
routed through ``create_case`` by Wagtail's action registry."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.actions import CreateAction
from wagtail.admin.forms import WagtailAdminModelForm

from ..actions import create_case
from ..models import Case, Channel
from ..phones import normalise_phone

STAFF_CHANNELS = [Channel.PHONE, Channel.WALK_IN, Channel.EMAIL]

REGISTRATION_FIELDS = [
    "channel",
    "sector",
    "county",
    "location",
    "description",
    "complainant_name",
    "complainant_phone",
    "complainant_email",
    "consent_to_contact",
    "consent_to_share_identity",
    "consent_to_publish",
    "language",
    "priority",
]


class RegisterCaseForm(WagtailAdminModelForm):
    channel = forms.ChoiceField(
        label=_("Channel"),
        choices=[(channel.value, channel.label) for channel in STAFF_CHANNELS],
    )

    class Meta:
        model = Case
        fields = REGISTRATION_FIELDS

    def clean(self):
        cleaned = super().clean()
        # create_case refuses this too; here it becomes an error on the form, not a crash.
        if cleaned.get("consent_to_contact") and not (
            cleaned.get("complainant_phone") or cleaned.get("complainant_email")
        ):
            self.add_error(
                "consent_to_contact", _("Give a phone number or an e-mail address to be contacted.")
            )
        return cleaned

    def clean_complainant_phone(self):
        try:
            return normalise_phone(self.cleaned_data.get("complainant_phone"))
        except ValidationError as error:
            raise ValidationError(error.message_dict["complainant_phone"]) from None


class RegisterCaseAction(CreateAction):
    """Wagtail's create action for cases: hands the form's data to ``create_case``."""

    def execute(self, skip_permission_checks=False):
        self.check(skip_permission_checks=skip_permission_checks)
        data = self.form.cleaned_data
        case = create_case(by=self.user, **{field: data[field] for field in REGISTRATION_FIELDS})
        # The generic create view reads the saved object back from the form.
        self.form.instance = case
        self.instance = case
        return case
