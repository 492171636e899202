"""Staff security in the admin: supervisors see the sign-ins Axes has locked and unlock them.

The listing needs ``axes.view_accessattempt`` and unlocking ``axes.delete_accessattempt``
(both given to *Case supervisors* by a migration; superusers have them anyway)."""

from axes.models import AccessAttempt
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet

from . import locks, two_factor, views

UNLOCK_PERMISSION = "axes.delete_accessattempt"


class LockStatusColumn(Column):
    cell_template_name = "staff_security/lock_status_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        request = parent_context.get("request")
        context["locked_until"] = locks.locked_until(instance)
        context["may_unlock"] = bool(request and request.user.has_perm(UNLOCK_PERMISSION))
        context["csrf_token"] = get_token(request) if request else ""
        context["unlock_url"] = reverse(f"{LockedSignInViewSet.name}:unlock", args=[instance.pk])
        return context


class LockedSignInIndexView(IndexView):
    def get_base_queryset(self):
        # Only the attempts still counted (newer than the cool-off), newest first.
        return locks.recent_attempts()


class LockedSignInViewSet(ModelViewSet):
    add_to_reference_index = False  # not content: nothing refers to it
    model = AccessAttempt
    name = "locked_sign_ins"
    icon = "lock"
    menu_label = _("Locked sign-ins")
    add_to_settings_menu = True
    copy_view_enabled = False
    inspect_view_enabled = False
    exclude_form_fields = []
    list_display = [
        "username",
        "ip_address",
        "failures_since_start",
        "attempt_time",
        LockStatusColumn("status", label=_("Status")),
    ]
    list_filter = ["username", "ip_address"]
    search_fields = ["username", "ip_address"]
    ordering = ["-attempt_time"]
    index_view_class = LockedSignInIndexView

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            **{"add_url_name": None, "edit_url_name": None, "delete_url_name": None, **kwargs}
        )

    def get_urlpatterns(self):
        # The listing and unlocking only: attempts are never added or edited by hand.
        keep = {"index", "index_results"}
        patterns = [pattern for pattern in super().get_urlpatterns() if pattern.name in keep]
        return [*patterns, path("unlock/<int:pk>/", self.unlock_view, name="unlock")]

    @property
    def unlock_view(self):
        @require_POST
        def unlock(request, pk):
            if not request.user.has_perm(UNLOCK_PERMISSION):
                raise PermissionDenied
            attempt = get_object_or_404(AccessAttempt, pk=pk)
            locks.unlock(attempt)
            messages.success(
                request,
                _("“%(username)s” may sign in again from %(address)s.")
                % {"username": attempt.username, "address": attempt.ip_address},
            )
            return redirect(self.get_url_name("index"))

        return unlock


@hooks.register("register_admin_viewset")
def register_locked_sign_ins():
    return LockedSignInViewSet()


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return [
        path("two-factor/", views.overview, name="two_factor_overview"),
        path("two-factor/verify/", views.verify, name="two_factor_verify"),
        path("two-factor/setup/", views.setup, name="two_factor_setup"),
        path("two-factor/recovery-codes/", views.recovery_codes, name="two_factor_recovery_codes"),
    ]


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    return {
        "url": reverse("two_factor_overview"),
        "label": _("Two-factor authentication"),
        "help_text": _("Your authenticator app and recovery codes."),
    }


@hooks.register("construct_main_menu")
def hide_menu_until_second_factor(request, menu_items):
    """Everything in the menu would lead back to the two-factor page: show none of it."""
    if two_factor.owes_second_factor(request.user):
        menu_items.clear()
