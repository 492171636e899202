"""The public forms: reporting a problem, finding a case, adding information to it."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from cases.access import ACCESS_CODE_LENGTH, normalise_access_code
from cases.limits import MAX_DESCRIPTION_LENGTH
from cases.phones import normalise_phone
from intake.evidence import (
    ALLOWED_TYPES,
    PHOTO,
    VIDEO,
    check_evidence,
    max_bytes,
    max_files,
    size_label,
)
from refdata.models import County, Sector

# The honeypot's name: nothing a browser's autofill would recognise (not "website", "url",
# "email"...), so a person's browser does not fill it by mistake.
HONEYPOT_FIELD = "leave_empty"

# A hint for the phone's file picker; the server checks every file anyway. HEIC is offered
# only when it can be read: otherwise iPhones convert their photos to JPEG when uploading.
EVIDENCE_ACCEPT = ",".join(
    [content_type for content_type in ALLOWED_TYPES if content_type.startswith("image/")]
    + ["audio/*", "video/*", "application/pdf"]
)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


def evidence_help_text():
    """The limits as the settings have them, in the active language."""
    return gettext(
        "Up to %(count)s files: photos, voice notes, short videos or PDFs. Photos and PDFs up "
        "to %(document)s each, voice notes and videos up to %(media)s. We remove hidden "
        "details such as the location from photos."
    ) % {
        "count": max_files(),
        "document": size_label(max_bytes(PHOTO)),
        "media": size_label(max_bytes(VIDEO)),
    }


class EvidenceField(forms.FileField):
    """Up to ``max_files()`` files in one <input type=file multiple>; cleans to a list of
    ``intake.evidence.Evidence``, every file checked by its content."""

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": EVIDENCE_ACCEPT}))
        kwargs.setdefault("required", False)
        kwargs.setdefault("label", _("Photos, voice notes, videos or documents (optional)"))
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, (list, tuple)):
            uploads = [item for item in data if item]
        else:
            uploads = [data] if data else []
        if len(uploads) > max_files():
            raise ValidationError(
                gettext("Choose at most %(count)s files.") % {"count": max_files()},
                code="max_files",
            )
        checked, errors = [], []
        for upload in uploads:
            try:
                checked.append(check_evidence(upload))
            except ValidationError as error:
                errors.extend(error.messages)
        if errors:
            raise ValidationError(errors)
        return checked


class PlainTextField(forms.CharField):
    """Text from a textarea. Browsers send each line break as two characters but count it as
    one against maxlength; counting one here too keeps the visible limit honest."""

    def to_python(self, value):
        value = super().to_python(value)
        return value.replace("\r\n", "\n").replace("\r", "\n") if value else value


class SectorChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name  # in the page's language


def description_field(*, error_messages=None, **kwargs):
    return PlainTextField(
        max_length=MAX_DESCRIPTION_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Up to 4,000 characters."),
        error_messages={
            "max_length": _("Keep it to 4,000 characters (you wrote %(show_value)d)."),
            **(error_messages or {}),
        },
        **kwargs,
    )


class EvidenceFormMixin:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Made per form, not per class: the limits come from the settings and the text
        # from the language of this request.
        self.fields["evidence"].help_text = evidence_help_text()


class ReportForm(EvidenceFormMixin, forms.Form):
    sector = SectorChoiceField(
        label=_("Which service is it about?"),
        queryset=Sector.objects.active(),
        required=False,
        empty_label=_("Not sure – a case worker will choose"),
        to_field_name="slug",
    )
    county = forms.ModelChoiceField(
        label=_("County"),
        queryset=County.objects.all(),
        empty_label=_("Choose your county"),
        error_messages={"required": _("Choose the county where it happened.")},
    )
    location = forms.CharField(
        label=_("Where did it happen?"),
        max_length=255,
        required=False,
        help_text=_("The village, estate or street, or the name of the office or facility."),
    )
    description = description_field(
        label=_("What happened?"),
        error_messages={"required": _("Describe what happened.")},
    )
    complainant_name = forms.CharField(
        label=_("Your name (optional)"),
        max_length=120,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    complainant_phone = forms.CharField(
        label=_("Phone number (optional)"),
        max_length=30,
        required=False,
        help_text=_("For example 0712 345 678. We send your reference and updates by SMS."),
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel", "inputmode": "tel"}),
    )
    complainant_email = forms.EmailField(
        label=_("E-mail address (optional)"),
        required=False,
        error_messages={"invalid": _("Enter an e-mail address such as name@example.com.")},
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    consent_to_contact = forms.BooleanField(label=_("Contact me about this"), required=False)
    consent_to_share_identity = forms.BooleanField(
        label=_("The authority may see my name and contact details (otherwise it sees none)"),
        required=False,
    )
    consent_to_publish = forms.BooleanField(
        label=_("You may publish a summary without my name"), required=False
    )
    evidence = EvidenceField()

    def clean_complainant_phone(self):
        try:
            return normalise_phone(self.cleaned_data["complainant_phone"])
        except ValidationError as error:
            raise ValidationError(error.message_dict["complainant_phone"]) from error

    def clean(self):
        cleaned = super().clean()
        wants_contact = cleaned.get("consent_to_contact")
        has_contact = cleaned.get("complainant_phone") or cleaned.get("complainant_email")
        typed_contact = self.data.get("complainant_phone") or self.data.get("complainant_email")
        if wants_contact and not has_contact and not typed_contact:
            self.add_error(
                "consent_to_contact",
                _("Give a phone number or an e-mail address so that we can contact you."),
            )
        return cleaned


class TrackingLookupForm(forms.Form):
    reference = forms.CharField(
        label=_("Case reference"),
        max_length=30,
        help_text=_("For example HUD-2026-000123."),
        error_messages={"required": _("Enter the reference of your case.")},
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )
    access_code = forms.CharField(
        label=_("Access code"),
        max_length=20,
        help_text=_("The 8 letters and numbers we gave you with the reference."),
        error_messages={"required": _("Enter the access code.")},
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )

    def clean_reference(self):
        return re.sub(r"\s+", "", self.cleaned_data["reference"]).upper()

    def clean_access_code(self):
        code = normalise_access_code(self.cleaned_data["access_code"])
        if len(code) != ACCESS_CODE_LENGTH:
            raise ValidationError(_("The access code has 8 letters and numbers."))
        return code


class AddInformationForm(EvidenceFormMixin, forms.Form):
    text = description_field(label=_("What would you like to add?"), required=False)
    evidence = EvidenceField()

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not cleaned.get("text") and not cleaned.get("evidence"):
            raise ValidationError(_("Write something or choose a file to add."))
        return cleaned


class EscalationRequestForm(forms.Form):
    reason = PlainTextField(
        label=_("What is still wrong? (optional)"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


def initial_from_post(form_class, data):
    """Initial values for an unbound copy of ``form_class`` that shows what was typed, without
    validating anything (the rate-limit page must not do the work it refuses)."""
    initial = {}
    for name, field in form_class.base_fields.items():
        if isinstance(field, forms.FileField) or name not in data:
            continue
        initial[name] = data.get(name)
    return initial
