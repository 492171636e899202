"""Recording each look by staff at a complainant's personal data (``StaffAccess``)."""

from .models import AccessKind, StaffAccess


def record_access(user, kind, *, case=None, detail=""):
    if kind not in AccessKind.values:
        raise ValueError(f"Unknown access kind {kind!r}.")
    return StaffAccess.objects.create(
        user=user if user is not None and user.is_authenticated else None,
        username=user.get_username() if user is not None and user.is_authenticated else "",
        case=case,
        kind=kind,
        detail=(detail or "")[:200],
    )
