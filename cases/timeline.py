"""Writing the case timeline: one immutable Wagtail log entry per event."""

from wagtail.log_actions import log

from .models import ActorKind, TimelineVisibility


def record_event(
    *,
    case,
    action,
    actor,
    text="",
    visibility=TimelineVisibility.INTERNAL,
    from_state="",
    to_state="",
    authority=None,
    data=None,
):
    return log(
        instance=case,
        action=action,
        user=actor.user if actor.kind == ActorKind.STAFF else None,
        # The version lets a stale form show what changed since it was opened.
        data={**(data or {}), "version": case.version},
        case=case,
        actor_kind=actor.kind,
        actor_label=actor.label,
        authority=authority,
        from_state=from_state,
        to_state=to_state,
        text=text,
        visibility=visibility,
        content_changed=bool(to_state),
    )
