"""The USSD menu through the real route, with Africa's Talking's exact requests.

Every response any test sees is checked: text/plain, "CON " or "END ", and at most 160
characters after the prefix.
"""

import re
import unittest
from itertools import count

from django.db import connection
from django.test import Client, TestCase, TransactionTestCase, override_settings
from django.utils import timezone
from django.utils.translation import override

from cases import actions
from cases.models import Case
from intake.gateways import texts
from intake.gateways.screens import MAX_SCREEN_CHARS
from intake.gateways.ussd import SCREEN_HINTS, Menu
from intake.models import UssdSession
from refdata.models import County, Sector
from tests.cases.test_concurrency import run_in_threads
from tests.factories import AuthorityFactory, case_worker, make_case

USSD_URL = "/channels/africastalking/ussd/test-callback-secret/"
PHONE = "+254712345678"
OTHER_PHONE = "+254722000111"
SERVICE_CODE = "*384*4043#"

_sessions = count(1)


class UssdSessionClient:
    """One phone's USSD session: each ``send`` adds an input, as the gateway does."""

    def __init__(self, test, phone=PHONE):
        self.test = test
        self.phone = phone
        self.session_id = f"ATUid_{next(_sessions)}"
        self.inputs = []
        self.screens = []

    @property
    def text(self):
        return "*".join(self.inputs)

    def start(self):
        return self.request("")

    def send(self, value):
        self.inputs.append(value)
        return self.request(self.text)

    def request(self, text):
        data = {
            "sessionId": self.session_id,
            "serviceCode": SERVICE_CODE,
            "phoneNumber": self.phone,
            "networkCode": "63902",
            "text": text,
        }
        with self.test.captureOnCommitCallbacks(execute=True):
            response = self.test.client.post(USSD_URL, data)
        self.test.assertEqual(response.status_code, 200)
        self.test.assertEqual(response["Content-Type"], "text/plain; charset=utf-8")
        screen = response.content.decode()
        self.test.assert_fits(screen)
        self.screens.append(screen)
        return screen


def option(screen, label):
    """The number in front of ``label`` on a list screen."""
    match = re.search(rf"^(\d+) {re.escape(label)}$", screen, re.MULTILINE)
    assert match, f"{label!r} not on screen:\n{screen}"
    return match.group(1)


def listed(screen):
    return re.findall(r"^(?!0 |99 )\d+ (.+)$", screen, re.MULTILINE)


@override_settings(USSD_STRICT_SCREENS=True)
class UssdTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.worker = case_worker()
        cls.water = AuthorityFactory(name="Kisumu Water", sectors=["water"], counties=["Kisumu"])

    def assert_fits(self, screen):
        self.assertRegex(screen, r"^(CON|END) ")
        body = screen[4:]
        self.assertLessEqual(len(body), MAX_SCREEN_CHARS, f"Too long:\n{body}")
        self.assertTrue(body.strip())

    def session(self, phone=PHONE):
        return UssdSessionClient(self, phone)

    def to_county_screen(self, ussd, language="1", sector="Water"):
        ussd.start()
        ussd.send(language)
        sectors = ussd.send("1")
        return ussd.send(option(sectors, sector))


class ReportWalkTests(UssdTestCase):
    def test_full_report_in_english(self):
        ussd = self.session()

        language = ussd.start()
        self.assertTrue(language.startswith("CON "))
        self.assertIn("1 English", language)
        self.assertIn("2 Kiswahili", language)
        main = ussd.send("1")
        self.assertIn("1 Report a problem", main)
        self.assertIn("2 Check a case", main)
        sectors = ussd.send("1")
        self.assertIn("Water", sectors)
        counties = ussd.send(option(sectors, "Water"))
        self.assertIn("first letters", counties)
        matches = ussd.send("kis")
        self.assertEqual(listed(matches), ["Kisii", "Kisumu"])
        describe = ussd.send(option(matches, "Kisumu"))
        self.assertIn("Describe the problem", describe)
        confirm = ussd.send("The kiosk at Nyalenda has been dry for two weeks")
        self.assertIn("Water, Kisumu", confirm)
        self.assertIn("1 Send", confirm)
        done = ussd.send("1")

        self.assertTrue(done.startswith("END "))
        case = Case.objects.get()
        self.assertIn(case.reference, done)
        self.assertIn(SERVICE_CODE, done)
        self.assertEqual(case.channel, "ussd")
        self.assertEqual(case.complainant_phone, PHONE)
        self.assertTrue(case.consent_to_contact)
        self.assertEqual(case.language, "en")
        self.assertEqual(case.sector.slug, "water")
        self.assertEqual(case.county.name, "Kisumu")
        self.assertEqual(case.description, "The kiosk at Nyalenda has been dry for two weeks")
        session = UssdSession.objects.get()
        self.assertEqual(session.case, case)
        self.assertTrue(session.is_finished)

    def test_full_report_in_kiswahili_with_a_single_county_match(self):
        ussd = self.session()
        ussd.start()
        ussd.send("2")
        sectors = ussd.send("1")
        self.assertIn("Maji", sectors)  # sector names in Kiswahili
        self.assertIn("Afya", sectors)
        ussd.send(option(sectors, "Maji"))
        describe = ussd.send("murang'a")  # one match: chosen at once
        self.assertTrue(describe.startswith("CON "))
        confirm = ussd.send("Hakuna maji tangu wiki mbili")
        self.assertIn("Maji, Murang'a", confirm)
        done = ussd.send("1")

        case = Case.objects.get()
        self.assertIn(case.reference, done)
        self.assertEqual(case.language, "sw")
        self.assertEqual((case.sector.slug, case.county.name), ("water", "Murang'a"))

    def test_a_description_may_contain_stars(self):
        ussd = self.session()
        self.to_county_screen(ussd)
        ussd.send("nai")
        confirm = ussd.send("Meter *123* reads wrong*twice")
        ussd.send("1")

        self.assertIn("Meter *123* reads wrong*twice", confirm)
        case = Case.objects.get()
        self.assertEqual(case.description, "Meter *123* reads wrong*twice")
        self.assertEqual(case.county.name, "Nairobi City")

    def test_a_description_that_is_only_a_star_is_kept(self):
        ussd = self.session()
        self.to_county_screen(ussd)
        ussd.send("nai")
        ussd.send("no water *")
        ussd.send("1")

        self.assertEqual(Case.objects.get().description, "no water *")

    def test_cancel_creates_nothing(self):
        ussd = self.session()
        self.to_county_screen(ussd)
        ussd.send("nai")
        ussd.send("no water")
        done = ussd.send("2")

        self.assertTrue(done.startswith("END "))
        self.assertIn("Nothing was sent", done)
        self.assertFalse(Case.objects.exists())

    def test_inputs_chained_in_the_dialled_code(self):
        # Dialling *384*4043*1*1# sends "1*1" with the first request.
        ussd = self.session()
        screen = ussd.request("1*1")

        self.assertIn("Water", screen)
        self.assertIn("Health", screen)

    def test_report_without_choosing_a_sector_we_know(self):
        ussd = self.session()
        ussd.start()
        ussd.send("1")
        sectors = ussd.send("1")
        ussd.send(option(sectors, "Other public services"))
        ussd.send("kisu")
        ussd.send("Road to the market is impassable")
        ussd.send("1")

        case = Case.objects.get()
        self.assertEqual((case.sector.slug, case.county.name), ("other", "Kisumu"))


class CountyChoiceTests(UssdTestCase):
    def test_paging_shows_every_county_once_and_back_returns_a_page(self):
        ussd = self.session()
        page = self.to_county_screen(ussd)
        pages = [page]
        while "99 More" in page:
            page = ussd.send("99")
            pages.append(page)

        seen = [name for screen in pages for name in listed(screen)]
        self.assertEqual(sorted(seen), sorted(County.objects.values_list("name", flat=True)))
        self.assertEqual(len(seen), 47)
        self.assertTrue(all(len(listed(screen)) <= 7 for screen in pages))
        self.assertNotIn("99 More", pages[-1])

        self.assertEqual(ussd.send("0"), pages[-2])  # back one page
        describe = ussd.send(option(pages[-2], listed(pages[-2])[0]))
        self.assertIn("Describe the problem", describe)

    def test_choosing_by_number_on_a_later_page(self):
        ussd = self.session()
        self.to_county_screen(ussd)
        second = ussd.send("99")
        name = listed(second)[2]
        ussd.send(option(second, name))
        ussd.send("Walimu hawapo")
        ussd.send("1")

        self.assertEqual(Case.objects.get().county.name, name)

    def test_several_matches_are_listed_and_can_be_paged(self):
        ussd = self.session()
        self.to_county_screen(ussd)
        matches = ussd.send("m")
        names = listed(matches)
        if "99 More" in matches:
            names += listed(ussd.send("99"))

        self.assertEqual(len(names), 8)
        self.assertTrue(all(name.startswith("M") for name in names))

    def test_letters_matching_nothing_repeat_the_screen_with_a_hint(self):
        ussd = self.session()
        counties = self.to_county_screen(ussd)

        again = ussd.send("xyz")

        self.assertTrue(again.startswith("CON No county found. "))
        self.assertEqual(listed(again), listed(counties))


class NavigationTests(UssdTestCase):
    def test_zero_goes_back_one_screen(self):
        ussd = self.session()
        ussd.start()
        main = ussd.send("1")
        sectors = ussd.send("1")
        counties = ussd.send(option(sectors, "Water"))

        self.assertEqual(ussd.send("0"), sectors)
        self.assertEqual(ussd.send("0"), main)
        self.assertEqual(ussd.send("1"), sectors)
        self.assertEqual(ussd.send(option(sectors, "Health")), counties)
        ussd.send("nai")
        ussd.send("no drugs at the dispensary")
        ussd.send("1")

        self.assertEqual(Case.objects.get().sector.slug, "health")

    def test_double_zero_goes_to_the_main_menu_from_anywhere(self):
        ussd = self.session()
        ussd.start()
        main = ussd.send("1")
        self.to_county_screen_from_main(ussd)
        ussd.send("nai")

        self.assertEqual(ussd.send("00"), main)  # from the description screen
        self.assertIn("Enter the case reference", ussd.send("2"))
        self.assertEqual(ussd.send("00"), main)
        self.assertFalse(Case.objects.exists())

    def to_county_screen_from_main(self, ussd):
        sectors = ussd.send("1")
        return ussd.send(option(sectors, "Water"))

    def test_back_from_the_confirmation_lets_the_description_be_changed(self):
        ussd = self.session()
        self.to_county_screen(ussd)
        ussd.send("nai")
        ussd.send("first words")
        ussd.send("0")
        confirm = ussd.send("better words")
        ussd.send("1")

        self.assertIn("better words", confirm)
        self.assertEqual(Case.objects.get().description, "better words")

    def test_a_wrong_choice_repeats_the_screen_with_a_hint(self):
        ussd = self.session()
        language = ussd.start()
        again = ussd.send("5")
        self.assertTrue(again.startswith("CON Invalid choice."))
        self.assertTrue(again.endswith(language[4:]))

        main = ussd.send("1")
        again = ussd.send("7")
        self.assertEqual(again, f"CON Invalid choice. {main[4:]}")

        sectors = ussd.send("1")
        self.assertEqual(ussd.send("42"), f"CON Invalid choice. {sectors[4:]}")
        self.assertEqual(ussd.send("99"), f"CON Invalid choice. {sectors[4:]}")  # no more pages

        ussd.send(option(sectors, "Water"))
        ussd.send("kisu")
        describe_again = ussd.send("")
        self.assertTrue(describe_again.startswith("CON Please describe the problem."))
        ussd.send("dry taps")
        confirm_again = ussd.send("3")
        self.assertTrue(confirm_again.startswith("CON Invalid choice."))
        self.assertTrue(ussd.send("1").startswith("END "))
        self.assertEqual(Case.objects.count(), 1)


class ReplayTests(UssdTestCase):
    def test_a_replayed_send_creates_the_case_once_and_answers_the_same(self):
        ussd = self.session()
        self.to_county_screen(ussd)
        ussd.send("kisu")
        ussd.send("no water")
        done = ussd.send("1")

        again = ussd.request(ussd.text)

        self.assertEqual(again, done)
        self.assertEqual(Case.objects.count(), 1)

    def test_a_replayed_step_is_not_read_as_new_input(self):
        ussd = self.session()
        ussd.start()
        ussd.send("1")
        sectors = ussd.send("1")

        self.assertEqual(ussd.request(ussd.text), sectors)
        self.assertIn("first letters", ussd.send(option(sectors, "Water")))

    def test_a_request_after_the_end_changes_nothing(self):
        ussd = self.session()
        self.to_county_screen(ussd)
        ussd.send("kisu")
        ussd.send("no water")
        done = ussd.send("1")

        self.assertEqual(ussd.send("1"), done)
        self.assertEqual(Case.objects.count(), 1)

    def test_a_session_id_from_another_phone_is_refused(self):
        ussd = self.session()
        ussd.start()
        ussd.send("1")
        intruder = UssdSessionClient(self, phone=OTHER_PHONE)
        intruder.session_id = ussd.session_id

        self.assertTrue(intruder.request("1").startswith("END "))
        self.assertEqual(UssdSession.objects.get().phone_number, PHONE)


class CheckCaseTests(UssdTestCase):
    def forwarded_case_of(self, phone):
        case = make_case(complainant_phone=phone, county_name="Kisumu")
        return actions.forward_case(case=case, authority=self.water, by=self.worker)

    def check(self, reference, phone=PHONE, language="1"):
        ussd = self.session(phone)
        ussd.start()
        ussd.send(language)
        self.assertIn(f"HUD-{timezone.localdate().year}-000123", ussd.send("2"))
        return ussd.send(reference)

    def test_own_case_shows_the_status_and_latest_update(self):
        case = self.forwarded_case_of(PHONE)

        done = self.check(case.reference.lower())

        self.assertTrue(done.startswith("END "))
        self.assertIn(case.reference, done)
        self.assertIn("Forwarded", done)
        self.assertIn("Kisumu Water", done)

    def test_the_short_keypad_form_of_a_reference(self):
        case = self.forwarded_case_of(PHONE)
        year, number = case.reference.split("-")[1:]

        done = self.check(f"{year}*{int(number)}")

        self.assertIn(case.reference, done)

    def test_kiswahili_status(self):
        case = self.forwarded_case_of(PHONE)

        done = self.check(case.reference, language="2")

        self.assertIn("Imetumwa kwa mamlaka", done)

    def test_a_long_update_is_cut_to_fit(self):
        case = make_case(complainant_phone=PHONE)
        actions.add_note(case=case, text="Update " * 60, by=self.worker, visibility="public")

        done = self.check(case.reference)

        self.assertIn(case.reference, done)
        self.assertTrue(done.endswith("..."))

    def test_another_numbers_case_looks_like_an_unknown_one(self):
        case = self.forwarded_case_of(OTHER_PHONE)

        not_yours = self.check(case.reference)
        unknown = self.check(f"HUD-{timezone.localdate().year}-999999")

        self.assertEqual(not_yours, unknown)
        self.assertTrue(not_yours.startswith("END "))
        self.assertNotIn("Forwarded", not_yours)

    def test_a_malformed_reference_can_be_typed_again(self):
        case = self.forwarded_case_of(PHONE)
        ussd = self.session()
        ussd.start()
        ussd.send("1")
        ussd.send("2")

        again = ussd.send("hello")
        done = ussd.send(case.reference)

        self.assertTrue(again.startswith("CON Check the reference."))
        self.assertIn("Forwarded", done)


class RefusedUssdCallbackTests(UssdTestCase):
    def test_wrong_secret_missing_fields_and_get(self):
        wrong = self.client.post(
            "/channels/africastalking/ussd/wrong/",
            {"sessionId": "x", "phoneNumber": PHONE, "serviceCode": SERVICE_CODE, "text": ""},
        )
        no_session = self.client.post(USSD_URL, {"phoneNumber": PHONE, "text": ""})
        no_phone = self.client.post(USSD_URL, {"sessionId": "x", "text": ""})
        bad_phone = self.client.post(USSD_URL, {"sessionId": "x", "phoneNumber": "abc"})

        self.assertEqual(wrong.status_code, 404)
        self.assertEqual(no_session.status_code, 400)
        self.assertEqual(no_phone.status_code, 400)
        self.assertEqual(bad_phone.status_code, 400)
        self.assertEqual(self.client.get(USSD_URL).status_code, 405)
        self.assertFalse(UssdSession.objects.exists())


class EveryScreenFitsTests(UssdTestCase):
    """Every screen, every page, in both languages, with and without each of its hints."""

    def screens(self, language):
        session = UssdSession(
            session_id="render", phone_number=PHONE, service_code="*384*12345678#"
        )
        session.language = language
        frames = [
            {"screen": "language"},
            {"screen": "main"},
            {"screen": "description"},
            {"screen": "reference"},
        ]
        sector_count = Sector.objects.active().count()
        frames += [{"screen": "sector", "page": page} for page in range(sector_count)]
        frames += [{"screen": "county", "page": page} for page in range(47)]
        frames += [
            {"screen": "county", "page": page, "letters": letters}
            for letters in ["m", "k", "n", "t"]
            for page in range(3)
        ]
        longest_sector = max(Sector.objects.active(), key=lambda s: len(s.name_en + s.name_sw))
        longest_county = max(County.objects.all(), key=lambda c: len(c.name))
        draft = {
            "sector": longest_sector.pk,
            "county": longest_county.pk,
            "description": "x" * 500,
        }
        for frame in [*frames, {"screen": "confirm"}]:
            for hint in [None, *SCREEN_HINTS[frame["screen"]]]:
                menu = Menu(session)
                menu.stack = [frame]
                menu.draft = draft
                menu.hint = hint
                with override(language):
                    yield menu.render()

    def test_every_screen_fits_in_both_languages(self):
        for language in ["en", "sw"]:
            for body in self.screens(language):
                with self.subTest(language=language, body=body[:40]):
                    self.assert_fits(f"CON {body}")

    def test_end_screens_fit(self):
        case = make_case(complainant_phone=PHONE)
        for language in ["en", "sw"]:
            with override(language):
                created = str(texts.USSD_CREATED) % {
                    "reference": case.reference,
                    "code": "*384*12345678#",
                }
                for body in [
                    created,
                    str(texts.USSD_CANCELLED),
                    str(texts.NOT_FOUND),
                    str(texts.USSD_WRONG_PHONE),
                ]:
                    self.assert_fits(f"END {body}")


@unittest.skipUnless(connection.vendor == "postgresql", "needs PostgreSQL's row locks")
class ConcurrentReplayTests(TransactionTestCase):
    serialized_rollback = True

    def test_a_send_replayed_at_once_makes_one_case(self):
        water = Sector.objects.get(slug="water")
        sectors = [sector.pk for sector in Sector.objects.active()]
        inputs = ["1", "1", str(sectors.index(water.pk) + 1), "kisu", "no water", "1"]
        data = {"sessionId": "ATUid_concurrent", "phoneNumber": PHONE, "text": ""}
        for step in range(len(inputs)):  # up to the confirmation, one request at a time
            self.client.post(USSD_URL, {**data, "text": "*".join(inputs[:step])})
        data["text"] = "*".join(inputs)

        results, errors = run_in_threads(
            lambda index: Client().post(USSD_URL, data).content.decode(), 6
        )

        self.assertEqual(errors, [])
        self.assertEqual(len(set(results)), 1)
        case = Case.objects.get()
        self.assertIn(case.reference, results[0])
        self.assertEqual(case.county.name, "Kisumu")


class AnswerTests(UssdTestCase):
    """A responded case checked from its own number: "1 Solved, 2 Not solved"."""

    def responded_case_of(self, phone, response="The kiosk is repaired and open again."):
        case = make_case(complainant_phone=phone, county_name="Kisumu")
        case = actions.forward_case(case=case, authority=self.water, by=self.worker)
        return actions.respond_to_case(case=case, response=response, by=self.worker)

    def to_answer_screen(self, case, language="1", phone=PHONE):
        ussd = self.session(phone)
        ussd.start()
        ussd.send(language)
        ussd.send("2")
        return ussd, ussd.send(case.reference)

    def test_the_answer_screen_in_both_languages(self):
        case = self.responded_case_of(PHONE, response="Repaired. " * 40)
        for language, question, solved, not_solved in [
            ("1", "Did this solve your problem?", "1 Solved", "2 Not solved"),
            ("2", "Je, hili limetatua tatizo lako?", "1 Limetatuliwa", "2 Halijatatuliwa"),
        ]:
            with self.subTest(language=language):
                _ussd, screen = self.to_answer_screen(case, language)
                self.assertTrue(screen.startswith("CON "))  # assert_fits checked ≤160 chars
                self.assertIn("Repaired.", screen)
                self.assertIn(question, screen)
                self.assertIn(solved, screen)
                self.assertIn(not_solved, screen)

    def test_solved_closes_the_case_as_resolved(self):
        case = self.responded_case_of(PHONE)
        ussd, _screen = self.to_answer_screen(case)

        done = ussd.send("1")

        self.assertTrue(done.startswith("END "))
        self.assertIn(case.reference, done)
        case.refresh_from_db()
        self.assertEqual((case.state, case.outcome), ("closed", "resolved"))

    def test_not_solved_asks_a_case_worker_to_escalate(self):
        case = self.responded_case_of(PHONE)
        ussd, _screen = self.to_answer_screen(case, language="2")

        done = ussd.send("2")

        self.assertTrue(done.startswith("END "))
        case.refresh_from_db()
        self.assertEqual(case.state, "responded")
        self.assertTrue(case.escalation_requested)

    def test_a_wrong_key_asks_again_and_changes_nothing(self):
        case = self.responded_case_of(PHONE)
        ussd, _screen = self.to_answer_screen(case)

        again = ussd.send("7")

        self.assertTrue(again.startswith("CON "))
        self.assertIn("1 Solved", again)
        case.refresh_from_db()
        self.assertEqual(case.state, "responded")

    def test_another_numbers_responded_case_offers_no_answer(self):
        case = self.responded_case_of(OTHER_PHONE)

        _ussd, screen = self.to_answer_screen(case)

        self.assertTrue(screen.startswith("END "))
        self.assertNotIn("Solved", screen)
