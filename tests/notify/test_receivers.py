import datetime

from django.core import mail, signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.test import TestCase
from django.utils import timezone

from cases import actions
from cases.models import Case, CaseLogEntry, Outcome
from cases.rules import Actor
from notify.backends import locmem
from notify.gsm import is_gsm7, segment_count
from notify.links import make_response_token, read_response_token, tracking_link
from notify.models import Audience, MessageStatus, OutboundMessage
from notify.receivers import queue_case_messages
from tests.factories import AuthorityFactory, case_worker, make_case, supervisor


class ReceiverTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.worker = case_worker()
        cls.supervisor = supervisor()
        cls.ministry = AuthorityFactory(
            name="Ministry of Water", kind="national", email="ministry@example.go.ke"
        )
        cls.water = AuthorityFactory(
            name="Nairobi Water",
            parent=cls.ministry,
            sectors=["water"],
            counties=["Nairobi City"],
            email="complaints@nairobiwater.example.ke",
        )

    def citizen_sms(self, case):
        return OutboundMessage.objects.filter(
            case=case, channel="sms", audience=Audience.CITIZEN
        ).order_by("pk")

    def authority_mail(self, case):
        return OutboundMessage.objects.filter(case=case, audience=Audience.AUTHORITY).order_by("pk")

    def forwarded(self, **kwargs):
        case = make_case(**kwargs)
        return actions.forward_case(case=case, authority=self.water, by=self.worker)

    def responded(self, **kwargs):
        case = self.forwarded(**kwargs)
        return actions.respond_to_case(
            case=case, response="A new pump was fitted on Monday.", by=self.worker
        )


class AcknowledgementTests(ReceiverTestCase):
    def test_a_new_case_is_acknowledged_by_sms_with_reference_code_and_link(self):
        with self.captureOnCommitCallbacks(execute=True):
            case = make_case()
        message = self.citizen_sms(case).get()
        self.assertEqual(message.recipient, "+254712345678")
        self.assertEqual(message.language, "en")
        self.assertEqual(message.status, MessageStatus.SENT)
        sent = locmem.outbox[0].text
        self.assertIn(case.reference, sent)
        self.assertIn(case.access_code, sent)
        self.assertIn(f"STATUS {case.reference}", sent)
        self.assertTrue(sent.endswith(tracking_link(case)))
        self.assertLessEqual(segment_count(sent), 2)
        # The outbox keeps no plain access code once the message has gone.
        self.assertNotIn(case.access_code, OutboundMessage.objects.get(pk=message.pk).text)

    def test_kiswahili_for_a_case_in_kiswahili(self):
        case = make_case(language="sw")
        text = self.citizen_sms(case).get().text
        self.assertIn("tumepokea", text)
        self.assertIn(f"HALI {case.reference}", text)

    def test_email_too_when_given(self):
        with self.captureOnCommitCallbacks(execute=True):
            case = make_case(complainant_email="achieng@example.org")
        self.assertEqual(len(mail.outbox), 1)
        self.assertEqual(mail.outbox[0].to, ["achieng@example.org"])
        self.assertIn(case.reference, mail.outbox[0].subject)
        self.assertIn(case.access_code, mail.outbox[0].body)
        self.assertIn(tracking_link(case), mail.outbox[0].body)

    def test_nothing_without_consent_or_contact(self):
        silent = make_case(consent_to_contact=False, complainant_email="a@example.org")
        # Consent without a phone or e-mail is refused when the case is made, so nothing can
        # be queued for it.
        with self.assertRaises(ValidationError):
            make_case(complainant_phone="", complainant_email="")
        self.assertFalse(OutboundMessage.objects.filter(case=silent).exists())
        self.assertFalse(OutboundMessage.objects.exists())

    def test_messages_roll_back_with_the_event(self):
        with self.assertRaises(RuntimeError), transaction.atomic():
            make_case()
            raise RuntimeError("something later in the request failed")
        self.assertFalse(OutboundMessage.objects.exists())

    def test_handling_an_event_twice_makes_no_second_message(self):
        case = make_case()
        entry = CaseLogEntry.objects.for_case(case).get(action="cases.create")
        case.access_code = "ABCD2345"
        queue_case_messages(sender=Case, case=case, entry=entry, event="cases.create")
        queue_case_messages(sender=Case, case=case, entry=entry, event="cases.create")
        self.assertEqual(self.citizen_sms(case).count(), 1)


class TransitionMessageTests(ReceiverTestCase):
    def events_messaged(self, case):
        keys = self.citizen_sms(case).values_list("event_key", flat=True)
        entries = CaseLogEntry.objects.for_case(case)
        by_pk = {entry.pk: entry.action for entry in entries}
        return [by_pk[int(key.split(":")[1])] for key in keys]

    def test_every_citizen_facing_transition_sends_an_sms(self):
        case = self.responded()
        case = actions.escalate_case(
            case=case, reason="The pump broke again.", by=self.worker, to_parent=True
        )
        case = actions.respond_to_case(case=case, response="Replaced.", by=self.worker)
        case = actions.close_case(case=case, outcome=Outcome.RESOLVED, by=self.worker)
        case = actions.reopen_case(case=case, reason="Dry again.", by=self.supervisor)
        case = actions.dismiss_case(
            case=case, outcome=Outcome.OUT_OF_SCOPE, reason="A private well.", by=self.worker
        )
        self.assertEqual(
            self.events_messaged(case),
            [
                "cases.create",
                "cases.forward",
                "cases.respond",
                "cases.escalate",
                "cases.respond",
                "cases.close",
                "cases.reopen",
                "cases.dismiss",
            ],
        )

    def test_withdraw_and_close_unanswered(self):
        withdrawn = actions.withdraw_case(
            case=make_case(), by=Actor.citizen(), requested_by="The citizen, on the web"
        )
        self.assertIn("withdrawn", self.citizen_sms(withdrawn).last().text)

        case = self.forwarded()
        Case.objects.filter(pk=case.pk).update(
            due_date=timezone.localdate() - datetime.timedelta(days=1)
        )
        case = actions.close_unanswered_case(case=Case.objects.get(pk=case.pk), by=self.worker)
        self.assertIn("did not answer", self.citizen_sms(case).last().text)

    def test_internal_events_send_nothing(self):
        case = self.forwarded()
        before = OutboundMessage.objects.count()
        actions.add_note(case=case, text="Called the utility.", by=self.worker)
        actions.assign_case(case=case, assignee=self.worker, by=self.worker)
        actions.recall_case(case=Case.objects.get(pk=case.pk), by=self.supervisor)
        self.assertEqual(OutboundMessage.objects.count(), before)

    def test_the_messages_name_authority_due_date_response_and_outcome(self):
        case = self.forwarded()
        forwarded = self.citizen_sms(case).last().text
        self.assertIn("Nairobi Water", forwarded)
        self.assertIn(case.due_date.strftime("%Y").strip(), forwarded)
        case = actions.respond_to_case(
            case=case, response="A new pump was fitted on Monday.", by=self.worker
        )
        self.assertIn('"A new pump was fitted on Monday."', self.citizen_sms(case).last().text)
        case = actions.close_case(case=case, outcome=Outcome.RESOLVED, by=self.worker)
        self.assertIn("Outcome: Resolved", self.citizen_sms(case).last().text)

    def test_kiswahili_throughout(self):
        case = self.responded(language="sw")
        case = actions.close_case(case=case, outcome=Outcome.RESOLVED, by=self.worker)
        texts = list(self.citizen_sms(case).values_list("text", flat=True))
        self.assertIn("imetumwa kwa Nairobi Water", texts[1])
        self.assertIn("wamejibu", texts[2])
        self.assertIn("Matokeo: Limetatuliwa", texts[3])
        self.assertTrue(all(message.language == "sw" for message in self.citizen_sms(case)))

    def test_a_long_response_is_shortened_with_the_link_kept(self):
        case = self.forwarded()
        response = "The county engineers visited the kiosk – “the pump” was replaced. " * 30
        case = actions.respond_to_case(case=case, response=response, by=self.worker)
        text = self.citizen_sms(case).last().text
        self.assertTrue(is_gsm7(text))
        self.assertLessEqual(segment_count(text), 2)
        self.assertIn(case.reference, text)
        self.assertIn('"The county engineers visited the kiosk - "the pump"', text)
        self.assertTrue(
            text.endswith(
                f'..." {tracking_link(case)} Reply 1 if this solved your problem, 2 if not.'
            )
        )

    def test_a_long_response_in_kiswahili_keeps_link_and_answer_within_two_segments(self):
        case = self.forwarded(language="sw")
        response = "Wahandisi wa kaunti walitembelea kioski na kubadilisha pampu. " * 30
        case = actions.respond_to_case(case=case, response=response, by=self.worker)
        text = self.citizen_sms(case).last().text
        self.assertLessEqual(segment_count(text), 2)
        self.assertTrue(
            text.endswith(
                f'..." {tracking_link(case)} Tuma 1 kama tatizo lako limetatuliwa, 2 kama sivyo.'
            )
        )

    def test_consent_is_read_at_each_event(self):
        case = make_case(consent_to_contact=False)
        actions.forward_case(case=case, authority=self.water, by=self.worker)
        self.assertFalse(self.citizen_sms(case).exists())
        # The authority is told regardless: that is the service, not contact with the citizen.
        self.assertTrue(self.authority_mail(case).exists())


class AuthorityMessageTests(ReceiverTestCase):
    def test_forwarding_emails_the_authority_a_summary_and_a_working_respond_link(self):
        case = self.forwarded(complainant_email="achieng@example.org")
        message = self.authority_mail(case).get()
        self.assertEqual(message.recipient, "complaints@nairobiwater.example.ke")
        self.assertEqual(message.channel, "email")
        self.assertIn(case.reference, message.subject)
        self.assertIn(case.description, message.text)
        self.assertIn("Kibera, Olympic estate", message.text)
        # Without consent to share identity: no name, phone or e-mail.
        self.assertNotIn("Achieng", message.text)
        self.assertNotIn("712345678", message.text)
        self.assertNotIn("achieng@example.org", message.text)
        self.assertIn("did not agree to share", message.text)
        # Never the citizen's own tracking link.
        self.assertNotIn(case.tracking_token, message.text)

        token = message.text.split("/respond/")[1].split("/")[0]
        self.assertEqual(read_response_token(token), (case.pk, case.response_link_nonce))

    def test_identity_is_included_with_consent(self):
        case = self.forwarded(
            consent_to_share_identity=True, complainant_email="achieng@example.org"
        )
        text = self.authority_mail(case).get().text
        self.assertIn("Name: Achieng Otieno", text)
        self.assertIn("Phone: +254712345678", text)
        self.assertIn("E-mail: achieng@example.org", text)

    def test_escalation_emails_the_new_authority_a_new_link(self):
        case = self.responded()
        first_link_token = self.authority_mail(case).get().text.split("/respond/")[1]
        case = actions.escalate_case(
            case=case, reason="The pump broke again.", by=self.worker, to_parent=True
        )
        message = self.authority_mail(case).last()
        self.assertEqual(message.recipient, "ministry@example.go.ke")
        self.assertIn("The pump broke again.", message.text)
        token = message.text.split("/respond/")[1].split("/")[0]
        self.assertEqual(read_response_token(token), (case.pk, case.response_link_nonce))
        # The first link names a nonce the case no longer has.
        _case_id, old_nonce = read_response_token(first_link_token.split("/")[0])
        self.assertNotEqual(old_nonce, case.response_link_nonce)

    def test_no_email_address_no_message(self):
        silent = AuthorityFactory(name="No e-mail office", email="")
        case = actions.forward_case(case=make_case(), authority=silent, by=self.worker)
        self.assertFalse(self.authority_mail(case).exists())


class AuthoritySmsTests(ReceiverTestCase):
    """An authority with a phone number and no e-mail gets the forwarded case by SMS."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.ward_office = AuthorityFactory(
            name="Kibera Ward Water Office", email="", phone="0733 123 456", sectors=["water"]
        )

    def forward_by_sms(self, *, send=False, **kwargs):
        case = make_case(**kwargs)
        with self.captureOnCommitCallbacks(execute=send):
            case = actions.forward_case(case=case, authority=self.ward_office, by=self.worker)
        return case, self.authority_mail(case).get()

    def test_reference_sector_place_and_a_short_link_that_opens_the_response_page(self):
        case, message = self.forward_by_sms()

        self.assertEqual((message.channel, message.recipient), ("sms", "+254733123456"))
        self.assertEqual(message.audience, Audience.AUTHORITY)
        self.assertTrue(is_gsm7(message.text))
        self.assertLessEqual(segment_count(message.text), 2)
        self.assertIn(case.reference, message.text)
        self.assertIn("Water", message.text)
        self.assertIn("Kibera, Olympic estate, Nairobi City", message.text)
        short = f"/respond/{case.pk}.{case.response_link_nonce}/"
        self.assertTrue(message.text.endswith(short))
        # Never the citizen's words, identity or tracking link in an SMS.
        self.assertNotIn(case.description, message.text)
        self.assertNotIn("Achieng", message.text)
        self.assertNotIn(case.tracking_token, message.text)
        self.assertEqual(self.client.get(short).status_code, 200)

    def test_the_outbox_masks_the_short_link(self):
        case, message = self.forward_by_sms()
        self.assertNotIn(case.response_link_nonce, message.masked_text)
        self.assertIn(f"/respond/…{case.response_link_nonce[-4:]}/", message.masked_text)
        case, message = self.forward_by_sms(send=True)
        self.assertEqual(message.status, MessageStatus.SENT)
        self.assertIn(case.response_link_nonce, locmem.outbox[-1].text)
        # Once sent, only the masked text is kept.
        self.assertNotIn(case.response_link_nonce, message.text)

    def test_a_long_place_is_shortened_and_the_link_kept(self):
        case, message = self.forward_by_sms(
            location="Behind the old market, near the chief's camp " * 6
        )
        self.assertLessEqual(segment_count(message.text), 2)
        self.assertIn("Behind the old market", message.text)
        self.assertTrue(message.text.endswith(f"/respond/{case.pk}.{case.response_link_nonce}/"))

    def test_an_escalation_to_an_sms_authority_sends_a_new_short_link(self):
        case, first = self.forward_by_sms()
        case = actions.respond_to_case(case=case, response="Fixed.", by=self.worker)
        case = actions.escalate_case(case=case, reason="Still dry.", by=self.worker)
        message = self.authority_mail(case).exclude(pk=first.pk).get()
        self.assertEqual(message.channel, "sms")
        self.assertIn("escalated", message.text)
        self.assertTrue(message.text.endswith(f"/respond/{case.pk}.{case.response_link_nonce}/"))

    def test_an_email_wins_and_a_number_we_cannot_text_sends_nothing(self):
        both = AuthorityFactory(
            name="Both office", email="both@example.go.ke", phone="0733 000 111"
        )
        case = actions.forward_case(case=make_case(), authority=both, by=self.worker)
        self.assertEqual(self.authority_mail(case).get().channel, "email")
        broken = AuthorityFactory(name="Broken number office", email="", phone="12")
        case = actions.forward_case(case=make_case(), authority=broken, by=self.worker)
        self.assertFalse(self.authority_mail(case).exists())

    def test_the_short_link_dies_like_the_signed_one(self):
        case, message = self.forward_by_sms()
        short = f"/respond/{case.pk}.{case.response_link_nonce}/"
        wrong = f"/respond/{case.pk}.{'x' * 22}/"
        self.assertEqual(self.client.get(wrong).status_code, 410)
        other = f"/respond/{case.pk + 1000}.{case.response_link_nonce}/"
        self.assertEqual(self.client.get(other).status_code, 410)
        Case.objects.filter(pk=case.pk).update(
            forwarded_at=timezone.now() - datetime.timedelta(days=31)
        )
        self.assertEqual(self.client.get(short).status_code, 410)
        Case.objects.filter(pk=case.pk).update(forwarded_at=timezone.now())
        actions.recall_case(case=Case.objects.get(pk=case.pk), by=self.supervisor)
        self.assertEqual(self.client.get(short).status_code, 410)


class ResponseLinkTests(ReceiverTestCase):
    def test_round_trip_expiry_and_tampering(self):
        case = self.forwarded()
        token = make_response_token(case)
        self.assertEqual(read_response_token(token), (case.pk, case.response_link_nonce))
        with self.assertRaises(signing.SignatureExpired):
            read_response_token(token, max_age=datetime.timedelta(seconds=-1))
        with self.assertRaises(signing.BadSignature):
            read_response_token(token[:-2] + "xx")
        other_salt = signing.dumps({"c": case.pk, "n": case.response_link_nonce}, salt="other")
        with self.assertRaises(signing.BadSignature):
            read_response_token(other_salt)

    def test_no_token_without_an_open_link(self):
        with self.assertRaises(ValueError):
            make_response_token(make_case())
