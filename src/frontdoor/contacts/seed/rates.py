"""How often things happen at the synthetic front door, and how they are picked."""

import random
from collections.abc import Sequence
from datetime import time
from typing import Any

from frontdoor.contacts.models import (
    CLOSING_OUTCOMES,
    REFERRAL_OUTCOMES,
    ConcernCategory,
    Rag,
    ThresholdDecision,
)
from frontdoor.contacts.seed import data
from frontdoor.contacts.seed.tools import Weighted

CONTACTS_PER_YEAR_LARGE = 80_000
LARGE_YEARS = 5
DEMO_MONTHS = 3
DEMO_CONTACTS = 1_750
# The seed stops the clock here on its last day: before the day team starts.
SEED_TIME = time(8, 50)

SIBLINGS_SHARE = 0.27  # of contacts tried with two or more children (some families have only one)
UNIDENTIFIED_SHARE = 0.01
PRE_BIRTH_SHARE = 0.015
# How unevenly contacts fall on families (the sigma of a log-normal weight), and how many are about a
# family contacted in the last two months: the demo's few families would otherwise be contacted every week.
FAMILY_SPREAD = {"demo": 0.5, "large": 1.0}
REPEAT_SHARE = {"demo": 0.04, "large": 0.12}
REPEAT_DAYS = 60
SECOND_CATEGORY_SHARE = 0.3
PARENT_SHARE = 0.55
CHILDS_VIEWS_SHARE = 0.22
# Decided more than a working day after the contact came in: a small front door falls behind more often.
LATE_DECISION_SHARE = {"demo": 0.065, "large": 0.035}
RETURNED_SHARE = 0.03  # of contacts with a decision waiting for a manager
LATE_ACKNOWLEDGEMENT_SHARE = 0.05
TOLD_SHARE = 0.92
PICKED_UP_SHARE = 0.35  # of the undecided contacts when the day team starts
CALLS_PER_PHONE_CONTACT = 1.5
ABANDONED_SHARE = 0.08  # of all calls
QA_WEEKS = {"demo": 14, "large": 53}  # the history, or the audit programme's year
YEAR = 365.2425

# Contacts by hour of the day: a working day (mid-morning peak), and a weekend or bank holiday.
WORKING_DAY_HOURS = (
    0.12, 0.08, 0.06, 0.05, 0.04, 0.05, 0.08, 0.15, 0.35,
    4.0, 6.0, 6.0, 4.5, 4.5, 5.0, 5.0, 3.5,
    0.9, 0.7, 0.6, 0.5, 0.4, 0.35, 0.25,
)  # fmt: skip
DAY_OFF_HOURS = (
    0.6, 0.5, 0.4, 0.3, 0.25, 0.25, 0.3, 0.5, 0.8, 1.0, 1.1, 1.2,
    1.2, 1.2, 1.2, 1.2, 1.2, 1.2, 1.3, 1.3, 1.3, 1.2, 1.0, 0.8,
)  # fmt: skip
BUSIEST_HOUR = max(WORKING_DAY_HOURS)

CLOSING = frozenset(str(outcome) for outcome in CLOSING_OUTCOMES)
REFERRING = frozenset(str(outcome) for outcome in REFERRAL_OUTCOMES)
CATEGORY_LABELS = {str(c): str(c.label).lower() for c in ConcernCategory}
DecisionStatus = ThresholdDecision.Status


# The ages at which a concern category or template starts or stops fitting a child.
AGE_STEPS = sorted({*data.MINIMUM_AGE.values(), 5, 10, 17})
_WEIGHTED: dict[int, Weighted[Any]] = {}


def weighted_once[T](items: Sequence[tuple[T, float]]) -> Weighted[T]:
    """A Weighted for one of the module's constant tables, made once."""
    found = _WEIGHTED.get(id(items))
    if found is None:
        found = _WEIGHTED[id(items)] = Weighted(items)
    return found


SIBLING_COUNTS = Weighted([(2, 60.0), (3, 25.0), (4, 10.0), (5, 5.0)])
CRITERIA_COUNTS = Weighted([(1, 35.0), (2, 45.0), (3, 20.0)])
_SOURCES: dict[tuple[bool, bool], Weighted[str]] = {}
_OUTCOMES: dict[tuple[int, ...], Weighted[str]] = {}


def outcome_weights(weights: tuple[int, ...]) -> Weighted[str]:
    found = _OUTCOMES.get(weights)
    if found is None:
        found = _OUTCOMES[weights] = Weighted(list(zip(data.OUTCOME_ORDER, map(float, weights), strict=True)))
    return found


def data_sources(out_of_hours: bool, term: bool) -> Weighted[str]:
    key = (out_of_hours, term)
    if key not in _SOURCES:
        weights: Sequence[tuple[str, float]] = data.SOURCES_OUT_OF_HOURS if out_of_hours else data.SOURCES_OFFICE
        if not term:
            weights = tuple(
                (source, weight * (data.SCHOOL_HOLIDAY_FACTOR if source == "2A" else 1.0)) for source, weight in weights
            )
        _SOURCES[key] = Weighted(weights)
    return _SOURCES[key]


def pick_rag(rng: random.Random, tier: str) -> str:
    roll = rng.random()
    red, amber = {
        "strategy": (0.85, 0.15),
        "assessment": (0.05, 0.6),
        "early_help": (0.01, 0.35),
        "marac": (0.3, 0.6),
    }.get(tier, (0.0, 0.12))
    return Rag.RED if roll < red else Rag.AMBER if roll < red + amber else Rag.GREEN


# Whether the family knows, and consents, by how serious the contact turns out to be.
AWARENESS: dict[str, tuple[Weighted[str], Weighted[str]]] = {
    tier: (Weighted(aware), Weighted(consent))
    for tier, (aware, consent) in {
        "strategy": (
            (("no", 45.0), ("not_known", 35.0), ("yes", 20.0)),
            (("not_sought", 75.0), ("not_known", 20.0), ("given", 5.0)),
        ),
        "assessment": (
            (("yes", 55.0), ("no", 25.0), ("not_known", 20.0)),
            (("given", 45.0), ("not_sought", 25.0), ("not_known", 20.0), ("refused", 10.0)),
        ),
        "early_help": (
            (("yes", 85.0), ("not_known", 10.0), ("no", 5.0)),
            (("given", 85.0), ("not_known", 10.0), ("refused", 5.0)),
        ),
        "other": (
            (("yes", 55.0), ("not_known", 30.0), ("no", 15.0)),
            (("given", 40.0), ("not_known", 40.0), ("not_sought", 12.0), ("refused", 8.0)),
        ),
    }.items()
}


def pick_awareness(rng: random.Random, tier: str, group: str) -> tuple[str, str]:
    if group == "anonymous":
        return "not_known", "not_known"
    aware, consent = AWARENESS.get(tier, AWARENESS["other"])
    return aware.pick(rng), consent.pick(rng)
