"""Partner API keys in the Wagtail admin: list, issue (the key is shown once), revoke."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import View
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from .keys import issue_key, revoke_key
from .models import ApiKey


class ApiKeyPermissionPolicy(ModelPermissionPolicy):
    # Requests point to their key, and a key's hash means nothing to edit: not even a
    # superuser edits or deletes one. Revoking is its own permission.
    FORBIDDEN_ACTIONS = {"change", "delete"}

    def user_has_permission(self, user, action):
        if action in self.FORBIDDEN_ACTIONS:
            return False
        return super().user_has_permission(user, action)


api_key_permission_policy = ApiKeyPermissionPolicy(ApiKey)


class IssueKeyForm(forms.ModelForm):
    class Meta:
        model = ApiKey
        fields = ["organisation"]

    def clean_organisation(self):
        # The model's constraint is conditional on revoked_at, which a form without that
        # field does not check: say it here rather than fail on save.
        organisation = self.cleaned_data["organisation"].strip()
        if ApiKey.objects.active().filter(organisation=organisation).exists():
            raise forms.ValidationError(
                _("This organisation already has an active key. Revoke it first.")
            )
        return organisation


class IssueKeyView(generic.CreateView):
    """Issues the key through ``keys.issue_key`` and shows it once, on the answer page
    itself: it is never stored, so no later page could show it."""

    def save_instance(self):
        api_key, self.raw_key = issue_key(self.form.cleaned_data["organisation"])
        return api_key

    def save_action(self):
        response = TemplateResponse(
            self.request,
            "open311/admin/key_issued.html",
            {
                "api_key": self.object,
                "raw_key": self.raw_key,
                "index_url": reverse("open311_keys:index"),
                "inspect_url": reverse("open311_keys:inspect", args=[self.object.pk]),
            },
        )
        response["Cache-Control"] = "private, no-store"
        return response


class ApiKeyInspectView(generic.InspectView):
    template_name = "open311/admin/key_inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_revoke"] = (
            self.object.is_active
            and api_key_permission_policy.user_has_permission(self.request.user, "revoke")
        )
        context["revoke_url"] = reverse("open311_keys:revoke", args=[self.object.pk])
        return context


class RevokeKeyView(View):
    """POST only: the key stops working at once."""

    http_method_names = ["post"]

    def post(self, request, pk):
        if not api_key_permission_policy.user_has_permission(request.user, "revoke"):
            raise PermissionDenied
        api_key = get_object_or_404(ApiKey, pk=pk)
        if api_key.is_active:
            revoke_key(api_key)
            messages.success(
                request,
                _("The key of %(organisation)s is revoked.")
                % {"organisation": api_key.organisation},
            )
        return redirect("open311_keys:inspect", pk)


class ApiKeyViewSet(ModelViewSet):
    model = ApiKey
    name = "open311_keys"
    url_prefix = "open311-keys"
    icon = "key"
    menu_label = _("Open311 API keys")
    add_to_settings_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    add_to_reference_index = False
    add_view_class = IssueKeyView
    inspect_view_class = ApiKeyInspectView
    form_fields = ["organisation"]
    list_display = ["organisation", "prefix", "created_at", "last_used_at", "status"]
    list_filter = []
    search_fields = ["organisation", "prefix"]
    ordering = ["organisation", "-created_at"]
    inspect_view_fields = ["organisation", "prefix", "created_at", "last_used_at", "revoked_at"]

    def get_form_class(self, for_update=False):
        return IssueKeyForm

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            **{"edit_url_name": None, "delete_url_name": None, **kwargs}
        )

    def get_urlpatterns(self):
        conv = self.pk_path_converter
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("new/", self.add_view, name="add"),
            path(f"inspect/<{conv}:pk>/", self.inspect_view, name="inspect"),
            path(f"revoke/<{conv}:pk>/", RevokeKeyView.as_view(), name="revoke"),
        ]
