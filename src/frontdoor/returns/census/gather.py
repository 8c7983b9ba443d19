"""Who is in a census year and what their records said on its reference date, read a thousand children at a time.

A child is in the return if a referral of theirs was open at any time in the year: made in it, or open on
1 April (cin_census.md section 1.1). An episode carries the work that was open in the year: an assessment,
enquiry or plan that finished before 1 April was in last year's return (the DfE rules 8696, 8715, 4013 and
8930 refuse it in this one), and only the year's review conferences are listed.

Work recorded after the reference date is left out, so a past year's return is the same whenever it is
built: a closure after 31 March leaves the episode open, an assessment authorised after it is still open,
a plan ended after it still runs.
"""

from collections import defaultdict
from collections.abc import Iterator
from datetime import date
from typing import Any

from django.db.models import Q, QuerySet

from frontdoor.casework.models import Assessment, CinPlan, Referral
from frontdoor.people.models import Person
from frontdoor.protection.models import ChildProtectionPlan, ReviewConference, Section47
from frontdoor.returns.census.periods import CensusYear
from frontdoor.returns.census.records import (
    CensusAssessment,
    CensusChild,
    CensusCinPlan,
    CensusCpPlan,
    CensusEpisode,
    CensusSection47,
)
from frontdoor.returns.identifiers import child_unique_id

CHILDREN_PER_READ = 1_000


def referrals_in(census: CensusYear) -> QuerySet[Referral]:
    return Referral.objects.filter(
        Q(closed_on__isnull=True) | Q(closed_on__gte=census.start), referral_date__lte=census.as_at
    )


def children_in(census: CensusYear) -> int:
    return referrals_in(census).values("person_id").distinct().count()


def gather(census: CensusYear) -> Iterator[CensusChild]:
    """Every child in the census, in a steady order, with a bounded number of queries per thousand."""
    people = referrals_in(census).values_list("person_id", flat=True).distinct().order_by("person_id")
    batch: list[int] = []
    for person_id in people.iterator(chunk_size=5_000):
        batch.append(person_id)
        if len(batch) == CHILDREN_PER_READ:
            yield from read(census, batch)
            batch = []
    if batch:
        yield from read(census, batch)


def before(day: date | None, as_at: date) -> date | None:
    """A date, if it had happened by the reference date."""
    return day if day is not None and day <= as_at else None


def read(census: CensusYear, person_ids: list[int]) -> Iterator[CensusChild]:
    as_at = census.as_at
    children = {row[0]: child(row, as_at) for row in people_rows(person_ids)}
    episodes: dict[int, CensusEpisode] = {}
    for pk, person_id, *row in referral_rows(census, person_ids):
        episodes[pk] = episode(pk, row, as_at)
        children[person_id].episodes.append(episodes[pk])
    in_scope = {"referral__in": referrals_in(census).filter(person_id__in=person_ids)}
    for pk, referral_id, started, status, authorised, factors in (
        Assessment.objects.filter(started_on__lte=as_at, **in_scope)
        .order_by("started_on", "id")
        .values_list("id", "referral_id", "started_on", "status", "authorised_on", "factors")
    ):
        done = before(authorised, as_at) if status == Assessment.Status.AUTHORISED else None
        if done is not None and done < census.start:
            continue  # finished before the year: last year's return had it (rule 8696)
        codes = [str(code) for code in factors] if done is not None and isinstance(factors, list) else []
        episodes[referral_id].assessments.append(CensusAssessment(pk, started, done, codes))
    for pk, referral_id, started, ended in (
        CinPlan.objects.filter(started_on__lte=as_at, **in_scope)
        .order_by("started_on", "id")
        .values_list("id", "referral_id", "started_on", "ended_on")
    ):
        if ended is None or ended >= census.start:  # a plan ended before the year is not returned (rule 4013)
            episodes[referral_id].cin_plans.append(CensusCinPlan(pk, started, before(ended, as_at)))
    for pk, referral_id, started, target, held, not_required, completed in (
        Section47.objects.filter(started_on__lte=as_at, **in_scope)
        .order_by("started_on", "id")
        .values_list(
            "id",
            "referral_id",
            "started_on",
            "conference_due_on",
            "conference__held_on",
            "conference_not_required",
            "completed_on",
        )
    ):
        not_needed = not_required and before(completed, as_at) is not None
        ended = held if held is not None else completed if not_needed else None
        if ended is not None and ended < census.start:
            continue  # concluded before the year (rule 8715)
        section_47 = CensusSection47(pk, started, target, before(held, as_at), not_needed)
        episodes[referral_id].section_47s.append(section_47)
    plans: dict[int, CensusCpPlan] = {}
    for pk, referral_id, started, ended, initial, latest, previous in (
        ChildProtectionPlan.objects.filter(started_on__lte=as_at, **in_scope)
        .order_by("started_on", "id")
        .values_list(
            "id", "referral_id", "started_on", "ended_on", "initial_category", "latest_category", "previous_plans"
        )
    ):
        if ended is not None and ended < census.start:
            continue  # ended before the year (rule 8930); NumberOfPreviousCPP still counts it
        plans[pk] = CensusCpPlan(pk, started, before(ended, as_at), initial, latest, previous, [])
        episodes[referral_id].cp_plans.append(plans[pk])
    # The review conferences held in the year.
    reviews = ReviewConference.objects.filter(plan_id__in=list(plans), held_on__gte=census.start, held_on__lte=as_at)
    by_plan: dict[int, list[date]] = defaultdict(list)
    for plan_id, held in reviews.order_by("held_on", "id").values_list("plan_id", "held_on"):
        by_plan[plan_id].append(held)
    for plan_id, held_on in by_plan.items():
        plans[plan_id].reviews = held_on
    yield from children.values()


def people_rows(person_ids: list[int]) -> list[tuple[Any, ...]]:
    return list(
        Person.objects.filter(pk__in=person_ids)
        .order_by("pk")
        .values_list(
            "pk",
            "la_child_id",
            "upn",
            "former_upn",
            "upn_unknown_reason",
            "date_of_birth",
            "expected_date_of_birth",
            "sex",
            "date_of_death",
            "ethnicity",
            "disabilities",
        )
    )


def child(row: tuple[Any, ...], as_at: date) -> CensusChild:
    pk, la_child_id, upn, former_upn, upn_unknown, born, expected, sex, died, ethnicity, disabilities = row
    if born is not None and born > as_at:
        born, expected, sex = None, born, "U"  # not yet born on the reference date
    codes = [str(code) for code in disabilities] if isinstance(disabilities, list) else []
    return CensusChild(
        person_id=pk,
        la_child_id=child_unique_id(pk, la_child_id),
        upn=upn,
        former_upn=former_upn,
        upn_unknown=upn_unknown,
        birth_date=born,
        expected_birth_date=expected if born is None else None,
        sex=sex,
        death_date=before(died, as_at),
        ethnicity=ethnicity,
        disabilities=codes,
    )


def referral_rows(census: CensusYear, person_ids: list[int]) -> list[tuple[Any, ...]]:
    return list(
        referrals_in(census)
        .filter(person_id__in=person_ids)
        .order_by("person_id", "referral_date", "id")
        .values_list(
            "id", "person_id", "referral_date", "source", "primary_need", "closed_on", "closure_reason", "is_nfa"
        )
    )


def episode(pk: int, row: list[Any], as_at: date) -> CensusEpisode:
    referral_date, source, primary_need, closed, reason, is_nfa = row
    closed = before(closed, as_at)
    return CensusEpisode(
        referral_id=pk,
        referral_date=referral_date,
        source=source,
        primary_need=primary_need,
        closed=closed,
        closure_reason=reason if closed is not None else "",
        is_nfa=is_nfa,
    )
