"""The one permission policy for cases: model permissions plus the user's county limit.

Registered with Wagtail so that every admin route (listing, inspect, history, export, bulk
actions, choosers, reports) asks the same question.
"""

from wagtail.permission_policies import ModelPermissionPolicy

from . import rules
from .models import Case


class CasePermissionPolicy(ModelPermissionPolicy):
    # Cases are evidence: nobody deletes them, and they are never copied.
    FORBIDDEN_ACTIONS = {"delete"}

    def user_has_permission(self, user, action):
        if action in self.FORBIDDEN_ACTIONS:
            return False
        return super().user_has_permission(user, action)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and rules.user_covers_case(user, instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(
            self.user_has_permission_for_instance(user, action, instance) for action in actions
        )

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return Case.objects.none()
        county_ids = rules.limited_county_ids(user)
        if county_ids is None:
            return Case.objects.all()
        return Case.objects.filter(county_id__in=county_ids)

    def instances_user_has_permission_for(self, user, action):
        return self.instances_user_has_any_permission_for(user, [action])


case_permission_policy = CasePermissionPolicy(Case)
