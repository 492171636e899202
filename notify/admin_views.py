"""The outbox and the message templates in the Wagtail admin."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import View
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.views.snippets import SnippetViewSet

from cases.policies import ScopedObjectMixin

from .models import MessageStatus, MessageTemplate, OutboundMessage
from .policies import outbox_permission_policy
from .queueing import retry_message
from .sending import stuck_messages


def visible_messages(user):
    return outbox_permission_policy.instances_user_has_permission_for(user, "view")


class ScopedMessageMixin(ScopedObjectMixin):
    """Refuse a message outside the user's counties on every per-object admin route."""

    scope_policy = outbox_permission_policy


class OutboxIndexView(generic.IndexView):
    def get_base_queryset(self):
        return visible_messages(self.request.user).select_related("case")


def can_retry(user, message):
    return message.status in (
        MessageStatus.FAILED,
        MessageStatus.SENDING,
    ) and outbox_permission_policy.user_has_permission_for_instance(user, "retry", message)


class OutboxInspectView(ScopedMessageMixin, generic.InspectView):
    template_name = "notify/admin/message_inspect.html"

    def get_text_display_value(self):
        # Staff never need the citizen's access code: it is masked here even before sending.
        return self.object.masked_text

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        message = self.object
        context["can_retry"] = can_retry(self.request.user, message)
        context["is_stuck"] = stuck_messages().filter(pk=message.pk).exists()
        context["retry_url"] = reverse("outbox:retry", args=[message.pk])
        return context


class OutboxHistoryView(ScopedMessageMixin, generic.HistoryView):
    pass


class RetryMessageView(View):
    """POST only: send a failed message (or one a person checked in "sending") again."""

    http_method_names = ["post"]

    def post(self, request, pk):
        message = OutboundMessage.objects.filter(pk=pk).select_related("case").first()
        if message is None or not outbox_permission_policy.user_has_permission_for_instance(
            request.user, "view", message
        ):
            raise Http404
        if not can_retry(request.user, message):
            messages.error(request, _("This message cannot be sent again."))
        elif retry_message(message):
            messages.success(request, _("The message is queued to be sent again."))
        else:
            messages.error(request, _("The message changed meanwhile; nothing was done."))
        return redirect("outbox:inspect", pk)


class OutboxViewSet(ModelViewSet):
    model = OutboundMessage
    name = "outbox"
    url_prefix = "outbox"
    icon = "mail"
    menu_label = _("Outbox")
    menu_order = 260
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    add_to_reference_index = False
    index_view_class = OutboxIndexView
    inspect_view_class = OutboxInspectView
    history_view_class = OutboxHistoryView
    list_display = ["created_at", "channel", "audience", "recipient", "status", "attempts", "case"]
    list_filter = ["status", "channel", "audience", "language"]
    search_fields = ["recipient", "event_key", "gateway_id", "case__reference"]
    ordering = ["-created_at"]
    list_per_page = 50
    inspect_view_fields = [
        "case",
        "channel",
        "audience",
        "recipient",
        "language",
        "subject",
        "text",
        "status",
        "attempts",
        "created_at",
        "last_attempt_at",
        "next_attempt_at",
        "sent_at",
        "delivered_at",
        "gateway_id",
        "last_error",
        "event_key",
    ]

    # A record of what went out: no add, edit or delete routes at all.
    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            **{"add_url_name": None, "edit_url_name": None, "delete_url_name": None, **kwargs}
        )

    def get_urlpatterns(self):
        conv = self.pk_path_converter
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path(f"inspect/<{conv}:pk>/", self.inspect_view, name="inspect"),
            path(f"history/<{conv}:pk>/", self.history_view, name="history"),
            path(
                f"history-results/<{conv}:pk>/",
                self.history_results_view,
                name="history_results",
            ),
            path(f"retry/<{conv}:pk>/", RetryMessageView.as_view(), name="retry"),
        ]


class MessageTemplateViewSet(SnippetViewSet):
    add_to_reference_index = False  # not content: nothing refers to it
    model = MessageTemplate
    icon = "mail"
    menu_label = _("Message templates")
    menu_order = 270
    add_to_admin_menu = True
    copy_view_enabled = False
    list_display = ["event", "channel", "language", "subject"]
    list_filter = ["event", "channel", "language"]
    ordering = ["event", "channel", "language"]
    list_per_page = 50
