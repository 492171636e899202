"""Where each translated page stands against its English source, for editors.

- *untranslated*: the Kiswahili page still shows the English words (an alias made by the tree
  synchronisation, or a translation started but never published);
- *out of date*: the English page changed after the translation was last published;
- *up to date*.

When an English page that has translations is published, its wagtail-localize source is
synced at once (as the "Sync translated pages" button would do), so the translation editor
shows the changed segments to translate straight away; the Kiswahili page itself is left as
it is until a translator publishes the new translation."""

from django.db.models import Exists, OuterRef
from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from .localization import is_untranslated

UNTRANSLATED = "untranslated"
OUT_OF_DATE = "out_of_date"
UP_TO_DATE = "up_to_date"


def translation_of(page):
    """The enabled wagtail-localize translation that produces ``page``, or None."""
    return (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
        )
        .select_related("source")
        .first()
    )


def missing_strings(translation):
    """The source's text segments that have no translation in the target language."""
    translated = StringTranslation.objects.filter(
        translation_of_id=OuterRef("string_id"),
        context_id=OuterRef("context_id"),
        locale_id=translation.target_locale_id,
        has_error=False,
    )
    return StringSegment.objects.filter(source_id=translation.source_id).exclude(Exists(translated))


def is_complete(translation):
    return not missing_strings(translation).exists()


def translation_state(page):
    """UNTRANSLATED, OUT_OF_DATE or UP_TO_DATE for a page in a language other than its
    source's; None for a page that is nobody's translation (an English page)."""
    if is_untranslated(page):
        return UNTRANSLATED
    translation = translation_of(page)
    if translation is None:
        return None
    published = page.last_published_at
    if published is None or published < translation.source.last_updated_at:
        return OUT_OF_DATE
    if not is_complete(translation):
        return OUT_OF_DATE
    return UP_TO_DATE


def pages_needing_translation(locale):
    """``(page, state)`` for every page of ``locale`` that is untranslated or out of date."""
    pages = (
        Page.objects.filter(locale=locale)
        .exclude(depth=1)
        .select_related("alias_of", "locale")
        .order_by("path")
    )
    found = []
    for page in pages:
        state = translation_state(page)
        if state in (UNTRANSLATED, OUT_OF_DATE):
            found.append((page, state))
    return found


def sync_source_on_publish(sender, instance, **kwargs):
    """``page_published`` receiver: re-extract the segments of a translated English page."""
    source = TranslationSource.objects.get_for_instance_or_none(instance)
    if source is not None and source.translations.filter(enabled=True).exists():
        TranslationSource.update_or_create_from_instance(instance)
