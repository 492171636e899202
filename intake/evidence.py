"""Checking evidence files before they are kept with a case.

A file's type is read from its bytes (libmagic, through python-magic), never from its name or
the browser's word, and must be one of a short list; each kind has a size limit from the
settings. Photos are decoded and encoded again with Pillow, which drops EXIF (GPS position,
phone model, time), XMP and comments, and anything hidden after the picture. Recordings,
videos and PDFs lose their metadata too (``metadata``: ffmpeg and pikepdf); a file whose
metadata cannot be removed is refused. Every file is only ever served to staff as a download.
"""

import io
import os
import warnings
from contextlib import contextmanager
from dataclasses import dataclass

import magic
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

from cases.actions import add_attachment
from cases.rules import Actor

from .metadata import MetadataRemovalFailed, clean_media, clean_pdf

MB = 1024 * 1024
# libmagic needs the first few kilobytes; MP3s with large ID3 tags need a little more.
SNIFF_BYTES = 64 * 1024

PHOTO, AUDIO, VIDEO, DOCUMENT = "photo", "audio", "video", "document"

# The type libmagic reports -> (kind, Pillow format for photos).
ALLOWED_TYPES = {
    "image/jpeg": (PHOTO, "JPEG"),
    "image/png": (PHOTO, "PNG"),
    "image/webp": (PHOTO, "WEBP"),
    "audio/mpeg": (AUDIO, None),
    "audio/ogg": (AUDIO, None),
    "audio/mp4": (AUDIO, None),
    "audio/x-m4a": (AUDIO, None),
    "audio/amr": (AUDIO, None),
    "audio/wav": (AUDIO, None),
    "audio/x-wav": (AUDIO, None),
    "video/mp4": (VIDEO, None),
    "video/3gpp": (VIDEO, None),
    "video/webm": (VIDEO, None),
    "application/pdf": (DOCUMENT, None),
}


def _heif_opener_available():
    """iPhones save HEIC photos. Pillow reads them only with the pillow-heif plug-in; without
    it they are refused like any other unknown type (browsers usually send JPEG anyway)."""
    try:
        from pillow_heif import register_heif_opener
    except ImportError:
        return False
    register_heif_opener()
    return True


if _heif_opener_available():
    # Kept as JPEG: staff can open it anywhere, and it is re-encoded like every photo.
    ALLOWED_TYPES["image/heic"] = (PHOTO, "JPEG")
    ALLOWED_TYPES["image/heif"] = (PHOTO, "JPEG")

SAVED_CONTENT_TYPE = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}
SAVED_EXTENSIONS = {"JPEG": (".jpg", ".jpeg"), "PNG": (".png",), "WEBP": (".webp",)}
# Modes each format can store; anything else is converted first.
SAVABLE_MODES = {
    "JPEG": {"RGB", "L", "CMYK"},
    "PNG": {"RGB", "RGBA", "L", "LA", "P", "1", "I", "I;16"},
    "WEBP": {"RGB", "RGBA"},
}


@dataclass(frozen=True)
class Evidence:
    """A checked file, ready for ``cases.actions.add_attachment``."""

    file: object
    content_type: str
    name: str
    kind: str


def max_bytes(kind):
    if kind in (AUDIO, VIDEO):
        return getattr(settings, "EVIDENCE_MAX_MEDIA_BYTES", 50 * MB)
    return getattr(settings, "EVIDENCE_MAX_DOCUMENT_BYTES", 10 * MB)


def max_files():
    return getattr(settings, "EVIDENCE_MAX_FILES", 5)


def size_label(size):
    """50 MB, 1.5 MB, 900 KB: the way people read file sizes."""
    if size >= MB:
        megabytes = round(size / MB, 1)
        megabytes = int(megabytes) if megabytes.is_integer() else megabytes
        return _("%(size)s MB") % {"size": number_format(megabytes)}
    if size >= 1024:
        return _("%(size)s KB") % {"size": number_format(round(size / 1024))}
    return _("%(size)s bytes") % {"size": number_format(size)}


def _display_name(uploaded):
    return os.path.basename(uploaded.name or "") or _("The file")


def sniff_content_type(uploaded):
    uploaded.seek(0)
    head = uploaded.read(SNIFF_BYTES)
    uploaded.seek(0)
    return magic.from_buffer(head, mime=True)


def check_evidence(uploaded):
    """Check one uploaded file; returns an ``Evidence`` or raises ``ValidationError``."""
    name = _display_name(uploaded)
    if not uploaded.size:
        raise ValidationError(_("“%(name)s” is empty.") % {"name": name}, code="empty")
    content_type = sniff_content_type(uploaded)
    if content_type not in ALLOWED_TYPES:
        raise ValidationError(
            _("“%(name)s” is not a photo, voice note, video or PDF.") % {"name": name},
            code="file_type",
        )
    kind, image_format = ALLOWED_TYPES[content_type]
    limit = max_bytes(kind)
    if uploaded.size > limit:
        raise ValidationError(
            _("“%(name)s” is larger than %(limit)s.") % {"name": name, "limit": size_label(limit)},
            code="file_size",
        )
    if kind == PHOTO:
        return _clean_photo(uploaded, name, image_format)
    try:
        if kind == DOCUMENT:
            cleaned = clean_pdf(uploaded, name)
        else:
            cleaned = clean_media(uploaded, content_type, name)
    except MetadataRemovalFailed as error:
        messages = {
            AUDIO: _("“%(name)s” could not be read as a voice note or recording."),
            VIDEO: _("“%(name)s” could not be read as a video."),
            DOCUMENT: _("“%(name)s” could not be read as a PDF (is it protected by a password?)."),
        }
        raise ValidationError(messages[kind] % {"name": name}, code="file_broken") from error
    return Evidence(file=cleaned, content_type=content_type, name=name, kind=kind)


def _clean_photo(uploaded, name, image_format):
    """Decode and encode the photo again: the copy keeps the picture and its orientation,
    and nothing else (no EXIF, XMP, comments or trailing data)."""
    try:
        with warnings.catch_warnings():
            # A "decompression bomb" (a small file that decodes to a huge picture) is refused.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            uploaded.seek(0)
            with Image.open(uploaded) as original:
                picture = ImageOps.exif_transpose(original)
                picture.load()
    except (
        UnidentifiedImageError,
        Image.DecompressionBombError,
        Image.DecompressionBombWarning,
        OSError,
        SyntaxError,
        ValueError,
    ) as error:
        raise ValidationError(
            _("“%(name)s” could not be read as a photo.") % {"name": name}, code="file_broken"
        ) from error

    if picture.mode not in SAVABLE_MODES[image_format]:
        has_alpha = "A" in picture.getbands() or "transparency" in picture.info
        picture = picture.convert("RGBA" if has_alpha and image_format != "JPEG" else "RGB")
    options = {}
    if "transparency" in picture.info and image_format == "PNG":
        options["transparency"] = picture.info["transparency"]
    if picture.info.get("icc_profile"):
        options["icc_profile"] = picture.info["icc_profile"]  # colours, nothing personal
    if image_format == "JPEG":
        options["quality"] = 90
    # Pillow copies some metadata (a JPEG comment) from .info when saving: start empty.
    picture.info = {}

    output = io.BytesIO()
    picture.save(output, format=image_format, **options)
    stem, extension = os.path.splitext(name)
    if extension.lower() not in SAVED_EXTENSIONS[image_format]:
        # The name follows the content: a HEIC photo becomes "name.jpg".
        name = f"{stem}{SAVED_EXTENSIONS[image_format][0]}"
    return Evidence(
        file=ContentFile(output.getvalue(), name=name),
        content_type=SAVED_CONTENT_TYPE[image_format],
        name=name,
        kind=PHOTO,
    )


@contextmanager
def atomic_with_evidence():
    """``transaction.atomic()`` that also deletes the evidence files written inside it when
    it rolls back: storage is not part of the transaction. Yields the list that
    ``store_evidence`` fills."""
    written = []
    try:
        with transaction.atomic():
            yield written
    except BaseException:
        for attachment in written:
            attachment.file.delete(save=False)
        raise


def store_evidence(*, case, evidence, written, by=None):
    """Keep checked files with a case, inside ``atomic_with_evidence()``."""
    for item in evidence:
        written.append(
            add_attachment(
                case=case,
                file=item.file,
                content_type=item.content_type,
                by=by or Actor.citizen(),
                original_name=item.name,
            )
        )
    return written
