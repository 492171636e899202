"""Voice cases in the workbench: marked until transcribed, filterable, a seekable audio
player for staff in scope, and the transcription as an operation."""

from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.test import TestCase
from django.urls import reverse

from cases.actions import add_attachment, erase_personal_data, transcribe_case
from cases.exceptions import CaseChanged
from cases.models import AccessKind, Channel, StaffAccess
from cases.rules import Actor
from cases.timeline import summary
from cases.voice import VOICE_PLACEHOLDER
from tests.factories import case_worker, editor, make_case
from tests.intake.test_evidence import wav_voice_note

SAID = "Maji hayajatoka kwa wiki tatu katika mtaa wetu wa Kibera."


class TranscriptionTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.worker = case_worker("wanjiru", counties=["Nairobi City"])
        cls.kisumu_worker = case_worker("otieno", counties=["Kisumu"])
        cls.editor = editor()

    def setUp(self):
        self.case = make_case(channel=Channel.VOICE, description="", consent_to_contact=False)

    def test_a_voice_case_waits_for_its_transcription_and_others_do_not(self):
        self.assertTrue(self.case.needs_transcription)
        self.assertEqual(self.case.description, VOICE_PLACEHOLDER)
        self.assertFalse(make_case().needs_transcription)
        # A channel passing its own stand-in is recognised as one too.
        other = make_case(channel=Channel.VOICE, description="Ujumbe wa sauti")
        self.assertEqual(other.description, VOICE_PLACEHOLDER)

    def test_the_transcription_fills_the_description_and_clears_the_mark(self):
        version = self.case.version

        case = transcribe_case(case=self.case, text=SAID, by=self.worker, expected_version=version)

        self.assertEqual(case.description, SAID)
        self.assertFalse(case.needs_transcription)
        self.assertEqual(case.version, version + 1)
        entry = case.timeline.get(action="cases.transcribe")
        self.assertEqual((entry.text, entry.visibility), (SAID, "internal"))
        self.assertEqual(entry.user, self.worker)
        self.assertEqual(summary(entry), "Recording transcribed. It is now the case’s description.")
        self.assertEqual(summary(entry, public=True), "")

    def test_a_correction_replaces_the_transcribed_description(self):
        transcribe_case(case=self.case, text="Maji hayajatoka", by=self.worker)
        self.case.refresh_from_db()
        case = transcribe_case(case=self.case, text=SAID, by=self.worker)
        self.assertEqual(case.description, SAID)
        latest = case.timeline.filter(action="cases.transcribe").last()
        self.assertEqual(
            summary(latest), "Transcription corrected. It is now the case’s description."
        )

    def test_a_description_someone_wrote_is_kept(self):
        case = make_case(channel=Channel.VOICE, description="Caller reports a dry kiosk.")
        case = transcribe_case(case=case, text=SAID, by=self.worker)
        self.assertEqual(case.description, "Caller reports a dry kiosk.")
        self.assertFalse(case.needs_transcription)
        entry = case.timeline.get(action="cases.transcribe")
        self.assertEqual(summary(entry), "Recording transcribed.")

    def test_a_stale_version_is_refused(self):
        with self.assertRaises(CaseChanged):
            transcribe_case(
                case=self.case, text=SAID, by=self.worker, expected_version=self.case.version - 1
            )
        self.case.refresh_from_db()
        self.assertTrue(self.case.needs_transcription)

    def test_only_case_workers_in_scope_may_transcribe(self):
        for user in (self.editor, self.kisumu_worker):
            with self.subTest(user=user.username), self.assertRaises(PermissionDenied):
                transcribe_case(case=self.case, text=SAID, by=user)
        with self.assertRaises(PermissionDenied):
            transcribe_case(case=self.case, text=SAID, by=Actor.citizen())

    def test_erasing_the_callers_words_erases_the_transcription(self):
        transcribe_case(case=self.case, text=SAID, by=self.worker)
        self.case.refresh_from_db()
        erase_personal_data(case=self.case, by=Actor.system("retention"), own_words=True)
        entry = self.case.timeline.get(action="cases.transcribe")
        self.assertEqual(entry.text, "[erased]")


class VoiceCaseWorkbenchTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.worker = case_worker("wanjiru", counties=["Nairobi City"])
        cls.kisumu_worker = case_worker("otieno", counties=["Kisumu"])

    def setUp(self):
        self.voice_case = make_case(channel=Channel.VOICE, description="")
        self.web_case = make_case()
        self.recording = add_attachment(
            case=self.voice_case,
            file=ContentFile(wav_voice_note()),
            content_type="audio/x-wav",
            by=Actor.system("Voice recordings"),
            original_name=f"voice-{self.voice_case.reference}.wav",
        )
        self.addCleanup(self.recording.file.delete, save=False)
        self.audio_url = reverse("evidence_download", args=[self.recording.pk])
        self.size = len(wav_voice_note())
        self.client.force_login(self.worker)

    def test_the_listing_marks_and_filters_cases_that_need_transcription(self):
        listing = self.client.get(reverse("cases:index"))
        self.assertContains(listing, "Needs transcription")

        filtered = self.client.get(reverse("cases:index"), {"needs_transcription": "true"})
        self.assertContains(filtered, self.voice_case.reference)
        self.assertNotContains(filtered, self.web_case.reference)
        others = self.client.get(reverse("cases:index"), {"needs_transcription": "false"})
        self.assertContains(others, self.web_case.reference)
        self.assertNotContains(others, self.voice_case.reference)

    def test_the_case_view_has_a_player_a_download_link_and_the_form(self):
        page = self.client.get(reverse("cases:inspect", args=[self.voice_case.pk]))
        content = page.content.decode()
        self.assertIn(
            f'<audio controls preload="metadata" aria-labelledby="recording-{self.recording.pk}'
            f'-label" src="{self.audio_url}?play=1">',
            content,
        )
        self.assertIn("Listen to the recording", content)
        self.assertIn(f'<a href="{self.audio_url}">Download the recording', content)
        self.assertIn(reverse("cases:transition", args=[self.voice_case.pk, "transcribe"]), content)
        self.assertIn("What the caller says (internal)", content)
        # A web case without a recording has neither.
        page = self.client.get(reverse("cases:inspect", args=[self.web_case.pk]))
        self.assertNotContains(page, "<audio")
        self.assertNotContains(page, "What the caller says")

    def test_a_case_worker_transcribes_through_the_form(self):
        url = reverse("cases:transition", args=[self.voice_case.pk, "transcribe"])
        response = self.client.post(url, {"text": SAID, "version": self.voice_case.version})
        self.assertRedirects(response, reverse("cases:inspect", args=[self.voice_case.pk]))
        self.voice_case.refresh_from_db()
        self.assertEqual(self.voice_case.description, SAID)
        self.assertFalse(self.voice_case.needs_transcription)
        page = self.client.get(reverse("cases:inspect", args=[self.voice_case.pk]))
        self.assertContains(page, "Recording transcribed. It is now the case’s description.")
        self.assertContains(page, "Correct the transcription")

        empty = self.client.post(url, {"text": " ", "version": self.voice_case.version})
        self.assertEqual(empty.status_code, 400)
        self.assertContains(empty, "This field is required.", status_code=400)
        stale = self.client.post(url, {"text": "Other words", "version": 1})
        self.assertEqual(stale.status_code, 409)

    def get_audio(self, range_header=None, **params):
        headers = {"Range": range_header} if range_header else {}
        response = self.client.get(self.audio_url, params, headers=headers)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        return response, body

    def test_the_player_can_seek_with_byte_ranges(self):
        whole = wav_voice_note()
        response, body = self.get_audio("bytes=0-9", play="1")
        self.assertEqual(response.status_code, 206)
        self.assertEqual(body, whole[:10])
        self.assertEqual(response["Content-Range"], f"bytes 0-9/{self.size}")
        self.assertEqual(response["Content-Length"], "10")
        self.assertEqual(response["Accept-Ranges"], "bytes")
        self.assertEqual(response["Content-Type"], "audio/x-wav")
        self.assertTrue(response["Content-Disposition"].startswith("inline"))
        self.assertIn("no-store", response["Cache-Control"])

        response, body = self.get_audio("bytes=100-", play="1")
        self.assertEqual((response.status_code, body), (206, whole[100:]))
        self.assertEqual(response["Content-Range"], f"bytes 100-{self.size - 1}/{self.size}")
        response, body = self.get_audio("bytes=-16")
        self.assertEqual((response.status_code, body), (206, whole[-16:]))
        self.assertTrue(response["Content-Disposition"].startswith("attachment"))
        response, body = self.get_audio(f"bytes=10-{self.size + 500}")
        self.assertEqual((response.status_code, body), (206, whole[10:]))

    def test_ranges_it_cannot_serve_are_416_and_others_get_the_whole_file(self):
        for header in (f"bytes={self.size}-", "bytes=9-3", "bytes=abc", "bytes=-0", "bytes=-"):
            with self.subTest(header=header):
                response, _body = self.get_audio(header, play="1")
                self.assertEqual(response.status_code, 416)
                self.assertEqual(response["Content-Range"], f"bytes */{self.size}")
        for header in ("items=0-9", "bytes=0-1,5-6"):
            with self.subTest(header=header):
                response, body = self.get_audio(header, play="1")
                self.assertEqual((response.status_code, body), (200, wav_voice_note()))
                self.assertEqual(response["Accept-Ranges"], "bytes")
        response, body = self.get_audio("bytes=0-9")
        self.assertEqual(response.status_code, 206)
        stale = self.client.get(
            self.audio_url, headers={"Range": "bytes=0-9", "If-Range": '"something-else"'}
        )
        self.assertEqual(stale.status_code, 200)

    def test_only_staff_in_scope_hear_it(self):
        self.client.force_login(self.kisumu_worker)
        response, _body = self.get_audio("bytes=0-9", play="1")
        self.assertEqual(response.status_code, 404)
        self.client.logout()
        # Evidence addresses tell nobody else anything: the same 404 as a missing file.
        response, _body = self.get_audio("bytes=0-9", play="1")
        self.assertEqual(response.status_code, 404)

    def test_listening_is_in_the_access_log_once_however_often_the_player_seeks(self):
        for header in ("bytes=0-", "bytes=100-", "bytes=40-80"):
            self.get_audio(header, play="1")
        self.get_audio()  # a download is recorded as one
        details = list(
            StaffAccess.objects.filter(user=self.worker, kind=AccessKind.EVIDENCE)
            .order_by("pk")
            .values_list("case_id", "detail")
        )
        self.assertEqual(
            details,
            [
                (self.voice_case.pk, "audio/x-wav, played"),
                (self.voice_case.pk, "audio/x-wav"),
            ],
        )
