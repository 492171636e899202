from django import template
from django.apps import apps
from wagtail.models import Locale, Site

register = template.Library()


@register.simple_tag(takes_context=True)
def main_menu_pages(context):
    """The live children of the home page in the reader's language that editors chose to
    show in menus."""
    root = site_root(context)
    if root is None:
        return []
    return root.get_children().live().public().in_menu()


@register.simple_tag(takes_context=True)
def site_root(context):
    """The site's home page in the reader's language (the English one until translated)."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    return site.root_page.localized if site else None


@register.simple_tag
def breadcrumbs(page):
    """The page's ancestors below the tree root, for the breadcrumb trail."""
    if page is None or page.depth <= 2:
        return []
    return page.get_ancestors().filter(depth__gte=2).live()


@register.filter
def is_within(page, section):
    """True when ``page`` is ``section`` or one of its descendants: marks the current menu item."""
    page_path = getattr(page, "path", "")
    section_path = getattr(section, "path", "")
    return bool(page_path and section_path) and page_path.startswith(section_path)


@register.simple_tag(takes_context=True)
def live_pages(context, model_name):
    """Live public pages of one type in the reader's language, such as "RightPage".

    Templates that no page view feeds (search, the report placeholder) use it to link to
    the site's sections without depending on the slugs editors chose.
    """
    return (
        apps.get_model("pages", model_name)
        .objects.live()
        .public()
        .filter(locale=Locale.get_active())
    )


@register.simple_tag(takes_context=True)
def index_page(context, model_name):
    """The site's index page of one type, such as "ReportIndexPage", or None."""
    return live_pages(context, model_name).first()


@register.simple_tag(takes_context=True)
def localized_slugurl(context, slug):
    """The address of the site's page with this (English) slug, in the reader's language:
    Wagtail's ``slugurl`` answers with the English page."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return ""
    page = site.root_page.get_descendants().filter(slug=slug).live().first()
    return page.localized.get_url(request) if page else ""
