"""The admin form for an editor's recording of a voice prompt.

The file is checked by its content like any evidence (``intake.evidence``: a recording, not a
renamed document) and converted to the small MP3 the calls play, so every prompt URL serves
the same format whatever was uploaded.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from ..evidence import AUDIO, check_evidence
from .prompt_audio import PromptAudioError, to_phone_mp3
from .prompts import all_prompts


class VoicePromptForm(WagtailAdminModelForm):
    key = forms.ChoiceField(label=_("Prompt"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.prompts = all_prompts()
        self.fields["key"].choices = [
            (key, f"{key}: {texts['en']}") for key, texts in self.prompts.items()
        ]
        self.fields["key"].help_text = _(
            "Record exactly the words shown (in the prompt's language: the Kiswahili words "
            "are in the catalogue and in the default recording)."
        )

    def clean_audio(self):
        audio = self.cleaned_data.get("audio")
        if not isinstance(audio, UploadedFile):
            return audio  # unchanged, or cleared (the default plays again)
        evidence = check_evidence(audio)
        if evidence.kind != AUDIO:
            raise ValidationError(_("Upload a sound recording (MP3, WAV, OGG, M4A or AMR)."))
        evidence.file.seek(0)
        try:
            converted = to_phone_mp3(evidence.file.read())
        except PromptAudioError as error:
            raise ValidationError(_("This recording could not be converted.")) from error
        key = self.cleaned_data.get("key") or "prompt"
        return ContentFile(converted, name=f"{key}.mp3")
