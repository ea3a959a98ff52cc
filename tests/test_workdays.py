"""Deadlines in Danish working days, around Easter, Christmas and Constitution Day."""

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from portal.workdays import add_working_days, is_working_day, working_days_between


@pytest.mark.parametrize(
    ("start", "days", "due"),
    [
        # Easter 2026: Skærtorsdag 2 April to Anden påskedag 6 April.
        (date(2026, 4, 1), 1, date(2026, 4, 7)),
        (date(2026, 4, 1), 2, date(2026, 4, 8)),
        (date(2026, 3, 31), 10, date(2026, 4, 17)),
        # Easter 2027: 25-29 March.
        (date(2027, 3, 24), 1, date(2027, 3, 30)),
        # Christmas and New Year 2026 (24, 25, 26 and 31 December, 1 January).
        (date(2026, 12, 23), 1, date(2026, 12, 28)),
        (date(2026, 12, 23), 4, date(2027, 1, 4)),
        # Constitution Day, Friday 5 June 2026.
        (date(2026, 6, 4), 1, date(2026, 6, 8)),
        # Received on a Saturday: the clock starts on Monday.
        (date(2026, 11, 21), 0, date(2026, 11, 23)),
        (date(2026, 11, 21), 2, date(2026, 11, 25)),
        # Arbejdernes kampdag, Friday 1 May 2026.
        (date(2026, 5, 1), 0, date(2026, 5, 4)),
    ],
)
def test_deadlines_skip_weekends_and_holidays(start, days, due):
    assert add_working_days(start, days) == due


def test_great_prayer_day_is_a_working_day_since_its_abolition():
    assert is_working_day(date(2027, 4, 23))


def test_constitution_day_and_christmas_eve_count_as_holidays_by_default():
    assert not is_working_day(date(2026, 6, 5))
    assert not is_working_day(date(2026, 12, 24))


def test_optional_days_can_be_counted_as_working_days(settings):
    settings.ENQUIRY_COUNT_OPTIONAL_HOLIDAYS = False
    from portal import workdays

    workdays._holidays.cache_clear()
    try:
        assert is_working_day(date(2026, 6, 5))
        assert not is_working_day(date(2026, 12, 25))
    finally:
        workdays._holidays.cache_clear()


days = st.dates(min_value=date(2024, 1, 1), max_value=date(2035, 12, 31))


@settings(max_examples=300, deadline=None)
@given(start=days, count=st.integers(min_value=0, max_value=40))
def test_a_deadline_is_a_working_day_and_never_before_the_start(start, count):
    due = add_working_days(start, count)
    assert is_working_day(due)
    assert due >= start
    # Counted from the first working day on or after the start, exactly `count` working days.
    first = add_working_days(start, 0)
    assert working_days_between(first, due) == count


@settings(max_examples=200, deadline=None)
@given(start=days, count=st.integers(min_value=1, max_value=30))
def test_one_more_working_day_is_always_later(start, count):
    assert add_working_days(start, count) > add_working_days(start, count - 1)
    assert add_working_days(start, count) - add_working_days(start, count - 1) >= timedelta(days=1)


@settings(max_examples=300, deadline=None)
@given(start=days, length=st.integers(min_value=0, max_value=800))
def test_counting_working_days_agrees_with_walking_day_by_day(start, length):
    end = start + timedelta(days=length)
    walked = sum(
        1 for offset in range(1, length + 1) if is_working_day(start + timedelta(days=offset))
    )
    assert working_days_between(start, end) == walked
