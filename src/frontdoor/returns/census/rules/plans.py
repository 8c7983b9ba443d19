"""Rules about child in need plans and child protection plans."""

from collections.abc import Iterator
from datetime import date
from itertools import combinations

from frontdoor.codes import CategoryOfAbuse
from frontdoor.returns.census.records import CensusChild, CensusCinPlan, CensusCpPlan
from frontdoor.returns.census.rules.registry import (
    Broken,
    Context,
    rule,
    shown,
)

# Child in need plans ----------------------------------------------------------------------------------


@rule("4015", "The CIN Plan start date cannot be before the referral date")
def cin_plan_after_referral(child: CensusChild, context: Context) -> Iterator[Broken]:
    for episode in child.episodes:
        for plan in episode.cin_plans:
            if plan.start < episode.referral_date:
                yield episode.referral_id, f"Child in need plan started {shown(plan.start)}"


@rule("4011", "CIN Plan End Date earlier than Start Date")
def cin_plan_ends_after_start(child: CensusChild, context: Context) -> Iterator[Broken]:
    for episode in child.episodes:
        for plan in episode.cin_plans:
            if plan.end is not None and plan.end < plan.start:
                yield episode.referral_id, f"Child in need plan {shown(plan.start)} to {shown(plan.end)}"


@rule(
    "4012Q",
    "Please check and either amend or provide a reason: CIN Plan shown as starting and ending on the same day",
)
def cin_plan_not_one_day(child: CensusChild, context: Context) -> Iterator[Broken]:
    for episode in child.episodes:
        for plan in episode.cin_plans:
            if plan.end == plan.start:
                yield episode.referral_id, f"Child in need plan started and ended {shown(plan.start)}"


@rule("4013", "CIN Plan end date must fall within the census year")
def cin_plan_ends_in_year(child: CensusChild, context: Context) -> Iterator[Broken]:
    for episode in child.episodes:
        for plan in episode.cin_plans:
            if plan.end is not None and not context.census.contains(plan.end):
                yield episode.referral_id, f"Child in need plan ended {shown(plan.end)}"


def cin_plans(child: CensusChild) -> list[tuple[int, CensusCinPlan]]:
    return sorted(
        ((e.referral_id, p) for e in child.episodes for p in e.cin_plans), key=lambda item: (item[1].start, item[1].id)
    )


def cp_plans(child: CensusChild) -> list[tuple[int, CensusCpPlan]]:
    return sorted(
        ((e.referral_id, p) for e in child.episodes for p in e.cp_plans), key=lambda item: (item[1].start, item[1].id)
    )


def overlaps(start_a: date, end_a: date | None, start_b: date, end_b: date | None) -> bool:
    """Two periods overlap; one may start the day the other ends."""
    return start_a < (end_b or date.max) and start_b < (end_a or date.max)


@rule("4014", "CIN Plan data contains overlapping dates")
def cin_plans_do_not_overlap(child: CensusChild, context: Context) -> Iterator[Broken]:
    for (_, first), (referral, second) in combinations(cin_plans(child), 2):
        if overlaps(first.start, first.end, second.start, second.end):
            yield referral, f"Child in need plans from {shown(first.start)} and {shown(second.start)} overlap"


@rule("4004", "This child is showing more than one open CIN Plan, i.e. with no End Date")
def one_open_cin_plan(child: CensusChild, context: Context) -> Iterator[Broken]:
    open_plans = [(referral, plan) for referral, plan in cin_plans(child) if plan.end is None]
    for referral, _ in open_plans[1:]:
        yield referral, f"{len(open_plans)} child in need plans open"


@rule("4001", "A CIN Plan cannot run concurrently with a Child Protection Plan")
def cin_plan_not_during_cp_plan(child: CensusChild, context: Context) -> Iterator[Broken]:
    for referral, cin in cin_plans(child):
        for _, cp in cp_plans(child):
            if overlaps(cin.start, cin.end, cp.start, cp.end):
                yield (
                    referral,
                    (
                        f"Child in need plan from {shown(cin.start)} runs during the protection plan "
                        f"from {shown(cp.start)}"
                    ),
                )


@rule("4003", "A CPP review date is shown as being held at the same time as an open CIN Plan.")
def cp_review_not_during_cin_plan(child: CensusChild, context: Context) -> Iterator[Broken]:
    for referral, cp in cp_plans(child):
        for held in cp.reviews:
            if held == cp.end:
                continue
            if any(cin.start <= held <= (cin.end or date.max) for _, cin in cin_plans(child)):
                yield referral, f"Review conference {shown(held)} during a child in need plan"


@rule("4008", "CIN Plan shown as starting after the child’s Date of Death.")
def cin_plan_before_death(child: CensusChild, context: Context) -> Iterator[Broken]:
    for referral, plan in cin_plans(child):
        if child.death_date is not None and plan.start > child.death_date:
            yield referral, f"Child in need plan started {shown(plan.start)}"


# Child protection plans -------------------------------------------------------------------------------


@rule("1105", "The child protection plan start date cannot be before the referral date")
def cp_plan_after_referral(child: CensusChild, context: Context) -> Iterator[Broken]:
    for episode in child.episodes:
        for plan in episode.cp_plans:
            if plan.start < episode.referral_date:
                yield episode.referral_id, f"Plan started {shown(plan.start)}"


@rule("2885", "Child protection plan shown as starting a different day to the initial child protection conference.")
def cp_plan_starts_at_conference(child: CensusChild, context: Context) -> Iterator[Broken]:
    for episode in child.episodes:
        conferences = {s.conference for s in episode.section_47s}
        for plan in episode.cp_plans:
            if context.census.contains(plan.start) and plan.start not in conferences:
                yield episode.referral_id, f"Plan started {shown(plan.start)} with no conference that day"


@rule("8925", "Child Protection Plan End Date earlier than Start Date")
def cp_plan_ends_after_start(child: CensusChild, context: Context) -> Iterator[Broken]:
    for referral, plan in cp_plans(child):
        if plan.end is not None and plan.end < plan.start:
            yield referral, f"Plan {shown(plan.start)} to {shown(plan.end)}"


@rule("8840", "Child Protection Plan cannot start and end on the same day")
def cp_plan_not_one_day(child: CensusChild, context: Context) -> Iterator[Broken]:
    for referral, plan in cp_plans(child):
        if plan.end == plan.start:
            yield referral, f"Plan started and ended {shown(plan.start)}"


@rule("8930", "Child Protection Plan End Date must fall within the census year")
def cp_plan_ends_in_year(child: CensusChild, context: Context) -> Iterator[Broken]:
    for referral, plan in cp_plans(child):
        if plan.end is not None and not context.census.contains(plan.end):
            yield referral, f"Plan ended {shown(plan.end)}"


@rule("8935", "This child is showing more than one open Child Protection plan, i.e. with no End Date")
def one_open_cp_plan(child: CensusChild, context: Context) -> Iterator[Broken]:
    open_plans = [(referral, plan) for referral, plan in cp_plans(child) if plan.end is None]
    for referral, _ in open_plans[1:]:
        yield referral, f"{len(open_plans)} plans open"


@rule("8940", "Child Protection Plan data contains overlapping dates")
def cp_plans_do_not_overlap(child: CensusChild, context: Context) -> Iterator[Broken]:
    for (_, first), (referral, second) in combinations(cp_plans(child), 2):
        if first.start <= second.start < (first.end or date.max):
            yield referral, f"Plans from {shown(first.start)} and {shown(second.start)} overlap"


@rule("8841", "The review date cannot be on the same day or before the Child protection Plan start date.")
def review_after_plan_start(child: CensusChild, context: Context) -> Iterator[Broken]:
    for referral, plan in cp_plans(child):
        for held in plan.reviews:
            if held <= plan.start:
                yield referral, f"Review {shown(held)}, plan started {shown(plan.start)}"


@rule(
    "8905",
    "Initial Category of Abuse code missing or invalid (see Category of Abuse table in CIN Census code set)",
)
def initial_category(child: CensusChild, context: Context) -> Iterator[Broken]:
    for referral, plan in cp_plans(child):
        if plan.initial_category not in CategoryOfAbuse.values:
            yield referral, f"Initial category {plan.initial_category or 'missing'}"


@rule(
    "8910",
    "Latest Category of Abuse code missing or invalid (see Category of Abuse table in CIN Census code set)",
)
def latest_category(child: CensusChild, context: Context) -> Iterator[Broken]:
    for referral, plan in cp_plans(child):
        if plan.latest_category not in CategoryOfAbuse.values:
            yield referral, f"Latest category {plan.latest_category or 'missing'}"


@rule("8915", "Child Protection Plan shown as starting after the child’s Date of Death")
def cp_plan_before_death(child: CensusChild, context: Context) -> Iterator[Broken]:
    for referral, plan in cp_plans(child):
        if child.death_date is not None and plan.start > child.death_date:
            yield referral, f"Plan started {shown(plan.start)}"


@rule("8920", "Child Protection Plan cannot end after the child’s Date of Death")
def cp_plan_ends_by_death(child: CensusChild, context: Context) -> Iterator[Broken]:
    for referral, plan in cp_plans(child):
        if child.death_date is not None and plan.end is not None and plan.end > child.death_date:
            yield referral, f"Plan ended {shown(plan.end)}"
