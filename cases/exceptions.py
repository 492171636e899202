from django.utils.translation import gettext_lazy as _


class CaseChanged(Exception):
    """The case changed since the form was opened (or its state no longer allows the action)."""

    message = _("This case changed while you were working on it.")

    def __init__(self, current=None, detail=""):
        super().__init__(str(self.message))
        self.current = current
        self.detail = detail
