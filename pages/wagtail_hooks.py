"""Admin configuration for translating the public site with wagtail-localize."""

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.widgets.button import Button
from wagtail.models import Locale

from .admin_views import SyncWithoutPublishingPartialTranslations, submit_translation_for_moderation
from .rich_text_links import LocalizedPageLinkHandler
from .translation_status import (
    OUT_OF_DATE,
    UNTRANSLATED,
    is_complete,
    pages_needing_translation,
    translation_of,
)

STATE_LABELS = {
    UNTRANSLATED: gettext_lazy("Not yet translated"),
    OUT_OF_DATE: gettext_lazy("Out of date: the English page changed"),
}


@hooks.register("register_rich_text_features", order=1)
def register_localized_page_links(features):
    # After Wagtail's own (order 0), which registers its handler under the same name.
    features.register_link_type(LocalizedPageLinkHandler)


@hooks.register("register_admin_urls")
def register_translation_urls():
    return [
        path(
            "pages/<int:page_id>/submit-translation/",
            submit_translation_for_moderation,
            name="pages_submit_translation",
        ),
        # Takes the place of wagtail-localize's own view at the same address (this app's
        # hooks run first): see SyncWithoutPublishingPartialTranslations.
        path(
            "localize/update/<int:translation_source_id>/",
            SyncWithoutPublishingPartialTranslations.as_view(),
            name="pages_update_translations",
        ),
    ]


@hooks.register("before_edit_page", order=-10)
def refuse_to_publish_a_partial_translation(request, page):
    """wagtail-localize's editor publishes with the English words wherever a segment is not
    translated; a Kiswahili page must never show English as if it were Kiswahili."""
    if request.method != "POST" or request.POST.get("action") != "publish":
        return None
    translation = translation_of(page)
    if translation is None or is_complete(translation):
        return None
    messages.error(request, _("Translate every segment before publishing the translation."))
    return redirect(request.path)


@hooks.register("register_page_header_buttons")
def submit_translation_button(page, user, view_name=None, next_url=None):
    translation = translation_of(page)
    if translation is None or page.get_workflow() is None:
        return
    if not page.permissions_for_user(user).can_edit():
        return
    yield Button(
        _("Submit the translation for moderation"),
        reverse("pages_submit_translation", args=[page.pk]),
        icon_name="resubmit",
        priority=70,
    )


class TranslationsPanel(Component):
    """The Kiswahili pages that still show English or lag behind their English page."""

    template_name = "pages/admin/translations_panel.html"
    order = 170

    def __init__(self, locale):
        self.locale = locale

    def get_context_data(self, parent_context):
        return {
            "title": _("%(language)s pages to translate")
            % {"language": self.locale.get_display_name()},
            "pages": [
                {"page": page, "label": STATE_LABELS[state]}
                for page, state in pages_needing_translation(self.locale)
            ],
        }


@hooks.register("construct_homepage_panels")
def add_translations_panel(request, panels):
    if not request.user.has_perm("wagtail_localize.submit_translation"):
        return
    for locale in Locale.objects.exclude(language_code=settings.LANGUAGE_CODE):
        panels.append(TranslationsPanel(locale))
