"""Rules about referrals (CINdetails) and their closure, and how a child's episodes fit together."""

from collections.abc import Iterator
from datetime import date, timedelta
from itertools import combinations

from frontdoor.codes import PrimaryNeed, ReasonForClosure, ReferralSource
from frontdoor.returns.census.records import CensusChild, CensusEpisode
from frontdoor.returns.census.rules.registry import (
    CLOSED_AFTER_ASSESSMENT,
    Broken,
    Context,
    further_action,
    rule,
    shown,
)

# Referrals and their closure --------------------------------------------------------------------------


@rule("8866", "Source of Referral is missing or an invalid code")
def referral_source(child: CensusChild, context: Context) -> Iterator[Broken]:
    for episode in child.episodes:
        if episode.source not in ReferralSource.values:
            yield episode.referral_id, f"Source {episode.source or 'missing'}"


@rule("8610", "Primary Need code is missing for a referral which led to further action.")
def primary_need_present(child: CensusChild, context: Context) -> Iterator[Broken]:
    for episode in further_action(child):
        if not episode.primary_need:
            yield episode.referral_id, f"Referral of {shown(episode.referral_date)} has no primary need"


@rule("8650", "Primary Need Code invalid (see Primary Need table in CIN census code set)")
def primary_need_code(child: CensusChild, context: Context) -> Iterator[Broken]:
    for episode in child.episodes:
        if episode.primary_need and episode.primary_need not in PrimaryNeed.values:
            yield episode.referral_id, f"Primary need {episode.primary_need}"


@rule("8606", "Child referral date is more than 40 weeks before DOB or expected DOB")
def referral_long_before_birth(child: CensusChild, context: Context) -> Iterator[Broken]:
    born = child.birth_date or child.expected_birth_date
    for episode in child.episodes:
        if born is not None and episode.referral_date < born - timedelta(days=280):
            yield episode.referral_id, f"Referred {shown(episode.referral_date)}, born {shown(born)}"


@rule(
    "8569Q",
    "A case with referral date before one working day prior to the collection start date must not be flagged as a "
    "no further action case",
)
def old_nfa_referral(child: CensusChild, context: Context) -> Iterator[Broken]:
    earliest = context.calendar.add_working_days(context.census.start, -1)
    for episode in child.episodes:
        if episode.is_nfa and episode.referral_date < earliest:
            yield episode.referral_id, f"No further action on a referral of {shown(episode.referral_date)}"


@rule("8831", "Activity is recorded against a case marked as a referral with no further action")
def nfa_has_no_activity(child: CensusChild, context: Context) -> Iterator[Broken]:
    for episode in child.episodes:
        if episode.is_nfa and (episode.assessments or episode.section_47s):
            yield episode.referral_id, "An assessment or section 47 on a referral with no further action"


@rule("8832", "Child Protection details provided for a referral with no further action.")
def nfa_has_no_cp_plan(child: CensusChild, context: Context) -> Iterator[Broken]:
    for episode in child.episodes:
        if episode.is_nfa and episode.cp_plans:
            yield episode.referral_id, "A child protection plan on a referral with no further action"


@rule("4000", "CIN Plan details provided for a referral with no further action")
def nfa_has_no_cin_plan(child: CensusChild, context: Context) -> Iterator[Broken]:
    for episode in child.episodes:
        if episode.is_nfa and episode.cin_plans:
            yield episode.referral_id, "A child in need plan on a referral with no further action"


@rule("8555Q", "Child cannot be referred after its recorded date of death")
def referred_after_death(child: CensusChild, context: Context) -> Iterator[Broken]:
    for episode in child.episodes:
        if child.death_date is not None and episode.referral_date > child.death_date:
            yield episode.referral_id, f"Referred {shown(episode.referral_date)}, died {shown(child.death_date)}"


@rule("8620", "CIN Closure Date present and does not fall within the Census year")
def closure_in_year(child: CensusChild, context: Context) -> Iterator[Broken]:
    for episode in child.episodes:
        if episode.closed is not None and not context.census.contains(episode.closed):
            yield episode.referral_id, f"Closed {shown(episode.closed)}"


@rule("8630", "CIN Closure Date is before CIN Referral Date for the same CIN episode")
def closure_after_referral(child: CensusChild, context: Context) -> Iterator[Broken]:
    for episode in child.episodes:
        if episode.closed is not None and episode.closed < episode.referral_date:
            yield episode.referral_id, f"Referred {shown(episode.referral_date)}, closed {shown(episode.closed)}"


@rule("8805", "A CIN case cannot have a CIN closure date without a Reason for Closure")
def closure_has_reason(child: CensusChild, context: Context) -> Iterator[Broken]:
    for episode in child.episodes:
        if episode.closed is not None and not episode.closure_reason:
            yield episode.referral_id, f"Closed {shown(episode.closed)} with no reason"


@rule("8640", "CIN Reason for closure code invalid (see Reason for Closure table in CIN Census code set)")
def closure_reason_code(child: CensusChild, context: Context) -> Iterator[Broken]:
    for episode in child.episodes:
        if episode.closure_reason and episode.closure_reason not in ReasonForClosure.values:
            yield episode.referral_id, f"Reason {episode.closure_reason}"


def episode_dates(episode: CensusEpisode) -> list[date]:
    dates: list[date | None] = []
    for assessment in episode.assessments:
        dates += [assessment.started, assessment.authorised]
    for enquiry in episode.section_47s:
        dates += [enquiry.start, enquiry.conference]
    for plan in episode.cin_plans:
        dates += [plan.start, plan.end]
    dates += [plan.end for plan in episode.cp_plans]
    return [day for day in dates if day is not None]


@rule("8565", "Activity shown after a case has been closed")
def nothing_after_closure(child: CensusChild, context: Context) -> Iterator[Broken]:
    for episode in child.episodes:
        later = [day for day in episode_dates(episode) if episode.closed is not None and day > episode.closed]
        if later:
            yield episode.referral_id, f"Closed {shown(episode.closed)}, work on {shown(max(later))}"


@rule("8867", "CIN episode is shown as closed, however Assessment is not shown as completed")
def closed_assessments_done(child: CensusChild, context: Context) -> Iterator[Broken]:
    for episode in child.episodes:
        if episode.closed is not None and any(a.authorised is None for a in episode.assessments):
            yield episode.referral_id, f"Closed {shown(episode.closed)} with an assessment open"


@rule(
    "8868",
    "CIN episode is shown as closed, however Section 47 enquiry is not shown as completed by ICPC date or ICPC not "
    "required flag",
)
def closed_enquiries_done(child: CensusChild, context: Context) -> Iterator[Broken]:
    for episode in child.episodes:
        if episode.closed is None:
            continue
        if any(s.conference is None and not s.not_required for s in episode.section_47s):
            yield episode.referral_id, f"Closed {shown(episode.closed)} with a section 47 open"


@rule(
    "2990",
    "Activity is recorded against a case marked as ‘Case closed after assessment, no further action’ or 'case "
    "closed after assessment, referred to early help'.",
)
def closed_after_assessment_has_no_plans(child: CensusChild, context: Context) -> Iterator[Broken]:
    for episode in child.episodes:
        if episode.closure_reason in CLOSED_AFTER_ASSESSMENT and (
            episode.section_47s or episode.cp_plans or episode.cin_plans
        ):
            yield episode.referral_id, f"{episode.closure_reason} with a section 47 or a plan"


@rule(
    "8825Q",
    "Please check and either amend data or provide a reason: Reason for Closure code RC8 (case closed after "
    "assessment) or RC9 (case closed after assessment, referred to early help) has been returned but there is no "
    "assessment present for the episode.",
)
def closed_after_assessment_has_one(child: CensusChild, context: Context) -> Iterator[Broken]:
    for episode in child.episodes:
        if episode.closure_reason in CLOSED_AFTER_ASSESSMENT and not episode.assessments:
            yield episode.referral_id, f"{episode.closure_reason} with no assessment"


@rule(
    "8873Q",
    "Please check and either amend data or provide a reason: When there is only one assessment on the episode and "
    "the factors code “21 No factors identified” has been used for the completed assessment, the reason for closure "
    "‘RC8’ or 'RC9' should be used.",
)
def no_factors_closes_after_assessment(child: CensusChild, context: Context) -> Iterator[Broken]:
    for episode in child.episodes:
        only = episode.assessments[0] if len(episode.assessments) == 1 else None
        # As the DfE validator reads it: an open episode has no RC8 or RC9 either, so it is asked about too.
        if only is not None and "21" in only.factors and episode.closure_reason not in CLOSED_AFTER_ASSESSMENT:
            yield episode.referral_id, f"No factors, closed as {episode.closure_reason or 'not yet closed'}"


@rule(
    "8585Q",
    "Please check and either amend or provide a reason: CIN episode shows Died as the Closure Reason, however child "
    "has no recorded Date of Death",
)
def died_has_a_date(child: CensusChild, context: Context) -> Iterator[Broken]:
    for episode in child.episodes:
        if episode.closure_reason == ReasonForClosure.DIED and child.death_date is None:
            yield episode.referral_id, "Closed as died, no date of death"


def episode_end(episode: CensusEpisode, context: Context) -> date | None:
    """Where an episode stops counting for overlaps: its closure; an open referral runs to the reference date."""
    if episode.closed is not None:
        return episode.closed
    return None if episode.is_nfa else context.census.reference_date + timedelta(days=1)


@rule(
    "8815",
    "More than one open CIN Details episode (a module with no CIN Closure Date) has been provided for this child "
    "and case is not a referral with no further action.",
)
def one_open_episode(child: CensusChild, context: Context) -> Iterator[Broken]:
    open_ones = [e for e in child.episodes if e.closed is None and not e.is_nfa]
    for episode in open_ones[1:]:
        yield episode.referral_id, f"{len(open_ones)} referrals open"


@rule(
    "8816",
    "An open CIN episode is shown and case is not a referral with no further action, but it is not the latest episode.",
)
def open_episode_is_latest(child: CensusChild, context: Context) -> Iterator[Broken]:
    latest = max((e.referral_date for e in child.episodes), default=None)
    for episode in child.episodes:
        if episode.closed is None and not episode.is_nfa and latest is not None and episode.referral_date < latest:
            yield episode.referral_id, f"Open referral of {shown(episode.referral_date)} is not the latest"


@rule("8820", "The dates on the CIN episodes for this child overlap")
def episodes_do_not_overlap(child: CensusChild, context: Context) -> Iterator[Broken]:
    for earlier, later in combinations(sorted(child.episodes, key=lambda e: (e.referral_date, e.referral_id)), 2):
        end = episode_end(earlier, context)
        if end is not None and earlier.referral_date <= later.referral_date < end:
            yield (
                later.referral_id,
                f"Referral of {shown(later.referral_date)} overlaps one of " + shown(earlier.referral_date),
            )
