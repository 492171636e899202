"""Who may see the outbox: read-only for everyone, and limited to the user's counties like
cases (a message names a citizen's phone or e-mail)."""

from cases.policies import CountyScopedPermissionPolicy

from .models import OutboundMessage

# The outbox is a record of what went out: nobody adds, edits or deletes a message, not even
# a superuser. Sending one again is the "retry" permission.
outbox_permission_policy = CountyScopedPermissionPolicy(
    OutboundMessage,
    county_field="case__county_id",
    forbidden_actions={"add", "change", "delete"},
)
