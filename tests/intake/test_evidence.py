"""Evidence files: checked by content, photos cleaned, served to staff only as downloads."""

import io
import wave
from importlib.util import find_spec
from unittest import skipUnless

import pikepdf
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase, override_settings
from django.urls import reverse
from PIL import ExifTags, Image, PngImagePlugin

from cases.actions import add_attachment
from cases.models import StaffAccess
from cases.rules import Actor
from intake.evidence import check_evidence, size_label, sniff_content_type
from tests.factories import UserFactory, case_worker, make_case

HTML_PAGE = b"<!DOCTYPE html><html><head><title>x</title></head><body><script>alert(1)</script>"


# --- Sample files, made here so the tests need nothing from disk --------------------------


def jpeg_with_gps(width=40, height=30, orientation=6):
    """A real JPEG whose EXIF holds a GPS position, a phone make and an orientation (6: the
    camera was turned, the picture must be rotated 90° to stand upright), plus a comment."""
    picture = Image.new("RGB", (width, height), "red")
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "PhoneMaker"
    exif[ExifTags.Base.Orientation] = orientation
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "S"
    gps[ExifTags.GPS.GPSLatitude] = (1.0, 17.0, 30.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (36.0, 49.0, 0.0)
    output = io.BytesIO()
    picture.save(output, "JPEG", exif=exif, comment=b"At the home of Achieng Otieno")
    return output.getvalue()


def png_with_text():
    picture = Image.new("RGBA", (10, 10), (0, 128, 0, 128))
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Achieng Otieno")
    output = io.BytesIO()
    picture.save(output, "PNG", pnginfo=info)
    return output.getvalue()


def wav_voice_note():
    output = io.BytesIO()
    with wave.open(output, "wb") as recording:
        recording.setnchannels(1)
        recording.setsampwidth(2)
        recording.setframerate(8000)
        recording.writeframes(b"\x00\x00" * 800)
    return output.getvalue()


def small_pdf():
    """A real one-page PDF, the same bytes every time."""
    document = pikepdf.new()
    document.add_blank_page(page_size=(200, 200))
    output = io.BytesIO()
    document.save(output, deterministic_id=True)
    return output.getvalue()


def upload(name, content, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def photo_upload(name="kiosk.jpg"):
    return upload(name, jpeg_with_gps(), "image/jpeg")


def html_as_jpeg(name="kiosk.jpg"):
    # The browser's word (image/jpeg) and the name both lie; the bytes do not.
    return upload(name, HTML_PAGE, "image/jpeg")


def read_picture(data):
    picture = Image.open(io.BytesIO(data))
    picture.load()
    return picture


# --- Checking -------------------------------------------------------------------------------


class CheckEvidenceTests(TestCase):
    def test_photo_loses_exif_and_comment_but_keeps_its_orientation(self):
        evidence = check_evidence(photo_upload())

        data = evidence.file.read()
        picture = read_picture(data)
        self.assertEqual(evidence.content_type, "image/jpeg")
        self.assertEqual(evidence.kind, "photo")
        self.assertEqual(dict(picture.getexif()), {})
        self.assertNotIn("exif", picture.info)
        self.assertNotIn("comment", picture.info)
        self.assertNotIn(b"PhoneMaker", data)
        self.assertNotIn(b"Achieng", data)
        # Orientation 6 turned the 40×30 picture upright: it is now 30 wide and 40 high.
        self.assertEqual(picture.size, (30, 40))

    def test_png_text_chunks_are_dropped_and_transparency_kept(self):
        evidence = check_evidence(upload("water.png", png_with_text(), "image/png"))

        data = evidence.file.read()
        picture = read_picture(data)
        self.assertEqual(evidence.content_type, "image/png")
        self.assertNotIn(b"Achieng", data)
        self.assertEqual(picture.mode, "RGBA")

    def test_the_name_follows_the_content(self):
        data = png_with_text()
        evidence = check_evidence(upload("photo.jpg", data, "image/jpeg"))
        self.assertEqual(evidence.content_type, "image/png")
        self.assertEqual(evidence.name, "photo.png")

    @skipUnless(find_spec("pillow_heif"), "HEIC photos need the pillow-heif plug-in")
    def test_heic_photo_becomes_a_clean_jpeg(self):
        exif = Image.Exif()
        exif[ExifTags.Base.Make] = "PhoneMaker"
        output = io.BytesIO()
        Image.new("RGB", (40, 30), "blue").save(output, format="HEIF", exif=exif.tobytes())

        evidence = check_evidence(upload("IMG_0001.HEIC", output.getvalue()))

        data = evidence.file.read()
        self.assertEqual((evidence.content_type, evidence.name), ("image/jpeg", "IMG_0001.jpg"))
        self.assertEqual(read_picture(data).format, "JPEG")
        self.assertNotIn(b"PhoneMaker", data)

    def test_html_named_jpg_is_refused(self):
        with self.assertRaisesMessage(
            Exception, "“kiosk.jpg” is not a photo, voice note, video or PDF."
        ):
            check_evidence(html_as_jpeg())

    def test_other_types_are_refused_whatever_their_name(self):
        for name, content in [
            ("drawing.svg", b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>'),
            ("notes.pdf", b"just some text"),
            ("setup.mp4", b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 200),
        ]:
            with self.subTest(name=name), self.assertRaisesMessage(Exception, "is not a photo"):
                check_evidence(upload(name, content))

    def test_a_broken_photo_is_refused(self):
        broken = jpeg_with_gps()[:200]
        with self.assertRaisesMessage(Exception, "could not be read as a photo"):
            check_evidence(upload("broken.jpg", broken))

    def test_empty_file_is_refused(self):
        with self.assertRaisesMessage(Exception, "“empty.jpg” is empty."):
            check_evidence(upload("empty.jpg", b""))

    def test_voice_notes_and_pdfs_are_accepted(self):
        voice = check_evidence(upload("note.wav", wav_voice_note()))
        self.assertEqual((voice.kind, voice.content_type), ("audio", "audio/x-wav"))
        self.assertTrue(voice.file.read().startswith(b"RIFF"))

        pdf = check_evidence(upload("letter.pdf", small_pdf()))
        self.assertEqual((pdf.kind, pdf.content_type), ("document", "application/pdf"))

    def test_video_and_audio_containers_are_recognised(self):
        samples = {
            "clip.mp4": (b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom", "video/mp4"),
            "clip.3gp": (b"\x00\x00\x00\x18ftyp3gp4\x00\x00\x00\x00isom3gp4", "video/3gpp"),
            "note.m4a": (b"\x00\x00\x00\x18ftypM4A \x00\x00\x00\x00M4A mp42", "audio/x-m4a"),
            "note.amr": (b"#!AMR\n", "audio/amr"),
            "note.ogg": (b"OggS\x00\x02" + b"\x00" * 20 + b"\x01\x13OpusHead\x01\x01", "audio/ogg"),
        }
        # By their first bytes alone (files this short are then refused as unreadable:
        # tests/intake/test_metadata.py).
        for name, (head, content_type) in samples.items():
            with self.subTest(name=name):
                self.assertEqual(
                    sniff_content_type(upload(name, head + b"\x00" * 200)), content_type
                )

    @override_settings(EVIDENCE_MAX_DOCUMENT_BYTES=1000, EVIDENCE_MAX_MEDIA_BYTES=2000)
    def test_size_limits_depend_on_the_kind_of_file(self):
        with self.assertRaisesMessage(Exception, "“kiosk.jpg” is larger than 1000 bytes."):
            check_evidence(upload("kiosk.jpg", jpeg_with_gps(400, 300)))
        voice = wav_voice_note()  # 1,644 bytes: over the photo limit, under the media limit
        self.assertEqual(check_evidence(upload("note.wav", voice)).kind, "audio")

    def test_size_label_reads_like_people_write_sizes(self):
        self.assertEqual(size_label(50 * 1024 * 1024), "50 MB")
        self.assertEqual(size_label(1536 * 1024), "1.5 MB")
        self.assertEqual(size_label(2048), "2 KB")


# --- Downloads for staff --------------------------------------------------------------------


class EvidenceDownloadTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.case = make_case(county_name="Nairobi City")
        cls.nairobi_worker = case_worker("n", counties=["Nairobi City"])
        cls.kisumu_worker = case_worker("k", counties=["Kisumu"])
        cls.citizen_account = UserFactory(username="not-staff", is_staff=False)

    def setUp(self):
        self.attachment = add_attachment(
            case=self.case,
            file=ContentFile(small_pdf()),
            content_type="application/pdf",
            by=Actor.citizen(),
            original_name='../../etc/"passwd"\r\n.pdf',
        )
        self.addCleanup(self.attachment.file.delete, save=False)
        self.url = reverse("evidence_download", args=[self.attachment.pk])

    def test_anonymous_visitors_get_404(self):
        self.assertEqual(self.client.get(self.url).status_code, 404)

    def test_non_staff_accounts_get_404(self):
        self.client.force_login(self.citizen_account)
        self.assertEqual(self.client.get(self.url).status_code, 404)

    def test_staff_outside_the_case_county_get_404(self):
        self.client.force_login(self.kisumu_worker)
        self.assertEqual(self.client.get(self.url).status_code, 404)

    def test_unknown_attachment_is_404(self):
        self.client.force_login(self.nairobi_worker)
        response = self.client.get(reverse("evidence_download", args=[self.attachment.pk + 99]))
        self.assertEqual(response.status_code, 404)

    def test_worker_in_scope_downloads_it_as_an_attachment(self):
        self.client.force_login(self.nairobi_worker)
        response = self.client.get(self.url)

        self.assertEqual(response.status_code, 200)
        self.assertEqual(b"".join(response.streaming_content), small_pdf())
        self.assertEqual(response["Content-Type"], "application/pdf")
        disposition = response["Content-Disposition"]
        self.assertTrue(disposition.startswith("attachment;"), disposition)
        self.assertIn('filename="passwd_.pdf"', disposition)
        self.assertNotIn("..", disposition)
        self.assertEqual(response["X-Content-Type-Options"], "nosniff")
        self.assertIn("private", response["Cache-Control"])
        self.assertIn("no-store", response["Cache-Control"])

    def test_head_gives_the_headers_only_and_is_not_logged_as_a_download(self):
        self.client.force_login(self.nairobi_worker)
        size = len(small_pdf())

        whole = self.client.head(self.url)
        part = self.client.head(self.url, headers={"Range": "bytes=0-9"})

        self.assertEqual(whole.status_code, 200)
        self.assertEqual(whole["Content-Length"], str(size))
        self.assertEqual(whole["Accept-Ranges"], "bytes")
        self.assertEqual(b"".join(whole.streaming_content), b"")
        self.assertEqual(part.status_code, 206)
        self.assertEqual(part["Content-Range"], f"bytes 0-9/{size}")
        self.assertEqual(part["Content-Length"], "10")
        self.assertFalse(StaffAccess.objects.filter(user=self.nairobi_worker).exists())
        self.assertEqual(self.client.post(self.url).status_code, 405)

    def test_a_range_of_a_document_and_if_range(self):
        self.client.force_login(self.nairobi_worker)
        response = self.client.get(self.url, headers={"Range": "bytes=-8"})
        self.assertEqual(response.status_code, 206)
        self.assertEqual(b"".join(response.streaming_content), small_pdf()[-8:])
        etag = response["ETag"]

        same = self.client.get(self.url, headers={"Range": "bytes=0-3", "If-Range": etag})
        dated = self.client.get(
            self.url,
            headers={"Range": "bytes=0-3", "If-Range": "Thu, 03 Dec 2026 10:00:00 GMT"},
        )
        huge = self.client.get(self.url, headers={"Range": f"bytes={'9' * 5000}-"})

        self.assertEqual(b"".join(same.streaming_content), small_pdf()[:4])
        self.assertEqual(dated.status_code, 200)  # no Last-Modified is sent: a date never matches
        self.assertEqual(huge.status_code, 416)
        self.assertEqual(huge["Content-Range"], f"bytes */{len(small_pdf())}")

    def test_the_stored_file_has_a_server_chosen_name_outside_media(self):
        self.assertNotIn("passwd", self.attachment.file.name)
        self.assertFalse(self.attachment.file.path.startswith(str(settings.MEDIA_ROOT)))
