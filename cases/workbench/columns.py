"""Listing columns of the workbench beyond Wagtail's own."""

from wagtail.admin.ui.tables import Column


class FlagColumn(Column):
    """A mark that reads as words ("Needs transcription") where a yes/no field is true, and
    nothing where it is false: the rows that need something stand out."""

    cell_template_name = "cases/admin/flag_cell.html"

    def __init__(self, name, *, text, **kwargs):
        super().__init__(name, **kwargs)
        self.text = text

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["flag_text"] = self.text if context["raw_value"] else ""
        return context
