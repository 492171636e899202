import csv
import io
import re

from django.test import TestCase
from django.urls import reverse

from cases import actions
from cases.models import Case, CaseState, SavedSearch
from tests.factories import (
    AuthorityFactory,
    UserFactory,
    case_worker,
    editor,
    make_case,
    supervisor,
)


class WorkbenchTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.worker = case_worker()
        cls.supervisor = supervisor()
        cls.kisumu_worker = case_worker("kisumu-worker", counties=["Kisumu"])
        cls.editor = editor()
        cls.water = AuthorityFactory(
            name="Nairobi City Water", sectors=["water"], counties=["Nairobi City"]
        )
        cls.nairobi_case = make_case(location="Nairobi secret place")
        cls.kisumu_case = make_case(county_name="Kisumu", description="Kisumu borehole broken")

    def login(self, user):
        self.client.force_login(user)


class ListingTests(WorkbenchTestCase):
    def test_listing_shows_the_cases_in_scope(self):
        self.login(self.worker)
        response = self.client.get(reverse("cases:index"))
        self.assertContains(response, self.nairobi_case.reference)
        self.assertContains(response, self.kisumu_case.reference)

        self.login(self.kisumu_worker)
        response = self.client.get(reverse("cases:index"))
        self.assertContains(response, self.kisumu_case.reference)
        self.assertNotContains(response, self.nairobi_case.reference)

    def test_editors_see_no_cases(self):
        self.login(self.editor)
        response = self.client.get(reverse("cases:index"))
        self.assertNotEqual(response.status_code, 200)

    def test_filters_combine(self):
        self.login(self.worker)
        forwarded = actions.forward_case(case=make_case(), authority=self.water, by=self.worker)
        response = self.client.get(
            reverse("cases:index"),
            {"state": "forwarded", "county": forwarded.county_id, "authority": self.water.pk},
        )
        self.assertContains(response, forwarded.reference)
        self.assertNotContains(response, self.nairobi_case.reference)

        response = self.client.get(reverse("cases:index"), {"text": "borehole"})
        self.assertContains(response, self.kisumu_case.reference)
        self.assertNotContains(response, self.nairobi_case.reference)

        actions.assign_case(case=self.kisumu_case, assignee=self.worker, by=self.worker)
        response = self.client.get(reverse("cases:index"), {"assignee": "me"})
        self.assertContains(response, self.kisumu_case.reference)
        self.assertNotContains(response, self.nairobi_case.reference)
        response = self.client.get(reverse("cases:index"), {"assignee": "unassigned"})
        self.assertNotContains(response, self.kisumu_case.reference)

    def test_query_count_does_not_grow_with_rows(self):
        self.login(self.worker)
        self.client.get(reverse("cases:index"))  # warm caches
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as few:
            self.client.get(reverse("cases:index"))
        for _ in range(15):
            make_case()
        with CaptureQueriesContext(connection) as many:
            self.client.get(reverse("cases:index"))
        self.assertEqual(len(many), len(few))

    def test_csv_export_escapes_formulas(self):
        make_case(description='=HYPERLINK("http://evil")', location="+254 road")
        self.login(self.worker)
        response = self.client.get(reverse("cases:index"), {"export": "csv"})
        content = b"".join(response.streaming_content).decode()
        rows = list(csv.reader(io.StringIO(content)))
        cells = [cell for row in rows[1:] for cell in row]
        self.assertIn('\'=HYPERLINK("http://evil")', cells)
        self.assertIn("'+254 road", cells)
        self.assertFalse(any(cell.startswith(("=", "+", "@")) for cell in cells))

    def test_xlsx_export(self):
        self.login(self.worker)
        response = self.client.get(reverse("cases:index"), {"export": "xlsx"})
        self.assertEqual(response.status_code, 200)
        self.assertIn("spreadsheetml", response["Content-Type"])


class CaseViewTests(WorkbenchTestCase):
    def test_cases_have_no_edit_or_delete_route_at_all(self):
        from django.urls import NoReverseMatch

        admin = UserFactory(username="root", is_superuser=True)
        self.login(admin)
        for name in ("cases:edit", "cases:delete"):
            with self.subTest(name=name), self.assertRaises(NoReverseMatch):
                reverse(name, args=(self.nairobi_case.pk,))
        for path in ("edit", "delete"):
            with self.subTest(path=path):
                response = self.client.get(f"/admin/cases/{path}/{self.nairobi_case.pk}/")
                self.assertEqual(response.status_code, 404)
        # The listing links each case to its inspect view.
        listing = self.client.get(reverse("cases:index"))
        self.assertContains(listing, reverse("cases:inspect", args=(self.nairobi_case.pk,)))

    def test_case_view_offers_only_the_steps_the_user_may_take(self):
        self.login(self.worker)
        response = self.client.get(reverse("cases:inspect", args=(self.nairobi_case.pk,)))
        self.assertContains(
            response, reverse("cases:transition", args=(self.nairobi_case.pk, "forward"))
        )
        self.assertContains(
            response, reverse("cases:transition", args=(self.nairobi_case.pk, "dismiss"))
        )
        self.assertNotContains(
            response, reverse("cases:transition", args=(self.nairobi_case.pk, "withdraw"))
        )
        self.assertNotContains(
            response, reverse("cases:transition", args=(self.nairobi_case.pk, "respond"))
        )

    def test_forward_respond_close_through_the_forms(self):
        self.login(self.worker)
        case = make_case()
        url = reverse("cases:transition", args=(case.pk, "forward"))
        form_page = self.client.get(url)
        self.assertContains(form_page, self.water.name)
        self.assertEqual(form_page.context["form"].initial["authority"], self.water.pk)
        response = self.client.post(url, {"version": case.version, "authority": self.water.pk})
        self.assertRedirects(response, reverse("cases:inspect", args=(case.pk,)))
        case.refresh_from_db()
        self.assertEqual(case.state, CaseState.FORWARDED)

        response = self.client.post(
            reverse("cases:transition", args=(case.pk, "respond")),
            {"version": case.version, "response": "Pipe repaired."},
        )
        case.refresh_from_db()
        self.assertEqual(case.state, CaseState.RESPONDED)
        self.client.post(
            reverse("cases:transition", args=(case.pk, "close")),
            {"version": case.version, "outcome": "resolved"},
        )
        case.refresh_from_db()
        self.assertEqual(case.state, CaseState.CLOSED)

    def test_a_missing_field_is_shown_on_the_form(self):
        self.login(self.worker)
        case = make_case()
        response = self.client.post(
            reverse("cases:transition", args=(case.pk, "dismiss")),
            {
                "version": case.version,
                "outcome": "duplicate",
                "reason": "Same",
                "duplicate_of": "HUD-1999-000001",
            },
        )
        self.assertEqual(response.status_code, 400)
        self.assertContains(response, "No case with this reference", status_code=400)

    def test_stale_form_keeps_the_text_and_says_what_changed(self):
        self.login(self.worker)
        case = make_case()
        opened = case.version
        actions.forward_case(case=case, authority=self.water, by=self.supervisor)
        case = Case.objects.get(pk=case.pk)
        actions.recall_case(case=case, by=self.supervisor, reason="Wrong authority")
        response = self.client.post(
            reverse("cases:transition", args=(case.pk, "dismiss")),
            {"version": opened, "outcome": "spam", "reason": "My carefully typed reason"},
        )
        self.assertEqual(response.status_code, 409)
        self.assertContains(
            response, "This case changed while you were working on it", status_code=409
        )
        self.assertContains(response, "My carefully typed reason", status_code=409)
        self.assertContains(response, "Wrong authority", status_code=409)
        self.assertEqual(Case.objects.get(pk=case.pk).state, CaseState.RECEIVED)

    def test_register_a_phone_case_goes_through_create_case(self):
        self.login(self.worker)
        response = self.client.post(
            reverse("cases:add"),
            {
                "channel": "phone",
                "sector": "",
                "county": self.nairobi_case.county_id,
                "location": "Mathare",
                "description": "Caller says the clinic has had no nurse for a week.",
                "complainant_name": "Wanjiru",
                "complainant_phone": "0722 000 000",
                "complainant_email": "",
                "language": "sw",
                "priority": 2,
            },
        )
        case = Case.objects.get(location="Mathare")
        self.assertEqual(response.status_code, 302)
        self.assertRegex(case.reference, r"^HUD-\d{4}-\d{6}$")
        self.assertEqual(case.complainant_phone, "+254722000000")
        self.assertEqual(case.timeline.get().action, "cases.create")

    def test_register_with_a_bad_phone_shows_the_error(self):
        self.login(self.worker)
        response = self.client.post(
            reverse("cases:add"),
            {
                "channel": "phone",
                "description": "No water",
                "complainant_phone": "123",
                "language": "en",
                "priority": 2,
            },
        )
        self.assertContains(response, "valid phone number")
        self.assertFalse(Case.objects.filter(description="No water").exists())


class InScopeRouteTests(WorkbenchTestCase):
    def test_a_worker_opens_every_view_of_a_case_in_scope(self):
        self.login(self.kisumu_worker)
        pk = self.kisumu_case.pk
        for name in ("inspect", "history", "assign", "note"):
            with self.subTest(view=name):
                response = self.client.get(reverse(f"cases:{name}", args=(pk,)))
                self.assertContains(response, self.kisumu_case.reference)
        response = self.client.get(reverse("cases:transition", args=(pk, "forward")))
        self.assertContains(response, self.kisumu_case.reference)


class CountyRestrictionTests(WorkbenchTestCase):
    """A worker limited to Kisumu asks for a Nairobi case by every route, by guessed URL."""

    def county_choices(self, user):
        self.login(user)
        page = self.client.get(reverse("cases:index")).content.decode()
        select = re.search(r'<select name="county".*?</select>', page, re.S)[0]
        return re.findall(r'<option value="\d+"[^>]*>([^<]+)</option>', select)

    def test_the_county_filter_offers_each_user_their_own_counties(self):
        # One after the other in the same process: the filter's form is shared between
        # requests, its county choices are not.
        self.assertEqual(self.county_choices(self.kisumu_worker), ["Kisumu"])
        self.assertEqual(len(self.county_choices(self.supervisor)), 47)
        self.assertEqual(self.county_choices(self.kisumu_worker), ["Kisumu"])

    def test_every_case_route_refuses(self):
        self.login(self.kisumu_worker)
        pk = self.nairobi_case.pk
        reference = self.nairobi_case.reference
        routes = [
            ("get", reverse("cases:inspect", args=(pk,))),
            ("get", reverse("cases:history", args=(pk,))),
            ("get", reverse("cases:history_results", args=(pk,))),
            ("get", reverse("cases:usage", args=(pk,))),
            ("get", f"/admin/cases/edit/{pk}/"),
            ("get", f"/admin/cases/delete/{pk}/"),
            ("get", reverse("cases:transition", args=(pk, "forward"))),
            ("post", reverse("cases:transition", args=(pk, "forward"))),
            ("get", reverse("cases:assign", args=(pk,))),
            ("post", reverse("cases:take", args=(pk,))),
            ("get", reverse("cases:note", args=(pk,))),
            ("post", reverse("cases:note", args=(pk,))),
            ("get", reverse("cases:summary_pdf", args=(pk,))),
            ("get", reverse("cases:citizen_pdf", args=(pk,))),
            ("get", reverse("wagtail_bulk_action", args=("cases", "case", "export")) + f"?id={pk}"),
            (
                "post",
                reverse("wagtail_bulk_action", args=("cases", "case", "export")) + f"?id={pk}",
            ),
            (
                "get",
                reverse("wagtail_bulk_action", args=("cases", "case", "forward")) + f"?id={pk}",
            ),
            ("get", reverse("wagtail_bulk_action", args=("cases", "case", "assign")) + "?id=all"),
            ("get", reverse("wagtail_bulk_action", args=("cases", "case", "delete")) + f"?id={pk}"),
            ("get", reverse("cases:index") + "?text=kiosk"),
            ("get", reverse("cases:index_results") + "?text=kiosk"),
            ("get", reverse("cases:index") + "?export=csv"),
            ("get", reverse("cases:index") + "?export=xlsx"),
            ("get", reverse("cases:listing_pdf")),
            ("get", reverse("wagtailadmin_reports:site_history")),
            ("get", reverse("wagtailadmin_reports:site_history_results")),
            ("get", reverse("wagtailadmin_home")),
        ]
        for method, url in routes:
            with self.subTest(url=url, method=method):
                response = getattr(self.client, method)(
                    url, {"version": 1, "text": "x"} if method == "post" else None
                )
                body = (
                    b"".join(response.streaming_content) if response.streaming else response.content
                )
                if response["Content-Type"].startswith("application/pdf"):
                    from pypdf import PdfReader

                    body = "".join(
                        p.extract_text() for p in PdfReader(io.BytesIO(body)).pages
                    ).encode()
                self.assertNotIn(reference.encode(), body)
                self.assertNotIn(b"Nairobi secret place", body)
        self.nairobi_case.refresh_from_db()
        self.assertEqual(self.nairobi_case.state, CaseState.RECEIVED)
        self.assertEqual(self.nairobi_case.timeline.count(), 1)


class BulkActionTests(WorkbenchTestCase):
    def test_bulk_forward_and_assign(self):
        self.login(self.supervisor)
        first, second = make_case(), make_case()
        url = reverse("wagtail_bulk_action", args=("cases", "case", "forward"))
        query = f"?id={first.pk}&id={second.pk}&next=/admin/cases/"
        response = self.client.post(url + query, {"authority": self.water.pk, "note": ""})
        self.assertEqual(response.status_code, 302)
        self.assertEqual(
            set(Case.objects.filter(pk__in=[first.pk, second.pk]).values_list("state", flat=True)),
            {"forwarded"},
        )
        url = reverse("wagtail_bulk_action", args=("cases", "case", "assign"))
        self.client.post(url + query, {"assignee": self.worker.pk})
        self.assertEqual(Case.objects.filter(assigned_to=self.worker).count(), 2)

    def test_bulk_export_of_the_selection(self):
        self.login(self.worker)
        url = reverse("wagtail_bulk_action", args=("cases", "case", "export"))
        response = self.client.post(
            url + f"?id={self.nairobi_case.pk}&next=/admin/cases/", {}, follow=True
        )
        self.assertTrue(response["Content-Type"].startswith("text/csv"))
        content = b"".join(response.streaming_content).decode()
        self.assertIn(self.nairobi_case.reference, content)
        self.assertNotIn(self.kisumu_case.reference, content)
        # The listing's own export: its columns, its formula guard.
        self.assertIn("What happened", content.splitlines()[0])

    def test_bulk_export_of_a_guessed_case_from_another_county_exports_nothing(self):
        self.login(self.kisumu_worker)
        url = reverse("wagtail_bulk_action", args=("cases", "case", "export"))
        response = self.client.post(
            url + f"?id={self.nairobi_case.pk}&next=/admin/cases/", {}, follow=True
        )
        content = b"".join(response.streaming_content).decode()
        self.assertNotIn(self.nairobi_case.reference, content)
        self.assertNotIn(self.kisumu_case.reference, content)

    def test_bulk_actions_run_wagtails_hooks(self):
        from wagtail import hooks

        seen = []

        def before(request, action_type, objects, action_class_instance):
            seen.append(("before", action_type, [case.pk for case in objects]))

        def after(request, action_type, objects, action_class_instance):
            seen.append(("after", action_type, [case.pk for case in objects]))

        case = make_case()
        self.login(self.supervisor)
        url = reverse("wagtail_bulk_action", args=("cases", "case", "forward"))
        with (
            hooks.register_temporarily("before_bulk_action", before),
            hooks.register_temporarily("after_bulk_action", after),
        ):
            self.client.post(
                url + f"?id={case.pk}&next=/admin/cases/", {"authority": self.water.pk}
            )
        self.assertEqual(seen, [("before", "forward", [case.pk]), ("after", "forward", [case.pk])])
        case.refresh_from_db()
        self.assertEqual(case.state, CaseState.FORWARDED)

    def test_a_case_that_changed_is_reported_and_the_others_go_ahead(self):
        first, second = make_case(), make_case()
        actions.forward_case(case=second, authority=self.water, by=self.worker)
        self.login(self.supervisor)
        url = reverse("wagtail_bulk_action", args=("cases", "case", "forward"))
        response = self.client.post(
            url + f"?id={first.pk}&id={second.pk}&next=/admin/cases/",
            {"authority": self.water.pk},
            follow=True,
        )
        self.assertContains(response, "1 case done.")
        self.assertContains(response, second.reference)
        first.refresh_from_db()
        self.assertEqual(first.state, CaseState.FORWARDED)


class SavedSearchAndDashboardTests(WorkbenchTestCase):
    def test_save_a_search_and_see_it_in_menu_and_dashboard(self):
        self.login(self.worker)
        response = self.client.post(
            reverse("cases:save_search"), {"name": "Kisumu water", "query": "text=borehole&p=2"}
        )
        self.assertEqual(response.status_code, 302)
        search = SavedSearch.objects.get(owner=self.worker)
        self.assertEqual(search.query, "text=borehole")
        home = self.client.get(reverse("wagtailadmin_home"))
        self.assertContains(home, "Kisumu water")
        self.assertContains(home, "(1)")

    def test_dashboard_panels(self):
        actions.assign_case(case=self.nairobi_case, assignee=self.worker, by=self.worker)
        self.login(self.worker)
        home = self.client.get(reverse("wagtailadmin_home"))
        for title in (
            "My open cases",
            "Overdue cases",
            "New unassigned cases",
            "Escalation requests",
        ):
            self.assertContains(home, title)
        self.assertContains(home, self.nairobi_case.reference)


class RegistrationConsentTests(WorkbenchTestCase):
    def test_consent_to_contact_without_contact_details_is_a_form_error(self):
        self.login(self.worker)
        response = self.client.post(
            reverse("cases:add"),
            {
                "channel": "walk_in",
                "description": "Clinic closed on Fridays",
                "consent_to_contact": "on",
                "language": "en",
                "priority": 2,
            },
        )
        self.assertContains(response, "Give a phone number or an e-mail address to be contacted.")
        self.assertFalse(Case.objects.filter(description="Clinic closed on Fridays").exists())
