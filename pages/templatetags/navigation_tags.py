from django import template

from pages.navigation import site_navigation
from pages.routing import ancestors_of

register = template.Library()


@register.simple_tag(takes_context=True)
def main_menu_pages(context):
    """The live children of the home page in the reader's language that editors chose to
    show in menus, as ``navigation.Link``s (cached: see ``pages/navigation.py``)."""
    return site_navigation(context.get("request")).menu


@register.simple_tag(takes_context=True)
def site_root(context):
    """The site's home page in the reader's language (the English one until translated), as
    a ``navigation.Link``, or None."""
    return site_navigation(context.get("request")).root


@register.simple_tag
def breadcrumbs(page):
    """The page's ancestors below the tree root, for the breadcrumb trail."""
    if page is None or page.depth <= 2:
        return []
    return ancestors_of(page)


@register.filter
def is_within(page, section):
    """True when ``page`` is ``section`` or one of its descendants: marks the current menu item."""
    page_path = getattr(page, "path", "")
    section_path = getattr(section, "path", "")
    return bool(page_path and section_path) and page_path.startswith(section_path)


@register.simple_tag(takes_context=True)
def privacy_url(context):
    """The address of the privacy page in the reader's language (the English one until it
    is translated), or ""."""
    return site_navigation(context.get("request")).privacy_url
