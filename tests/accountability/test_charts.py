from django.template.loader import render_to_string
from django.test import SimpleTestCase

from accountability.charts import BAR_SPACE, BarSpec, horizontal_bars, monthly_columns
from accountability.report import count_cell, days_cell
from accountability.suppression import Status


def bars(*specs):
    return horizontal_bars("chart-test", "Test chart", "A test.", list(specs))


class HorizontalBarTests(SimpleTestCase):
    def test_bars_scale_to_the_largest_shown_value(self):
        chart = bars(
            BarSpec("Resolved", count_cell(40, Status.SHOWN)),
            BarSpec("Spam", count_cell(10, Status.SHOWN)),
        )
        self.assertEqual([bar.width for bar in chart.bars], [BAR_SPACE, BAR_SPACE / 4])
        self.assertEqual([bar.value_text for bar in chart.bars], ["40", "10"])

    def test_a_suppressed_cell_has_no_bar_only_its_words(self):
        chart = bars(
            BarSpec("Resolved", count_cell(40, Status.SHOWN)),
            BarSpec("Spam", count_cell(3, Status.FEWER_THAN)),
            BarSpec("Duplicate", count_cell(9, Status.HIDDEN)),
        )
        spam, duplicate = chart.bars[1:]
        self.assertTrue(spam.is_suppressed and duplicate.is_suppressed)
        self.assertEqual((spam.width, spam.value_text), (0, "fewer than 5"))
        self.assertEqual(duplicate.value_text, "not shown")
        svg = render_to_string("accountability/includes/chart.html", {"chart": chart})
        self.assertEqual(svg.count("<rect"), 2 + 1 + 1)  # two patterns, background, Resolved
        self.assertIn("Resolved: 40; Spam: fewer than 5; Duplicate: not shown.", svg)

    def test_no_response_is_striped_and_bold_not_only_red(self):
        chart = bars(BarSpec("No response", count_cell(12, Status.SHOWN), is_emphasised=True))
        bar = chart.bars[0]
        self.assertEqual(bar.fill, "url(#chart-test-stripes-red)")
        svg = render_to_string("accountability/includes/chart.html", {"chart": chart})
        self.assertIn('font-weight="bold">No response</text>', svg)

    def test_days_are_labelled_with_their_unit(self):
        chart = bars(BarSpec("Nairobi City", days_cell(4.25, 9)))
        self.assertEqual(chart.bars[0].value_text, "4.2 days")

    def test_svg_has_title_description_and_role(self):
        chart = bars(BarSpec("Resolved", count_cell(40, Status.SHOWN)))
        svg = render_to_string("accountability/includes/chart.html", {"chart": chart})
        self.assertIn('role="img" aria-labelledby="chart-test-title chart-test-desc"', svg)
        self.assertIn('<title id="chart-test-title">Test chart</title>', svg)
        self.assertIn('<desc id="chart-test-desc">A test. Resolved: 40.', svg)


class MonthlyColumnTests(SimpleTestCase):
    def test_suppressed_months_are_starred_and_explained(self):
        cells = [count_cell(120, Status.SHOWN), count_cell(2, Status.FEWER_THAN)]
        chart = monthly_columns(
            "chart-months", "Months", "Months.", ["May 2026", "June 2026"], [("Received", cells)]
        )
        self.assertFalse(chart.bars[0].is_suppressed)
        self.assertTrue(chart.bars[1].is_suppressed)
        self.assertIn("not shown", chart.note.text)
        svg = render_to_string("accountability/includes/chart.html", {"chart": chart})
        self.assertIn(">*</text>", svg)
        self.assertIn(">May 2026</text>", svg)
