import datetime
from io import StringIO

import phonenumbers
from django.core.management import call_command
from django.test import TestCase
from django.utils import timezone

from cases.models import (
    Authority,
    AuthorityKind,
    Case,
    CaseLogEntry,
    CaseSequence,
    ResponseTemplate,
)
from cases.registry import response_template_choices
from demo.seeding import seed_demo_cases, seed_demo_cases_fast
from refdata.models import Sector
from tests.factories import county, make_case, sector

OMBUDSMAN = "Commission on Administrative Justice (Office of the Ombudsman)"


def run(command, **options):
    out = StringIO()
    call_command(command, stdout=out, **options)
    return out.getvalue()


def authority_snapshot():
    return [
        (
            authority.name,
            authority.kind,
            authority.parent_id,
            authority.email,
            authority.phone,
            authority.response_days,
            authority.is_example,
            sorted(authority.sectors.values_list("slug", flat=True)),
            sorted(authority.counties.values_list("name", flat=True)),
        )
        for authority in Authority.objects.order_by("name")
    ]


class TimelineChecks:
    def assert_consistent_timelines(self, cases):
        now = timezone.now()
        for case in cases:
            entries = list(CaseLogEntry.objects.for_case(case))
            with self.subTest(case=case.reference):
                self.assertEqual(entries[0].action, "cases.create")
                self.assertEqual(entries[0].timestamp, case.received_at)
                states = [entry.to_state for entry in entries if entry.to_state]
                self.assertEqual(states[-1], case.state)
                # Each transition starts where the previous one ended.
                for before, entry in zip(
                    states, [e for e in entries if e.to_state][1:], strict=False
                ):
                    self.assertEqual(entry.from_state, before)
                stamps = [entry.timestamp for entry in entries]
                self.assertEqual(stamps, sorted(stamps))
                self.assertLess(stamps[-1], now)
                self.assertEqual(case.updated_at, stamps[-1])


class ExampleAuthoritiesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.first_output = run("load_example_authorities")

    def test_running_again_changes_nothing(self):
        before = authority_snapshot()
        templates_before = list(ResponseTemplate.objects.values())
        output = run("load_example_authorities")
        self.assertEqual(authority_snapshot(), before)
        self.assertEqual(list(ResponseTemplate.objects.values()), templates_before)
        self.assertIn("0 created", output)

    def test_examples_are_marked_with_placeholder_contacts(self):
        self.assertGreaterEqual(Authority.objects.count(), 20)
        for authority in Authority.objects.all():
            with self.subTest(authority=authority.name):
                self.assertTrue(authority.is_example)
                self.assertTrue(authority.email.endswith("@example.org"))
                self.assertEqual(authority.phone, "")
                self.assertIn(authority.response_days, range(10, 31))

    def test_national_bodies_serve_every_county_and_the_ombudsman_every_sector(self):
        for authority in Authority.objects.filter(kind=AuthorityKind.NATIONAL):
            self.assertFalse(authority.counties.exists(), authority)
        ombudsman = Authority.objects.get(name=OMBUDSMAN)
        self.assertIsNone(ombudsman.parent)
        self.assertEqual(ombudsman.response_days, 30)
        self.assertEqual(ombudsman.sectors.count(), Sector.objects.count())

    def test_county_bodies_escalate_upwards(self):
        department = Authority.objects.get(
            name="Nairobi City County Department of Water and Sanitation"
        )
        company = Authority.objects.get(name="Nairobi City Water and Sewerage Company")
        self.assertEqual(company.kind, AuthorityKind.PROVIDER)
        self.assertEqual(company.parent, department)
        self.assertEqual(department.parent.name, "Ministry of Water, Sanitation and Irrigation")
        self.assertEqual(list(company.counties.all()), [county("Nairobi City")])

    def test_serving_puts_the_nairobi_water_bodies_first(self):
        serving = list(
            Authority.objects.serving(sector=sector("water"), county=county("Nairobi City"))
        )
        self.assertIn(
            serving[0].name,
            [
                "Nairobi City County Department of Water and Sanitation",
                "Nairobi City Water and Sewerage Company",
            ],
        )
        names = [authority.name for authority in serving]
        self.assertIn("Ministry of Water, Sanitation and Irrigation", names)
        self.assertNotIn("Kisumu Water and Sanitation Company", names)

    def test_authority_taken_over_by_an_administrator_is_left_alone(self):
        Authority.objects.filter(name="Ministry of Health").update(
            is_example=False, email="complaints@health.go.ke"
        )
        run("load_example_authorities")
        ministry = Authority.objects.get(name="Ministry of Health")
        self.assertEqual(ministry.email, "complaints@health.go.ke")
        self.assertFalse(ministry.is_example)

    def test_response_templates_cover_every_transition_and_keep_edits(self):
        transitions = set(ResponseTemplate.objects.values_list("transition", flat=True))
        self.assertEqual(transitions, {key for key, _label in response_template_choices()})
        self.assertTrue(
            ResponseTemplate.objects.filter(transition="forward", sector=sector("water")).exists()
        )
        template = ResponseTemplate.objects.get(title="Spam or test message")
        template.text = "Edited by a supervisor."
        template.save()
        run("load_example_authorities")
        template.refresh_from_db()
        self.assertEqual(template.text, "Edited by a supervisor.")


class SeedDemoCasesTests(TimelineChecks, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.output = run("seed_demo_cases", count=30, seed=1)

    def test_creates_varied_cases(self):
        cases = Case.objects.all()
        self.assertEqual(cases.count(), 30)
        self.assertGreaterEqual(len(set(cases.values_list("state", flat=True))), 3)
        self.assertGreaterEqual(len(set(cases.values_list("sector", flat=True))), 3)
        self.assertGreaterEqual(len(set(cases.values_list("county", flat=True))), 3)
        self.assertEqual(set(cases.values_list("language", flat=True)), {"en", "sw"})
        self.assertIn("30 demo cases added", self.output)

    def test_every_timeline_is_consistent_with_its_case(self):
        self.assert_consistent_timelines(Case.objects.all())

    def test_cases_spread_over_the_years_with_valid_phones(self):
        oldest = timezone.now() - datetime.timedelta(days=3 * 366)
        for case in Case.objects.all():
            self.assertGreater(case.received_at, oldest)
            if case.complainant_phone:
                number = phonenumbers.parse(case.complainant_phone)
                self.assertTrue(phonenumbers.is_valid_number(number), case.complainant_phone)
        years = {case.received_at.year for case in Case.objects.all()}
        self.assertGreaterEqual(len(years), 2)

    def test_demo_staff_are_case_workers_who_cannot_log_in(self):
        worker = Case.objects.exclude(assigned_to=None).first().assigned_to
        self.assertEqual(worker.username, "demo-caseworker")
        self.assertFalse(worker.has_usable_password())
        self.assertTrue(worker.groups.filter(name="Case workers").exists())

    def test_if_empty_adds_nothing_the_second_time(self):
        output = run("seed_demo_cases", count=200, if_empty=True)
        self.assertEqual(Case.objects.count(), 30)
        self.assertIn("no demo cases added", output)


class FastSeedTests(TimelineChecks, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.output = run("seed_demo_cases", count=500, seed=2, fast=True, batch_size=200)

    def test_creates_unique_references_and_continues_the_sequence(self):
        references = list(Case.objects.values_list("reference", flat=True))
        self.assertEqual(len(references), 500)
        self.assertEqual(len(set(references)), 500)
        for sequence in CaseSequence.objects.all():
            numbers = [
                int(reference.rsplit("-", 1)[1])
                for reference in references
                if reference.startswith(f"HUD-{sequence.year}-")
            ]
            self.assertEqual(sorted(numbers), list(range(1, sequence.last_number + 1)))

        year = timezone.localdate().year
        last = CaseSequence.objects.get(year=year).last_number
        case = make_case()
        self.assertEqual(case.reference, f"HUD-{year}-{last + 1:06d}")
        self.assertEqual(Case.objects.count(), 501)

    def test_references_follow_the_order_cases_were_received(self):
        references = list(Case.objects.order_by("received_at").values_list("reference", flat=True))
        for year in {reference[4:8] for reference in references}:
            of_year = [reference for reference in references if reference[4:8] == year]
            self.assertEqual(of_year, sorted(of_year))

    def test_every_timeline_is_consistent_with_its_case(self):
        self.assert_consistent_timelines(Case.objects.all())
        self.assertGreaterEqual(len(set(Case.objects.values_list("state", flat=True))), 4)


def seeded_snapshot():
    """Everything both seeding paths write, keyed so that primary keys do not matter."""
    cases = []
    for case in Case.objects.select_related("duplicate_of").order_by("reference"):
        entries = [
            (
                entry.action,
                entry.timestamp,
                entry.label,
                entry.content_type_id,
                entry.user_id,
                entry.content_changed,
                entry.actor_kind,
                entry.actor_label,
                entry.authority_id,
                entry.from_state,
                entry.to_state,
                entry.text,
                entry.visibility,
                entry.data,
            )
            for entry in CaseLogEntry.objects.for_case(case)
        ]
        fields = {
            field.attname: getattr(case, field.attname)
            for field in Case._meta.concrete_fields
            if field.attname
            not in (
                "id",
                "tracking_token",
                "access_code_hash",
                "response_link_nonce",
                "duplicate_of_id",
            )
        }
        # Random secrets differ between the paths; where they exist must not.
        fields["has_access_code"] = bool(case.access_code_hash)
        fields["has_response_link"] = bool(case.response_link_nonce)
        fields["duplicate_of"] = case.duplicate_of.reference if case.duplicate_of else None
        cases.append((fields, entries))
    return cases


class FastPathMatchesActionsTests(TestCase):
    """The fast path writes rows directly: it must write what the actions would have."""

    def test_same_seed_gives_the_same_cases_and_timelines(self):
        now = timezone.now() - datetime.timedelta(minutes=5)
        seed_demo_cases(count=150, seed=11, now=now)
        through_actions = seeded_snapshot()
        operations = {entry[0] for _fields, entries in through_actions for entry in entries}
        self.assertEqual(
            operations,
            {
                f"cases.{name}"
                for name in [
                    "create",
                    "assign",
                    "note",
                    "forward",
                    "respond",
                    "close",
                    "close_unanswered",
                    "dismiss",
                    "withdraw",
                    "escalate",
                    "recall",
                    "reopen",
                ]
            },
            "pick a seed whose plans use every step",
        )

        # Duplicates protect their originals (and may chain): unlink them before deleting.
        Case.objects.update(duplicate_of=None)
        Case.objects.all().delete()
        CaseSequence.objects.all().delete()
        # One case per batch, so that "duplicate" dismissals see the same earlier cases.
        seed_demo_cases_fast(count=150, seed=11, now=now, batch_size=1)
        in_bulk = seeded_snapshot()

        self.assertEqual(len(in_bulk), len(through_actions))
        for expected, actual in zip(through_actions, in_bulk, strict=True):
            self.assertEqual(actual, expected)
