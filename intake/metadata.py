"""Removing metadata from uploaded audio, video and PDF evidence, as ``evidence`` does for
photos.

A phone's recording or video can carry the place it was made (an MP4's location atom), the
device, the owner's name and the time; a PDF can carry its author, the program and the
machine that made it, in its document information and its XMP. A complainant rarely knows.

- Audio and video are copied stream by stream by ffmpeg (Debian's ``ffmpeg`` package) into
  the same container without any metadata, chapters, data or subtitle tracks: nothing is
  re-encoded, so it is quick and the sound and picture are untouched. The container's
  demuxer is named (never guessed from the content) and only local files may be read, so a
  crafted file cannot make ffmpeg fetch anything.
- PDFs are rewritten by pikepdf (qpdf) without the document information dictionary, XMP
  metadata streams or application data, and without the earlier revisions an incremental
  save leaves in the file.

Anything that cannot be cleaned raises ``MetadataRemovalFailed``: the file is then refused.
"""

import logging
import os
import shutil
import subprocess
import tempfile

import pikepdf
from django.core.files import File

logger = logging.getLogger(__name__)

FFMPEG_TIMEOUT_SECONDS = 120
# Copies of cleaned files are kept in memory up to this size, on disk beyond it.
SPOOL_BYTES = 2_621_440

# Sniffed type -> (ffmpeg demuxer, ffmpeg muxer, keep video streams).
MEDIA_FORMATS = {
    "audio/mpeg": ("mp3", "mp3", False),
    "audio/ogg": ("ogg", "ogg", False),
    "audio/mp4": ("mov", "ipod", False),
    "audio/x-m4a": ("mov", "ipod", False),  # the "M4A " brand, as phones write
    "audio/amr": ("amr", "amr", False),
    "audio/wav": ("wav", "wav", False),
    "audio/x-wav": ("wav", "wav", False),
    "video/mp4": ("mov", "mp4", True),
    "video/3gpp": ("mov", "3gp", True),
    "video/webm": ("matroska", "webm", True),
}


class MetadataRemovalFailed(Exception):
    pass


def ffmpeg_path():
    return shutil.which("ffmpeg")


def _spooled_copy(path, name):
    copy = tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES)  # noqa: SIM115 - kept open
    with open(path, "rb") as cleaned:
        shutil.copyfileobj(cleaned, copy)
    copy.seek(0)
    return File(copy, name=name)


def _write_upload(uploaded, path):
    uploaded.seek(0)
    with open(path, "wb") as target:
        for chunk in uploaded.chunks():
            target.write(chunk)
    uploaded.seek(0)


def clean_media(uploaded, content_type, name):
    """A copy of the recording or video without metadata, as a ``File`` named ``name``."""
    demuxer, muxer, keep_video = MEDIA_FORMATS[content_type]
    executable = ffmpeg_path()
    if executable is None:
        logger.error("ffmpeg is not installed: audio and video evidence is refused.")
        raise MetadataRemovalFailed("ffmpeg not installed")
    with tempfile.TemporaryDirectory(prefix="huduma-media-") as folder:
        source = os.path.join(folder, "source")
        target = os.path.join(folder, "cleaned")
        _write_upload(uploaded, source)
        # A "video" may hold sound only (a voice note saved as WebM): either stream may be missing.
        streams = ["-map", "0:v?", "-map", "0:a?"] if keep_video else ["-map", "0:a"]
        command = [
            executable,
            *("-nostdin", "-hide_banner", "-loglevel", "error"),
            *("-protocol_whitelist", "file"),
            *("-f", demuxer, "-i", source),
            *streams,
            *("-c", "copy", "-dn", "-sn"),
            # Neither the file's nor any stream's metadata, no chapters; "bitexact" leaves
            # out the encoder's name and zeroes creation times.
            *("-map_metadata", "-1", "-map_chapters", "-1"),
            *("-fflags", "+bitexact", "-flags:v", "+bitexact", "-flags:a", "+bitexact"),
            *("-f", muxer, "-y", target),
        ]
        try:
            result = subprocess.run(  # noqa: S603 - fixed arguments, files we named
                command, capture_output=True, timeout=FFMPEG_TIMEOUT_SECONDS, check=False
            )
        except subprocess.TimeoutExpired as error:
            raise MetadataRemovalFailed("ffmpeg took too long") from error
        if result.returncode != 0 or not os.path.exists(target) or not os.path.getsize(target):
            logger.info(
                "ffmpeg could not clean a %s upload: %s",
                content_type,
                result.stderr.decode("utf-8", "replace")[-500:],
            )
            raise MetadataRemovalFailed("ffmpeg failed")
        return _spooled_copy(target, name)


def clean_pdf(uploaded, name):
    """A copy of the PDF without document information, XMP or application data."""
    with tempfile.TemporaryDirectory(prefix="huduma-pdf-") as folder:
        target = os.path.join(folder, "cleaned.pdf")
        try:
            uploaded.seek(0)
            with pikepdf.open(uploaded) as document:
                _strip_pdf(document)
                document.save(target, deterministic_id=True, fix_metadata_version=False)
        except (pikepdf.PdfError, pikepdf.PasswordError, ValueError, OSError) as error:
            raise MetadataRemovalFailed(f"pikepdf: {error}") from error
        finally:
            uploaded.seek(0)
        return _spooled_copy(target, name)


# Keys that hold metadata or a program's private data, wherever they appear.
PDF_METADATA_KEYS = ("/Metadata", "/PieceInfo", "/LastModified")


def _strip_pdf(document):
    if "/Info" in document.trailer:
        del document.trailer["/Info"]
    for pdf_object in document.objects:
        if isinstance(pdf_object, (pikepdf.Dictionary, pikepdf.Stream)):
            for key in PDF_METADATA_KEYS:
                if key in pdf_object:
                    del pdf_object[key]
