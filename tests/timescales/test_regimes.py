from datetime import date

import pytest

from frontdoor.accounts.models import LocalAuthority
from frontdoor.timescales.regimes import Regime, Step, Unit, timescale_for


@pytest.mark.parametrize(
    ("step", "regime", "length", "unit"),
    [
        (Step.INITIAL_ASSESSMENT, Regime.WT2010, 7, Unit.WORKING_DAYS),
        (Step.CORE_ASSESSMENT, Regime.WT2010, 35, Unit.WORKING_DAYS),
        (Step.SINGLE_ASSESSMENT, Regime.CURRENT, 45, Unit.WORKING_DAYS),
        (Step.INITIAL_CONFERENCE, Regime.WT2010, 15, Unit.WORKING_DAYS),
        (Step.INITIAL_CONFERENCE, Regime.CURRENT, 15, Unit.WORKING_DAYS),
        (Step.FIRST_CORE_GROUP, Regime.CURRENT, 10, Unit.WORKING_DAYS),
        (Step.FIRST_REVIEW_CONFERENCE, Regime.CURRENT, 3, Unit.CALENDAR_MONTHS),
        (Step.LATER_REVIEW_CONFERENCE, Regime.CURRENT, 6, Unit.CALENDAR_MONTHS),
        (Step.CONTACT_DECISION, Regime.CURRENT, 1, Unit.WORKING_DAYS),
        (Step.EDT_ACKNOWLEDGEMENT, Regime.CURRENT, 1, Unit.WORKING_DAYS),
        (Step.REFERRER_FEEDBACK, Regime.WT2010, 1, Unit.WORKING_DAYS),
    ],
)
def test_the_statutory_timescales(step: Step, regime: Regime, length: int, unit: Unit) -> None:
    timescale = timescale_for(step, regime=regime)
    assert (timescale.length, timescale.unit) == (length, unit)


def test_a_step_the_regime_does_not_have_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="Single assessment has no timescale under the 2010"):
        timescale_for(Step.SINGLE_ASSESSMENT, regime=Regime.WT2010)
    with pytest.raises(ValueError, match="Initial assessment has no timescale under the Current"):
        timescale_for(Step.INITIAL_ASSESSMENT, regime=Regime.CURRENT)


def test_an_unknown_step_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="unknown step"):
        timescale_for("lunch", regime=Regime.CURRENT)


def test_lengths_read_as_english() -> None:
    assert timescale_for(Step.CONTACT_DECISION, regime=Regime.CURRENT).length_text == "1 working day"
    assert timescale_for(Step.SINGLE_ASSESSMENT, regime=Regime.CURRENT).length_text == "45 working days"
    assert timescale_for(Step.CP_VISIT, regime=Regime.CURRENT).length_text == "Council setting"


def test_work_started_before_the_change_keeps_the_2010_regime() -> None:
    council = LocalAuthority(regime=Regime.CURRENT, regime_changed_on=date(2014, 4, 1))
    assert council.regime_on(date(2014, 3, 31)) == Regime.WT2010
    assert council.regime_on(date(2014, 4, 1)) == Regime.CURRENT


def test_a_council_still_on_the_2010_regime_uses_it_for_all_work() -> None:
    council = LocalAuthority(regime=Regime.WT2010, regime_changed_on=None)
    assert council.regime_on(date(2026, 11, 26)) == Regime.WT2010


def test_visit_intervals_come_from_the_council() -> None:
    council = LocalAuthority(cp_visit_interval_working_days=15)
    assert council.timescale_length(timescale_for(Step.CP_VISIT, regime=Regime.CURRENT)) == 15
    assert council.timescale_length(timescale_for(Step.SINGLE_ASSESSMENT, regime=Regime.CURRENT)) == 45
