"""Casework records made straight in the database, dated as a test needs, broken where it needs them broken."""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from frontdoor.accounts.models import User
from frontdoor.casework.models import Assessment, CinPlan, Referral
from frontdoor.people.models import Person
from frontdoor.protection.models import (
    ChildProtectionPlan,
    InitialConference,
    ReviewConference,
    Section47,
    StrategyChild,
    StrategyDiscussion,
)

LONDON = ZoneInfo("Europe/London")


def referral(person: Person, day: date, by: User, **overrides: object) -> Referral:
    values: dict[str, object] = {"source": "2A", "primary_need": "N1", "worker": by, "team": by.team, "created_by": by}
    return Referral.objects.create(person=person, referral_date=day, **(values | overrides))


def assessment(
    episode: Referral, started: date, by: User, authorised: date | None = None, factors: list[str] | None = None
) -> Assessment:
    done = authorised is not None
    return Assessment.objects.create(
        referral=episode,
        kind="single",
        regime="current",
        status=Assessment.Status.AUTHORISED if done else Assessment.Status.DRAFT,
        started_on=started,
        due_on=started,
        worker=by,
        authorised_on=authorised,
        factors=(factors or ["3A"]) if done else [],
        outcome=Assessment.Outcome.CIN_PLAN if done else "",
    )


def cin_plan(episode: Referral, started: date, by: User, ended: date | None = None) -> CinPlan:
    return CinPlan.objects.create(referral=episode, started_on=started, ended_on=ended, created_by=by)


def section_47(
    episode: Referral, started: date, by: User, target: date, conference: date | None = None, plan: bool = False
) -> Section47:
    discussion = StrategyDiscussion.objects.create(
        held_at=datetime.combine(started, time(10), LONDON),
        information_shared="Shared.",
        chaired_by=by,
        recorded_by=by,
    )
    child = StrategyChild.objects.create(discussion=discussion, referral=episode, decision="s47_joint", rationale="R")
    enquiry = Section47.objects.create(
        strategy_child=child, referral=episode, started_on=started, conference_due_on=target, recorded_by=by
    )
    if conference is not None:
        enquiry.outcome, enquiry.completed_on = Section47.Outcome.SUBSTANTIATED_CONTINUING, conference
        enquiry.save()
        InitialConference.objects.create(
            section_47=enquiry,
            held_on=conference,
            needs_plan=plan,
            category="NEG" if plan else "",
            chaired_by="Jo Hart",
            recorded_by=by,
        )
    return enquiry


def cp_plan(
    enquiry: Section47, by: User, ended: date | None = None, reviews: tuple[date, ...] = (), previous: int = 0
) -> ChildProtectionPlan:
    conference = enquiry.conference
    plan = ChildProtectionPlan.objects.create(
        referral=enquiry.referral,
        conference=conference,
        started_on=conference.held_on,
        initial_category="NEG",
        latest_category="EMO",
        previous_plans=previous,
        ended_on=ended,
        end_reason="no_longer_at_risk" if ended else "",
    )
    for held in reviews:
        ReviewConference.objects.create(plan=plan, held_on=held, category="EMO", recorded_by=by)
    return plan


def a_child(**overrides: object) -> Person:
    """A school-age child with a UPN and a disability answer: nothing the census would query."""
    from tests.factories import PersonFactory

    values: dict[str, object] = {"date_of_birth": date(2015, 5, 5), "disabilities": ["NONE"], "upn": ""}
    values |= {"upn_unknown_reason": "UN2"}
    return PersonFactory(**(values | overrides))
