"""Front Door's own census checks: a clean child passes, and each kind of mistake fires its DfE rule."""

from collections.abc import Callable
from datetime import date

import pytest

from frontdoor.returns.census.checks import ReturnChecks
from frontdoor.returns.census.periods import CensusYear
from frontdoor.returns.census.records import (
    CensusAssessment,
    CensusChild,
    CensusCinPlan,
    CensusCpPlan,
    CensusEpisode,
    CensusSection47,
)

YEAR = CensusYear.of(2026, today=date(2026, 11, 26))
pytestmark = pytest.mark.django_db  # the council calendar, for working-day rules


def clean_child(person_id: int = 1) -> CensusChild:
    """Referred in June 2025: assessed, a section 47 and a plan, stepped down to a child in need plan."""
    episode = CensusEpisode(
        referral_id=10 * person_id,
        referral_date=date(2025, 6, 2),
        source="2A",
        primary_need="N1",
        closed=None,
        closure_reason="",
        is_nfa=False,
        assessments=[CensusAssessment(1, date(2025, 6, 3), date(2025, 7, 10), ["3A", "16A"])],
        section_47s=[CensusSection47(1, date(2025, 6, 4), date(2025, 6, 25), date(2025, 6, 24), False)],
        cp_plans=[CensusCpPlan(1, date(2025, 6, 24), date(2025, 12, 1), "NEG", "EMO", 0, [date(2025, 9, 16)])],
        cin_plans=[CensusCinPlan(1, date(2025, 12, 1), None)],
    )
    return CensusChild(
        person_id=person_id,
        la_child_id=f"C{person_id:04d}",
        upn="",
        former_upn="",
        upn_unknown="UN2",
        birth_date=date(2015, 5, 5),
        expected_birth_date=None,
        sex="F",
        death_date=None,
        ethnicity="WBRI",
        disabilities=["NONE"],
        episodes=[episode],
    )


def rules_fired(child: CensusChild) -> set[str]:
    return {issue.rule for issue in ReturnChecks(YEAR).check(child)}


def test_a_clean_child_breaks_no_rule() -> None:
    assert rules_fired(clean_child()) == set()


def first(child: CensusChild) -> CensusEpisode:
    return child.episodes[0]


MISTAKES: dict[str, Callable[[CensusChild], None]] = {
    "1103": lambda c: setattr(first(c).assessments[0], "started", date(2025, 6, 1)),
    "8608": lambda c: setattr(first(c).assessments[0], "authorised", date(2025, 6, 2)),
    "8869": lambda c: setattr(first(c).assessments[0], "factors", ["21", "3A"]),
    "8898": lambda c: setattr(first(c).assessments[0], "factors", ["3A", "3A"]),
    "8897Q": lambda c: setattr(first(c).assessments[0], "factors", []),
    "2889": lambda c: setattr(first(c).section_47s[0], "start", date(2025, 6, 1)),
    "8615": lambda c: setattr(first(c).section_47s[0], "conference", date(2025, 6, 3)),
    "8875": lambda c: setattr(first(c).section_47s[0], "conference", date(2025, 6, 21)),
    "2885": lambda c: setattr(first(c).cp_plans[0], "start", date(2025, 6, 25)),
    "8840": lambda c: setattr(first(c).cp_plans[0], "end", date(2025, 6, 24)),
    "8841": lambda c: setattr(first(c).cp_plans[0], "reviews", [date(2025, 6, 24)]),
    "8905": lambda c: setattr(first(c).cp_plans[0], "initial_category", "XXX"),
    "4001": lambda c: setattr(first(c).cin_plans[0], "start", date(2025, 11, 1)),
    "4015": lambda c: setattr(first(c).cin_plans[0], "start", date(2025, 6, 1)),
    "8610": lambda c: setattr(first(c), "primary_need", ""),
    "8866": lambda c: setattr(first(c), "source", "99"),
    "8805": lambda c: setattr(first(c), "closed", date(2026, 1, 5)),
    "8620": lambda c: (setattr(first(c), "closed", date(2026, 4, 2)), setattr(first(c), "closure_reason", "RC7")),
    "2990": lambda c: (setattr(first(c), "closed", date(2026, 1, 5)), setattr(first(c), "closure_reason", "RC8")),
    "8831": lambda c: setattr(first(c), "is_nfa", True),
    "8540": lambda c: setattr(c, "disabilities", []),
    "8790": lambda c: setattr(c, "disabilities", ["NONE", "AUT"]),
    "4180": lambda c: setattr(c, "sex", "X"),
    "4220": lambda c: setattr(c, "ethnicity", "ABCD"),
    "8770Q": lambda c: setattr(c, "upn_unknown", ""),
    "1580": lambda c: setattr(c, "la_child_id", "C-0001"),
    "1510": lambda c: setattr(c, "upn", "A931201615000"),
    "8606": lambda c: setattr(c, "birth_date", date(2026, 3, 20)),
}


@pytest.mark.parametrize("rule", sorted(MISTAKES))
def test_each_mistake_fires_its_rule(rule: str) -> None:
    child = clean_child()
    MISTAKES[rule](child)
    assert rule in rules_fired(child)


def test_a_childs_second_episode_may_start_the_day_the_first_closes_but_not_before() -> None:
    child = clean_child()
    episode = first(child)
    episode.closed, episode.closure_reason, episode.cin_plans[0].end = date(2026, 1, 5), "RC7", date(2026, 1, 5)
    later = CensusEpisode(99, date(2026, 1, 5), "6", "N1", None, "", False)
    child.episodes.append(later)
    assert "8820" not in rules_fired(child)
    later.referral_date = date(2026, 1, 4)
    assert "8820" in rules_fired(child)


def test_return_level_rules_count_across_children() -> None:
    checks = ReturnChecks(YEAR)
    one, two = clean_child(1), clean_child(2)
    two.la_child_id = one.la_child_id
    first(two).section_47s = []  # a plan with no conference in the return
    for child in (one, two):
        checks.check(child)
    assert {issue.rule for issue in checks.finish()} >= {"8510", "2883", "2887Q", "2888Q"}
