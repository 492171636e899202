import itertools

from django.test import SimpleTestCase

from accountability.suppression import (
    Status,
    can_work_out_a_small_cell,
    is_small,
    protect_line,
    protect_statistic,
)

SHOWN, FEWER, HIDDEN = Status.SHOWN, Status.FEWER_THAN, Status.HIDDEN


def possible_small_values(values, statuses, threshold=5, search_limit=40):
    """Brute force: for each small cell, every value a reader could believe it has, given the
    shown cells, the total, and the rules (small cells 1-4, hidden cells at least 5)."""
    total = sum(values)
    unknown = [i for i, status in enumerate(statuses) if status != SHOWN]
    shown_sum = sum(v for v, s in zip(values, statuses, strict=True) if s == SHOWN)
    ranges = [
        range(1, threshold) if statuses[i] == FEWER else range(threshold, search_limit)
        for i in unknown
    ]
    possible = {i: set() for i in unknown if statuses[i] == FEWER}
    for guess in itertools.product(*ranges):
        if shown_sum + sum(guess) == total:
            for i, value in zip(unknown, guess, strict=True):
                if i in possible:
                    possible[i].add(value)
    return possible


class PrimarySuppressionTests(SimpleTestCase):
    def test_counts_from_one_to_four_are_small(self):
        self.assertEqual([is_small(n) for n in range(7)], [False] + [True] * 4 + [False] * 2)

    def test_small_cells_are_marked_and_zero_and_large_ones_shown(self):
        line = protect_line([0, 1, 4, 5, 120, 3], has_total=False)
        self.assertEqual(line.cells, (SHOWN, FEWER, FEWER, SHOWN, SHOWN, FEWER))

    def test_a_small_total_is_itself_fewer_than_5(self):
        line = protect_line([3, 0, 0])
        self.assertEqual(line.cells, (FEWER, SHOWN, SHOWN))
        self.assertEqual(line.total, FEWER)

    def test_statistics_from_fewer_than_5_cases_are_suppressed(self):
        self.assertEqual(protect_statistic(4), FEWER)
        self.assertEqual(protect_statistic(0), FEWER)
        self.assertEqual(protect_statistic(5), SHOWN)

    def test_negative_counts_are_refused(self):
        with self.assertRaises(ValueError):
            protect_line([3, -1])


class SecondarySuppressionTests(SimpleTestCase):
    def test_a_lone_small_cell_takes_the_next_smallest_with_it(self):
        line = protect_line([2, 40, 9, 17])
        # 9 is hidden: otherwise 68 - 40 - 9 - 17 would give the 2 away.
        self.assertEqual(line.cells, (FEWER, SHOWN, HIDDEN, SHOWN))
        self.assertEqual(line.total, SHOWN)

    def test_two_small_cells_that_give_each_other_away_take_a_third(self):
        # 1 + 1 = 2 remain after the shown cells: both must be 1.
        line = protect_line([1, 1, 30, 12])
        self.assertEqual(line.cells, (FEWER, FEWER, SHOWN, HIDDEN))

    def test_two_small_cells_with_room_between_them_are_enough(self):
        line = protect_line([1, 3, 30])
        self.assertEqual(line.cells, (FEWER, FEWER, SHOWN))

    def test_a_line_of_only_small_cells_that_add_up_exactly_hides_the_total(self):
        # 4 + 4 = 8: both cells would be 4, and there is nothing else to hide.
        line = protect_line([4, 4, 0])
        self.assertEqual(line.cells, (FEWER, FEWER, SHOWN))
        self.assertEqual(line.total, HIDDEN)

    def test_zero_is_never_chosen_to_hide(self):
        line = protect_line([0, 3, 0, 8])
        self.assertEqual(line.cells, (SHOWN, FEWER, SHOWN, HIDDEN))

    def test_the_first_of_equal_cells_is_hidden(self):
        line = protect_line([2, 6, 6])
        self.assertEqual(line.cells, (FEWER, HIDDEN, SHOWN))

    def test_a_line_without_small_cells_is_left_alone(self):
        line = protect_line([5, 0, 70])
        self.assertEqual(line.cells, (SHOWN, SHOWN, SHOWN))
        self.assertEqual(line.total, SHOWN)

    def test_no_small_cell_can_be_worked_out_in_any_short_line(self):
        """Exhaustively, for every line of three counts up to 12: after protection, a reader
        who knows the rules can never pin a small cell down to one value."""
        for values in itertools.product(range(13), repeat=3):
            line = protect_line(values)
            with self.subTest(values=values):
                if line.total != SHOWN:
                    continue  # nothing to subtract from
                for cell, options in possible_small_values(values, line.cells).items():
                    self.assertGreater(len(options), 1, f"cell {cell} is {options}")

    def test_the_check_agrees_with_brute_force(self):
        for values in itertools.product(range(9), repeat=3):
            statuses = [FEWER if is_small(v) else SHOWN for v in values]
            if sum(values) < 5:
                continue
            exact = any(
                len(options) == 1 for options in possible_small_values(values, statuses).values()
            )
            with self.subTest(values=values):
                self.assertEqual(can_work_out_a_small_cell(values, statuses), exact)
