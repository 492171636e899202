"""Small-number suppression for every public figure: pure functions, no database.

Primary suppression: a count from 1 to 4 is shown as "fewer than 5" (zero is shown: it says
nothing about anyone). A rate or median worked out from fewer than 5 cases is not shown either.

Secondary suppression: the dashboard's tables are lines of counts that add up to a published
total (outcomes to the cases closed, months to the cases received, authorities to the cases
forwarded...). Subtracting the visible cells from the total would give away a lone suppressed
cell, so more cells are hidden, the smallest first, until no suppressed small count can be
worked out exactly. The check assumes the reader knows these rules: every other small cell
holds 1 to 4 and every hidden cell at least 5. When no cell is left to hide, the total is
hidden too.
"""

from dataclasses import dataclass
from enum import StrEnum

THRESHOLD = 5


class Status(StrEnum):
    SHOWN = "shown"
    FEWER_THAN = "fewer_than"  # primary: a small count (or a statistic from few cases)
    HIDDEN = "hidden"  # secondary: hidden so that a small count cannot be worked out


def is_small(count, threshold=THRESHOLD):
    return 0 < count < threshold


def protect_statistic(base, threshold=THRESHOLD):
    """The status of a rate or median computed from ``base`` cases."""
    return Status.SHOWN if base >= threshold else Status.FEWER_THAN


@dataclass(frozen=True)
class ProtectedLine:
    cells: tuple[Status, ...]
    total: Status


def protect_line(values, *, has_total=True, threshold=THRESHOLD):
    """Statuses for a line of counts and for its total (their sum).

    ``has_total=False`` is for counts whose sum is published nowhere: only primary
    suppression applies then.
    """
    values = [int(value) for value in values]
    if any(value < 0 for value in values):
        raise ValueError("Counts cannot be negative.")
    statuses = [
        Status.FEWER_THAN if is_small(value, threshold) else Status.SHOWN for value in values
    ]
    total = sum(values)
    if is_small(total, threshold):
        # The total itself is shown as "fewer than 5": nothing can be subtracted from it.
        return ProtectedLine(tuple(statuses), Status.FEWER_THAN)
    if not has_total:
        return ProtectedLine(tuple(statuses), Status.HIDDEN)
    total_status = Status.SHOWN
    while can_work_out_a_small_cell(values, statuses, threshold):
        candidate = _smallest_shown(values, statuses)
        if candidate is None:
            total_status = Status.HIDDEN
            break
        statuses[candidate] = Status.HIDDEN
    return ProtectedLine(tuple(statuses), total_status)


def can_work_out_a_small_cell(values, statuses, threshold=THRESHOLD):
    """Whether a reader who sees the total and the shown cells can tell a small cell's value.

    All small cells are alike to the reader, so it is enough to bound one of them: its value
    is what the total leaves after the shown cells, the other small cells (1 to
    ``threshold - 1`` each) and the hidden cells (at least ``threshold`` each, no upper bound).
    """
    small = sum(1 for status in statuses if status == Status.FEWER_THAN)
    if not small:
        return False
    hidden = sum(1 for status in statuses if status == Status.HIDDEN)
    shown_sum = sum(
        value for value, status in zip(values, statuses, strict=True) if status == Status.SHOWN
    )
    remainder = sum(values) - shown_sum
    others = small - 1
    highest = min(threshold - 1, remainder - others - hidden * threshold)
    lowest = 1 if hidden else max(1, remainder - others * (threshold - 1))
    return highest <= lowest


def _smallest_shown(values, statuses):
    """The position of the smallest shown non-zero count (the first of equals), or None."""
    candidates = [
        (value, position)
        for position, (value, status) in enumerate(zip(values, statuses, strict=True))
        if status == Status.SHOWN and value > 0
    ]
    return min(candidates)[1] if candidates else None
