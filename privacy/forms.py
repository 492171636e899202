"""The forms of a data subject request: whom it is about, and what to erase or correct."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from cases.phones import normalise_phone

from .sources import Person


class PersonForm(forms.Form):
    phone = forms.CharField(
        label=_("Phone number"),
        required=False,
        max_length=30,
        help_text=_("Any Kenyan format: 0712 345 678, +254712345678."),
    )
    email = forms.EmailField(label=_("E-mail address"), required=False)

    def clean_phone(self):
        try:
            return normalise_phone(self.cleaned_data["phone"])
        except ValidationError as error:
            raise ValidationError(error.message_dict["complainant_phone"]) from None

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not (cleaned.get("phone") or cleaned.get("email")):
            raise ValidationError(_("Give the person's phone number, e-mail address, or both."))
        return cleaned

    def person(self):
        return Person(
            phone=self.cleaned_data.get("phone", ""),
            email=(self.cleaned_data.get("email") or "").lower(),
        )


class EraseForm(PersonForm):
    mentions = forms.CharField(
        label=_("Also erase these words wherever they are written"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "One per line: what the person points out, e.g. their house, a relative's name. "
            "Their name, phone number and e-mail address are erased anyway."
        ),
    )
    own_words = forms.BooleanField(
        label=_("Erase everything the person wrote, and where"),
        required=False,
        help_text=_(
            "Their descriptions, notes and places become “[erased]”. Otherwise the complaint "
            "stays, without their details."
        ),
    )
    confirm = forms.BooleanField(
        label=_("I have checked the person's identity and their request"),
        help_text=_("Erasure cannot be undone."),
    )

    def cleaned_mentions(self):
        return [line for line in self.cleaned_data["mentions"].splitlines() if line.strip()]


class CorrectForm(PersonForm):
    new_name = forms.CharField(label=_("Correct name"), required=False, max_length=120)
    new_phone = forms.CharField(label=_("Correct phone number"), required=False, max_length=30)
    new_email = forms.EmailField(label=_("Correct e-mail address"), required=False)

    def corrections(self):
        values = {}
        for field, name in (
            ("new_name", "complainant_name"),
            ("new_phone", "complainant_phone"),
            ("new_email", "complainant_email"),
        ):
            if self.cleaned_data.get(field):
                values[name] = self.cleaned_data[field]
        return values

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not self.corrections():
            raise ValidationError(_("Give the corrected name, phone number or e-mail address."))
        return cleaned
