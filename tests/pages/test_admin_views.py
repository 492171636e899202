"""Translating in the admin with wagtail-localize under Wagtail 8: a new English report is
translated segment by segment in the translation editor and published through the moderation
workflow; a changed English page shows its translation as out of date until it is
translated again; nothing publishes English words as Kiswahili."""

import datetime
from urllib.parse import urlencode

from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import StringSegment, Translation
from wagtail_localize.synctree import create_aliases_for_new_page

from pages.models import ReportIndexPage, ReportPage, RightPage
from pages.translation_status import (
    OUT_OF_DATE,
    UNTRANSLATED,
    UP_TO_DATE,
    missing_strings,
    translation_state,
)
from tests.factories import UserFactory
from tests.pages.base import SiteContentTestCase

KISWAHILI = {
    "Water kiosks in informal settlements": "Vibanda vya maji katika makazi yasiyo rasmi",
    "water-kiosks": "vibanda-vya-maji",
    "Test publisher": "Mchapishaji wa majaribio",
    "How kiosks price water in three settlements.": (
        "Jinsi vibanda vinavyouza maji katika mitaa mitatu."
    ),
}


class TranslationAdminTestCase(SiteContentTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.editor = UserFactory(username="content-editor", groups=["Editors"])
        cls.moderator = UserFactory(username="content-moderator", groups=["Moderators"])

    def put_translation(self, translation, segment, value):
        url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
        return self.client.put(
            url, urlencode({"value": value}), content_type="application/x-www-form-urlencoded"
        )


class NewReportTranslationTests(TranslationAdminTestCase):
    def setUp(self):
        index = ReportIndexPage.objects.get(locale=self.english)
        self.report = ReportPage(
            title="Water kiosks in informal settlements",
            slug="water-kiosks",
            publication_date=datetime.date(2026, 5, 1),
            publishers="Test publisher",
            summary="How kiosks price water in three settlements.",
        )
        index.add_child(instance=self.report)
        self.report.save_revision().publish()
        # What wagtail-localize's after_create_page hook does for a page made in the admin.
        create_aliases_for_new_page(self.report)
        self.alias = self.report.get_translation(self.kiswahili).specific

    def test_untranslated_report_is_shown_in_english_and_said_so(self):
        self.assertEqual(self.alias.alias_of_id, self.report.pk)
        self.assertEqual(translation_state(self.alias), UNTRANSLATED)

        response = self.client.get(self.alias.url)

        self.assertContains(response, '<html lang="sw"')
        self.assertContains(response, 'class="main" tabindex="-1" lang="en"')
        self.assertContains(response, "Bado haijatafsiriwa")
        listing = self.client.get(ReportIndexPage.objects.get(locale=self.kiswahili).url)
        self.assertContains(listing, '<li class="report-item" lang="en">')
        self.assertContains(listing, "(Bado haijatafsiriwa)")
        # Not offered to search engines as a Kiswahili page.
        self.assertNotContains(response, '<link rel="alternate" hreflang="sw"')

    def test_editors_see_it_on_their_dashboard(self):
        self.client.force_login(self.editor)
        response = self.client.get(reverse("wagtailadmin_home"))
        self.assertContains(response, "Kiswahili pages to translate")
        self.assertContains(response, reverse("wagtailadmin_pages:edit", args=[self.alias.pk]))
        self.assertContains(response, "Not yet translated")

    def test_editor_translates_and_a_moderator_publishes(self):
        self.client.force_login(self.editor)
        alias_edit = self.client.get(reverse("wagtailadmin_pages:edit", args=[self.alias.pk]))
        self.assertEqual(alias_edit.status_code, 200)
        self.assertContains(alias_edit, "Translate this page")

        submit_url = reverse("wagtail_localize:submit_page_translation", args=[self.report.pk])
        self.assertEqual(self.client.get(submit_url).status_code, 200)
        response = self.client.post(submit_url, {"locales": [self.kiswahili.pk]})
        self.assertEqual(response.status_code, 302)

        target = Page.objects.get(pk=self.alias.pk).specific
        self.assertIsNone(target.alias_of_id)
        # Started, not published: the public page still says it is not translated.
        self.assertEqual(translation_state(target), UNTRANSLATED)
        self.assertContains(self.client.get(target.url), "Bado haijatafsiriwa")

        editor_view = self.client.get(reverse("wagtailadmin_pages:edit", args=[target.pk]))
        self.assertEqual(editor_view.status_code, 200)
        self.assertTemplateUsed(editor_view, "wagtail_localize/admin/edit_translation.html")

        translation = Translation.objects.get(
            source__object_id=self.report.translation_key, target_locale=self.kiswahili
        )
        submit_for_moderation = reverse("pages_submit_translation", args=[target.pk])
        self.client.post(submit_for_moderation)
        self.assertFalse(Page.objects.get(pk=target.pk).workflow_in_progress)

        for segment in StringSegment.objects.filter(source=translation.source):
            answer = self.put_translation(translation, segment, KISWAHILI[segment.string.data])
            self.assertIn(answer.status_code, (200, 201), answer.content)
        self.assertFalse(missing_strings(translation).exists())

        self.assertContains(self.client.get(submit_for_moderation), "Submit for moderation")
        self.client.post(submit_for_moderation)
        target = Page.objects.get(pk=target.pk).specific
        self.assertTrue(target.workflow_in_progress)
        # Until a moderator approves it, readers still get the English page, marked as such.
        self.assertContains(self.client.get(target.url), "Bado haijatafsiriwa")

        self.client.force_login(self.moderator)
        task_state = target.current_workflow_task_state
        approve = reverse(
            "wagtailadmin_pages:workflow_action", args=[target.pk, "approve", task_state.pk]
        )
        self.assertEqual(self.client.post(approve, {"comment": ""}).status_code, 302)

        published = Page.objects.get(pk=target.pk).specific
        self.assertEqual(published.title, "Vibanda vya maji katika makazi yasiyo rasmi")
        self.assertEqual(published.url, "/sw/ripoti/vibanda-vya-maji/")
        self.assertEqual(translation_state(published), UP_TO_DATE)
        response = self.client.get(published.url)
        self.assertContains(response, "Jinsi vibanda vinavyouza maji katika mitaa mitatu.")
        self.assertNotContains(response, "Bado haijatafsiriwa")
        self.assertNotContains(response, 'tabindex="-1" lang="en"')
        self.assertContains(response, '<link rel="alternate" hreflang="sw"')


class ChangedSourceTests(TranslationAdminTestCase):
    def setUp(self):
        self.water = RightPage.objects.get(slug="water", locale=self.english)
        self.maji = self.water.get_translation(self.kiswahili).specific
        self.translation = Translation.objects.get(
            source__object_id=self.water.translation_key, target_locale=self.kiswahili
        )

    def change_the_english_summary(self):
        self.water.summary = "You have the right to clean and safe water, near your home."
        self.water.save_revision().publish()

    def test_a_changed_english_page_makes_its_translation_out_of_date(self):
        self.assertEqual(translation_state(self.maji), UP_TO_DATE)

        self.change_the_english_summary()

        self.assertEqual(translation_state(self.maji), OUT_OF_DATE)
        # The source was synced: the translation editor shows the new segment to translate.
        self.assertEqual(
            [segment.string.data for segment in missing_strings(self.translation)],
            ["You have the right to clean and safe water, near your home."],
        )
        # Meanwhile readers keep the published Kiswahili page.
        response = self.client.get(self.maji.url)
        self.assertContains(response, "Una haki ya kupata maji safi na salama")
        self.assertNotContains(response, "near your home")

        self.client.force_login(self.editor)
        dashboard = self.client.get(reverse("wagtailadmin_home"))
        self.assertContains(dashboard, "Out of date: the English page changed")

    def test_a_partial_translation_is_never_published(self):
        self.change_the_english_summary()
        self.client.force_login(self.moderator)
        edit_url = reverse("wagtailadmin_pages:edit", args=[self.maji.pk])

        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(edit_url, {"action": "publish"})

        self.maji.refresh_from_db()
        self.assertNotIn("near your home", self.maji.summary)

        sync_url = reverse(
            "wagtail_localize:update_translations", args=[self.translation.source_id]
        )
        self.assertEqual(self.client.get(sync_url).status_code, 200)
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(sync_url, {"publish_translations": "on"})
        self.maji.refresh_from_db()
        self.assertNotIn("near your home", self.maji.summary)

    def test_translating_the_change_brings_it_up_to_date(self):
        self.change_the_english_summary()
        self.client.force_login(self.moderator)
        (segment,) = missing_strings(self.translation)
        new_words = "Una haki ya kupata maji safi na salama, karibu na nyumbani kwako."
        self.put_translation(self.translation, segment, new_words)

        # wagtail-localize publishes once the request's transaction commits.
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(
                reverse("wagtailadmin_pages:edit", args=[self.maji.pk]), {"action": "publish"}
            )

        maji = RightPage.objects.get(pk=self.maji.pk)
        self.assertEqual(maji.summary, new_words)
        self.assertEqual(translation_state(maji), UP_TO_DATE)
        self.assertContains(self.client.get(maji.url), "karibu na nyumbani kwako")
