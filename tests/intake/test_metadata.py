"""Metadata leaves uploaded recordings, videos and PDFs: real small files, made here by ffmpeg
and pikepdf with the complainant's name, a place and a device in their tags, come out with
sound, picture and pages intact and none of those words left; a file that cannot be cleaned
is refused with a clear error."""

import io
import json
import shutil
import subprocess
import tempfile
from pathlib import Path

import pikepdf
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import SimpleTestCase

from intake.evidence import check_evidence, sniff_content_type

PERSONAL = ["Achieng", "Otieno", "PhoneMaker", "+01.2833", "036.8167", "Kibera"]
TAGS = {
    "title": "At the home of Achieng Otieno",
    "artist": "Achieng Otieno",
    "comment": "Recorded in Kibera on a PhoneMaker X1",
    "location": "+01.2833+036.8167/",
    "creation_time": "2026-05-03T06:04:45Z",
}
TONE = ["-f", "lavfi", "-i", "sine=frequency=440:duration=1"]
PICTURE = ["-f", "lavfi", "-i", "testsrc=size=176x144:rate=10:duration=1"]

# name -> (ffmpeg inputs and codecs, the type libmagic must report, has video)
SAMPLES = {
    "note.mp3": ([*TONE, "-c:a", "libmp3lame"], "audio/mpeg", False),
    "note.ogg": ([*TONE, "-c:a", "libvorbis"], "audio/ogg", False),
    "note.m4a": ([*TONE, "-c:a", "aac"], "audio/x-m4a", False),
    "note.wav": ([*TONE], "audio/x-wav", False),
    "clip.mp4": ([*PICTURE, *TONE, "-c:v", "mpeg4", "-c:a", "aac"], "video/mp4", True),
    "clip.3gp": (
        [*PICTURE, *TONE, "-c:v", "h263", "-c:a", "aac", "-ar", "8000"],
        "video/3gpp",
        True,
    ),
    "clip.webm": ([*PICTURE, *TONE, "-c:v", "libvpx", "-c:a", "libvorbis"], "video/webm", True),
}


def ffmpeg():
    path = shutil.which("ffmpeg")
    assert path, "ffmpeg is not installed: apt-get install ffmpeg (see README, System packages)"
    return path


def make_media(name, arguments):
    """A real recording or video with personal tags, made by ffmpeg."""
    tags = [part for key, value in TAGS.items() for part in ("-metadata", f"{key}={value}")]
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / name
        subprocess.run(  # noqa: S603 - ffmpeg with fixed arguments
            [ffmpeg(), "-v", "error", "-y", *arguments, *tags, "-shortest", str(target)],
            check=True,
            capture_output=True,
            timeout=60,
        )
        return target.read_bytes()


def probe(data):
    """ffprobe's view of a file: format and streams, with their tags."""
    with tempfile.NamedTemporaryFile() as media:
        media.write(data)
        media.flush()
        result = subprocess.run(  # noqa: S603 - ffprobe with fixed arguments
            [
                shutil.which("ffprobe"),
                *("-v", "error", "-show_format", "-show_streams", "-of", "json", media.name),
            ],
            check=True,
            capture_output=True,
            timeout=60,
        )
    return json.loads(result.stdout)


def upload(name, content):
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


def pdf_with_metadata():
    document = pikepdf.new()
    document.add_blank_page(page_size=(200, 200))
    document.docinfo["/Author"] = "Achieng Otieno"
    document.docinfo["/Producer"] = "PhoneMaker Scanner"
    with document.open_metadata(set_pikepdf_as_editor=False) as xmp:
        xmp["dc:creator"] = ["Achieng Otieno"]
        xmp["dc:description"] = "Scanned in Kibera"
    document.pages[0].obj["/PieceInfo"] = pikepdf.Dictionary(
        {"/PhoneMaker": pikepdf.Dictionary({"/Private": pikepdf.String("Achieng")})}
    )
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()


class MediaMetadataTests(SimpleTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.samples = {name: make_media(name, spec[0]) for name, spec in SAMPLES.items()}

    def test_the_samples_really_carry_the_personal_tags(self):
        for name, data in self.samples.items():
            with self.subTest(name=name):
                self.assertIn(b"Achieng", data)

    def test_every_kind_of_recording_and_video_loses_its_metadata(self):
        for name, (_arguments, content_type, has_video) in SAMPLES.items():
            with self.subTest(name=name):
                evidence = check_evidence(upload(name, self.samples[name]))
                cleaned = evidence.file.read()

                self.assertEqual(evidence.content_type, content_type)
                self.assertEqual(evidence.name, name)
                for word in PERSONAL:
                    self.assertNotIn(word.encode(), cleaned, word)
                info = probe(cleaned)
                tags = json.dumps(
                    [info["format"].get("tags", {})]
                    + [stream.get("tags", {}) for stream in info["streams"]]
                )
                for word in PERSONAL:
                    self.assertNotIn(word, tags)
                self.assertNotIn("creation_time", tags)
                # Sound (and picture) are still there, a second long.
                kinds = sorted(stream["codec_type"] for stream in info["streams"])
                self.assertEqual(kinds, ["audio", "video"] if has_video else ["audio"])
                self.assertAlmostEqual(float(info["format"]["duration"]), 1.0, delta=0.3)
                self.assertEqual(sniff_content_type(io.BytesIO(cleaned)), content_type)

    def test_a_voice_note_saved_as_webm_keeps_its_sound(self):
        voice = make_media("voice.webm", [*TONE, "-c:a", "libopus"])
        evidence = check_evidence(upload("voice.webm", voice))
        cleaned = evidence.file.read()
        self.assertNotIn(b"Achieng", cleaned)
        self.assertEqual([s["codec_type"] for s in probe(cleaned)["streams"]], ["audio"])

    def test_a_broken_recording_is_refused_with_a_clear_error(self):
        broken = b"\x00\x00\x00\x18ftypM4A \x00\x00\x00\x00M4A mp42" + b"\x00" * 200
        with self.assertRaisesMessage(
            Exception, "“note.m4a” could not be read as a voice note or recording."
        ):
            check_evidence(upload("note.m4a", broken))

    def test_a_broken_video_is_refused_with_a_clear_error(self):
        truncated = self.samples["clip.mp4"][:400]
        with self.assertRaisesMessage(Exception, "“clip.mp4” could not be read as a video."):
            check_evidence(upload("clip.mp4", truncated))

    def test_without_ffmpeg_recordings_are_refused_rather_than_kept_with_metadata(self):
        from unittest import mock

        with (
            mock.patch("intake.metadata.ffmpeg_path", return_value=None),
            self.assertRaisesMessage(Exception, "could not be read as a voice note"),
        ):
            check_evidence(upload("note.mp3", self.samples["note.mp3"]))


class PdfMetadataTests(SimpleTestCase):
    def test_a_pdf_loses_its_document_information_xmp_and_private_data(self):
        original = pdf_with_metadata()
        self.assertIn(b"Achieng", original)

        evidence = check_evidence(upload("letter.pdf", original))
        cleaned = evidence.file.read()

        self.assertEqual(evidence.content_type, "application/pdf")
        for word in PERSONAL:
            self.assertNotIn(word.encode(), cleaned, word)
        with pikepdf.open(io.BytesIO(cleaned)) as document:
            self.assertEqual(len(document.pages), 1)
            self.assertNotIn("/Info", document.trailer)
            self.assertNotIn("/Metadata", document.Root)
            self.assertNotIn("/PieceInfo", document.pages[0].obj)

    def test_earlier_revisions_of_an_incrementally_saved_pdf_are_dropped(self):
        original = pdf_with_metadata()
        with pikepdf.open(io.BytesIO(original)) as document:
            document.docinfo["/Author"] = "Someone else"
            appended = io.BytesIO()
            document.save(appended)
        # An incremental update: the old revision (with the name) stays in the file.
        data = original + appended.getvalue()[len(b"%PDF-1.3\n") :]
        cleaned = check_evidence(upload("letter.pdf", data)).file.read()
        self.assertNotIn(b"Achieng", cleaned)

    def test_a_pdf_that_cannot_be_read_is_refused(self):
        with self.assertRaisesMessage(Exception, "“letter.pdf” could not be read as a PDF"):
            check_evidence(upload("letter.pdf", b"%PDF-1.4\n" + b"\x00" * 300))

    def test_a_password_protected_pdf_is_refused(self):
        document = pikepdf.new()
        document.add_blank_page()
        output = io.BytesIO()
        document.save(output, encryption=pikepdf.Encryption(owner="o", user="secret"))
        with self.assertRaisesMessage(Exception, "protected by a password"):
            check_evidence(upload("letter.pdf", output.getvalue()))


class KiswahiliRefusalTests(SimpleTestCase):
    def test_the_refusal_is_in_kiswahili_for_kiswahili_readers(self):
        from django.utils import translation

        with (
            translation.override("sw"),
            self.assertRaisesMessage(Exception, "haikuweza kusomwa kama PDF"),
        ):
            check_evidence(upload("barua.pdf", b"%PDF-1.4\n" + b"\x00" * 300))
