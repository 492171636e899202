"""A citizen's tracking link and access code stop working a set time after the case closes,
and the receipt says so."""

import datetime

from django.test import TestCase, override_settings
from django.urls import reverse
from django.utils import timezone

from cases import actions
from cases.models import Case
from tests.factories import AuthorityFactory, make_case, supervisor


@override_settings(TRACKING_ACCESS_DAYS_AFTER_CLOSE=183)
class TrackingExpiryTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        boss = supervisor()
        water = AuthorityFactory(name="Kisumu Water")
        case = make_case()
        cls.code = case.access_code
        case = actions.forward_case(case=case, authority=water, by=boss)
        case = actions.respond_to_case(case=case, response="Fixed.", by=boss)
        cls.case = actions.close_case(case=case, outcome="resolved", by=boss)

    def closed(self, days_ago):
        moment = timezone.now() - datetime.timedelta(days=days_ago)
        Case.objects.filter(pk=self.case.pk).update(closed_at=moment)

    def page(self):
        return reverse("track_case", kwargs={"token": self.case.tracking_token})

    def test_the_link_works_until_the_period_ends_and_says_until_when(self):
        self.closed(days_ago=182)
        response = self.client.get(self.page())
        self.assertContains(response, "This page works until")

    def test_after_the_period_the_link_and_the_code_stop_working(self):
        self.closed(days_ago=184)
        for url in (self.page(), self.page() + "summary.pdf"):
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertContains(response, "can no longer be followed", status_code=410)
                self.assertNotContains(response, self.case.reference, status_code=410)
        response = self.client.post(
            reverse("track_lookup"), {"reference": self.case.reference, "access_code": self.code}
        )
        self.assertContains(response, "6 months", status_code=410)

    def test_an_open_case_never_expires(self):
        case = make_case()
        response = self.client.get(reverse("track_case", kwargs={"token": case.tracking_token}))
        self.assertEqual(response.status_code, 200)
        self.assertNotContains(response, "This page works until")


class ReceiptTests(TestCase):
    def test_the_acknowledgement_says_how_long_tracking_works(self):
        from notify.models import OutboundMessage

        case = make_case(complainant_email="achieng@example.org")
        mail = OutboundMessage.objects.get(case=case, channel="email")
        self.assertIn("work until 6 months after your case is closed", mail.text)
        kiswahili = make_case(complainant_email="a@example.org", language="sw")
        mail = OutboundMessage.objects.get(case=kiswahili, channel="email")
        self.assertIn("hadi miezi 6 baada ya kesi yako kufungwa", mail.text)
