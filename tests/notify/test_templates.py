from django.core.exceptions import ValidationError
from django.test import SimpleTestCase, TestCase

from notify import events
from notify.default_texts import ANSWER_BY_SMS, AUTHORITY_SMS, EMAIL, SMS, all_default_texts
from notify.gsm import is_gsm7, segment_count
from notify.models import MessageTemplate
from notify.placeholders import PLACEHOLDERS, fill_placeholders, unknown_placeholders
from notify.rendering import render, render_sms, template_text

LINK = "https://huduma.example.go.ke/track/" + "x" * 43 + "/"
RESPOND_LINK = "https://huduma.example.go.ke/respond/123456." + "y" * 22 + "/"
LONG_VALUES = {
    **dict.fromkeys(PLACEHOLDERS, ""),
    "reference": "HUD-2026-000123",
    "status": "Forwarded",
    "authority": "Nairobi City Water and Sewerage Company",
    "response": "We fixed it. " * 60,
    "tracking_link": LINK,
    "respond_link": RESPOND_LINK,
    "sector": "Water and sanitation",
    "place": "Kibera, Olympic estate, behind the chief's camp near the market, Nairobi City " * 3,
    "access_code": "ABCD2345",
    "outcome": "Partly resolved",
    "due_date": "12 December 2026",
    "update": "A long reason. " * 30,
}
CITIZEN_EVENTS = events.citizen_events()
STAFF_EVENTS = events.staff_events()


class PlaceholderTests(SimpleTestCase):
    def test_known_placeholders_are_filled(self):
        self.assertEqual(
            fill_placeholders(
                "Case {reference} is {status}.", {"reference": "HUD-1", "status": "open"}
            ),
            "Case HUD-1 is open.",
        )

    def test_an_editors_typo_never_breaks_a_message(self):
        values = {"reference": "HUD-1"}
        for template, expected in [
            ("{refrence} stays", "{refrence} stays"),
            ("a stray { brace", "a stray { brace"),
            ("close } brace {", "close } brace {"),
            ("{0} and {}", "{0} and {}"),
            ("{reference.__class__}", "{reference.__class__}"),
            ("{reference!r:>20}", "{reference!r:>20}"),
            ("{ Reference }", "HUD-1"),
            ("", ""),
        ]:
            with self.subTest(template=template):
                self.assertEqual(fill_placeholders(template, values), expected)

    def test_unknown_placeholders_are_found(self):
        self.assertEqual(
            unknown_placeholders("{reference} {refrence} {Tracking_Link}"), ["refrence"]
        )


class ShippedTextTests(SimpleTestCase):
    def test_every_event_has_english_and_kiswahili(self):
        for language in ("en", "sw"):
            for event in CITIZEN_EVENTS:
                self.assertIn((event, language), SMS)
                self.assertIn((event, language), EMAIL)
            for event in STAFF_EVENTS:
                self.assertIn((event, language), EMAIL)

    def test_shipped_texts_use_only_known_placeholders(self):
        for event, channel, language, subject, body in all_default_texts():
            with self.subTest(event=event, channel=channel, language=language):
                self.assertEqual(unknown_placeholders(subject + body), [])

    def test_citizen_sms_end_with_the_tracking_link(self):
        for (event, language), body in SMS.items():
            with self.subTest(event=event, language=language):
                # The response says after the link how to answer it.
                ending = " " + ANSWER_BY_SMS[language] if event == "case_responded" else ""
                self.assertTrue(body.endswith("{tracking_link}" + ending))
                self.assertIn("{reference}", body)

    def test_the_response_ends_with_how_to_answer_by_sms(self):
        self.assertEqual(ANSWER_BY_SMS["en"], "Reply 1 if this solved your problem, 2 if not.")
        self.assertIn("1", ANSWER_BY_SMS["sw"])
        self.assertIn("2", ANSWER_BY_SMS["sw"])
        for language in ("en", "sw"):
            with self.subTest(language=language):
                text = render_sms(SMS[("case_responded", language)], LONG_VALUES)
                self.assertTrue(text.endswith(f"{LINK} {ANSWER_BY_SMS[language]}"))
                self.assertLessEqual(segment_count(text), 2)
                # The long response was shortened to make room, never the link or the answer.
                self.assertIn(f'..." {LINK}', text)
                self.assertIn('"We fixed it. We fixed it.', text)

    def test_every_sms_fits_two_segments_even_with_long_values(self):
        for (event, language), body in SMS.items():
            with self.subTest(event=event, language=language):
                text = render_sms(body, LONG_VALUES)
                self.assertTrue(is_gsm7(text))
                self.assertLessEqual(segment_count(text), 2)
                self.assertIn("HUD-2026-000123", text)
                self.assertIn(LINK, text)
                if event != "case_responded":
                    self.assertTrue(text.endswith(LINK))

    def test_authority_sms_fit_two_segments_with_the_response_link_whole(self):
        for (event, language), body in AUTHORITY_SMS.items():
            with self.subTest(event=event, language=language):
                self.assertTrue(body.endswith("{respond_link}"))
                text = render_sms(body, LONG_VALUES)
                self.assertTrue(is_gsm7(text))
                self.assertLessEqual(segment_count(text), 2)
                self.assertIn("HUD-2026-000123", text)
                self.assertIn("Water and sanitation", text)
                self.assertIn("Kibera, Olympic estate", text)
                self.assertTrue(text.endswith(RESPOND_LINK))

    def test_short_values_are_never_shortened(self):
        values = {
            **LONG_VALUES,
            "response": "Fixed.",
            "update": "Dry again.",
            "place": "Kibera, Nairobi City",
        }
        for (event, language), body in [*SMS.items(), *AUTHORITY_SMS.items()]:
            with self.subTest(event=event, language=language):
                self.assertNotIn("...", render_sms(body, values))

    def test_the_acknowledgement_fits_one_segment_without_the_link(self):
        # The part before the link stays short, so that the link never pushes it to three.
        for language in ("en", "sw"):
            text = render_sms(
                SMS[("case_received", language)], {**LONG_VALUES, "tracking_link": ""}
            )
            self.assertLessEqual(len(text), 160)


class MessageTemplateTests(TestCase):
    def test_the_migration_ships_every_text(self):
        self.assertEqual(MessageTemplate.objects.count(), len(list(all_default_texts())))
        template = MessageTemplate.objects.get(event="case_received", channel="sms", language="sw")
        self.assertEqual(template.body, SMS[("case_received", "sw")])

    def test_an_edited_template_is_used(self):
        MessageTemplate.objects.filter(event="case_closed", channel="sms", language="en").update(
            body="Closed: {reference}. {tracking_link}"
        )
        subject, text = render("case_closed", "sms", "en", {**LONG_VALUES})
        self.assertEqual(text, f"Closed: HUD-2026-000123. {LINK}")

    def test_a_deleted_template_falls_back_to_the_shipped_text_in_the_same_language(self):
        MessageTemplate.objects.filter(event="case_closed", channel="sms").delete()
        self.assertEqual(
            template_text("case_closed", "sms", "sw"), ("", SMS[("case_closed", "sw")])
        )

    def test_a_missing_language_falls_back_to_english(self):
        self.assertEqual(
            template_text("case_closed", "sms", "xx"),
            (
                "",
                MessageTemplate.objects.get(event="case_closed", channel="sms", language="en").body,
            ),
        )

    def test_an_email_subject_never_spans_lines(self):
        MessageTemplate.objects.filter(event="case_closed", channel="email", language="en").update(
            subject="Closed\n{reference}"
        )
        subject, text = render("case_closed", "email", "en", LONG_VALUES)
        self.assertEqual(subject, "Closed HUD-2026-000123")

    def test_validation_flags_unknown_placeholders(self):
        template = MessageTemplate(
            event="case_closed", channel="sms", language="en", body="Case {refrence} closed."
        )
        with self.assertRaises(ValidationError) as raised:
            template.full_clean(validate_unique=False)
        self.assertIn("{refrence}", str(raised.exception))

    def test_one_template_per_event_channel_and_language(self):
        duplicate = MessageTemplate(
            event="case_closed", channel="sms", language="en", body="Closed {reference}"
        )
        with self.assertRaises(ValidationError):
            duplicate.full_clean()


class GlossaryMigrationTests(TestCase):
    """notify/migrations/0004: the shipped Kiswahili texts follow docs/glossary.md, and only
    templates nobody edited are brought up to date."""

    def test_unedited_templates_get_the_new_words_and_edited_ones_are_kept(self):
        from importlib import import_module

        from django.apps import apps

        from notify.models import MessageTemplate

        migration = import_module("notify.migrations.0006_kiswahili_texts_to_the_glossary")
        (old_subject, old_body), (new_subject, new_body) = migration.CHANGES[
            ("case_received", "email", "sw")
        ]
        unedited = MessageTemplate.objects.get(
            event="case_received", channel="email", language="sw"
        )
        unedited.subject, unedited.body = old_subject, old_body
        unedited.save()
        edited = MessageTemplate.objects.get(event="case_received", channel="sms", language="sw")
        edited.body = "Huduma Portal: ripoti {reference} imefika. {tracking_link}"
        edited.save()

        migration.forwards(apps, None)

        unedited.refresh_from_db()
        edited.refresh_from_db()
        self.assertEqual((unedited.subject, unedited.body), (new_subject, new_body))
        self.assertIn("Nambari ya kumbukumbu", unedited.body)
        self.assertNotIn("malalamiko", unedited.body)
        self.assertEqual(edited.body, "Huduma Portal: ripoti {reference} imefika. {tracking_link}")


class AnswerBySmsMigrationTests(TestCase):
    """notify/migrations/0009: the responded SMS of existing installations gains how to answer
    by SMS where nobody edited it, and authorities' SMS templates are added."""

    migration = "notify.migrations.0009_answer_by_sms_and_authority_sms"

    def test_unedited_responded_sms_get_the_answer_line_and_edited_ones_are_kept(self):
        from importlib import import_module

        from django.apps import apps

        migration = import_module(self.migration)
        old_en, new_en = migration.RESPONDED["en"]
        old_sw, new_sw = migration.RESPONDED["sw"]
        self.assertEqual(new_en, SMS[("case_responded", "en")])
        self.assertEqual(new_sw, SMS[("case_responded", "sw")])
        templates = MessageTemplate.objects.filter(event="case_responded", channel="sms")
        templates.filter(language="en").update(body=old_en)
        edited = "Huduma Portal: {authority} wamejibu {reference}. {tracking_link}"
        templates.filter(language="sw").update(body=edited)
        MessageTemplate.objects.filter(event="authority_new_case", channel="sms").delete()

        migration.forwards(apps, None)

        self.assertEqual(templates.get(language="en").body, new_en)
        self.assertTrue(new_en.endswith("Reply 1 if this solved your problem, 2 if not."))
        self.assertEqual(templates.get(language="sw").body, edited)
        for language in ("en", "sw"):
            added = MessageTemplate.objects.get(
                event="authority_new_case", channel="sms", language=language
            )
            self.assertEqual(added.body, AUTHORITY_SMS[("authority_new_case", language)])

    def test_backwards_restores_the_old_text(self):
        from importlib import import_module

        from django.apps import apps

        migration = import_module(self.migration)
        migration.backwards(apps, None)

        old_en, _new = migration.RESPONDED["en"]
        template = MessageTemplate.objects.get(event="case_responded", channel="sms", language="en")
        self.assertEqual(template.body, old_en)
        self.assertFalse(
            MessageTemplate.objects.filter(event="authority_new_case", channel="sms").exists()
        )


class ReminderSmsMigrationTests(TestCase):
    """notify/migrations/0010: the authority's reminder SMS templates are added where missing,
    and an installation's own text is kept."""

    migration = "notify.migrations.0010_authority_reminder_sms"

    def test_adds_the_shipped_texts_and_keeps_an_edited_one(self):
        from importlib import import_module

        from django.apps import apps

        migration = import_module(self.migration)
        for language in ("en", "sw"):
            self.assertEqual(
                migration.REMINDER_SMS[language], AUTHORITY_SMS[("authority_reminder", language)]
            )
        templates = MessageTemplate.objects.filter(event="authority_reminder", channel="sms")
        templates.filter(language="en").delete()
        templates.filter(language="sw").update(body="Ukumbusho: {reference}. {respond_link}")

        migration.forwards(apps, None)

        self.assertEqual(
            templates.get(language="en").body, AUTHORITY_SMS[("authority_reminder", "en")]
        )
        self.assertEqual(
            templates.get(language="sw").body, "Ukumbusho: {reference}. {respond_link}"
        )

        migration.backwards(apps, None)
        self.assertEqual(list(templates.values_list("language", flat=True)), ["sw"])

    def test_the_reminder_sms_fits_with_a_long_overdue_count_in_both_languages(self):
        for language in ("en", "sw"):
            with self.subTest(language=language):
                text = render_sms(
                    AUTHORITY_SMS[("authority_reminder", language)],
                    {**LONG_VALUES, "days_overdue": "1234"},
                )
                self.assertLessEqual(segment_count(text), 2)
                self.assertIn("12 December 2026", text)
                self.assertIn("1234", text)
                self.assertTrue(text.endswith(RESPOND_LINK))
