"""The tables the protection seed writes, and the words its texts are filled with."""

import random
from datetime import date

from frontdoor.casework.models import CinPlan, CinPlanReview, Referral
from frontdoor.casework.seed.tools import Updates
from frontdoor.casework.seed.writing import CONCERN_WORDS, PRONOUNS, fill
from frontdoor.codes import CategoryOfAbuse
from frontdoor.contacts.seed.tools import Table, Weighted
from frontdoor.protection.models import (
    ChildProtectionPlan,
    ConferenceAttendee,
    CoreGroup,
    InitialConference,
    ProtectiveOrder,
    ReviewConference,
    Section47,
    StrategyAction,
    StrategyChild,
    StrategyDiscussion,
    StrategyParticipant,
    Visit,
)
from frontdoor.protection.seed.episodes import Case

# The categories of plans nationally: neglect, then emotional abuse, physical, sexual and multiple.
CATEGORIES = Weighted([("NEG", 48.0), ("EMO", 33.0), ("PHY", 9.0), ("SAB", 5.0), ("MUL", 5.0)])
CATEGORY_OF_CONCERN = {
    "neglect": "NEG",
    "emotional_abuse": "EMO",
    "domestic_abuse": "EMO",
    "physical_abuse": "PHY",
    "sexual_abuse": "SAB",
}
FROM_CONCERN = 0.3  # plans whose category is the concern at referral rather than the national mix
CATEGORY_LABELS = {code.value: str(code.label).lower() for code in CategoryOfAbuse}


def category(rng: random.Random, categories: list[str]) -> str:
    first = CATEGORY_OF_CONCERN.get(categories[0]) if categories else None
    return first if first is not None and rng.random() < FROM_CONCERN else CATEGORIES.pick(rng)


def words(rng: random.Random, case: Case) -> dict[str, str]:
    their, them, they = PRONOUNS.get(case.sex, ("their", "them", "they"))
    mum = rng.random() < 0.8
    name = "the baby" if case.born is None or case.first_name.lower() in ("unborn", "baby", "") else case.first_name
    return {
        "name": name,
        "names": name,
        "their": their,
        "them": them,
        "they": they,
        "parent": "mum" if mum else "dad",
        "Parent": "Mum" if mum else "Dad",
        "concern": " and ".join(CONCERN_WORDS.get(c, "other concerns") for c in case.categories[:2])
        or "the concerns raised",
        "category": "",
    }


def pick(rng: random.Random, templates: tuple[str, ...], filled: dict[str, str]) -> str:
    return fill(rng.choice(templates), filled)


def joined(names: list[str]) -> str:
    unique = list(dict.fromkeys(names))
    return unique[0] if len(unique) == 1 else ", ".join(unique[:-1]) + " and " + unique[-1]


def age_on(born: date | None, day: date) -> float:
    return (day - born).days / 365.25 if born is not None and born <= day else -1.0


class Tables:
    def __init__(self) -> None:
        self.discussions = Table(
            StrategyDiscussion,
            ("held_at", "kind", "information_shared", "police_reference", "chaired_by", "recorded_by", "recorded_at"),
            ids=True,
        )
        self.participants = Table(StrategyParticipant, ("discussion", "agency", "name", "role"))
        self.actions = Table(StrategyAction, ("discussion", "action", "owner", "due_on"))
        self.children = Table(StrategyChild, ("discussion", "referral", "decision", "rationale"), ids=True)
        self.enquiries = Table(
            Section47,
            (
                "strategy_child",
                "referral",
                "started_on",
                "conference_due_on",
                "is_joint",
                "outcome",
                "completed_on",
                "conference_not_required",
                "not_required_reason",
                "recorded_by",
                "version",
            ),
            ids=True,
        )
        self.conferences = Table(
            InitialConference,
            ("section_47", "held_on", "needs_plan", "category", "chaired_by", "summary", "recorded_by", "recorded_at"),
            ids=True,
        )
        self.attendees = Table(ConferenceAttendee, ("conference", "agency", "name", "attended"))
        self.plans = Table(
            ChildProtectionPlan,
            (
                "referral",
                "conference",
                "started_on",
                "initial_category",
                "latest_category",
                "previous_plans",
                "ended_on",
                "end_reason",
            ),
            ids=True,
        )
        self.reviews = Table(
            ReviewConference, ("plan", "held_on", "continue_plan", "category", "summary", "recorded_by")
        )
        self.core_groups = Table(CoreGroup, ("plan", "held_on", "summary", "recorded_by"))
        self.visits = Table(
            Visit, ("plan", "visited_on", "child_seen", "seen_alone", "bedroom_seen", "notes", "visited_by")
        )
        self.orders = Table(ProtectiveOrder, ("person", "referral", "kind", "started_on", "ended_on", "recorded_by"))
        self.referrals = Updates(Referral, ("closed_on",))
        self.cin_plans = Updates(CinPlan, ("started_on", "ended_on", "created_at"))
        self.cin_reviews = Table(CinPlanReview, ("plan", "held_on", "summary", "recorded_by", "recorded_at"))

    def all(self) -> list[Table | Updates]:
        """In the order they go in: each after the rows it points at."""
        return [
            self.discussions,
            self.participants,
            self.actions,
            self.children,
            self.enquiries,
            self.conferences,
            self.attendees,
            self.plans,
            self.reviews,
            self.core_groups,
            self.visits,
            self.orders,
            self.referrals,
            self.cin_plans,
            self.cin_reviews,
        ]

    def flush(self) -> None:
        for table in self.all():
            table.flush()

    def reset_sequences(self) -> None:
        for table in self.all():
            if isinstance(table, Table):
                table.reset_sequence()
