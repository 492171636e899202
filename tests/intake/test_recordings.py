"""Voice recordings: fetched in the background from the allowed addresses only, checked as
audio, attached to the case; refused or retried with back-off, and shown to staff."""

import datetime
import ssl
import struct
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import StringIO
from unittest import mock

from django.core.management import call_command
from django.test import SimpleTestCase, TestCase, override_settings
from django.urls import reverse
from django.utils import timezone

from cases.actions import erase_personal_data
from cases.models import Channel, TimelineVisibility
from cases.rules import Actor
from intake.models import RecordingStatus
from intake.recordings import queue_recording_download, run_download
from intake.recordings.fetching import _connection, allowed, fetch, parse_address
from tests.factories import case_worker, make_case
from tests.intake.test_evidence import small_pdf, wav_voice_note


def wav_with_names():
    """A WAV recording whose RIFF INFO chunk names its maker, as recorders write it."""
    plain = wav_voice_note()
    name = b"Achieng Otieno\x00"
    info = b"INFO" + b"INAM" + struct.pack("<I", len(name)) + name
    chunk = b"LIST" + struct.pack("<I", len(info)) + info
    body = plain[12:] + chunk
    return b"RIFF" + struct.pack("<I", 4 + len(body)) + b"WAVE" + body


class RecordingServer:
    """A gateway on 127.0.0.1 that serves what the test says and remembers every request."""

    def __init__(self):
        self.requests = []
        self.routes = {}
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                server.requests.append(self.path)
                route = server.routes.get(self.path)
                if route is None:
                    self.send_error(404)
                    return
                route(self)

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path):
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}{path}"

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()

    # What a route can answer.

    def body(self, path, content, content_type="audio/wav", length=True):
        def answer(handler):
            handler.send_response(200)
            handler.send_header("Content-Type", content_type)
            if length:
                handler.send_header("Content-Length", str(len(content)))
            handler.end_headers()
            handler.wfile.write(content)

        self.routes[path] = answer

    def redirect(self, path, location):
        def answer(handler):
            handler.send_response(302)
            handler.send_header("Location", location)
            handler.send_header("Content-Length", "0")
            handler.end_headers()

        self.routes[path] = answer

    def failing_then(self, path, content, failures):
        count = {"n": 0}

        def answer(handler):
            count["n"] += 1
            if count["n"] <= failures:
                handler.send_error(503)
                return
            handler.send_response(200)
            handler.send_header("Content-Length", str(len(content)))
            handler.end_headers()
            handler.wfile.write(content)

        self.routes[path] = answer

    def chunked(self, path, content, chunk=1000):
        """The body in chunks, without Content-Length."""

        def answer(handler):
            handler.protocol_version = "HTTP/1.1"
            handler.send_response(200)
            handler.send_header("Content-Type", "audio/wav")
            handler.send_header("Transfer-Encoding", "chunked")
            handler.end_headers()
            for start in range(0, len(content), chunk):
                part = content[start : start + chunk]
                handler.wfile.write(b"%x\r\n%s\r\n" % (len(part), part))
            handler.wfile.write(b"0\r\n\r\n")
            handler.close_connection = True

        self.routes[path] = answer

    def trickled_headers(self, path, every):
        """A status line, then a header a byte at a time: never the body."""

        def answer(handler):
            try:
                handler.wfile.write(b"HTTP/1.0 200 OK\r\n")
                for _byte in range(100):
                    handler.wfile.write(b"X")
                    handler.wfile.flush()
                    time.sleep(every)
            except OSError:
                pass  # the client gave up, as it should

        self.routes[path] = answer

    def slow(self, path, seconds):
        def answer(handler):
            handler.send_response(200)
            handler.end_headers()
            handler.wfile.write(b"RIFF")
            handler.wfile.flush()
            time.sleep(seconds)

        self.routes[path] = answer

    def trickle(self, path, every):
        def answer(handler):
            handler.send_response(200)
            handler.end_headers()
            try:
                for _byte in range(100):
                    handler.wfile.write(b"\x00")
                    handler.wfile.flush()
                    time.sleep(every)
            except OSError:
                pass  # the client gave up, as it should

        self.routes[path] = answer


class AllowListTests(SimpleTestCase):
    """The allow-list compares addresses by their parts, never as strings."""

    PREFIXES = ["https://voice.example.com/recordings/", "http://127.0.0.1:8001/"]

    def test_addresses_under_a_prefix_pass(self):
        for url in (
            "https://voice.example.com/recordings/abc.mp3",
            "https://VOICE.example.com:443/recordings/abc.mp3?x=1",
            "http://127.0.0.1:8001/anything.wav",
        ):
            with self.subTest(url=url):
                self.assertTrue(allowed(url, self.PREFIXES))

    def test_look_alikes_and_tricks_do_not(self):
        for url in (
            "https://voice.example.com.evil.org/recordings/abc.mp3",
            "https://voice.example.com@evil.org/recordings/abc.mp3",
            "https://user:pw@voice.example.com/recordings/abc.mp3",
            "http://voice.example.com/recordings/abc.mp3",  # not https
            "https://voice.example.com:8443/recordings/abc.mp3",
            "https://voice.example.com/other/abc.mp3",
            "https://voice.example.com/recordings/../admin/",
            "https://voice.example.com/recordings/%2e%2e/admin/",
            "https://voice.example.com/recordings/a b.mp3",
            "https://voice.example.com\\@evil.org/recordings/",
            "http://127.0.0.1:8002/anything.wav",
            "ftp://voice.example.com/recordings/abc.mp3",
            "/recordings/abc.mp3",
            "",
        ):
            with self.subTest(url=url):
                self.assertFalse(allowed(url, self.PREFIXES))

    def test_a_prefix_without_a_final_slash_allows_whole_segments_only(self):
        prefixes = ["https://voice.example.com/rec"]
        self.assertTrue(allowed("https://voice.example.com/rec", prefixes))
        self.assertTrue(allowed("https://voice.example.com/rec/abc.mp3", prefixes))
        for url in (
            "https://voice.example.com/recordings/abc.mp3",
            "https://voice.example.com/rec.mp3",
            "https://voice.example.com/rec%2F..%2Fadmin",
        ):
            with self.subTest(url=url):
                self.assertFalse(allowed(url, prefixes))

    def test_encodings_and_odd_parts_do_not_pass(self):
        for url in (
            "https://@voice.example.com/recordings/abc.mp3",  # empty user information
            "https://:@voice.example.com/recordings/abc.mp3",
            "https://voice.example.com:0/recordings/abc.mp3",
            "https://voice.example.com/recordings/%252e%252e/admin/",  # decoded twice
            "https://voice.example.com/recordings/%25252e%25252e/admin/",
            "https://voice.example.com/recordings/.%2E/admin/",
            "https://voice.example.com/recordings/é.mp3",  # not ASCII
            "https://voıce.example.com/recordings/abc.mp3",  # dotless i
            "https://voice.example.com/recordings/abc\x7f.mp3",
            "https://voice.example.com/recordings/abc\t.mp3",
            "https://voice.example.com./recordings/abc.mp3",  # another name to a resolver
        ):
            with self.subTest(url=url):
                self.assertFalse(allowed(url, self.PREFIXES))

    def test_https_checks_the_certificate_and_the_host_name(self):
        address = parse_address("https://voice.example.com/recordings/abc.mp3")
        connection = _connection(address, time.monotonic() + 5)
        context = connection._context  # what http.client wraps the socket with
        self.assertEqual(context.verify_mode, ssl.CERT_REQUIRED)
        self.assertTrue(context.check_hostname)
        self.assertEqual((connection.host, connection.port), ("voice.example.com", 443))

    def test_an_empty_list_allows_nothing(self):
        self.assertFalse(allowed("https://voice.example.com/recordings/abc.mp3", []))


class RecordingDownloadTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.worker = case_worker("wanjiru", counties=["Nairobi City"])

    def setUp(self):
        self.gateway = RecordingServer()
        self.elsewhere = RecordingServer()
        self.addCleanup(self.gateway.close)
        self.addCleanup(self.elsewhere.close)
        self.case = make_case(channel=Channel.VOICE, description="", consent_to_contact=False)
        settings = override_settings(
            AFRICASTALKING_RECORDING_URL_PREFIXES=[self.gateway.url("/recordings/")],
            RECORDING_DOWNLOAD_TIMEOUT=5,
        )
        settings.enable()
        self.addCleanup(settings.disable)

    def queue(self, url):
        with self.captureOnCommitCallbacks(execute=True):
            download = queue_recording_download(case=self.case, url=url)
        download.refresh_from_db()
        for attachment in self.case.attachments.all():
            self.addCleanup(attachment.file.delete, save=False)
        return download

    def notes(self):
        return self.case.timeline.filter(action="cases.note", actor_kind="system")

    def test_the_recording_is_fetched_checked_and_attached_for_staff_only(self):
        self.gateway.body("/recordings/call-1.wav", wav_with_names())

        download = self.queue(self.gateway.url("/recordings/call-1.wav"))

        self.assertEqual(download.status, RecordingStatus.DONE)
        self.assertEqual(download.attempts, 1)
        attachment = download.attachment
        self.assertEqual(attachment.case, self.case)
        self.assertEqual(attachment.content_type, "audio/x-wav")
        self.assertEqual(attachment.visibility, TimelineVisibility.INTERNAL)
        self.assertEqual(attachment.original_name, f"voice-{self.case.reference}.wav")
        with attachment.file.open("rb") as stored:
            content = stored.read()
        self.assertTrue(content.startswith(b"RIFF"))
        self.assertNotIn(b"Achieng", content)  # the recorder's metadata is gone
        entry = self.case.timeline.get(action="cases.attach")
        self.assertEqual((entry.actor_kind, entry.visibility), ("system", "internal"))
        self.assertFalse(self.notes().exists())
        self.assertEqual(self.gateway.requests, ["/recordings/call-1.wav"])

    def test_an_address_outside_the_allowed_prefixes_is_never_requested(self):
        self.elsewhere.body("/recordings/call-1.wav", wav_voice_note())

        download = self.queue(self.elsewhere.url("/recordings/call-1.wav"))
        later = timezone.now() + datetime.timedelta(days=1)
        run_download(download.pk, now=later)

        download.refresh_from_db()
        self.assertEqual(self.elsewhere.requests, [])
        self.assertEqual(download.status, RecordingStatus.REFUSED)
        self.assertEqual(download.attempts, 1)  # final: never tried again
        self.assertIn("not one of the allowed", download.last_error)
        self.assertFalse(self.case.attachments.exists())
        self.assertEqual(self.notes().count(), 1)
        self.case.refresh_from_db()
        self.assertTrue(self.case.is_open)  # the case stays

    def test_another_path_on_the_allowed_host_is_not_requested_either(self):
        download = self.queue(self.gateway.url("/elsewhere/call-1.wav"))
        self.assertEqual(download.status, RecordingStatus.REFUSED)
        self.assertEqual(self.gateway.requests, [])

    def test_nothing_is_fetched_while_no_prefix_is_set(self):
        self.gateway.body("/recordings/call-1.wav", wav_voice_note())
        with override_settings(AFRICASTALKING_RECORDING_URL_PREFIXES=[]):
            download = self.queue(self.gateway.url("/recordings/call-1.wav"))
        self.assertEqual(download.status, RecordingStatus.REFUSED)
        self.assertEqual(self.gateway.requests, [])

    def test_a_redirect_out_of_the_allowed_prefixes_is_never_followed(self):
        self.elsewhere.body("/recordings/call-1.wav", wav_voice_note())
        self.gateway.redirect("/recordings/moved", self.elsewhere.url("/recordings/call-1.wav"))
        self.gateway.redirect("/recordings/sideways", "/private/call-1.wav")

        moved = self.queue(self.gateway.url("/recordings/moved"))
        sideways = self.queue(self.gateway.url("/recordings/sideways"))

        self.assertEqual(self.elsewhere.requests, [])
        self.assertEqual(self.gateway.requests, ["/recordings/moved", "/recordings/sideways"])
        for download in (moved, sideways):
            self.assertEqual(download.status, RecordingStatus.REFUSED)
            self.assertIn("Redirected to an address", download.last_error)

    def test_a_redirect_within_the_allowed_prefixes_is_followed(self):
        self.gateway.redirect("/recordings/moved", "/recordings/call-1.wav")
        self.gateway.body("/recordings/call-1.wav", wav_voice_note())

        download = self.queue(self.gateway.url("/recordings/moved"))

        self.assertEqual(download.status, RecordingStatus.DONE)
        self.assertEqual(self.gateway.requests, ["/recordings/moved", "/recordings/call-1.wav"])

    def test_endless_redirects_stop_after_a_few_hops(self):
        self.gateway.redirect("/recordings/loop", "/recordings/loop")
        download = self.queue(self.gateway.url("/recordings/loop"))
        self.assertEqual(download.status, RecordingStatus.PENDING)
        self.assertIn("redirects", download.last_error)
        self.assertEqual(len(self.gateway.requests), 4)

    def test_a_body_that_is_not_a_recording_is_refused_and_not_retried(self):
        self.gateway.body("/recordings/page", b"<!DOCTYPE html><html><body>Hi</body></html>")
        self.gateway.body("/recordings/document", small_pdf(), content_type="audio/mpeg")

        for path in ("/recordings/page", "/recordings/document"):
            with self.subTest(path=path):
                download = self.queue(self.gateway.url(path))
                run_download(download.pk, now=timezone.now() + datetime.timedelta(days=1))
                download.refresh_from_db()
                self.assertEqual(download.status, RecordingStatus.REFUSED)
                self.assertEqual(download.attempts, 1)
                self.assertEqual(self.gateway.requests.count(path), 1)
        self.assertFalse(self.case.attachments.exists())

    @override_settings(EVIDENCE_MAX_MEDIA_BYTES=1000)
    def test_a_recording_over_the_size_limit_is_given_up_while_streaming(self):
        self.gateway.body("/recordings/long.wav", b"RIFF" + b"\x00" * 50_000, length=False)
        self.gateway.body("/recordings/declared.wav", b"RIFF" + b"\x00" * 50_000)

        for path in ("/recordings/long.wav", "/recordings/declared.wav"):
            with self.subTest(path=path):
                download = self.queue(self.gateway.url(path))
                self.assertEqual(download.status, RecordingStatus.REFUSED)
                self.assertIn("larger than the limit", download.last_error)

    @override_settings(RECORDING_DOWNLOAD_TIMEOUT=1)
    def test_a_gateway_too_slow_is_tried_again_later(self):
        self.gateway.slow("/recordings/slow.wav", seconds=3)

        started = time.monotonic()
        download = self.queue(self.gateway.url("/recordings/slow.wav"))

        self.assertLess(time.monotonic() - started, 2.5)
        self.assertEqual(download.status, RecordingStatus.PENDING)
        self.assertIn("timed out", download.last_error.lower())
        self.assertGreater(download.next_attempt_at, timezone.now())

    @override_settings(RECORDING_DOWNLOAD_TIMEOUT=1)
    def test_a_gateway_that_trickles_bytes_cannot_stretch_the_time_limit(self):
        self.gateway.trickle("/recordings/trickle.wav", every=0.2)

        started = time.monotonic()
        download = self.queue(self.gateway.url("/recordings/trickle.wav"))

        self.assertLess(time.monotonic() - started, 2.5)
        self.assertEqual(download.status, RecordingStatus.PENDING)
        self.assertIn("timed out", download.last_error.lower())

    @override_settings(EVIDENCE_MAX_MEDIA_BYTES=1000)
    def test_a_chunked_recording_over_the_size_limit_is_given_up(self):
        self.gateway.chunked("/recordings/chunked.wav", b"RIFF" + b"\x00" * 50_000)
        download = self.queue(self.gateway.url("/recordings/chunked.wav"))
        self.assertEqual(download.status, RecordingStatus.REFUSED)
        self.assertIn("larger than the limit", download.last_error)

    def test_a_chunked_recording_is_read_whole(self):
        recording = wav_voice_note()
        self.gateway.chunked("/recordings/chunked.wav", recording, chunk=100)
        url = self.gateway.url("/recordings/chunked.wav")

        with fetch(url, prefixes=[url], timeout=5, max_bytes=len(recording)) as body:
            self.assertEqual(body.read(), recording)

    @override_settings(RECORDING_DOWNLOAD_TIMEOUT=1)
    def test_a_gateway_that_trickles_its_headers_cannot_stretch_the_time_limit(self):
        self.gateway.trickled_headers("/recordings/headers.wav", every=0.2)

        started = time.monotonic()
        download = self.queue(self.gateway.url("/recordings/headers.wav"))

        self.assertLess(time.monotonic() - started, 2.5)
        self.assertEqual(download.status, RecordingStatus.PENDING)
        self.assertIn("timed out", download.last_error.lower())

    def test_a_redirect_to_another_scheme_or_a_look_alike_is_not_followed(self):
        for location in (
            "file:///etc/passwd",
            "ftp://127.0.0.1/recordings/x.wav",
            "//evil.example.org/recordings/x.wav",
            "/recordings/%2e%2e/private/x.wav",
            "/recordings/caf\u00e9.wav",
        ):
            with self.subTest(location=location):
                path = f"/recordings/moved-{len(self.gateway.routes)}"
                self.gateway.redirect(path, location)
                download = self.queue(self.gateway.url(path))
                self.assertEqual(download.status, RecordingStatus.REFUSED)
                self.assertIn("Redirected to an address", download.last_error)

    def test_a_replayed_callback_queues_the_recording_once(self):
        self.gateway.body("/recordings/call-1.wav", wav_voice_note())
        first = self.queue(self.gateway.url("/recordings/call-1.wav"))
        again = self.queue(self.gateway.url("/recordings/call-1.wav"))
        self.assertEqual(first.pk, again.pk)
        self.assertEqual(self.gateway.requests, ["/recordings/call-1.wav"])
        self.assertEqual(self.case.attachments.count(), 1)

    def test_a_failure_is_retried_with_back_off_and_then_succeeds_with_one_note(self):
        self.gateway.failing_then("/recordings/call-1.wav", wav_voice_note(), failures=2)
        start = timezone.now()

        download = self.queue(self.gateway.url("/recordings/call-1.wav"))
        self.assertEqual(download.status, RecordingStatus.PENDING)
        self.assertIn("HTTP 503", download.last_error)
        first_wait = download.next_attempt_at - start
        self.assertGreaterEqual(first_wait, datetime.timedelta(seconds=59))
        self.assertLess(first_wait, datetime.timedelta(minutes=2))

        # Not due yet: nothing is asked.
        run_download(download.pk, now=start + datetime.timedelta(seconds=30))
        self.assertEqual(len(self.gateway.requests), 1)

        second = start + datetime.timedelta(minutes=1, seconds=1)
        download = run_download(download.pk, now=second)
        self.assertEqual((download.status, download.attempts), (RecordingStatus.PENDING, 2))
        self.assertEqual(download.next_attempt_at, second + datetime.timedelta(minutes=2))

        # The periodic pickup, once it is due.
        output = StringIO()
        with mock.patch(
            "django.utils.timezone.now", return_value=second + datetime.timedelta(minutes=3)
        ):
            call_command("retry_recording_downloads", stdout=output)
        self.assertIn("Attached: 1", output.getvalue())
        download.refresh_from_db()
        self.assertEqual((download.status, download.attempts), (RecordingStatus.DONE, 3))
        self.assertEqual(self.case.attachments.count(), 1)
        for attachment in self.case.attachments.all():
            self.addCleanup(attachment.file.delete, save=False)
        self.assertEqual(self.notes().count(), 1)
        self.assertIn("tried again automatically", self.notes().get().text)

    @override_settings(RECORDING_DOWNLOAD_MAX_ATTEMPTS=2)
    def test_it_is_given_up_after_the_last_try(self):
        self.gateway.failing_then("/recordings/call-1.wav", b"", failures=99)
        download = self.queue(self.gateway.url("/recordings/call-1.wav"))
        download = run_download(download.pk, now=timezone.now() + datetime.timedelta(hours=1))
        self.assertEqual((download.status, download.attempts), (RecordingStatus.FAILED, 2))
        run_download(download.pk, now=timezone.now() + datetime.timedelta(days=1))
        self.assertEqual(len(self.gateway.requests), 2)
        self.assertEqual(self.notes().count(), 1)

    def test_the_recording_of_an_erased_case_is_not_fetched(self):
        self.gateway.body("/recordings/call-1.wav", wav_voice_note())
        erase_personal_data(case=self.case, by=Actor.system("retention"), own_words=True)
        download = self.queue(self.gateway.url("/recordings/call-1.wav"))
        self.assertEqual(download.status, RecordingStatus.REFUSED)
        self.assertEqual(self.gateway.requests, [])

    def requeue_refused(self, execute=True):
        """The command's output, and what it left to run after commit (the fetches)."""
        output = StringIO()
        with self.captureOnCommitCallbacks(execute=execute) as after_commit:
            call_command("retry_recording_downloads", "--refused", stdout=output)
        return output.getvalue(), after_commit

    def test_refused_recordings_are_queued_again_once_their_address_is_allowed(self):
        self.elsewhere.body("/recordings/call-1.wav", wav_voice_note())
        now_allowed = self.queue(self.elsewhere.url("/recordings/call-1.wav"))
        still_outside = self.queue(self.elsewhere.url("/private/call-2.wav"))
        self.assertEqual(now_allowed.status, RecordingStatus.REFUSED)
        self.assertEqual(self.notes().count(), 2)
        fixed = override_settings(
            AFRICASTALKING_RECORDING_URL_PREFIXES=[
                self.gateway.url("/recordings/"),
                self.elsewhere.url("/recordings/"),
            ]
        )
        fixed.enable()
        self.addCleanup(fixed.disable)

        # The periodic run leaves refusals alone: re-queueing them is a deliberate step.
        output = StringIO()
        call_command("retry_recording_downloads", stdout=output)
        self.assertIn("Due: 0.", output.getvalue())
        now_allowed.refresh_from_db()
        self.assertEqual(now_allowed.status, RecordingStatus.REFUSED)

        output, fetches = self.requeue_refused(execute=False)

        self.assertIn("Refused: 2. Queued again: 1. Still refused: 1.", output)
        now_allowed.refresh_from_db()
        self.assertEqual(
            (now_allowed.status, now_allowed.attempts, now_allowed.last_error),
            (RecordingStatus.PENDING, 0, ""),
        )
        still = type(still_outside).objects.get(pk=still_outside.pk)
        self.assertEqual(
            (still.status, still.attempts, still.last_error),
            (RecordingStatus.REFUSED, 1, still_outside.last_error),
        )
        note = self.notes().latest("pk")
        self.assertEqual(note.visibility, TimelineVisibility.INTERNAL)
        self.assertIn("tried again", note.text)
        self.assertIn("not one of the allowed recording addresses", note.text)
        self.assertEqual(self.notes().count(), 3)

        # Run again: nothing twice.
        output, _fetches = self.requeue_refused(execute=False)
        self.assertIn("Refused: 1. Queued again: 0. Still refused: 1.", output)
        self.assertEqual(self.notes().count(), 3)

        # The staff see it waiting, then it is fetched after commit like a new one.
        self.client.force_login(self.worker)
        page = self.client.get(reverse("cases:inspect", args=[self.case.pk])).content.decode()
        self.assertIn("The recording is being fetched from the gateway.", page)
        self.assertEqual(self.elsewhere.requests, [])
        for queued_fetch in fetches:
            queued_fetch()
        for attachment in self.case.attachments.all():
            self.addCleanup(attachment.file.delete, save=False)
        now_allowed.refresh_from_db()
        self.assertEqual(self.elsewhere.requests, ["/recordings/call-1.wav"])
        self.assertEqual(now_allowed.attempts, 1)
        self.assertNotIn("allowed recording addresses", now_allowed.last_error)

    def test_a_recording_queued_again_and_refused_again_writes_a_new_note(self):
        self.elsewhere.body("/recordings/page", b"<!DOCTYPE html><html><body>Hi</body></html>")
        download = self.queue(self.elsewhere.url("/recordings/page"))
        with override_settings(
            AFRICASTALKING_RECORDING_URL_PREFIXES=[self.elsewhere.url("/recordings/")]
        ):
            self.assertIn("Queued again: 1.", self.requeue_refused()[0])
        download.refresh_from_db()
        self.assertEqual(download.status, RecordingStatus.REFUSED)
        self.assertIn("Not a usable recording", download.last_error)
        texts = list(self.notes().order_by("pk").values_list("text", flat=True))
        self.assertEqual(len(texts), 3)
        self.assertIn("is tried again", texts[1])
        self.assertIn("will not be tried again", texts[2])

    def test_the_refused_recording_of_an_erased_case_stays_refused(self):
        download = self.queue(self.elsewhere.url("/recordings/call-1.wav"))
        erase_personal_data(case=self.case, by=Actor.system("retention"), own_words=True)
        with override_settings(
            AFRICASTALKING_RECORDING_URL_PREFIXES=[self.elsewhere.url("/recordings/")]
        ):
            self.assertIn("Queued again: 0. Still refused: 1.", self.requeue_refused()[0])
        download.refresh_from_db()
        self.assertEqual(download.status, RecordingStatus.REFUSED)
        self.assertEqual(self.elsewhere.requests, [])

    def test_staff_fetch_a_refused_recording_again_once_its_address_is_allowed(self):
        download = self.queue(self.elsewhere.url("/recordings/call-1.wav"))
        self.client.force_login(self.worker)
        case_url = reverse("cases:inspect", args=[self.case.pk])
        fetch_again = reverse("recording_download_fetch_again", args=[download.pk])

        page = self.client.get(case_url).content.decode()
        self.assertIn("the recording was refused", page)
        self.assertNotIn(fetch_again, page)  # its address is still not allowed
        response = self.client.post(fetch_again, follow=True)
        self.assertContains(response, "its address is still not allowed")
        download.refresh_from_db()
        self.assertEqual(download.status, RecordingStatus.REFUSED)

        with override_settings(
            AFRICASTALKING_RECORDING_URL_PREFIXES=[self.elsewhere.url("/recordings/")]
        ):
            page = self.client.get(case_url).content.decode()
            self.assertIn(fetch_again, page)
            self.assertIn("Fetch again", page)
            with self.captureOnCommitCallbacks(execute=False):
                response = self.client.post(fetch_again, follow=True)

        self.assertRedirects(response, case_url)
        self.assertContains(response, "The recording is queued to be fetched again.")
        self.assertContains(response, "The recording is being fetched from the gateway.")
        download.refresh_from_db()
        self.assertEqual((download.status, download.attempts), (RecordingStatus.PENDING, 0))
        note = self.case.timeline.filter(action="cases.note").latest("pk")
        self.assertEqual((note.actor_kind, note.user), ("staff", self.worker))
        self.assertEqual(note.visibility, TimelineVisibility.INTERNAL)
        self.assertIn("is tried again", note.text)

    def test_only_staff_who_see_the_case_may_fetch_its_recording_again(self):
        download = self.queue(self.elsewhere.url("/recordings/call-1.wav"))
        fetch_again = reverse("recording_download_fetch_again", args=[download.pk])
        self.assertRedirects(
            self.client.post(fetch_again),
            f"{reverse('wagtailadmin_login')}?next={fetch_again}",
            fetch_redirect_response=False,
        )
        self.client.force_login(case_worker("otieno", counties=["Kisumu"]))
        with override_settings(
            AFRICASTALKING_RECORDING_URL_PREFIXES=[self.elsewhere.url("/recordings/")]
        ):
            self.assertEqual(self.client.post(fetch_again).status_code, 404)
            self.client.force_login(self.worker)
            self.assertEqual(self.client.get(fetch_again).status_code, 405)
        download.refresh_from_db()
        self.assertEqual(download.status, RecordingStatus.REFUSED)

    def test_staff_see_the_download_state_on_the_case(self):
        self.gateway.failing_then("/recordings/call-1.wav", b"", failures=99)
        self.queue(self.gateway.url("/recordings/call-1.wav"))
        self.client.force_login(self.worker)
        url = reverse("cases:inspect", args=[self.case.pk])

        page = self.client.get(url).content.decode()
        self.assertIn("The recording could not be fetched yet (1 of 6 tries)", page)
        self.assertIn("HTTP 503 from the gateway.", page)

        self.queue(self.elsewhere.url("/recordings/call-2.wav"))
        page = self.client.get(url).content.decode()
        self.assertIn("the recording was refused and will not be tried again", page)
        self.assertIn("not one of the allowed recording addresses", page)
