"""Working days in Kenya: weekends and Kenyan public holidays do not count towards due dates."""

import datetime
from functools import lru_cache

import holidays


@lru_cache(maxsize=32)
def kenyan_holidays(year):
    return holidays.country_holidays("KE", years=year)


def is_working_day(day: datetime.date) -> bool:
    return day.weekday() < 5 and day not in kenyan_holidays(day.year)


@lru_cache(maxsize=8192)  # due dates ask for the same few dates again and again
def add_working_days(start: datetime.date, days: int) -> datetime.date:
    """The date ``days`` working days after ``start`` (``start`` itself does not count)."""
    day = start
    remaining = days
    while remaining > 0:
        day += datetime.timedelta(days=1)
        if is_working_day(day):
            remaining -= 1
    return day
