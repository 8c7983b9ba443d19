from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from frontdoor.timescales.calendar import ENGLAND
from frontdoor.timescales.clocks import ClockState, add_months, clock_for, due_for
from frontdoor.timescales.regimes import Regime, Step, timescale_for

LONDON = ZoneInfo("Europe/London")


def at(day: date, hour: int = 12, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=LONDON)


def single_assessment(started: date, now: datetime, completed: date | None = None):
    return clock_for(
        Step.SINGLE_ASSESSMENT,
        started=started,
        regime=Regime.CURRENT,
        completed=completed,
        now=now,
        calendar=ENGLAND,
    )


REFERRAL = date(2026, 9, 1)  # a Tuesday; 45 working days later is Tuesday 3 November 2026


def test_a_single_assessment_is_due_45_working_days_after_referral() -> None:
    clock = single_assessment(REFERRAL, now=at(date(2026, 9, 2)))
    assert clock.due_date == date(2026, 11, 3)
    assert clock.working_days_elapsed == 1
    assert clock.working_days_remaining == 44
    assert clock.state == ClockState.ON_TIME
    assert clock.summary == "Due in 44 working days"


@pytest.mark.parametrize(
    ("now", "state", "summary"),
    [
        (at(date(2026, 10, 29)), ClockState.ON_TIME, "Due in 3 working days"),
        (at(date(2026, 10, 30)), ClockState.DUE_SOON, "Due in 2 working days"),
        (at(date(2026, 11, 2)), ClockState.DUE_SOON, "Due in 1 working day"),
        (at(date(2026, 11, 3)), ClockState.DUE_TODAY, "Due today"),
        (at(date(2026, 11, 4)), ClockState.OVERDUE, "1 working day overdue"),
        (at(date(2026, 11, 9)), ClockState.OVERDUE, "4 working days overdue"),
    ],
)
def test_an_open_clock_moves_from_due_soon_to_overdue(now: datetime, state: ClockState, summary: str) -> None:
    clock = single_assessment(REFERRAL, now=now)
    assert (clock.state, clock.summary) == (state, summary)


def test_completed_clocks_say_whether_they_were_on_time() -> None:
    on_time = single_assessment(REFERRAL, now=at(date(2026, 12, 1)), completed=date(2026, 11, 3))
    late = single_assessment(REFERRAL, now=at(date(2026, 12, 1)), completed=date(2026, 11, 4))
    assert on_time.state == ClockState.COMPLETED_ON_TIME
    assert late.state == ClockState.COMPLETED_LATE
    assert late.working_days_elapsed == 46


def test_a_contact_received_on_friday_evening_is_due_on_monday() -> None:
    clock = clock_for(
        Step.CONTACT_DECISION,
        started=at(date(2026, 11, 27), 18, 30),
        regime=Regime.CURRENT,
        now=at(date(2026, 11, 28)),
        calendar=ENGLAND,
    )
    assert clock.due_date == date(2026, 11, 30)
    assert clock.state == ClockState.DUE_SOON


def test_an_emergency_duty_handover_is_due_at_nine_on_the_next_working_day() -> None:
    clock = clock_for(
        Step.EDT_HANDOVER,
        started=at(date(2026, 12, 24), 22, 15),
        regime=Regime.CURRENT,
        now=at(date(2026, 12, 25)),
        calendar=ENGLAND,
    )
    assert clock.due == datetime(2026, 12, 29, 9, 0, tzinfo=LONDON)
    late = clock_for(
        Step.EDT_HANDOVER,
        started=at(date(2026, 12, 24), 22, 15),
        regime=Regime.CURRENT,
        now=at(date(2026, 12, 29), 9, 1),
        calendar=ENGLAND,
    )
    assert late.state == ClockState.OVERDUE


def test_review_conferences_count_calendar_months() -> None:
    clock = clock_for(
        Step.FIRST_REVIEW_CONFERENCE,
        started=date(2026, 11, 30),
        regime=Regime.CURRENT,
        now=at(date(2026, 12, 1)),
        calendar=ENGLAND,
    )
    assert clock.due_date == date(2027, 2, 28)


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2026, 8, 31), 6, date(2027, 2, 28)),
        (date(2026, 11, 15), 3, date(2027, 2, 15)),
        (date(2026, 3, 31), -1, date(2026, 2, 28)),
    ],
)
def test_add_months_keeps_the_day_or_the_last_day_of_a_shorter_month(start: date, months: int, expected: date) -> None:
    assert add_months(start, months) == expected


def test_council_setting_steps_need_their_length() -> None:
    with pytest.raises(ValueError, match="needs its length from the council settings"):
        clock_for(Step.CP_VISIT, started=REFERRAL, regime=Regime.CURRENT, calendar=ENGLAND)
    clock = clock_for(
        Step.CP_VISIT, started=REFERRAL, regime=Regime.CURRENT, length=10, now=at(REFERRAL), calendar=ENGLAND
    )
    assert clock.due_date == date(2026, 9, 15)


def test_naive_datetimes_are_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        clock_for(
            Step.CONTACT_DECISION,
            started=datetime(2026, 11, 26, 10, 0),
            regime=Regime.CURRENT,
            calendar=ENGLAND,
        )


def test_out_of_hours_work_is_acknowledged_by_ten_the_next_working_morning() -> None:
    timescale = timescale_for(Step.EDT_ACKNOWLEDGEMENT, regime=Regime.CURRENT)
    friday_night = at(date(2026, 11, 20), hour=23)
    assert due_for(timescale, friday_night, calendar=ENGLAND, zone=LONDON) == at(date(2026, 11, 23), hour=10)
