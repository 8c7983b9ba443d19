from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from frontdoor.timescales.calendar import ENGLAND, WorkingCalendar, working_hours_between

add_working_days = ENGLAND.add_working_days
working_days_between = ENGLAND.working_days_between
is_working_day = ENGLAND.is_working_day


@pytest.mark.parametrize(
    ("start", "n", "expected", "why"),
    [
        (date(2025, 12, 19), 7, date(2026, 1, 2), "Christmas, Boxing Day and New Year's Day skipped"),
        (date(2025, 4, 17), 1, date(2025, 4, 22), "Good Friday and Easter Monday 2025"),
        (date(2025, 5, 2), 1, date(2025, 5, 6), "early May bank holiday 2025"),
        (date(2025, 5, 23), 1, date(2025, 5, 27), "spring (late May) bank holiday 2025"),
        (date(2022, 6, 1), 1, date(2022, 6, 6), "Platinum Jubilee: Thursday 2 and Friday 3 June 2022"),
        (date(2023, 5, 5), 1, date(2023, 5, 9), "Coronation of Charles III, Monday 8 May 2023"),
        (date(2022, 9, 16), 1, date(2022, 9, 20), "State funeral of Elizabeth II, 19 September 2022"),
        (date(2022, 12, 23), 1, date(2022, 12, 28), "Christmas Day 2022 substituted on Tuesday 27th"),
        (date(2021, 12, 24), 1, date(2021, 12, 29), "Christmas and Boxing Day 2021 at a weekend"),
        (date(2021, 12, 31), 1, date(2022, 1, 4), "New Year's Day 2022 substituted on Monday 3rd"),
        (date(2020, 5, 7), 1, date(2020, 5, 11), "early May 2020 moved to Friday 8 May for VE Day"),
        (date(2026, 11, 28), 1, date(2026, 11, 30), "day 0 on a Saturday: Monday is the first working day"),
        (date(2026, 11, 26), 0, date(2026, 11, 26), "0 working days is day 0 itself"),
        (date(2026, 1, 2), -7, date(2025, 12, 19), "counting back over Christmas"),
        (date(2026, 11, 28), -1, date(2026, 11, 27), "counting back from a Saturday"),
    ],
)
def test_add_working_days_over_real_dates(start: date, n: int, expected: date, why: str) -> None:
    assert add_working_days(start, n) == expected, why


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (date(2026, 11, 26), True),
        (date(2026, 11, 28), False),
        (date(2026, 11, 29), False),
        (date(2022, 6, 2), False),
        (date(2022, 6, 3), False),
        (date(2023, 5, 8), False),
        (date(2022, 12, 27), False),
        (date(2025, 12, 25), False),
        (date(2025, 12, 24), True),
    ],
)
def test_is_working_day(day: date, working: bool) -> None:
    assert is_working_day(day) is working


@pytest.mark.parametrize(
    ("a", "b", "count"),
    [
        (date(2025, 12, 19), date(2026, 1, 2), 7),
        (date(2026, 1, 2), date(2025, 12, 19), -7),
        (date(2026, 11, 26), date(2026, 11, 26), 0),
        (date(2026, 11, 27), date(2026, 11, 28), 0),
        (date(2026, 11, 27), date(2026, 11, 30), 1),
        (date(2026, 11, 28), date(2026, 11, 30), 1),
    ],
)
def test_working_days_between(a: date, b: date, count: int) -> None:
    assert working_days_between(a, b) == count


def test_the_issue_example() -> None:
    assert add_working_days(date(2025, 12, 19), 7) == date(2026, 1, 2)


@pytest.mark.parametrize(
    ("start", "n", "message"),
    [
        ("2025-01-01", 1, "start must be a date, not str"),
        (datetime(2025, 1, 1, 9, 0), 1, "start must be a date, not datetime"),
        (date(1800, 1, 1), 1, "out of range"),
        (date(2200, 1, 1), 1, "out of range"),
        (date(2025, 1, 1), 1.5, "whole number"),
        (date(2025, 1, 1), True, "whole number"),
    ],
)
def test_bad_input_is_a_value_error_that_says_why(start: object, n: object, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        add_working_days(start, n)  # type: ignore[arg-type]


def test_a_count_that_leaves_the_known_years_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="out of range"):
        add_working_days(date(2150, 12, 1), 100)


def test_closure_days_are_not_working_days() -> None:
    calendar = WorkingCalendar(closure_days=[date(2025, 12, 24), date(2025, 12, 29)])
    assert not calendar.is_working_day(date(2025, 12, 24))
    assert calendar.add_working_days(date(2025, 12, 19), 7) == date(2026, 1, 6)


def test_a_long_count_reaches_years_beyond_the_first_span() -> None:
    # About 250 working days a year: 5,000 of them run two decades ahead.
    day = add_working_days(date(2026, 1, 2), 5000)
    assert day.year in (2045, 2046)
    assert working_days_between(date(2026, 1, 2), day) == 5000


dates = st.dates(min_value=date(1960, 1, 1), max_value=date(2140, 12, 31))
counts = st.integers(min_value=0, max_value=400)
closures = st.lists(dates, max_size=20)


@given(day=dates, n=counts)
def test_counting_back_what_was_added_gives_the_same_number(day: date, n: int) -> None:
    assert working_days_between(day, add_working_days(day, n)) == n


@given(day=dates, n=st.integers(min_value=-400, max_value=400).filter(bool))
def test_a_count_never_lands_on_a_non_working_day(day: date, n: int) -> None:
    assert is_working_day(add_working_days(day, n))


@given(day=dates, n=counts, more=st.integers(min_value=0, max_value=50))
def test_more_working_days_is_never_earlier(day: date, n: int, more: int) -> None:
    assert add_working_days(day, n) <= add_working_days(day, n + more)


@given(day=dates, later=st.integers(min_value=0, max_value=30), n=counts)
def test_a_later_start_is_never_due_earlier(day: date, later: int, n: int) -> None:
    assert add_working_days(day, n) <= add_working_days(day + timedelta(days=later), n)


@given(day=dates, n=st.integers(min_value=1, max_value=60), closure_days=closures)
def test_the_properties_hold_with_closure_days(day: date, n: int, closure_days: list[date]) -> None:
    calendar = WorkingCalendar(closure_days)
    due = calendar.add_working_days(day, n)
    assert calendar.is_working_day(due)
    assert due not in closure_days
    assert calendar.working_days_between(day, due) == n
    assert due >= ENGLAND.add_working_days(day, n)


OPENS, CLOSES, FRIDAY_CLOSES = time(9, 0), time(17, 0), time(16, 30)


def office_hours(start: datetime, end: datetime) -> float:
    return working_hours_between(start, end, opens=OPENS, closes=CLOSES, friday_closes=FRIDAY_CLOSES, calendar=ENGLAND)


def test_working_hours_count_only_office_time() -> None:
    london = ZoneInfo("Europe/London")
    # Thursday 16:00 to Monday 10:00: an hour on Thursday, the short Friday, an hour on Monday.
    thursday = datetime(2026, 11, 19, 16, 0, tzinfo=london)
    monday = datetime(2026, 11, 23, 10, 0, tzinfo=london)
    assert office_hours(thursday, monday) == pytest.approx(1 + 7.5 + 1)


def test_working_hours_skip_bank_holidays() -> None:
    london = ZoneInfo("Europe/London")
    # Christmas Eve 2026 is a Thursday; Christmas Day and Boxing Day (moved to Monday) are not working days.
    christmas_eve = datetime(2026, 12, 24, 9, 0, tzinfo=london)
    tuesday = datetime(2026, 12, 29, 9, 0, tzinfo=london)
    assert office_hours(christmas_eve, tuesday) == pytest.approx(8)


def test_working_hours_need_aware_datetimes() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        office_hours(datetime(2026, 11, 19, 9, 0), datetime(2026, 11, 19, 10, 0))


def test_a_date_outside_the_calendar_is_a_validation_error_a_page_or_the_api_can_show() -> None:
    with pytest.raises(ValidationError, match="working days are known from 1950 to 2150"):
        add_working_days(date(178, 10, 19), 10)
