"""Reference data in the Wagtail admin: sectors are editable, counties are fixed by law."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import County, Sector


class SectorViewSet(SnippetViewSet):
    model = Sector
    icon = "tag"
    menu_label = _("Sectors")
    list_display = ["name_en", "name_sw", "slug", "is_active"]
    search_fields = ["name_en", "name_sw", "slug"]
    copy_view_enabled = False


class CountyViewSet(SnippetViewSet):
    model = County
    icon = "site"
    menu_label = _("Counties")
    list_display = ["code", "name"]
    search_fields = ["code", "name"]
    ordering = ["code"]
    list_per_page = 50
    copy_view_enabled = False


class ReferenceDataGroup(SnippetViewSetGroup):
    items = (SectorViewSet, CountyViewSet)
    menu_label = _("Reference data")
    menu_icon = "list-ul"
    menu_order = 900


register_snippet(ReferenceDataGroup)
