"""The dashboard panel: messages that need a person (failed, or stuck in "sending")."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component

from .models import MessageStatus
from .policies import outbox_permission_policy
from .sending import STUCK_AFTER

PANEL_SIZE = 8


class OutboxProblemsPanel(Component):
    name = "outbox_problems"
    order = 150
    template_name = "notify/admin/outbox_panel.html"

    def __init__(self, *, failed, stuck):
        self.failed = failed
        self.stuck = stuck

    def get_context_data(self, parent_context):
        index = reverse("outbox:index")
        to_check = (self.failed | self.stuck).select_related("case").order_by("-created_at")
        return {
            "title": _("Messages to check"),
            "failed_total": self.failed.count(),
            "stuck_total": self.stuck.count(),
            "messages_to_check": to_check[:PANEL_SIZE],
            "failed_url": f"{index}?status={MessageStatus.FAILED}",
            "sending_url": f"{index}?status={MessageStatus.SENDING}",
        }


def outbox_panels(user):
    if not outbox_permission_policy.user_has_permission(user, "view"):
        return []
    visible = outbox_permission_policy.instances_user_has_permission_for(user, "view")
    failed = visible.failed()
    stuck = visible.stuck(STUCK_AFTER)
    if not failed.exists() and not stuck.exists():
        return []
    return [OutboxProblemsPanel(failed=failed, stuck=stuck)]
