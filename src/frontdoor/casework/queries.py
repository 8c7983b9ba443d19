"""What the casework pages read: a child's episodes with their clocks, my assessments, a team's overdue work."""

from dataclasses import dataclass, field
from datetime import date, datetime

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from frontdoor.accounts.models import LocalAuthority, Team, User
from frontdoor.accounts.roles import Capability
from frontdoor.casework.assessments import STEP_FOR_KIND
from frontdoor.casework.framework import TRIANGLE
from frontdoor.casework.models import Assessment, CinPlan, CinPlanReview, Referral
from frontdoor.timescales.clocks import Clock, ClockState, add_months, clock_for


def open_referrals_of(person_ids: list[int]) -> QuerySet[Referral]:
    return Referral.objects.filter(person_id__in=person_ids, closed_on__isnull=True)


def assessment_clock(assessment: Assessment, *, now: datetime | None = None) -> Clock:
    """The assessment's clock under the regime it started in, stopped when the worker submitted it."""
    start = assessment.started_on if assessment.kind == "core" else assessment.referral.referral_date
    return clock_for(
        STEP_FOR_KIND[assessment.kind],  # type: ignore[index]
        started=start,
        regime=assessment.regime,
        completed=assessment.completed_on,
        now=now,
    )


def review_due(plan: CinPlan, *, council: LocalAuthority) -> date:
    """The next review: the council's interval (3 months by default) from the start or the last review."""
    reviews = getattr(plan, "all_reviews", None)
    last = reviews[-1].held_on if reviews else plan.started_on
    return add_months(last, council.cin_plan_review_interval_months)


@dataclass
class Episode:
    referral: Referral
    assessments: list[tuple[Assessment, Clock]] = field(default_factory=list)
    plans: list[tuple[CinPlan, date | None]] = field(default_factory=list)  # (plan, next review due if open)


def with_work(referrals: QuerySet[Referral]) -> QuerySet[Referral]:
    """Referrals with their assessments, plans and reviews: a fixed number of queries however many."""
    return referrals.select_related("team", "worker", "closure_authorised_by").prefetch_related(
        Prefetch(
            "assessments",
            queryset=Assessment.objects.select_related("worker", "authorised_by").order_by("started_on", "id"),
            to_attr="all_assessments",
        ),
        Prefetch(
            "cin_plans",
            queryset=CinPlan.objects.order_by("started_on").prefetch_related(
                Prefetch("reviews", queryset=CinPlanReview.objects.order_by("held_on"), to_attr="all_reviews")
            ),
            to_attr="all_plans",
        ),
    )


def episodes_of(person_id: int, *, now: datetime | None = None) -> list[Episode]:
    """Every CIN episode of the child, newest first, with each assessment's clock and each plan's next review."""
    now = now or timezone.now()
    council = LocalAuthority.load()
    episodes = []
    for referral in with_work(Referral.objects.filter(person_id=person_id).order_by("-referral_date", "-id")):
        episode = Episode(referral)
        for assessment in referral.all_assessments:  # type: ignore[attr-defined]
            assessment.referral = referral
            episode.assessments.append((assessment, assessment_clock(assessment, now=now)))
        for plan in referral.all_plans:  # type: ignore[attr-defined]
            episode.plans.append((plan, review_due(plan, council=council) if plan.is_open else None))
        episodes.append(episode)
    return episodes


@dataclass
class AssessmentRow:
    assessment: Assessment
    clock: Clock


def _rows(assessments: QuerySet[Assessment], *, now: datetime) -> list[AssessmentRow]:
    found = assessments.select_related("referral__person", "worker").order_by("due_on", "id")
    return [AssessmentRow(a, assessment_clock(a, now=now)) for a in found]


def my_assessments(user: User, *, now: datetime | None = None) -> list[AssessmentRow]:
    """The worker's assessments still open (drafts, returned, with a manager), soonest due first."""
    open_ = Assessment.objects.filter(worker=user).exclude(status=Assessment.Status.AUTHORISED)
    return _rows(open_, now=now or timezone.now())


def team_overdue(team: Team | None, *, now: datetime | None = None) -> list[AssessmentRow]:
    """Open assessments past their due date, for the team (every team if None)."""
    now = now or timezone.now()
    waiting = [Assessment.Status.DRAFT, Assessment.Status.RETURNED, Assessment.Status.SUBMITTED]
    overdue = Assessment.objects.filter(status__in=waiting, due_on__lt=timezone.localdate(now))
    if team is not None:
        overdue = overdue.filter(referral__team=team)
    return [row for row in _rows(overdue, now=now) if row.clock.state == ClockState.OVERDUE]


def awaiting_authorisation(*, team: Team | None = None) -> QuerySet[Assessment]:
    waiting = Assessment.objects.filter(status=Assessment.Status.SUBMITTED)
    if team is not None:
        waiting = waiting.filter(referral__team=team)
    return waiting.select_related("referral__person", "worker").order_by("submitted_at")


def re_referral_count(*, start: date, end: date) -> tuple[int, int]:
    """(re-referrals, referrals) with a referral date in the period, for the dashboard."""
    referrals = Referral.objects.filter(referral_date__gte=start, referral_date__lte=end)
    return referrals.filter(is_re_referral=True).count(), referrals.count()


def written_sections(assessment: Assessment) -> list[tuple[str, list[tuple[str, str]]]]:
    """The triangle as the assessment page shows it: each domain's dimensions with what was written."""
    return [
        (domain.label, [(d.label, assessment.dimensions.get(d.code, "")) for d in domain.dimensions])
        for domain in TRIANGLE
    ]


def casework_counts(user: User) -> dict[str, int] | None:
    """For the home page: the worker's open assessments, the team's overdue ones, and those to authorise."""
    if not user.can(Capability.DO_CASEWORK):
        return None
    waiting = [Assessment.Status.DRAFT, Assessment.Status.RETURNED, Assessment.Status.SUBMITTED]
    counts = {
        "mine": Assessment.objects.filter(worker=user, status__in=waiting).count(),
        "overdue": Assessment.objects.filter(
            status__in=waiting, due_on__lt=timezone.localdate(), referral__team=user.team
        ).count()
        if user.team
        else 0,
    }
    if user.can(Capability.AUTHORISE_CASEWORK):
        counts["to_authorise"] = Assessment.objects.filter(status=Assessment.Status.SUBMITTED).count()
    return counts
