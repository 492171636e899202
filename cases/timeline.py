"""Reading the timeline: each entry keeps its action code, its actor and the values of the
event; its sentence is rendered when it is read, in the reader's language, by the operation
that wrote it (Wagtail's ``LogFormatter``, registered in ``wagtail_hooks``)."""

from wagtail.log_actions import LogFormatter

from . import registry


class OperationLogFormatter(LogFormatter):
    operation = None

    def format_message(self, log_entry):
        return self.operation.summarise(log_entry.data or {}) or str(self.operation.log_message)


def formatter_for(operation):
    return type(
        f"{operation.__name__}LogFormatter",
        (OperationLogFormatter,),
        {"operation": operation, "label": operation.log_label},
    )


def summary(entry, *, public=False):
    """The entry's sentence from its values ("Forwarded to …"), "" when its label says it all;
    ``public`` leaves out what only the case's people may read."""
    operation = registry.for_log_action(entry.action)
    if operation is None:
        return ""
    data = entry.data or {}
    return str(operation.summarise_publicly(data) if public else operation.summarise(data))
