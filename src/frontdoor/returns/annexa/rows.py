"""Each list's rows, streamed from its query in chunks and written in the template's words."""

from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

from frontdoor.accounts.models import LocalAuthority
from frontdoor.casework.models import Assessment
from frontdoor.codes import PrimaryNeed
from frontdoor.returns.annexa import queries
from frontdoor.returns.annexa.cells import (
    Period,
    Row,
    allocated,
    child_cells,
    disability,
    dmy,
    local_day,
    worker_name,
    yes_no,
)
from frontdoor.returns.annexa.lists import (
    CATEGORY_OF_ABUSE,
    CLOSED_EPISODE,
    CLOSURE_REASON,
    ON_CIN_PLAN,
    ON_CP_PLAN,
    OPEN_ASSESSMENT,
    PRIMARY_NEED,
    SOURCE,
)

CHUNK = 2000
Rows = Callable[[Period], Iterator[Row]]

# Assessment outcomes that mean children's social care goes on working with the child.
NEEDS_SUPPORT = {
    Assessment.Outcome.CIN_PLAN: True,
    Assessment.Outcome.STRATEGY: True,
    Assessment.Outcome.LOOKED_AFTER: True,
    Assessment.Outcome.CORE_ASSESSMENT: True,  # 2010 rules: the initial assessment found more work needed
    Assessment.Outcome.NFA: False,
    Assessment.Outcome.EARLY_HELP: False,
}


def _stream(values: queries.Values) -> Iterator[dict[str, Any]]:
    return values.iterator(chunk_size=CHUNK)


def list_1(period: Period) -> Iterator[Row]:
    for row in _stream(queries.contacts(period)):
        yield (
            *child_cells(row, "person", period),
            dmy(local_day(row["contact__received_at"])),
            SOURCE[row["contact__source"]],
        )


def list_2(period: Period) -> Iterator[Row]:
    # An episode not yet assessed is the council's own early help team's work.
    council = LocalAuthority.load().name
    for row in _stream(queries.early_help(period)):
        yield (
            *child_cells(row, "person", period),
            dmy(row["assessment_start"]),
            dmy(period.known(row["assessment_completed"])),
            row["assessment_organisation"] or council,
        )


def list_3(period: Period) -> Iterator[Row]:
    history = queries.referral_history(period)
    for row in _stream(queries.referrals(period)):
        person, day = row["person__id"], row["referral_date"]
        yield (
            *child_cells(row, "person", period),
            dmy(day),
            SOURCE[row["source"]],
            # A referral becomes "no further action" when it closes: open on the inspection date, it was not yet.
            yes_no(row["is_nfa"] and period.known(row["closed_on"]) is not None),
            history.count_before(person=person, day=day, excluding=row["id"]),
            *allocated(row["team__name"], worker_name(row, "worker")),
        )


def list_4(period: Period) -> Iterator[Row]:
    for row in _stream(queries.assessments(period)):
        authorised = period.known(row["authorised_on"])
        needs_support = NEEDS_SUPPORT.get(row["outcome"]) if authorised else None
        yield (
            *child_cells(row, "referral__person", period),
            disability(row["referral__person__disabilities"]),
            dmy(row["started_on"]),
            yes_no(period.known(row["child_seen_on"]) is not None),
            dmy(authorised),
            yes_no(needs_support),
            *allocated(row["referral__team__name"] or row["worker__team__name"], worker_name(row, "worker")),
        )


def _conference_unnecessary(row: dict[str, Any], held_on: date | None) -> bool | None:
    """Yes if found unnecessary; no once a conference is held or the enquiry ended needing one; else open."""
    if row["conference_not_required"]:
        return True
    return False if held_on is not None or row["completed_on"] is not None else None


def list_5(period: Period) -> Iterator[Row]:
    enquiries, conferences = queries.enquiry_histories(period)
    for row in _stream(queries.section_47s(period)):
        person, start = row["referral__person__id"], row["started_on"]
        held_on = period.known(row["conference__held_on"])
        yield (
            *child_cells(row, "referral__person", period),
            disability(row["referral__person__disabilities"]),
            dmy(local_day(row["strategy_child__discussion__held_at"]) or start),
            yes_no(_conference_unnecessary(row, held_on)),
            dmy(held_on),
            yes_no(row["conference__needs_plan"] if held_on else None),
            enquiries.count_before(person=person, day=start, excluding=row["id"]),
            conferences.count_before(person=person, day=start, excluding=row["id"]),
            *allocated(row["referral__team__name"], worker_name(row, "referral__worker")),
        )


def _case_status(row: dict[str, Any], closed_on: date | None) -> str:
    """Data to Insight's order: closed episode, then a child protection plan, a child in need plan, an assessment.

    We hold no looked-after records, so "a) Looked after child" (second in that order) never applies.
    """
    if closed_on is not None:
        return CLOSED_EPISODE
    if row["on_cp_plan"]:
        return ON_CP_PLAN
    return ON_CIN_PLAN if row["on_cin_plan"] else OPEN_ASSESSMENT


def list_6(period: Period) -> Iterator[Row]:
    for row in _stream(queries.cin_episodes(period)):
        closed_on = period.known(row["closed_on"])
        seen = [day for day in (row["seen_at_assessment"], row["seen_on_visit"]) if day is not None]
        yield (
            *child_cells(row, "person", period),
            disability(row["person__disabilities"]),
            dmy(row["referral_date"]),
            # Required: an episode whose primary need is still to be recorded has it "not stated".
            PRIMARY_NEED[row["primary_need"] or PrimaryNeed.NOT_STATED],
            dmy(max(seen, default=None)),
            dmy(closed_on),
            CLOSURE_REASON[row["closure_reason"]] if closed_on else None,
            _case_status(row, closed_on),
            *allocated(row["team__name"], worker_name(row, "worker")),
        )


def list_7(period: Period) -> Iterator[Row]:
    for row in _stream(queries.cp_plans(period)):
        visited = row["last_visit_on"]
        yield (
            *child_cells(row, "referral__person", period),
            disability(row["referral__person__disabilities"]),
            dmy(row["started_on"]),
            CATEGORY_OF_ABUSE[row["initial_category"]],
            CATEGORY_OF_ABUSE[row["latest_category"]],
            dmy(visited),
            yes_no(bool(row["last_visit_alone"])) if visited else None,
            dmy(row["last_review_on"]),
            dmy(period.known(row["ended_on"])),
            yes_no(bool(row["protected"])),
            row["previous_plans"],
            *allocated(row["referral__team__name"], worker_name(row, "referral__worker")),
        )


def no_rows(period: Period) -> Iterator[Row]:
    """Lists 8 to 11: children in care, care leavers and adoption are not recorded in Front Door."""
    return iter(())


BUILDERS: dict[int, Rows] = {
    1: list_1,
    2: list_2,
    3: list_3,
    4: list_4,
    5: list_5,
    6: list_6,
    7: list_7,
    8: no_rows,
    9: no_rows,
    10: no_rows,
    11: no_rows,
}
