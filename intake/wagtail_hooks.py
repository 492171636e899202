"""Read-only admin views of what the gateways sent: for checking a citizen's message or a
USSD session when something went wrong. Only users given the view permission see them."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from .models import InboundSMS, UssdSession
from .recordings.panel import recording_panel


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


class GatewayGroup(ModelViewSetGroup):
    menu_label = _("Gateways")
    menu_icon = "mail"
    menu_order = 220
    items = (InboundSMSViewSet, UssdSessionViewSet)


@hooks.register("register_admin_viewset")
def register_gateway_viewsets():
    return GatewayGroup()


# The voice recording's download state on the case view (cases asks this hook).
hooks.register("case_inspect_panels", recording_panel)
