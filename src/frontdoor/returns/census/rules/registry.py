"""The rule registry: each rule's DfE code, severity and message, and what every rule reads."""

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Literal

from frontdoor.codes import ReasonForClosure
from frontdoor.returns.census.periods import CensusYear
from frontdoor.returns.census.records import CensusChild, CensusEpisode
from frontdoor.timescales.calendar import WorkingCalendar

Severity = Literal["error", "query"]
Broken = tuple[int | None, str]  # the referral to fix (None: the child's details), and what is wrong
Check = Callable[[CensusChild, "Context"], Iterator[Broken]]

CLOSED_AFTER_ASSESSMENT = (
    ReasonForClosure.NFA_AFTER_ASSESSMENT.value,
    ReasonForClosure.EARLY_HELP_AFTER_ASSESSMENT.value,
)


@dataclass(frozen=True)
class Context:
    census: CensusYear
    calendar: WorkingCalendar


@dataclass(frozen=True)
class Rule:
    code: str
    severity: Severity
    message: str
    check: Check


RULES: dict[str, Rule] = {}


def rule(code: str, message: str) -> Callable[[Check], Check]:
    def register(check: Check) -> Check:
        RULES[code] = Rule(code, "query" if code.endswith("Q") else "error", message, check)
        return check

    return register


def shown(day: date | None) -> str:
    return f"{day:%d/%m/%Y}" if day is not None else "none"


def further_action(child: CensusChild) -> list[CensusEpisode]:
    return [episode for episode in child.episodes if not episode.is_nfa]
