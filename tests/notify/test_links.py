"""The links that go out in messages: the tracking link opens in the case's language, and
every link sent before languages had their own addresses still works."""

from django.test import TestCase

from cases import actions
from notify.links import make_response_token, response_link, tracking_link
from tests.factories import AuthorityFactory, case_worker, make_case


class TrackingLinkTests(TestCase):
    def test_a_kiswahili_case_gets_a_kiswahili_link(self):
        case = make_case(language="sw")
        link = tracking_link(case)
        self.assertEqual(link, f"http://testserver/sw/track/{case.tracking_token}/")
        response = self.client.get(link)
        self.assertContains(response, '<html lang="sw"')

    def test_an_english_case_keeps_the_unprefixed_link(self):
        case = make_case()
        self.assertEqual(tracking_link(case), f"http://testserver/track/{case.tracking_token}/")
        self.assertContains(self.client.get(tracking_link(case)), '<html lang="en"')

    def test_links_sent_before_still_open_the_case(self):
        case = make_case(language="sw")
        response = self.client.get(f"/track/{case.tracking_token}/")
        self.assertContains(response, case.reference)
        # ...and the reader can switch to the Kiswahili version of the same page.
        self.assertContains(response, f'href="/sw/track/{case.tracking_token}/" hreflang="sw"')


class ResponseLinkTests(TestCase):
    def test_the_authority_link_stays_unprefixed_and_works_in_both_languages(self):
        authority = AuthorityFactory(sectors=["water"], counties=["Nairobi City"])
        case = actions.forward_case(
            case=make_case(language="sw"), authority=authority, by=case_worker()
        )
        token = make_response_token(case)
        self.assertEqual(response_link(case), f"http://testserver/respond/{token}/")
        self.assertContains(self.client.get(f"/respond/{token}/"), case.reference)
        self.assertContains(self.client.get(f"/sw/respond/{token}/"), case.reference)
