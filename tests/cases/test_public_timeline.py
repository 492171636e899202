"""The one presenter of the public timeline, for the citizen and for the public."""

from django.test import TestCase

from cases import actions
from cases.public_timeline import CITIZEN, PUBLIC, latest_update, public_updates
from cases.rules import Actor
from tests.factories import AuthorityFactory, UserFactory, make_case


class PublicTimelineTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.worker = UserFactory(
            username="wanjiru", first_name="Wanjiru", last_name="Kamau", groups=["Case workers"]
        )
        cls.water = AuthorityFactory(name="Nairobi City Water")
        case = make_case(complainant_name="Achieng Otieno", complainant_phone="0712 345 678")
        actions.add_note(
            case=case, text="Achieng here, call me on 0712 345 678.", by=Actor.citizen()
        )
        actions.add_note(case=case, text="Internal: checked the map.", by=cls.worker)
        case = actions.forward_case(
            case=case,
            authority=cls.water,
            by=cls.worker,
            note="Achieng Otieno reported the kiosk; ring 0712345678.",
        )
        cls.case = actions.respond_to_case(
            case=case, response="A new pipe is laid.", by=Actor.for_authority(cls.water)
        )

    def test_the_citizen_sees_every_public_step_and_their_own_words(self):
        updates = public_updates(self.case, audience=CITIZEN)
        self.assertEqual(
            [update.label for update in updates], ["Received", "Note", "Forwarded", "Responded"]
        )
        self.assertEqual(updates[1].actor, "You")
        self.assertIn("0712 345 678", updates[1].text)
        self.assertEqual(updates[2].actor, "Case worker")
        self.assertEqual(updates[2].summary, "Forwarded to Nairobi City Water.")
        self.assertEqual(updates[3].actor, "Nairobi City Water")
        shown = " ".join(f"{u.actor} {u.summary} {u.text}" for u in updates)
        self.assertNotIn("Wanjiru", shown)
        self.assertNotIn("Internal", shown)

    def test_the_public_never_reads_the_complainants_words_or_identity(self):
        updates = public_updates(self.case, audience=PUBLIC)
        note = updates[1]
        self.assertEqual((note.actor, note.text), ("Complainant", ""))
        forwarded = updates[2].text
        self.assertNotIn("Achieng", forwarded)
        self.assertNotIn("0712345678", forwarded)
        self.assertIn("[removed]", forwarded)

    def test_the_latest_update_is_what_status_replies_say(self):
        self.assertEqual(latest_update(self.case, audience=CITIZEN).note, "A new pipe is laid.")
        self.assertEqual(latest_update(self.case, audience=PUBLIC).note, "A new pipe is laid.")
