"""Who may see the outbox: read-only for everyone, and limited to the user's counties like
cases (a message names a citizen's phone or e-mail)."""

from wagtail.permission_policies import ModelPermissionPolicy

from cases.rules import limited_county_ids

from .models import OutboundMessage


class OutboxPermissionPolicy(ModelPermissionPolicy):
    # The outbox is a record of what went out: nobody adds, edits or deletes a message, not
    # even a superuser. Sending one again is the "retry" permission.
    FORBIDDEN_ACTIONS = {"add", "change", "delete"}

    def user_has_permission(self, user, action):
        if action in self.FORBIDDEN_ACTIONS:
            return False
        return super().user_has_permission(user, action)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and self._covers(user, instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(
            self.user_has_permission_for_instance(user, action, instance) for action in actions
        )

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return OutboundMessage.objects.none()
        county_ids = limited_county_ids(user)
        if county_ids is None:
            return OutboundMessage.objects.all()
        return OutboundMessage.objects.filter(case__county_id__in=county_ids)

    def instances_user_has_permission_for(self, user, action):
        return self.instances_user_has_any_permission_for(user, [action])

    @staticmethod
    def _covers(user, message):
        county_ids = limited_county_ids(user)
        if county_ids is None:
            return True
        return message.case_id is not None and message.case.county_id in county_ids


outbox_permission_policy = OutboxPermissionPolicy(OutboundMessage)
