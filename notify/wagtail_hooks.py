"""The outbox, its dashboard panel and the message templates in the Wagtail admin."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from .admin_views import MessageTemplateViewSet, OutboxViewSet
from .models import OutboundMessage
from .panels import outbox_panels
from .policies import outbox_permission_policy

register_permission_policy(OutboundMessage, outbox_permission_policy)
register_snippet(MessageTemplateViewSet)


@hooks.register("register_admin_viewset")
def register_outbox_viewset():
    return OutboxViewSet()


@hooks.register("construct_homepage_panels")
def add_outbox_panel(request, panels):
    panels.extend(outbox_panels(request.user))
