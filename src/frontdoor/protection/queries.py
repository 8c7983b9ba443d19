"""What the child protection pages read: each plan's clocks, the children on plans, enquiries awaiting conference."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import cached_property

from django.db.models import Max, Min, OuterRef, QuerySet, Subquery
from django.utils import timezone

from frontdoor.accounts.models import LocalAuthority, Team
from frontdoor.casework.models import Referral
from frontdoor.people.models import SIBLING_KINDS, Person, Relationship
from frontdoor.protection.models import ChildProtectionPlan, CoreGroup, ReviewConference, Section47, Visit
from frontdoor.timescales.calendar import council_calendar
from frontdoor.timescales.clocks import Clock, add_months, clock_for
from frontdoor.timescales.regimes import Step


@dataclass
class PlanClocks:
    review: Clock
    visit: Clock
    first_core_group: Clock
    last_review: date | None
    last_visit: date | None
    last_core_group: date | None


def plan_clocks(
    plan: ChildProtectionPlan,
    *,
    last_review: date | None,
    last_visit: date | None,
    first_core_group: date | None,
    last_core_group: date | None,
    council: LocalAuthority,
    now: datetime | None = None,
) -> PlanClocks:
    """The next review (3 months from the conference, then at most 6 from the last), visit and first core group."""
    now = now or timezone.now()
    regime = council.regime_on(plan.started_on)
    if last_review is None:
        review = clock_for(Step.FIRST_REVIEW_CONFERENCE, started=plan.started_on, regime=regime, now=now)
    else:
        review = clock_for(Step.LATER_REVIEW_CONFERENCE, started=last_review, regime=regime, now=now)
    visit = clock_for(
        Step.CP_VISIT,
        started=last_visit or plan.started_on,
        regime=regime,
        now=now,
        length=council.cp_visit_interval_working_days,
    )
    core_group = clock_for(
        Step.FIRST_CORE_GROUP, started=plan.started_on, regime=regime, completed=first_core_group, now=now
    )
    return PlanClocks(review, visit, core_group, last_review, last_visit, last_core_group)


def _latest(
    model: type[ReviewConference] | type[Visit] | type[CoreGroup], field: str, *, first: bool = False, **only: bool
) -> Subquery:
    order = field if first else f"-{field}"
    return Subquery(model.objects.filter(plan=OuterRef("pk"), **only).order_by(order).values(field)[:1])


def with_dates(plans: QuerySet[ChildProtectionPlan]) -> QuerySet[ChildProtectionPlan]:
    """Plans with their latest review, visit and core group dates: one query however many plans."""
    return plans.select_related("referral__person", "referral__worker", "referral__team").annotate(
        last_review=_latest(ReviewConference, "held_on"),
        # A visit where the child was not seen does not count as the statutory visit.
        last_visit=_latest(Visit, "visited_on", child_seen=True),
        first_core_group=_latest(CoreGroup, "held_on", first=True),
        last_core_group=_latest(CoreGroup, "held_on"),
    )


def clocks_of(plan: ChildProtectionPlan, *, council: LocalAuthority, now: datetime | None = None) -> PlanClocks:
    """For a plan loaded through with_dates."""
    return plan_clocks(
        plan,
        last_review=getattr(plan, "last_review", None),
        last_visit=getattr(plan, "last_visit", None),
        first_core_group=getattr(plan, "first_core_group", None),
        last_core_group=getattr(plan, "last_core_group", None),
        council=council,
        now=now,
    )


@dataclass
class PlanRow:
    """A plan on the list: its dates first, the plan itself and its clocks only when a page shows it."""

    plan_id: int
    last_review: date | None
    last_visit: date | None
    first_core_group: date | None
    last_core_group: date | None
    next_due: date
    council: LocalAuthority
    now: datetime | None = None
    plan: ChildProtectionPlan | None = None

    @cached_property
    def clocks(self) -> PlanClocks:
        assert self.plan is not None, "load_plans() first"
        return plan_clocks(
            self.plan,
            last_review=self.last_review,
            last_visit=self.last_visit,
            first_core_group=self.first_core_group,
            last_core_group=self.last_core_group,
            council=self.council,
            now=self.now,
        )


def children_on_plans(*, team: Team | None = None, now: datetime | None = None) -> list[PlanRow]:
    """Every open plan, the next thing due first; load_plans() then fills in the rows a page shows.

    The latest review, visit and core group come from one grouped query each,
    and the order needs only dates: building 700 plans with their children,
    workers and teams to show 50 of them was most of the page's time.
    """
    council = LocalAuthority.load()
    plans = ChildProtectionPlan.objects.filter(ended_on=None)
    if team is not None:
        plans = plans.filter(referral__team=team)

    def latest(model: type[ReviewConference] | type[Visit] | type[CoreGroup], field: str, **only: bool) -> dict:
        related = model.objects.filter(plan__in=plans, **only).values("plan").order_by()
        return {row["plan"]: (row["first"], row["last"]) for row in related.annotate(first=Min(field), last=Max(field))}

    reviews, visits = latest(ReviewConference, "held_on"), latest(Visit, "visited_on", child_seen=True)
    groups = latest(CoreGroup, "held_on")
    calendar, interval = council_calendar(), council.cp_visit_interval_working_days
    rows = []
    for plan_id, started_on in plans.values_list("pk", "started_on"):
        first_group, last_group = groups.get(plan_id, (None, None))
        last_review, last_visit = reviews.get(plan_id, (None, None))[1], visits.get(plan_id, (None, None))[1]
        review_due = add_months(last_review or started_on, 6 if last_review else 3)
        visit_due = calendar.add_working_days(last_visit or started_on, interval)
        next_due = min(review_due, visit_due)
        rows.append(PlanRow(plan_id, last_review, last_visit, first_group, last_group, next_due, council, now))
    rows.sort(key=lambda row: (row.next_due, row.plan_id))
    return rows


def load_plans(rows: Sequence[PlanRow]) -> Sequence[PlanRow]:
    """The plans, children, workers and teams of the rows a page shows, in one query."""
    plans = ChildProtectionPlan.objects.select_related("referral__person", "referral__worker", "referral__team")
    found = plans.in_bulk([row.plan_id for row in rows])
    for row in rows:
        row.plan = found[row.plan_id]
    return rows


@dataclass
class EnquiryRow:
    enquiry: Section47
    clock: Clock


def awaiting_conference(*, now: datetime | None = None) -> list[EnquiryRow]:
    """Section 47 enquiries whose conference is neither held nor found unnecessary, with the 15-day clock."""
    council = LocalAuthority.load()
    open_ = Section47.objects.filter(conference__isnull=True, conference_not_required=False)
    rows = []
    for enquiry in open_.select_related("referral__person", "strategy_child__discussion").order_by("conference_due_on"):
        held_at = enquiry.strategy_child.discussion.held_at
        clock = clock_for(
            Step.INITIAL_CONFERENCE, started=held_at, regime=council.regime_on(enquiry.started_on), now=now
        )
        rows.append(EnquiryRow(enquiry, clock))
    return rows


def open_plan_of(person_id: int) -> ChildProtectionPlan | None:
    return ChildProtectionPlan.objects.filter(referral__person_id=person_id, ended_on=None).first()


def strategy_candidates(referral: Referral) -> list[Referral]:
    """The child, and brothers and sisters with a referral open: one discussion often covers them all."""
    siblings = Relationship.objects.filter(person_id=referral.person_id, kind__in=SIBLING_KINDS).values("relative_id")
    others = Referral.objects.filter(person_id__in=siblings, closed_on=None, is_nfa=False).select_related("person")
    return [referral, *others.order_by("person__first_name")]


def siblings_without_open_referral(referral: Referral) -> list[Person]:
    """Brothers and sisters a discussion cannot cover yet: its decisions belong to a child's open referral."""
    siblings = Relationship.objects.filter(person_id=referral.person_id, kind__in=SIBLING_KINDS).values("relative_id")
    open_referrals = Referral.objects.filter(closed_on=None, is_nfa=False).values("person_id")
    people = Person.objects.filter(pk__in=siblings, merged_into__isnull=True, date_of_death__isnull=True)
    return [person for person in people.exclude(pk__in=open_referrals).order_by("first_name", "pk") if person.is_child]
