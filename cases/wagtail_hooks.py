"""The case workers' workbench in the Wagtail admin: log actions, the permission policy,
viewsets and dashboard panels."""

from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permissions import register_permission_policy

from . import registry
from .models import Case, CaseLogEntry
from .policies import case_permission_policy
from .timeline import formatter_for
from .workbench import export_jobs
from .workbench.bulk_actions import BULK_ACTIONS
from .workbench.panels import case_panels
from .workbench.registration import RegisterCaseAction
from .workbench.saved_searches import listing_url
from .workbench.viewsets import CaseAdminGroup, CaseViewSet

register_permission_policy(Case, case_permission_policy)


@hooks.register("register_log_actions")
def register_case_log_actions(actions):
    actions.register_model(Case, CaseLogEntry)
    for operation in registry.all_operations():
        actions.register_action(operation.log_action)(formatter_for(operation))


@hooks.register("register_admin_viewset")
def register_case_viewsets():
    return [CaseViewSet(), CaseAdminGroup()]


for bulk_action in BULK_ACTIONS:
    hooks.register("register_bulk_action", bulk_action)


@hooks.register("construct_homepage_panels")
def add_case_panels(request, panels):
    panels.extend(case_panels(request.user))


@hooks.register("construct_main_menu")
def add_downloads_to_menu(request, menu_items):
    """Say in the menu when an export made in the background is ready."""
    if not case_permission_policy.user_has_permission(request.user, "view"):
        return
    ready = export_jobs.ready_count(request.user)
    label = _("Downloads (%(count)s ready)") % {"count": ready} if ready else _("Downloads")
    menu_items.append(
        MenuItem(
            label, reverse("cases:downloads"), icon_name="download", order=205, name="downloads"
        )
    )


@hooks.register("construct_main_menu")
def add_saved_searches_to_menu(request, menu_items):
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
    registry.register(Case, RegisterCaseAction)
