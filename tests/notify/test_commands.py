import datetime
import io

from django.core.management import call_command
from django.test import TestCase
from django.utils import timezone

from cases import actions
from cases.models import Case
from cases.workdays import add_working_days
from notify.backends import locmem
from notify.backends.locmem import LocMemSMSBackend
from notify.gsm import is_gsm7, segment_count
from notify.models import Audience, MessageStatus, MessageTemplate, OutboundMessage
from notify.reminders import is_overdue_twice
from tests.factories import AuthorityFactory, UserFactory, case_worker, make_case, supervisor


def remind_again(test, case):
    """Nothing twice for the same due date; a new due date (after an escalation, say) earns
    a new reminder."""
    out, _err = run("send_reminders")
    test.assertIn("Authority reminders queued: 0.", out)
    test.assertEqual(test.reminders(case).count(), 1)
    Case.objects.filter(pk=case.pk).update(due_date=case.due_date + datetime.timedelta(days=1))
    run("send_reminders")
    test.assertEqual(test.reminders(case).count(), 2)


def run(command, *args):
    out, err = io.StringIO(), io.StringIO()
    call_command(command, *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


class SendOutboxTests(TestCase):
    def queue(self, key, **changes):
        message = OutboundMessage.objects.create(
            channel="sms", recipient="+254712345678", text=f"Message {key}", event_key=key
        )
        OutboundMessage.objects.filter(pk=message.pk).update(**changes)
        return message

    def test_sends_what_is_due_in_order_and_leaves_the_rest(self):
        now = timezone.now()
        self.queue("later", next_attempt_at=now + datetime.timedelta(minutes=5))
        self.queue("second", next_attempt_at=now - datetime.timedelta(minutes=1))
        self.queue("first", next_attempt_at=now - datetime.timedelta(minutes=2))
        self.queue("done", status=MessageStatus.SENT)
        out, err = run("send_outbox")
        self.assertEqual([sms.text for sms in locmem.outbox], ["Message first", "Message second"])
        self.assertIn("Due: 2. Sent: 2.", out)
        self.assertEqual(OutboundMessage.objects.get(event_key="later").status, "queued")
        self.assertEqual(err, "")

    def test_failures_are_put_back_with_back_off(self):
        self.queue("one")
        LocMemSMSBackend.fail_next = 1
        out, _err = run("send_outbox")
        self.assertIn("To retry later: 1.", out)
        message = OutboundMessage.objects.get(event_key="one")
        self.assertEqual(message.attempts, 1)
        self.assertGreater(message.next_attempt_at, timezone.now())
        # Not due again yet: the next run leaves it alone.
        run("send_outbox")
        self.assertEqual(OutboundMessage.objects.get(event_key="one").attempts, 1)

    def test_reports_stuck_messages_and_does_not_resend_them(self):
        self.queue(
            "stuck",
            status=MessageStatus.SENDING,
            attempts=1,
            last_attempt_at=timezone.now() - datetime.timedelta(hours=1),
            last_error="Outcome unknown, not retried: timeout",
        )
        out, err = run("send_outbox")
        self.assertIn("Due: 0.", out)
        self.assertIn("1 message(s) stuck in 'sending'", err)
        self.assertIn("timeout", err)
        self.assertEqual(locmem.outbox, [])
        self.assertEqual(OutboundMessage.objects.get(event_key="stuck").status, "sending")


class SendRemindersTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.worker = case_worker()
        cls.water = AuthorityFactory(
            name="Nairobi Water", response_days=10, email="complaints@nairobiwater.example.ke"
        )
        cls.nairobi_supervisor = supervisor("nairobi-supervisor", counties=["Nairobi City"])
        cls.kisumu_supervisor = supervisor("kisumu-supervisor", counties=["Kisumu"])
        cls.national_supervisor = supervisor("national-supervisor")
        cls.no_mail_supervisor = UserFactory(
            username="no-mail", email="", groups=["Case supervisors"]
        )

    def forwarded_case(self, days_late, **kwargs):
        case = actions.forward_case(case=make_case(**kwargs), authority=self.water, by=self.worker)
        Case.objects.filter(pk=case.pk).update(
            due_date=timezone.localdate() - datetime.timedelta(days=days_late)
        )
        return Case.objects.get(pk=case.pk)

    def reminders(self, case):
        return OutboundMessage.objects.filter(case=case, event_key__contains="authority-reminder")

    def alerts(self, case):
        return OutboundMessage.objects.filter(case=case, audience=Audience.STAFF)

    def test_a_late_authority_is_reminded_once_per_due_date(self):
        case = self.forwarded_case(days_late=3)
        on_time = self.forwarded_case(days_late=-2)
        out, _err = run("send_reminders")
        self.assertIn("Authority reminders queued: 1.", out)
        reminder = self.reminders(case).get()
        self.assertEqual(reminder.recipient, "complaints@nairobiwater.example.ke")
        self.assertIn(case.reference, reminder.subject)
        self.assertIn("3 days ago", reminder.text)
        self.assertIn("/respond/", reminder.text)
        self.assertNotIn(case.tracking_token, reminder.text)
        self.assertFalse(self.reminders(on_time).exists())

        remind_again(self, case)

    def test_cases_not_with_an_authority_are_not_reminded(self):
        case = make_case()
        Case.objects.filter(pk=case.pk).update(
            due_date=timezone.localdate() - datetime.timedelta(days=30)
        )
        run("send_reminders")
        self.assertFalse(
            OutboundMessage.objects.filter(case=case, audience__in=["authority", "staff"]).exists()
        )

    def test_supervisors_hear_of_cases_overdue_twice_in_their_counties(self):
        # Late by far more than the authority's 10 working days again.
        nairobi = self.forwarded_case(days_late=30)
        kisumu = self.forwarded_case(days_late=30, county_name="Kisumu")
        late_once = self.forwarded_case(days_late=3)
        out, _err = run("send_reminders")
        self.assertIn("Supervisor alerts queued: 4.", out)
        self.assertEqual(
            sorted(self.alerts(nairobi).values_list("recipient", flat=True)),
            ["nairobi-supervisor@example.org", "national-supervisor@example.org"],
        )
        self.assertEqual(
            sorted(self.alerts(kisumu).values_list("recipient", flat=True)),
            ["kisumu-supervisor@example.org", "national-supervisor@example.org"],
        )
        self.assertFalse(self.alerts(late_once).exists())
        alert = self.alerts(nairobi).first()
        self.assertIn(nairobi.reference, alert.subject)
        self.assertIn(f"/admin/cases/inspect/{nairobi.pk}/", alert.text)

        out, _err = run("send_reminders")
        self.assertIn("Supervisor alerts queued: 0.", out)
        self.assertEqual(self.alerts(nairobi).count(), 2)

    def test_overdue_twice_counts_working_days(self):
        case = self.forwarded_case(days_late=0)
        second_due = add_working_days(case.due_date, self.water.response_days)
        self.assertFalse(is_overdue_twice(case, second_due))
        self.assertTrue(is_overdue_twice(case, second_due + datetime.timedelta(days=1)))

    def test_reminders_are_sent_after_commit(self):
        self.forwarded_case(days_late=3)
        with self.captureOnCommitCallbacks(execute=True):
            run("send_reminders")
        statuses = set(
            OutboundMessage.objects.filter(event_key__contains="authority-reminder").values_list(
                "status", flat=True
            )
        )
        self.assertEqual(statuses, {MessageStatus.SENT})


class SmsRemindersTests(TestCase):
    """An authority with a phone number and no e-mail is reminded by SMS, with the short link
    it got the case with."""

    @classmethod
    def setUpTestData(cls):
        cls.worker = case_worker()
        cls.ward_office = AuthorityFactory(
            name="Kibera Ward Water Office", email="", phone="0733 123 456", response_days=10
        )

    def forwarded_case(self, days_late, authority=None, **kwargs):
        case = actions.forward_case(
            case=make_case(**kwargs), authority=authority or self.ward_office, by=self.worker
        )
        Case.objects.filter(pk=case.pk).update(
            due_date=timezone.localdate() - datetime.timedelta(days=days_late)
        )
        return Case.objects.get(pk=case.pk)

    def reminders(self, case):
        return OutboundMessage.objects.filter(case=case, event_key__contains="authority-reminder")

    def short_link(self, case):
        return f"/respond/{case.pk}.{case.response_link_nonce}/"

    def test_a_late_sms_authority_is_reminded_once_per_due_date_with_its_short_link(self):
        case = self.forwarded_case(days_late=3)
        on_time = self.forwarded_case(days_late=-2)
        out, _err = run("send_reminders")
        self.assertIn("Authority reminders queued: 1.", out)
        reminder = self.reminders(case).get()
        self.assertEqual((reminder.channel, reminder.recipient), ("sms", "+254733123456"))
        self.assertEqual(reminder.audience, Audience.AUTHORITY)
        self.assertTrue(is_gsm7(reminder.text))
        self.assertLessEqual(segment_count(reminder.text), 2)
        self.assertIn(f"Case {case.reference}", reminder.text)
        self.assertIn("3 days ago", reminder.text)
        self.assertIn("Kibera, Olympic estate, Nairobi City", reminder.text)
        self.assertTrue(reminder.text.endswith(self.short_link(case)))
        # Never the citizen's words, identity or tracking link in an SMS.
        self.assertNotIn(case.description, reminder.text)
        self.assertNotIn("Achieng", reminder.text)
        self.assertNotIn(case.tracking_token, reminder.text)
        self.assertFalse(self.reminders(on_time).exists())
        self.assertEqual(self.client.get(self.short_link(case)).status_code, 200)

        remind_again(self, case)

    def test_the_outbox_masks_the_link_and_keeps_only_the_masked_text_once_sent(self):
        case = self.forwarded_case(days_late=3)
        run("send_reminders")
        reminder = self.reminders(case).get()
        self.assertNotIn(case.response_link_nonce, reminder.masked_text)
        self.assertIn(f"/respond/…{case.response_link_nonce[-4:]}/", reminder.masked_text)

        other = self.forwarded_case(days_late=3)
        with self.captureOnCommitCallbacks(execute=True):
            run("send_reminders")
        sent = self.reminders(other).get()
        self.assertEqual(sent.status, MessageStatus.SENT)
        self.assertTrue(locmem.outbox[-1].text.endswith(self.short_link(other)))
        self.assertNotIn(other.response_link_nonce, sent.text)

    def test_no_reminder_with_a_dead_link(self):
        # The short link lasts 30 days from the forward: a reminder after that is not sent.
        expired = self.forwarded_case(days_late=3)
        Case.objects.filter(pk=expired.pk).update(
            forwarded_at=timezone.now() - datetime.timedelta(days=31)
        )
        # A recalled case is no longer with the authority, and its link is revoked.
        recalled = self.forwarded_case(days_late=3)
        actions.recall_case(case=recalled, by=supervisor())
        out, _err = run("send_reminders")
        self.assertIn("Authority reminders queued: 0.", out)
        self.assertFalse(self.reminders(expired).exists())
        self.assertFalse(self.reminders(recalled).exists())
        self.assertEqual(self.client.get(self.short_link(expired)).status_code, 410)

    def test_an_email_wins_and_a_number_we_cannot_text_gets_nothing(self):
        both = AuthorityFactory(name="Both office", email="both@example.go.ke", phone="0733 0")
        by_mail = self.forwarded_case(days_late=3, authority=both)
        broken = AuthorityFactory(name="Broken number office", email="", phone="12")
        unreachable = self.forwarded_case(days_late=3, authority=broken)
        run("send_reminders")
        self.assertEqual(self.reminders(by_mail).get().channel, "email")
        self.assertFalse(self.reminders(unreachable).exists())

    def test_the_text_is_the_editable_template(self):
        MessageTemplate.objects.filter(
            event="authority_reminder", channel="sms", language="en"
        ).update(body="Late: {reference}, {days_overdue} days. {respond_link}")
        case = self.forwarded_case(days_late=4)
        run("send_reminders")
        self.assertEqual(
            self.reminders(case).get().text,
            f"Late: {case.reference}, 4 days. http://testserver{self.short_link(case)}",
        )
