"""The case workers' workbench in the Wagtail admin: log actions, the permission policy,
viewsets and dashboard panels."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .models import Case, CaseLogEntry
from .policies import case_permission_policy
from .workbench.bulk_actions import BULK_ACTIONS

register_permission_policy(Case, case_permission_policy)

TIMELINE_ACTIONS = [
    ("cases.create", _("Received"), _("Case received")),
    ("cases.forward", _("Forwarded"), _("Forwarded to the authority")),
    ("cases.respond", _("Responded"), _("Response recorded")),
    ("cases.close", _("Closed"), _("Closed")),
    ("cases.close_unanswered", _("Closed unanswered"), _("Closed: no response from the authority")),
    ("cases.dismiss", _("Dismissed"), _("Dismissed")),
    ("cases.withdraw", _("Withdrawn"), _("Withdrawn by the citizen")),
    ("cases.escalate", _("Escalated"), _("Escalated")),
    ("cases.recall", _("Recalled"), _("Recalled from the authority")),
    ("cases.reopen", _("Reopened"), _("Reopened")),
    ("cases.assign", _("Assigned"), _("Assignment changed")),
    ("cases.note", _("Note"), _("Note added")),
    ("cases.attach", _("File added"), _("File added")),
    ("cases.publish", _("Published"), _("Summary published")),
    ("cases.unpublish", _("Unpublished"), _("Taken off the public site")),
    ("cases.request_escalation", _("Escalation requested"), _("The citizen asked for escalation")),
]


@hooks.register("register_log_actions")
def register_case_log_actions(actions):
    actions.register_model(Case, CaseLogEntry)
    for code, label, message in TIMELINE_ACTIONS:
        actions.register_action(code, label, message)


@hooks.register("register_admin_viewset")
def register_case_viewsets():
    from .workbench.viewsets import CaseAdminGroup, CaseViewSet

    return [CaseViewSet(), CaseAdminGroup()]


for bulk_action in BULK_ACTIONS:
    hooks.register("register_bulk_action", bulk_action)


@hooks.register("construct_homepage_panels")
def add_case_panels(request, panels):
    from .workbench.panels import case_panels

    panels.extend(case_panels(request.user))


@hooks.register("construct_main_menu")
def add_saved_searches_to_menu(request, menu_items):
    from wagtail.admin.menu import MenuItem

    from .workbench.saved_searches import listing_url

    if not case_permission_policy.user_has_permission(request.user, "view"):
        return
    for position, search in enumerate(request.user.saved_case_searches.all()):
        menu_items.append(
            MenuItem(
                search.name,
                listing_url(search),
                icon_name="folder-open-1",
                order=201 + position,
                name=f"saved-search-{search.pk}",
            )
        )


@hooks.register("register_actions")
def register_case_actions(registry):
    from .workbench.registration import RegisterCaseAction

    registry.register(Case, RegisterCaseAction)
