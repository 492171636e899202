from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from pages.models import (
    ConventionIndexPage,
    ConventionPage,
    HomePage,
    ReportIndexPage,
    ReportPage,
    RightPage,
    RightsIndexPage,
    StandardPage,
)


class PageTreeRulesTests(WagtailPageTestCase):
    def test_home_page_sits_at_the_root_and_holds_the_sections(self):
        self.assertCanCreateAt(Page, HomePage)
        self.assertAllowedSubpageTypes(
            HomePage, {RightsIndexPage, ConventionIndexPage, ReportIndexPage, StandardPage}
        )

    def test_rights_live_only_under_the_rights_index(self):
        self.assertAllowedParentPageTypes(RightPage, {RightsIndexPage})
        self.assertAllowedSubpageTypes(RightsIndexPage, {RightPage})
        self.assertAllowedSubpageTypes(RightPage, set())

    def test_conventions_live_only_under_the_conventions_index(self):
        self.assertAllowedParentPageTypes(ConventionPage, {ConventionIndexPage})
        self.assertAllowedSubpageTypes(ConventionIndexPage, {ConventionPage})

    def test_reports_live_only_under_the_reports_index(self):
        self.assertAllowedParentPageTypes(ReportPage, {ReportIndexPage})
        self.assertAllowedSubpageTypes(ReportIndexPage, {ReportPage})
        self.assertAllowedSubpageTypes(ReportPage, set())

    def test_standard_pages_nest_under_home_or_each_other(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertCanNotCreateAt(RightsIndexPage, StandardPage)

    def test_section_indexes_are_one_of_a_kind(self):
        for model in (HomePage, RightsIndexPage, ConventionIndexPage, ReportIndexPage):
            self.assertEqual(model.max_count, 1, model.__name__)


class ConventionCodeTests(WagtailPageTestCase):
    def test_code_is_shown_short_and_as_the_ilo_files_it(self):
        convention = ConventionPage(number=87)
        self.assertEqual(convention.code, "C87")
        self.assertEqual(convention.padded_code, "C087")
        self.assertEqual(ConventionPage(number=182).padded_code, "C182")
