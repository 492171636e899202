from django.test import SimpleTestCase

from notify.gsm import (
    fit_sms,
    fits,
    is_gsm7,
    segment_count,
    septet_count,
    shorten,
    to_gsm7,
)

LINK = "https://huduma.example.ke/track/" + "A" * 43 + "/"


class AlphabetTests(SimpleTestCase):
    def test_plain_text_and_gsm_letters_are_kept(self):
        text = "Maji hayapatikani Kibera. Café @ £5, Øre, Ñoño, ¿Qué? Δ_"
        self.assertTrue(is_gsm7(text))
        self.assertEqual(to_gsm7(text), text)

    def test_typographic_punctuation_gets_its_plain_spelling(self):
        self.assertEqual(
            to_gsm7("\u201cMaji\u201d \u2018leo\u2019 \u2013 kesho \u2014 baadaye\u2026"),
            "\"Maji\" 'leo' - kesho - baadaye...",
        )

    def test_accented_letters_outside_gsm_lose_their_accent(self):
        self.assertEqual(to_gsm7("façade São Paulo Ème Ångström"), "facade Sao Paulo Eme Ångström")
        # é and è are GSM-7 letters already
        self.assertEqual(to_gsm7("é è"), "é è")

    def test_spaces_invisible_and_unknown_characters(self):
        self.assertEqual(to_gsm7("a\u00a0b\u2009c\td"), "a b c d")
        self.assertEqual(to_gsm7("zero\u200bwidth\ufeff"), "zerowidth")
        self.assertEqual(to_gsm7("Asante 🙏 ✓"), "Asante ? ?")
        self.assertEqual(to_gsm7("line\r\nbreak"), "line\nbreak")
        self.assertTrue(is_gsm7(to_gsm7("Ελληνικά русский 中文 ﬁ ²")))

    def test_extended_characters_stay_but_cost_two(self):
        self.assertEqual(to_gsm7("€[]{}~|^\\"), "€[]{}~|^\\")
        self.assertEqual(septet_count("€"), 2)
        self.assertEqual(septet_count("a€[b"), 6)


class SegmentTests(SimpleTestCase):
    def test_single_and_concatenated_limits(self):
        self.assertEqual(segment_count(""), 0)
        self.assertEqual(segment_count("a" * 160), 1)
        self.assertEqual(segment_count("a" * 161), 2)
        self.assertEqual(segment_count("a" * 306), 2)
        self.assertEqual(segment_count("a" * 307), 3)

    def test_extended_characters_count_double(self):
        self.assertEqual(segment_count("€" * 80), 1)
        self.assertEqual(segment_count("€" * 81), 2)

    def test_an_escaped_character_is_never_split_between_parts(self):
        # 306 septets, but the € cannot straddle the 153-septet boundary: three parts.
        text = "a" * 152 + "€" + "a" * 152
        self.assertEqual(septet_count(text), 306)
        self.assertEqual(segment_count(text), 3)
        self.assertFalse(fits(text))
        self.assertTrue(fits("a" * 152 + "€" + "a" * 151))


class ShortenTests(SimpleTestCase):
    def test_shorten_cuts_at_a_word_and_marks_the_cut(self):
        text = "The new pipe was laid on Monday and water flows again"
        short = shorten(text, 30)
        self.assertTrue(short.endswith("..."))
        self.assertLessEqual(septet_count(short), 30)
        self.assertEqual(short, "The new pipe was laid on...")

    def test_short_enough_text_is_not_touched(self):
        self.assertEqual(shorten("Maji", 10), "Maji")


class FitSmsTests(SimpleTestCase):
    def test_a_short_message_is_unchanged(self):
        self.assertEqual(
            fit_sms("Case HUD-2026-000001 received. ", LINK),
            f"Case HUD-2026-000001 received. {LINK}",
        )

    def test_a_long_message_fits_two_segments_and_keeps_the_link(self):
        text = "Response: " + "The county will repair the borehole next week. " * 20
        result = fit_sms(text, keep_suffix=LINK)
        self.assertLessEqual(segment_count(result), 2)
        self.assertTrue(result.endswith(LINK))
        self.assertIn("...", result)
        self.assertTrue(result.startswith("Response: The county will repair"))
        # Little room is wasted: the result uses most of the 306 septets.
        self.assertGreater(septet_count(result), 290)

    def test_non_gsm_text_is_replaced_not_switched_to_unicode(self):
        text = "\u201cJibu\u201d \u2014 " + "maji yatarudi kesho\u2026 " * 30
        result = fit_sms(text, keep_suffix=LINK)
        self.assertTrue(is_gsm7(result))
        self.assertLessEqual(segment_count(result), 2)
        self.assertTrue(result.startswith('"Jibu" - maji'))

    def test_extended_characters_are_counted_double_when_fitting(self):
        result = fit_sms("€" * 400, keep_suffix=LINK)
        self.assertLessEqual(segment_count(result), 2)
        self.assertTrue(result.endswith(LINK))

    def test_without_suffix(self):
        result = fit_sms("word " * 200)
        self.assertLessEqual(segment_count(result), 2)
        self.assertTrue(result.endswith("..."))

    def test_a_suffix_too_long_to_keep_is_shortened_with_the_rest(self):
        result = fit_sms("text", keep_suffix="x" * 400)
        self.assertLessEqual(segment_count(result), 2)

    def test_a_separating_space_is_kept_before_the_link(self):
        result = fit_sms("a " * 300, keep_suffix=LINK)
        self.assertIn(f"... {LINK}", result)
