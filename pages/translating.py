"""Put shipped translations into wagtail-localize, as a translator would in its editor.

The initial content is written twice, in English and in Kiswahili, with the same structure:
the same blocks, paragraphs and list items in the same order. wagtail-localize cuts a page
into segments (the title, the slug, each field, each paragraph and list item of rich text);
pairing the segments of the two versions gives, for each English segment, its Kiswahili
words. Those become the translation's strings (``StringTranslation``) and, where a link
differs (``/report/`` becomes ``/sw/report/``), an override of the link. The translation is
then made and published by wagtail-localize itself, so editors later see it in the
translation editor, segment by segment, and it is synced like any other when the English
page changes.

Segments are matched by their English words, not by position in the database, so a page an
editor has changed since it was loaded only gets the strings that still match; the rest is
left for a translator, and the page is not published half-translated."""

import json
import re
import uuid

from wagtail.contrib.redirects.models import Redirect
from wagtail.fields import StreamField
from wagtail_localize.models import (
    OverridableSegment,
    SegmentOverride,
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.segments import OverridableSegmentValue, StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

# Stream block ids differ between two versions of the same content (and are missing before a
# page is saved): compare segment paths without them.
_BLOCK_ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|None")


class TranslationMismatch(ValueError):
    """The two versions of a page do not have the same structure."""


def _shape(value):
    path = value.path
    if isinstance(value, OverridableSegmentValue):
        # An overridable link's path ends with the link itself, which the versions change.
        path = path.rpartition(".")[0]
    return type(value).__name__, _BLOCK_ID.sub("*", path)


def _segments(instance):
    # Blocks of an unsaved stream have no id yet, and segment paths are built from them.
    for field in instance._meta.get_fields():
        if isinstance(field, StreamField):
            for child in getattr(instance, field.name):
                child.id = child.id or str(uuid.uuid4())
    return extract_segments(instance)


def translation_memory(english, translated):
    """``(strings, links)`` from two unsaved instances holding the same content in two
    languages: English segment text → translated text, English link → translated link."""
    ours, theirs = _segments(english), _segments(translated)
    described = f"{type(english).__name__} “{english.title}”"
    if len(ours) != len(theirs):
        raise TranslationMismatch(
            f"{described}: {len(ours)} segments in English, {len(theirs)} in the translation."
        )
    strings, links = {}, {}
    for source, target in zip(ours, theirs, strict=True):
        if _shape(source) != _shape(target):
            raise TranslationMismatch(
                f"{described}: {source.path} does not match {target.path} in the translation."
            )
        if isinstance(source, StringSegmentValue):
            strings.setdefault(source.string.data, target.string.data)
        elif isinstance(source, OverridableSegmentValue) and source.data != target.data:
            links[source.data] = target.data
    return strings, links


def translate_page(page, locale, *, english, translated):
    """Translate the live ``page`` into ``locale`` with the words of ``translated`` (an
    unsaved page holding the translation of ``english``, the page as shipped) and publish
    the translation. Returns the translated page, or None when some of ``page``'s segments
    have no shipped translation (an editor changed them): a translator finishes it."""
    strings, links = translation_memory(english, translated)
    source, _created = TranslationSource.get_or_create_from_instance(page)

    complete = True
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    for segment in segments:
        words = strings.get(segment.string.data)
        if words is None:
            complete = (
                complete
                and StringTranslation.objects.filter(
                    translation_of=segment.string, locale=locale, context=segment.context
                ).exists()
            )
            continue
        # get_or_create: a translator's own wording is never replaced.
        StringTranslation.objects.get_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": words, "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL},
        )
    for segment in OverridableSegment.objects.filter(source=source).select_related("context"):
        link = links.get(json.loads(segment.data_json))
        if link is not None:
            SegmentOverride.objects.get_or_create(
                locale=locale, context=segment.context, defaults={"data_json": json.dumps(link)}
            )

    Translation.objects.get_or_create(source=source, target_locale=locale)
    if not complete:
        return None
    # Saved as a draft, then published here: wagtail-localize would otherwise publish only
    # once the outer transaction commits.
    known_redirects = set(Redirect.objects.values_list("pk", flat=True))
    translated_page, _created = source.create_or_update_translation(locale, publish=False)
    translated_page.get_latest_revision().publish()
    translated_page.refresh_from_db()
    # wagtail-localize copies the page under its English slug, then renames it; Wagtail
    # records a redirect from that interim address, which nobody ever saw.
    Redirect.objects.filter(redirect_page=translated_page).exclude(pk__in=known_redirects).delete()
    return translated_page.specific
