"""Which referrals had child protection work, and what the casework seed left on them.

A referral can have a strategy discussion if the census allows work on it: not a referral with no further
action (rule 8831), not closed after assessment with no further action or early help (2990), and not one
of the rare pairs of a child's referrals that overlap (the front door found the earlier one open), so that
a child's plans never overlap. Siblings on one contact are one group: one discussion covers them all.
Referrals the front door sent straight to a strategy discussion (or whose assessment ended in one) are
chosen most often.
"""

import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo
from itertools import groupby
from operator import itemgetter

from django.db.models import Max
from django.utils import timezone

from frontdoor.casework.models import Assessment, CinPlan, Referral
from frontdoor.codes import ReasonForClosure
from frontdoor.contacts.models import Outcome as DecisionOutcome
from frontdoor.contacts.models import ThresholdDecision

SHARE = 0.06  # of referrals, with a strategy discussion
FROM_STRATEGY = 0.8  # of those, referrals the front door sent to a strategy discussion
MOST_FROM_STRATEGY = 0.9  # the most of such groups ever chosen
ROWS_PER_QUERY = 1_000
OPEN_TO_WORK = ("", ReasonForClosure.CEASED.value)


@dataclass(slots=True)
class Case:
    """One referral with child protection work, as the casework seed left it, and the closure it ends with."""

    id: int
    person: int
    day: date
    closed: date | None
    next_day: date | None  # the child's next referral
    contact: int | None
    strategy: bool
    created: datetime | None = None  # naive local time
    team: int | None = None
    worker: int | None = None
    first_name: str = ""
    sex: str = ""
    born: date | None = None
    categories: list[str] = field(default_factory=list)
    cin: tuple[int, date, date | None] | None = None  # the child in need plan: id, start, end
    authorised: date | None = None  # the last authorisation of an assessment
    last_outcome: str = ""
    still_assessing: bool = False
    closing: date | None = None  # the closure, moved later when the work needs it

    @property
    def is_open(self) -> bool:
        return self.closed is None

    def last_day(self, today: date) -> date:
        """The last day any work can happen: before today, before the child's next referral."""
        last = today - timedelta(days=1)
        return min(last, self.next_day - timedelta(days=1)) if self.next_day is not None else last

    def close_limit(self, today: date) -> date:
        """The latest the referral can close: today, or the day the next one starts (rule 8820)."""
        return min(today, self.next_day) if self.next_day is not None else today


def candidates(today: date) -> tuple[list[list[Case]], int]:
    """The groups of referrals that can have child protection work, and how many referrals the council has."""
    strategy_children = latest_strategy_decisions()
    strategy_referrals = set(
        Assessment.objects.filter(outcome=Assessment.Outcome.STRATEGY).values_list("referral_id", flat=True)
    )
    rows = Referral.objects.order_by("person_id", "referral_date", "id").values_list(
        "id",
        "person_id",
        "referral_date",
        "closed_on",
        "closure_reason",
        "is_nfa",
        "contact_child_id",
        "contact_child__contact_id",
    )
    groups: dict[int, list[Case]] = {}
    total = 0
    for _, person_rows in groupby(rows.iterator(chunk_size=5_000), key=itemgetter(1)):
        refs = list(person_rows)
        total += len(refs)
        for k, (pk, person, day, closed, reason, nfa, contact_child, contact) in enumerate(refs):
            following = refs[k + 1] if k + 1 < len(refs) else None
            previous = refs[k - 1] if k else None
            if nfa or reason not in OPEN_TO_WORK or day >= today:
                continue
            if previous is not None and (previous[3] is None or previous[3] > day):
                continue  # overlaps the child's earlier referral
            if following is not None and (closed is None or closed > following[2]):
                continue  # overlaps the child's next referral
            strategy = contact_child in strategy_children or pk in strategy_referrals
            case = Case(pk, person, day, closed, following[2] if following else None, contact, strategy)
            groups.setdefault(contact if contact is not None else -pk, []).append(case)
    return [groups[key] for key in sorted(groups)], total


def latest_strategy_decisions() -> set[int]:
    """Children on contacts whose final front-door decision was a strategy discussion."""
    latest = (
        ThresholdDecision.objects.filter(contact_child__referral__isnull=False)
        .values("contact_child_id")
        .annotate(last=Max("id"))
        .values_list("last", flat=True)
    )
    return set(
        ThresholdDecision.objects.filter(id__in=latest, outcome=DecisionOutcome.STRATEGY).values_list(
            "contact_child_id", flat=True
        )
    )


def choose(rng: random.Random, groups: list[list[Case]], total: int) -> list[list[Case]]:
    """About SHARE of all referrals, most of them from the front door's strategy decisions."""
    from_strategy = sum(len(group) for group in groups if any(case.strategy for case in group))
    others = sum(len(group) for group in groups) - from_strategy
    wanted = SHARE * total
    p_strategy = min(MOST_FROM_STRATEGY, FROM_STRATEGY * wanted / from_strategy) if from_strategy else 0.0
    p_other = min(1.0, max(0.0, wanted - p_strategy * from_strategy) / others) if others else 0.0
    return [group for group in groups if rng.random() < (p_strategy if any(c.strategy for c in group) else p_other)]


def chunks(cases: list[Case]) -> Iterator[dict[int, Case]]:
    for start in range(0, len(cases), ROWS_PER_QUERY):
        yield {case.id: case for case in cases[start : start + ROWS_PER_QUERY]}


def fill_details(cases: list[Case], zone: tzinfo) -> None:
    """What the casework seed recorded on each chosen referral: allocation, child, plan and assessments."""
    for by_id in chunks(cases):
        rows = Referral.objects.filter(id__in=list(by_id)).values_list(
            "id",
            "created_at",
            "team_id",
            "worker_id",
            "person__first_name",
            "person__sex",
            "person__date_of_birth",
            "contact_child__contact__categories",
        )
        for pk, created, team, worker, first, sex, born, categories in rows:
            case = by_id[pk]
            case.created = timezone.localtime(created, zone).replace(tzinfo=None)
            case.team, case.worker, case.first_name, case.sex, case.born = team, worker, first, sex, born
            case.categories = categories if isinstance(categories, list) else []
        plans = CinPlan.objects.filter(referral_id__in=list(by_id)).order_by("id")
        for referral, plan, started, ended in plans.values_list("referral_id", "id", "started_on", "ended_on"):
            by_id[referral].cin = (plan, started, ended)
        assessments = (
            Assessment.objects.filter(referral_id__in=list(by_id))
            .order_by("referral_id", "started_on", "id")
            .values_list("referral_id", "status", "authorised_on", "outcome")
        )
        for referral, status, authorised, outcome in assessments:
            case = by_id[referral]
            case.last_outcome = outcome
            case.still_assessing = status != Assessment.Status.AUTHORISED
            if authorised is not None:
                case.authorised = max(authorised, case.authorised or authorised)
