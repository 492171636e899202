"""The operations registry: each operation declared once, and everything derived from it."""

from django.test import TestCase
from django.utils import translation
from django.utils.module_loading import import_string
from django_fsm import TransitionNotAllowed  # noqa: F401 - the FSM is the model's

from cases import actions, registry, rules
from cases.exceptions import CaseChanged
from cases.models import Case, CaseLogEntry
from cases.operations import TransitionOperation
from cases.rules import Actor
from cases.workbench.forms import OperationForm
from notify import events
from tests.factories import AuthorityFactory, case_worker, make_case, supervisor


class RegistryTests(TestCase):
    def test_every_model_transition_has_its_operation_and_no_more(self):
        transitions = {t.name for t in Case._meta.get_field("state").get_all_transitions(Case)}
        operations = {
            op.name for op in registry.all_operations() if issubclass(op, TransitionOperation)
        }
        self.assertEqual(operations, transitions)

    def test_each_operation_declares_what_the_rest_of_the_portal_reads(self):
        for operation in registry.all_operations():
            with self.subTest(operation=operation.name):
                self.assertTrue(operation.label)
                self.assertTrue(operation.log_label)
                self.assertTrue(operation.log_message)
                self.assertEqual(operation.log_action, f"cases.{operation.name}")
                self.assertIs(registry.for_log_action(operation.log_action), operation)
                if operation.staff_permission:
                    self.assertEqual(
                        rules.STAFF_PERMISSIONS[operation.name], operation.staff_permission
                    )
                for kind in operation.actors:
                    self.assertIn(operation.name, rules.ACTOR_OPERATIONS[kind])

    def test_workbench_forms_take_exactly_the_operations_arguments(self):
        for name, operation in registry.with_forms().items():
            with self.subTest(operation=name):
                form_class = import_string(operation.form_class)
                self.assertTrue(issubclass(form_class, OperationForm))
                if operation.changes_version:
                    self.assertIn("version", form_class.base_fields)

    def test_response_templates_notify_and_the_timeline_follow_the_registry(self):
        choices = dict(registry.response_template_choices())
        self.assertEqual(
            set(choices), {"forward", "respond", "close", "dismiss", "escalate", "note"}
        )
        self.assertEqual(events.citizen_event("cases.forward"), "case_forwarded")
        self.assertEqual(events.authority_event("cases.escalate"), "authority_escalated_case")
        self.assertEqual(events.citizen_event("cases.note"), "")
        from wagtail.log_actions import registry as log_registry

        for operation in registry.all_operations():
            self.assertTrue(log_registry.action_exists(operation.log_action), operation.name)


class TimelineIsDataTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.worker = case_worker()
        cls.water = AuthorityFactory(name="Nairobi City Water")

    def test_a_case_made_in_kiswahili_reads_in_the_readers_language(self):
        with translation.override("sw"):
            case = make_case(language="sw")
            case = actions.forward_case(case=case, authority=self.water, by=self.worker)
        created, forwarded = CaseLogEntry.objects.for_case(case)
        # Nothing generated is stored as text: only the values.
        self.assertEqual((created.text, forwarded.text), ("", ""))
        self.assertEqual(created.data["channel"], "web")
        with translation.override("en"):
            self.assertEqual(created.message, "Received through Web.")
            self.assertEqual(forwarded.message, "Forwarded to Nairobi City Water.")
        # Read again (an entry keeps its message once rendered), by a Kiswahili reader.
        created, forwarded = CaseLogEntry.objects.for_case(case)
        with translation.override("sw"):
            self.assertEqual(created.message, "Limepokelewa kupitia Tovuti.")
            self.assertIn("Nairobi City Water", forwarded.message)

    def test_what_people_write_is_kept_verbatim(self):
        case = make_case()
        case = actions.forward_case(
            case=case, authority=self.water, by=self.worker, note="Please act this week."
        )
        entry = CaseLogEntry.objects.for_case(case).last()
        self.assertEqual(entry.text, "Please act this week.")
        self.assertEqual(entry.message, "Forwarded to Nairobi City Water.")


class VersionTests(TestCase):
    """Every operation that changes a case bumps its version and refuses a stale one."""

    @classmethod
    def setUpTestData(cls):
        cls.supervisor = supervisor()
        cls.water = AuthorityFactory(name="Nairobi City Water")

    def test_publish_and_unpublish_bump_the_version_and_refuse_stale_forms(self):
        case = make_case(consent_to_publish=True)
        published = actions.publish_case(case=case, summary="A dry kiosk.", by=self.supervisor)
        self.assertEqual(published.version, case.version + 1)
        with self.assertRaises(CaseChanged):
            actions.unpublish_case(case=published, by=self.supervisor, expected_version=1)
        unpublished = actions.unpublish_case(case=published, by=self.supervisor)
        self.assertEqual(unpublished.version, published.version + 1)
        self.assertIsNone(unpublished.published_at)

    def test_request_escalation_takes_the_version_the_citizen_saw(self):
        case = make_case()
        case = actions.forward_case(case=case, authority=self.water, by=self.supervisor)
        case = actions.respond_to_case(case=case, response="Fixed.", by=self.supervisor)
        with self.assertRaises(CaseChanged):
            actions.request_escalation(
                case=case, by=Actor.citizen(), expected_version=case.version - 1
            )
        asked = actions.request_escalation(
            case=case, by=Actor.citizen(), expected_version=case.version
        )
        self.assertTrue(asked.escalation_requested)
        self.assertEqual(asked.version, case.version + 1)

    def test_a_version_that_is_not_a_number_is_a_changed_case_not_an_error(self):
        case = make_case()
        with self.assertRaises(CaseChanged):
            actions.forward_case(
                case=case, authority=self.water, by=self.supervisor, expected_version="abc"
            )
