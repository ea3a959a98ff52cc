"""Danish working days, for every deadline in the portal (enquiries, proposals, reports).

Public holidays come from the `holidays` package. Whether the days municipal offices
usually close (Arbejdernes kampdag, Grundlovsdag, Juleaftensdag, Nytårsaften) count as
holidays is the setting ENQUIRY_COUNT_OPTIONAL_HOLIDAYS (on by default).
"""

from datetime import date, timedelta
from functools import lru_cache

import holidays
from django.conf import settings


@lru_cache(maxsize=64)
def _holidays(year: int, include_optional: bool) -> frozenset[date]:
    categories = ("public", "optional") if include_optional else ("public",)
    return frozenset(holidays.country_holidays("DK", years=year, categories=categories))


def _include_optional() -> bool:
    return getattr(settings, "ENQUIRY_COUNT_OPTIONAL_HOLIDAYS", True)


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in _holidays(day.year, _include_optional())


def next_working_day(day: date) -> date:
    """`day` itself when it is a working day, else the first working day after it."""
    while not is_working_day(day):
        day += timedelta(days=1)
    return day


def add_working_days(start: date, days: int) -> date:
    """The working day `days` working days after `start` (0 means the next working day
    on or after `start`). Something received on a Saturday with 2 working days to go is due
    on Tuesday."""
    if days < 0:
        raise ValueError("days must not be negative")
    day = next_working_day(start)
    for _ in range(days):
        day = next_working_day(day + timedelta(days=1))
    return day


def working_days_between(start: date, end: date) -> int:
    """How many working days lie after `start` up to and including `end` (0 if end <= start).

    Counted with arithmetic (weekdays in whole weeks, then the rest, less the holidays on
    weekdays), so a queue of long-overdue enquiries costs no day-by-day loops.
    """
    if end <= start:
        return 0
    whole_weeks, rest = divmod((end - start).days, 7)
    count = whole_weeks * 5
    day = start + timedelta(days=whole_weeks * 7)
    for _ in range(rest):
        day += timedelta(days=1)
        if day.weekday() < 5:
            count += 1
    include_optional = _include_optional()
    for year in range(start.year, end.year + 1):
        count -= sum(
            1
            for holiday in _holidays(year, include_optional)
            if start < holiday <= end and holiday.weekday() < 5
        )
    return count
