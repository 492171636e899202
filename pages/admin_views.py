"""Admin views around wagtail-localize's translation editor: send a finished translation
through the moderation workflow, and sync a changed source without publishing English words
in a translation."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from wagtail.models import Page
from wagtail_localize.views.update_translations import UpdateTranslationsView

from .translation_status import is_complete, missing_strings, translation_of


@require_http_methods(["GET", "POST"])
def submit_translation_for_moderation(request, page_id):
    """Save the translation made in the editor as a draft revision of the page and start the
    page's workflow on it (wagtail-localize's editor itself can only publish, which Editors
    may not do)."""
    page = get_object_or_404(Page, pk=page_id).specific
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    translation = translation_of(page)
    workflow = page.get_workflow()
    if translation is None or workflow is None:
        raise Http404
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    missing = missing_strings(translation).count()
    if request.method == "POST":
        if missing:
            messages.error(request, _("Translate every segment before submitting."))
        elif page.workflow_in_progress:
            messages.error(request, _("This page is already in moderation."))
        else:
            # Not translation.save_target(publish=False): wagtail-localize writes the words
            # into the page row itself, which is what readers see. A revision alone waits
            # for the moderator.
            draft = translation.source.get_ephemeral_translated_instance(translation.target_locale)
            draft.save_revision(user=request.user)
            page = Page.objects.get(pk=page.pk).specific
            workflow.start(page, request.user)
            messages.success(
                request,
                _("Translation “%(title)s” submitted to %(workflow)s.")
                % {"title": page.get_admin_display_title(), "workflow": workflow.name},
            )
        return redirect(edit_url)
    return TemplateResponse(
        request,
        "pages/admin/submit_translation_for_moderation.html",
        {"page": page, "workflow": workflow, "missing": missing, "edit_url": edit_url},
    )


class SyncWithoutPublishingPartialTranslations(UpdateTranslationsView):
    """wagtail-localize's "Sync translated pages", except that "Publish immediately"
    publishes only translations with every segment translated: the others would show the
    new English words on a Kiswahili page."""

    def form_valid(self, form):
        publish = form.cleaned_data.get("publish_translations")
        form.cleaned_data["publish_translations"] = False
        response = super().form_valid(form)
        if publish:
            for translation in self.object.translations.filter(enabled=True):
                if is_complete(translation):
                    translation.save_target(user=self.request.user, publish=True)
                else:
                    messages.warning(
                        self.request,
                        _("Not published in %(language)s: translate the changed segments first.")
                        % {"language": translation.target_locale.get_display_name()},
                    )
        return response
