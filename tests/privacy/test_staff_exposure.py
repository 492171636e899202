"""What staff may read: a county limit without counties shows nothing, and the outbox never
shows a link that would let its reader act as the citizen or the authority."""

from django.test import TestCase
from django.urls import reverse

from cases import actions
from cases.models import CountyLimit
from notify.backends import locmem
from notify.models import OutboundMessage
from tests.factories import AuthorityFactory, UserFactory, case_worker, make_case, supervisor


class EmptyCountyLimitTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.case = make_case()
        cls.worker = case_worker("nowhere")
        CountyLimit.objects.create(user=cls.worker)  # no county chosen
        cls.supervisor = supervisor()

    def test_a_limit_with_no_county_shows_no_case(self):
        self.client.force_login(self.worker)
        listing = self.client.get(reverse("cases:index"))
        self.assertNotContains(listing, self.case.reference)
        inspect = self.client.get(reverse("cases:inspect", args=[self.case.pk]))
        self.assertEqual(inspect.status_code, 404)

    def test_the_admin_says_so(self):
        self.client.force_login(UserFactory(username="root", is_superuser=True))
        response = self.client.get(reverse("county_limits:index"))
        self.assertContains(response, "None: sees no cases")
        form = self.client.get(reverse("county_limits:add"))
        self.assertContains(form, "With none chosen the user sees no case at all")


class OutboxMaskingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.supervisor = supervisor()
        cls.water = AuthorityFactory(name="Nairobi City Water")

    def setUp(self):
        locmem.outbox.clear()

    def test_staff_never_read_a_live_tracking_or_response_link(self):
        with self.captureOnCommitCallbacks(execute=True):
            case = make_case(complainant_email="achieng@example.org")
        with self.captureOnCommitCallbacks(execute=True):
            case = actions.forward_case(case=case, authority=self.water, by=self.supervisor)
        token = case.tracking_token
        # The citizen's SMS carries the real link...
        self.assertTrue(any(token in sms.text for sms in locmem.outbox))
        # ...the outbox keeps it cut to its last four characters, whatever the message.
        self.client.force_login(self.supervisor)
        for message in OutboundMessage.objects.all():
            with self.subTest(message=str(message)):
                self.assertNotIn(token, message.text)
                self.assertNotRegex(message.text, r"/respond/[^/\s…]{13,}/")
                page = self.client.get(reverse("outbox:inspect", args=[message.pk]))
                self.assertNotContains(page, token)
        sms = OutboundMessage.objects.filter(channel="sms", text__contains="/track/").first()
        self.assertIn(f"/track/…{token[-4:]}/", sms.text)
        authority_mail = OutboundMessage.objects.get(audience="authority")
        self.assertRegex(authority_mail.text, r"/respond/…[^/\s]{4}/")

    def test_a_queued_message_is_shown_masked_before_it_is_sent(self):
        case = make_case()  # on_commit never runs: the acknowledgement stays queued
        message = OutboundMessage.objects.get(case=case, channel="sms")
        self.assertIn(case.tracking_token, message.text)  # needed to send it
        self.client.force_login(self.supervisor)
        page = self.client.get(reverse("outbox:inspect", args=[message.pk]))
        self.assertNotContains(page, case.tracking_token)
        self.assertContains(page, f"…{case.tracking_token[-4:]}")
