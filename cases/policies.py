"""Permission policies for what staff may see of cases: model permissions plus the user's
county limit, on every admin route.

``CountyScopedPermissionPolicy`` serves every model that belongs to a case's county (the case
itself, the outbox's messages); registered with Wagtail, so that listings, inspect, history,
export, bulk actions, choosers and reports all ask the same question.
"""

from django.db.models import Q
from django.http import Http404
from wagtail.permission_policies import ModelPermissionPolicy

from . import rules
from .models import Case


class CountyScopedPermissionPolicy(ModelPermissionPolicy):
    """Model permissions, then the user's counties. ``county_field`` is the lookup from the
    model to the county id; an object without a county goes to users without a limit only
    (national triage)."""

    county_field = "county_id"
    forbidden_actions = frozenset()

    def __init__(self, model, *, county_field=None, forbidden_actions=None, **kwargs):
        super().__init__(model, **kwargs)
        if county_field is not None:
            self.county_field = county_field
        if forbidden_actions is not None:
            self.forbidden_actions = frozenset(forbidden_actions)

    def county_id_of(self, instance):
        value = instance
        for part in self.county_field.split("__"):
            value = getattr(value, part, None)
            if value is None:
                return None
        return value

    def user_has_permission(self, user, action):
        if action in self.forbidden_actions:
            return False
        return super().user_has_permission(user, action)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and rules.covers_county(
            user, self.county_id_of(instance)
        )

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(
            self.user_has_permission_for_instance(user, action, instance) for action in actions
        )

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return self.model.objects.none()
        county_ids = rules.limited_county_ids(user)
        if county_ids is None:
            return self.model.objects.all()
        return self.model.objects.filter(Q(**{f"{self.county_field}__in": county_ids}))

    def instances_user_has_permission_for(self, user, action):
        return self.instances_user_has_any_permission_for(user, [action])


# Cases are evidence: nobody deletes them (and the viewset offers no copy or edit).
case_permission_policy = CountyScopedPermissionPolicy(Case, forbidden_actions={"delete"})


class ScopedObjectMixin:
    """For Wagtail's generic object views: an object outside the user's scope gets the same
    404 as one that is not there. Set ``scope_policy`` on the view."""

    scope_policy = case_permission_policy

    def get_object(self, *args, **kwargs):
        instance = super().get_object(*args, **kwargs)
        if not self.scope_policy.user_has_permission_for_instance(
            self.request.user, "view", instance
        ):
            raise Http404
        return instance
