"""Read-only admin views of what the gateways sent: for checking a citizen's message, a USSD
session or a voice call when something went wrong. Only users given the view permission see
them. Beside them, the voice prompts editors may record."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from .gateways.prompt_form import VoicePromptForm
from .models import InboundSMS, UssdSession, VoiceCall, VoicePrompt
from .recordings.panel import recording_panel
from .recordings.requeue_view import fetch_again


class ReadOnlyViewSet(ModelViewSet):
    add_to_reference_index = False  # not content: nothing refers to it
    copy_view_enabled = False
    inspect_view_enabled = True
    exclude_form_fields = []

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            **{"add_url_name": None, "edit_url_name": None, "delete_url_name": None, **kwargs}
        )

    def get_urlpatterns(self):
        # Only the listing, its results and inspect: nothing here may be changed by hand.
        keep = {"index", "index_results", "inspect"}
        return [pattern for pattern in super().get_urlpatterns() if pattern.name in keep]


class InboundSMSViewSet(ReadOnlyViewSet):
    model = InboundSMS
    icon = "mail"
    menu_label = _("Inbound SMS")
    name = "inbound_sms"
    list_display = ["received_at", "sender", "text", "case", "outcome"]
    list_filter = ["outcome"]
    search_fields = ["sender", "text", "gateway_id"]
    ordering = ["-received_at"]


class UssdSessionViewSet(ReadOnlyViewSet):
    model = UssdSession
    icon = "mobile-alt"
    menu_label = _("USSD sessions")
    name = "ussd_sessions"
    list_display = ["session_id", "phone_number", "language", "is_finished", "case"]
    list_filter = ["is_finished", "language"]
    search_fields = ["session_id", "phone_number"]


class VoiceCallViewSet(ReadOnlyViewSet):
    model = VoiceCall
    icon = "mobile-alt"
    menu_label = _("Voice calls")
    name = "voice_calls"
    list_display = [
        "started_at",
        "caller_number",
        "language",
        "stage",
        "duration_seconds",
        "hangup_cause",
        "case",
    ]
    list_filter = ["stage", "language", "is_active"]
    search_fields = ["session_id", "caller_number"]
    ordering = ["-started_at"]


class VoicePromptViewSet(ModelViewSet):
    """An editor's recording per prompt and language; without one the default plays."""

    model = VoicePrompt
    icon = "media"
    menu_label = _("Voice prompts")
    name = "voice_prompts"
    add_to_reference_index = False
    copy_view_enabled = False
    list_display = ["key", "language", "audio", "updated_at"]
    list_filter = ["language"]
    search_fields = ["key"]
    edit_handler = ObjectList(
        [FieldPanel("key"), FieldPanel("language"), FieldPanel("audio")],
        base_form_class=VoicePromptForm,
    )


class GatewayGroup(ModelViewSetGroup):
    menu_label = _("Gateways")
    menu_icon = "mail"
    menu_order = 220
    items = (InboundSMSViewSet, UssdSessionViewSet, VoiceCallViewSet, VoicePromptViewSet)


@hooks.register("register_admin_viewset")
def register_gateway_viewsets():
    return GatewayGroup()


# The voice recording's download state on the case view (cases asks this hook).
hooks.register("case_inspect_panels", recording_panel)


@hooks.register("register_admin_urls")
def register_recording_urls():
    return [
        path("recordings/<int:pk>/fetch-again/", fetch_again, name="recording_download_fetch_again")
    ]
