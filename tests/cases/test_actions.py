import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.test import TestCase
from django.utils import timezone

from cases import actions
from cases.exceptions import CaseChanged
from cases.models import Case, CaseLogEntry, CaseState, Outcome
from cases.rules import Actor
from cases.workdays import add_working_days
from tests.factories import (
    AuthorityFactory,
    case_worker,
    editor,
    make_case,
    supervisor,
)


class CaseActionsTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.worker = case_worker()
        cls.supervisor = supervisor()
        cls.editor = editor()
        cls.kisumu_worker = case_worker("kisumu-worker", counties=["Kisumu"])
        cls.ministry = AuthorityFactory(name="Ministry of Water", kind="national")
        cls.water = AuthorityFactory(
            name="Nairobi City Water",
            parent=cls.ministry,
            sectors=["water"],
            counties=["Nairobi City"],
        )

    def forwarded(self, **kwargs):
        case = make_case(**kwargs)
        return actions.forward_case(case=case, authority=self.water, by=self.worker)

    def responded(self, **kwargs):
        case = self.forwarded(**kwargs)
        return actions.respond_to_case(
            case=case, response="A new pipe was laid on Monday.", by=self.worker
        )

    def closed(self):
        case = self.responded()
        return actions.close_case(case=case, outcome=Outcome.RESOLVED, by=self.worker)


class CreateCaseTests(CaseActionsTestCase):
    def test_reference_token_phone_and_due_date(self):
        case = make_case(complainant_phone="0712 345 678")
        year = timezone.localdate().year
        self.assertRegex(case.reference, rf"^HUD-{year}-\d{{6}}$")
        self.assertGreaterEqual(len(case.tracking_token), 43)  # 32 random bytes, base64
        self.assertEqual(case.complainant_phone, "+254712345678")
        self.assertEqual(case.state, CaseState.RECEIVED)
        self.assertEqual(case.due_date, add_working_days(timezone.localdate(), 2))

    def test_references_follow_each_other_and_never_repeat(self):
        first, second = make_case(), make_case()
        number = lambda case: int(case.reference.rsplit("-", 1)[1])  # noqa: E731
        self.assertEqual(number(second), number(first) + 1)
        self.assertNotEqual(first.tracking_token, second.tracking_token)

    def test_anonymous_case_is_allowed(self):
        case = make_case(complainant_name="", complainant_phone="", consent_to_contact=False)
        self.assertEqual(case.complainant_phone, "")

    def test_bad_input_gets_a_clear_error_and_saves_nothing(self):
        bad_inputs = {
            "complainant_phone": {"complainant_phone": "12"},
            "description": {"description": "   "},
            "complainant_email": {"complainant_email": "not-an-address"},
        }
        for field, override in bad_inputs.items():
            with self.subTest(field=field), self.assertRaises(ValidationError) as raised:
                make_case(**override)
            self.assertIn(field, raised.exception.message_dict)
        self.assertEqual(Case.objects.count(), 0)

    def test_too_long_description_is_refused(self):
        with self.assertRaises(ValidationError):
            make_case(description="x" * 4001)

    def test_creation_starts_a_public_timeline_and_announces_after_commit(self):
        from cases.events import case_event_committed

        received = []

        def receiver(**kwargs):
            received.append(kwargs["event"])

        # Only this test's receiver goes: the apps' own receivers (caches) stay connected.
        case_event_committed.connect(receiver)
        self.addCleanup(case_event_committed.disconnect, receiver)
        with self.captureOnCommitCallbacks(execute=True):
            case = make_case()
        entry = CaseLogEntry.objects.for_case(case).get()
        self.assertEqual(entry.action, "cases.create")
        self.assertTrue(entry.is_public)
        self.assertEqual(received, ["cases.create"])

    def test_editors_cannot_register_cases(self):
        with self.assertRaises(PermissionDenied):
            make_case(by=self.editor)

    def test_case_workers_register_phone_cases(self):
        case = make_case(by=self.worker, channel="phone")
        self.assertEqual(case.channel, "phone")


class StateIsProtectedTests(CaseActionsTestCase):
    def test_no_code_can_assign_the_state(self):
        case = make_case()
        with self.assertRaises(AttributeError):
            case.state = CaseState.CLOSED


class TransitionTests(CaseActionsTestCase):
    def test_full_path_received_forwarded_responded_closed(self):
        case = self.closed()
        self.assertEqual(case.state, CaseState.CLOSED)
        self.assertEqual(case.outcome, Outcome.RESOLVED)
        self.assertIsNotNone(case.forwarded_at)
        self.assertIsNotNone(case.responded_at)
        self.assertIsNotNone(case.closed_at)
        self.assertIsNone(case.due_date)
        self.assertEqual(
            [(e.from_state, e.to_state) for e in CaseLogEntry.objects.for_case(case)],
            [
                ("", "received"),
                ("received", "forwarded"),
                ("forwarded", "responded"),
                ("responded", "closed"),
            ],
        )

    def test_forward_sets_the_authority_target_as_due_date(self):
        case = self.forwarded()
        self.assertEqual(case.authority, self.water)
        self.assertEqual(case.due_date, add_working_days(timezone.localdate(), 10))

    def test_forward_needs_an_authority(self):
        with self.assertRaises(ValidationError):
            actions.forward_case(case=make_case(), authority=None, by=self.worker)

    def test_respond_needs_text(self):
        with self.assertRaises(ValidationError):
            actions.respond_to_case(case=self.forwarded(), response="  ", by=self.worker)

    def test_close_needs_a_closing_outcome(self):
        with self.assertRaises(ValidationError):
            actions.close_case(case=self.responded(), outcome=Outcome.SPAM, by=self.worker)

    def test_close_unanswered_only_after_the_due_date(self):
        case = self.forwarded()
        with self.assertRaises(CaseChanged):
            actions.close_unanswered_case(case=case, by=self.worker)
        Case.objects.filter(pk=case.pk).update(due_date=datetime.date(2020, 1, 1))
        case.refresh_from_db()
        case = actions.close_unanswered_case(case=case, by=self.worker)
        self.assertEqual(case.outcome, Outcome.NO_RESPONSE)

    def test_dismiss_needs_a_reason_and_a_duplicate_needs_its_original(self):
        original, copy = make_case(), make_case()
        with self.assertRaises(ValidationError):
            actions.dismiss_case(case=copy, outcome=Outcome.SPAM, reason="", by=self.worker)
        with self.assertRaises(ValidationError):
            actions.dismiss_case(
                case=copy, outcome=Outcome.DUPLICATE, reason="Same kiosk", by=self.worker
            )
        copy = actions.dismiss_case(
            case=copy,
            outcome=Outcome.DUPLICATE,
            reason="Same kiosk",
            duplicate_of=original,
            by=self.worker,
        )
        self.assertEqual(copy.duplicate_of, original)
        self.assertEqual(copy.state, CaseState.CLOSED)

    def test_escalate_to_the_parent_authority(self):
        case = actions.escalate_case(
            case=self.responded(),
            reason="The kiosk is still dry.",
            to_parent=True,
            by=self.worker,
        )
        self.assertEqual(case.state, CaseState.FORWARDED)
        self.assertEqual(case.authority, self.ministry)
        self.assertEqual(case.escalation_count, 1)

    def test_escalate_to_a_missing_parent_is_refused(self):
        lone = AuthorityFactory(name="Lone authority")
        case = actions.forward_case(case=make_case(), authority=lone, by=self.worker)
        case = actions.respond_to_case(case=case, response="Done.", by=self.worker)
        with self.assertRaises(ValidationError):
            actions.escalate_case(case=case, reason="No", to_parent=True, by=self.worker)

    def test_recall_and_reopen_are_for_supervisors(self):
        case = self.forwarded()
        with self.assertRaises(PermissionDenied):
            actions.recall_case(case=case, by=self.worker)
        case = actions.recall_case(case=case, by=self.supervisor, reason="Wrong county")
        self.assertEqual(case.state, CaseState.RECEIVED)
        self.assertIsNone(case.authority)

        closed = self.closed()
        with self.assertRaises(PermissionDenied):
            actions.reopen_case(case=closed, reason="Kiosk dry again", by=self.worker)
        with self.assertRaises(ValidationError):
            actions.reopen_case(case=closed, reason="", by=self.supervisor)
        closed = actions.reopen_case(case=closed, reason="Kiosk dry again", by=self.supervisor)
        self.assertEqual(closed.state, CaseState.RECEIVED)
        self.assertEqual(closed.outcome, "")

    def test_withdraw_on_a_citizens_behalf_records_who_asked(self):
        case = self.forwarded()
        with self.assertRaises(PermissionDenied):
            actions.withdraw_case(case=case, requested_by="By phone", by=self.worker)
        case = actions.withdraw_case(
            case=case, requested_by="The complainant, by phone", by=self.supervisor
        )
        self.assertEqual(case.outcome, Outcome.WITHDRAWN)
        entry = CaseLogEntry.objects.for_case(case).last()
        self.assertIn("The complainant, by phone", entry.message)


class RoleMatrixTests(CaseActionsTestCase):
    """Every operation, from the state it applies to, for each kind of staff user."""

    def attempts(self):
        yield (
            "forward",
            make_case,
            lambda c, by: actions.forward_case(case=c, authority=self.water, by=by),
        )
        yield (
            "respond",
            self.forwarded,
            lambda c, by: actions.respond_to_case(case=c, response="Fixed.", by=by),
        )
        yield (
            "close",
            self.responded,
            lambda c, by: actions.close_case(case=c, outcome=Outcome.RESOLVED, by=by),
        )
        yield (
            "dismiss",
            make_case,
            lambda c, by: actions.dismiss_case(
                case=c, outcome=Outcome.SPAM, reason="Advert", by=by
            ),
        )
        yield (
            "escalate",
            self.responded,
            lambda c, by: actions.escalate_case(case=c, reason="Still broken", by=by),
        )
        yield "recall", self.forwarded, lambda c, by: actions.recall_case(case=c, by=by)
        yield (
            "reopen",
            self.closed,
            lambda c, by: actions.reopen_case(case=c, reason="Again", by=by),
        )
        yield (
            "withdraw",
            make_case,
            lambda c, by: actions.withdraw_case(case=c, requested_by="Citizen by SMS", by=by),
        )
        yield "note", make_case, lambda c, by: actions.add_note(case=c, text="Called", by=by)

    def test_who_may_do_what(self):
        allowed = {
            "worker": {"forward", "respond", "close", "dismiss", "escalate", "note"},
            "supervisor": {
                "forward",
                "respond",
                "close",
                "dismiss",
                "escalate",
                "note",
                "recall",
                "reopen",
                "withdraw",
            },
            "editor": set(),
            "kisumu_worker": set(),  # the cases are in Nairobi
        }
        for role, may in allowed.items():
            user = getattr(self, role)
            for operation, prepare, attempt in self.attempts():
                with self.subTest(role=role, operation=operation):
                    case = prepare()
                    if operation in may:
                        attempt(case, user)
                    else:
                        with self.assertRaises(PermissionDenied):
                            attempt(case, user)

    def test_a_county_limited_worker_acts_on_cases_in_their_county(self):
        case = make_case(county_name="Kisumu")
        case = actions.forward_case(case=case, authority=self.water, by=self.kisumu_worker)
        self.assertEqual(case.state, CaseState.FORWARDED)


class OtherActorTests(CaseActionsTestCase):
    def test_the_authority_responds_only_to_its_own_cases(self):
        case = self.forwarded()
        other = AuthorityFactory(name="Kisumu Water")
        with self.assertRaises(PermissionDenied):
            actions.respond_to_case(case=case, response="Not ours", by=Actor.for_authority(other))
        case = actions.respond_to_case(
            case=case, response="Repaired.", by=Actor.for_authority(self.water)
        )
        entry = CaseLogEntry.objects.for_case(case).last()
        self.assertEqual((entry.actor_kind, entry.actor_label), ("authority", self.water.name))
        self.assertIsNone(entry.user)

    def test_the_authority_cannot_close_or_forward(self):
        case = self.responded()
        with self.assertRaises(PermissionDenied):
            actions.close_case(
                case=case, outcome=Outcome.RESOLVED, by=Actor.for_authority(self.water)
            )

    def test_the_citizen_may_withdraw_or_confirm_but_not_forward(self):
        citizen = Actor.citizen()
        with self.assertRaises(PermissionDenied):
            actions.forward_case(case=make_case(), authority=self.water, by=citizen)
        withdrawn = actions.withdraw_case(
            case=make_case(), requested_by="On the tracking page", by=citizen
        )
        self.assertEqual(withdrawn.state, CaseState.CLOSED)
        confirmed = actions.close_case(case=self.responded(), outcome=Outcome.RESOLVED, by=citizen)
        self.assertEqual(confirmed.outcome, Outcome.RESOLVED)

    def test_the_system_may_close_unanswered_and_add_notes_only(self):
        system = Actor.system("SMS")
        case = self.forwarded()
        with self.assertRaises(PermissionDenied):
            actions.recall_case(case=case, by=system)
        actions.add_note(case=case, text="Citizen: still no water", by=system)


class StaleFormTests(CaseActionsTestCase):
    def test_a_form_opened_on_an_older_version_is_refused_even_if_the_state_came_back(self):
        case = make_case()
        opened_version = case.version
        forwarded = actions.forward_case(case=case, authority=self.water, by=self.worker)
        actions.recall_case(case=forwarded, by=self.supervisor)  # back to received
        with self.assertRaises(CaseChanged) as raised:
            actions.forward_case(
                case=case, authority=self.water, by=self.worker, expected_version=opened_version
            )
        self.assertEqual(raised.exception.current.state, CaseState.RECEIVED)
        self.assertGreater(raised.exception.current.version, opened_version)

    def test_a_transition_the_state_no_longer_allows_is_a_case_changed(self):
        case = self.forwarded()
        with self.assertRaises(CaseChanged):
            actions.forward_case(case=case, authority=self.water, by=self.worker)

    def test_a_stale_assignment_is_refused(self):
        case = make_case()
        opened_version = case.version
        actions.assign_case(case=case, assignee=self.worker, by=self.worker)
        with self.assertRaises(CaseChanged):
            actions.assign_case(
                case=case,
                assignee=self.supervisor,
                by=self.supervisor,
                expected_version=opened_version,
            )


class AssignmentTests(CaseActionsTestCase):
    def test_a_worker_takes_an_unassigned_case_but_does_not_reassign(self):
        case = actions.assign_case(case=make_case(), assignee=self.worker, by=self.worker)
        self.assertEqual(case.assigned_to, self.worker)
        with self.assertRaises(PermissionDenied):
            actions.assign_case(case=case, assignee=self.supervisor, by=self.worker)

    def test_a_supervisor_reassigns(self):
        case = actions.assign_case(case=make_case(), assignee=self.worker, by=self.worker)
        case = actions.assign_case(case=case, assignee=self.supervisor, by=self.supervisor)
        self.assertEqual(case.assigned_to, self.supervisor)
        entry = CaseLogEntry.objects.for_case(case).last()
        self.assertEqual(entry.action, "cases.assign")
        self.assertFalse(entry.is_public)

    def test_nobody_is_assigned_a_case_outside_their_counties(self):
        with self.assertRaises(ValidationError):
            actions.assign_case(case=make_case(), assignee=self.kisumu_worker, by=self.supervisor)


class NoteTests(CaseActionsTestCase):
    def test_notes_are_internal_unless_made_public(self):
        case = make_case()
        internal = actions.add_note(case=case, text="Called the kiosk owner", by=self.worker)
        public = actions.add_note(
            case=case,
            text="We have called the water company.",
            by=self.worker,
            visibility="public",
        )
        self.assertFalse(internal.is_public)
        self.assertTrue(public.is_public)
        self.assertEqual(Case.objects.get(pk=case.pk).version, case.version)

    def test_empty_note_is_refused(self):
        with self.assertRaises(ValidationError):
            actions.add_note(case=make_case(), text=" ", by=self.worker)


class WorkingDayTests(TestCase):
    def test_weekends_and_kenyan_holidays_do_not_count(self):
        # Friday 29 May 2026; Monday 1 June is Madaraka Day.
        self.assertEqual(add_working_days(datetime.date(2026, 5, 29), 1), datetime.date(2026, 6, 2))
        # Friday 4 December 2026 + 2 working days is Tuesday 8 December.
        self.assertEqual(
            add_working_days(datetime.date(2026, 12, 4), 2), datetime.date(2026, 12, 8)
        )


class CitizenLoopTests(CaseActionsTestCase):
    def test_the_access_code_is_given_once_and_only_its_hash_is_kept(self):
        from cases.access import ACCESS_CODE_ALPHABET, access_code_matches

        case = make_case()
        self.assertEqual(len(case.access_code), 8)
        self.assertTrue(set(case.access_code) <= set(ACCESS_CODE_ALPHABET))
        stored = Case.objects.get(pk=case.pk)
        self.assertNotIn(case.access_code, stored.access_code_hash)
        self.assertTrue(access_code_matches(stored, case.access_code.lower()))
        self.assertFalse(access_code_matches(stored, "AAAAAAAA"))

    def test_the_response_link_changes_on_forward_and_dies_on_recall_and_response(self):
        case = self.forwarded()
        first_nonce = case.response_link_nonce
        self.assertTrue(first_nonce)
        case = actions.recall_case(case=case, by=self.supervisor)
        self.assertEqual(case.response_link_nonce, "")
        case = actions.forward_case(case=case, authority=self.water, by=self.worker)
        self.assertNotEqual(case.response_link_nonce, first_nonce)
        case = actions.respond_to_case(
            case=case, response="Done", by=Actor.for_authority(self.water)
        )
        self.assertEqual(case.response_link_nonce, "")

    def test_the_citizen_asks_for_escalation_only_after_a_response(self):
        with self.assertRaises(CaseChanged):
            actions.request_escalation(case=self.forwarded(), by=Actor.citizen())
        case = actions.request_escalation(case=self.responded(), by=Actor.citizen())
        self.assertTrue(case.escalation_requested)
        self.assertEqual(case.state, CaseState.RESPONDED)
        self.assertTrue(CaseLogEntry.objects.for_case(case).last().is_public)

    def test_the_citizen_closes_only_as_resolved(self):
        with self.assertRaises(PermissionDenied):
            actions.close_case(
                case=self.responded(), outcome=Outcome.NOT_RESOLVED, by=Actor.citizen()
            )

    def test_attachments_are_kept_privately_with_a_timeline_entry(self):
        from django.core.files.base import ContentFile

        case = make_case()
        attachment = actions.add_attachment(
            case=case,
            file=ContentFile(b"%PDF-1.4 test"),
            content_type="application/pdf",
            original_name="receipt.pdf",
            by=Actor.citizen(),
        )
        self.assertNotIn("receipt", attachment.file.name)
        from django.conf import settings

        # Kept outside MEDIA_ROOT: no web server serves it by URL.
        self.assertFalse(attachment.file.path.startswith(str(settings.MEDIA_ROOT)))
        self.assertEqual(attachment.visibility, "public")
        self.assertEqual(CaseLogEntry.objects.for_case(case).last().action, "cases.attach")
        attachment.file.delete(save=False)
        with self.assertRaises(PermissionDenied):
            actions.add_attachment(
                case=case,
                file=ContentFile(b"x"),
                content_type="application/pdf",
                by=self.editor,
            )

    def test_an_escalation_to_an_inactive_parent_is_refused(self):
        self.ministry.is_active = False
        self.ministry.save()
        self.addCleanup(
            lambda: type(self.ministry).objects.filter(pk=self.ministry.pk).update(is_active=True)
        )
        with self.assertRaises(ValidationError):
            actions.escalate_case(
                case=self.responded(), reason="Still dry", to_parent=True, by=self.worker
            )


class PublicationTests(CaseActionsTestCase):
    def test_publish_needs_consent_and_a_summary(self):
        with self.assertRaises(ValidationError):
            actions.publish_case(case=make_case(), summary="Dry kiosk", by=self.worker)
        case = make_case(consent_to_publish=True)
        with self.assertRaises(ValidationError):
            actions.publish_case(case=case, summary="  ", by=self.worker)
        with self.assertRaises(PermissionDenied):
            actions.publish_case(case=case, summary="Dry kiosk", by=self.editor)
        case = actions.publish_case(case=case, summary="A kiosk ran dry.", by=self.worker)
        self.assertIn(case, Case.objects.published())
        case = actions.unpublish_case(case=case, by=self.worker)
        self.assertNotIn(case, Case.objects.published())


class ClosedCaseTests(CaseActionsTestCase):
    def test_citizens_add_nothing_to_a_closed_case_but_staff_still_may(self):
        from django.core.files.base import ContentFile

        case = self.closed()
        with self.assertRaises(ValidationError):
            actions.add_note(case=case, text="Still broken", by=Actor.citizen())
        with self.assertRaises(ValidationError):
            actions.add_attachment(
                case=case,
                file=ContentFile(b"x"),
                content_type="application/pdf",
                by=Actor.citizen(),
            )
        actions.add_note(case=case, text="Called the citizen back", by=self.worker)


class ConsentAndDuplicateRuleTests(CaseActionsTestCase):
    def test_consent_to_contact_needs_a_way_to_contact(self):
        with self.assertRaises(ValidationError) as raised:
            make_case(complainant_phone="", complainant_email="", consent_to_contact=True)
        self.assertIn("consent_to_contact", raised.exception.message_dict)
        self.assertEqual(Case.objects.count(), 0)

    def test_a_duplicate_must_point_to_a_case_the_user_may_see(self):
        nairobi_original = make_case()
        kisumu_copy = make_case(county_name="Kisumu")
        with self.assertRaises(ValidationError) as raised:
            actions.dismiss_case(
                case=kisumu_copy,
                outcome=Outcome.DUPLICATE,
                reason="Same kiosk",
                duplicate_of=nairobi_original,
                by=self.kisumu_worker,
            )
        self.assertEqual(
            raised.exception.message_dict["duplicate_of"], ["No case with this reference."]
        )
