"""Rules about assessments, section 47 enquiries and initial conferences."""

from collections.abc import Iterator
from itertools import combinations

from frontdoor.returns.census.records import CensusChild, CensusSection47
from frontdoor.returns.census.rules.registry import (
    Broken,
    Context,
    rule,
    shown,
)

# Assessments ------------------------------------------------------------------------------------------


@rule("1103", "The assessment start date cannot be before the referral date")
def assessment_after_referral(child: CensusChild, context: Context) -> Iterator[Broken]:
    for episode in child.episodes:
        for assessment in episode.assessments:
            if assessment.started < episode.referral_date:
                yield (
                    episode.referral_id,
                    (f"Assessment started {shown(assessment.started)}, referral {shown(episode.referral_date)}"),
                )


@rule("8608", "Assessment Start Date cannot be later than its End Date")
def assessment_authorised_after_start(child: CensusChild, context: Context) -> Iterator[Broken]:
    for episode in child.episodes:
        for a in episode.assessments:
            if a.authorised is not None and a.authorised < a.started:
                yield episode.referral_id, f"Assessment started {shown(a.started)}, authorised {shown(a.authorised)}"


@rule("8696", "Assessment end date must fall within the census year")
def assessment_authorised_in_year(child: CensusChild, context: Context) -> Iterator[Broken]:
    for episode in child.episodes:
        for a in episode.assessments:
            if a.authorised is not None and not context.census.contains(a.authorised):
                yield episode.referral_id, f"Assessment authorised {shown(a.authorised)}"


@rule("8736", "For an Assessment that has not been completed, the start date must fall within the census year")
def open_assessment_started_in_year(child: CensusChild, context: Context) -> Iterator[Broken]:
    for episode in child.episodes:
        for a in episode.assessments:
            if a.authorised is None and not context.census.contains(a.started):
                yield episode.referral_id, f"Open assessment started {shown(a.started)}"


@rule(
    "8670Q",
    "Please check and either amend data or provide a reason: Assessment started more than 45 working days before "
    "the end of the census year. However, there is no Assessment end date.",
)
def open_assessment_not_overdue(child: CensusChild, context: Context) -> Iterator[Broken]:
    due = context.calendar.add_working_days(context.census.as_at, -45)
    for episode in child.episodes:
        for a in episode.assessments:
            if a.authorised is None and a.started < due:
                yield episode.referral_id, f"Open assessment started {shown(a.started)}"


@rule("8896", "Within one CINDetails group there are 2 or more open Assessments groups")
def one_open_assessment(child: CensusChild, context: Context) -> Iterator[Broken]:
    for episode in child.episodes:
        if sum(a.authorised is None for a in episode.assessments) > 1:
            yield episode.referral_id, "More than one assessment open"


@rule("8863Q", "An Assessment is shown as starting when there is another Assessment ongoing.")
def assessments_do_not_overlap(child: CensusChild, context: Context) -> Iterator[Broken]:
    for episode in child.episodes:
        for first, second in combinations(episode.assessments, 2):
            end = first.authorised or context.census.reference_date
            if first.started <= second.started <= end and first.authorised != second.started:
                yield episode.referral_id, f"Assessment started {shown(second.started)} while another was open"


@rule("8897Q", "Parental or child factors at assessment information is missing from a completed assessment")
def completed_assessment_has_factors(child: CensusChild, context: Context) -> Iterator[Broken]:
    for episode in child.episodes:
        for a in episode.assessments:
            if a.authorised is not None and a.authorised >= context.census.start and not a.factors:
                yield episode.referral_id, f"Assessment authorised {shown(a.authorised)} has no factors"


@rule(
    "8869",
    "The assessment factors code “21” cannot be used in conjunction with any other assessment factors.",
)
def no_factors_alone(child: CensusChild, context: Context) -> Iterator[Broken]:
    for episode in child.episodes:
        for a in episode.assessments:
            if "21" in a.factors and len(a.factors) > 1:
                yield episode.referral_id, ", ".join(a.factors)


@rule("8898", " The assessment has more than one parental or child factors with the same code")
def factors_not_repeated(child: CensusChild, context: Context) -> Iterator[Broken]:
    for episode in child.episodes:
        for a in episode.assessments:
            if len(set(a.factors)) < len(a.factors):
                yield episode.referral_id, ", ".join(a.factors)


@rule(
    "8945Q",
    "Please check and either amend data or provide a reason: the assessment factors code '18A' should not be used "
    "('18B' or '18C' should be used instead)",
)
def no_18a(child: CensusChild, context: Context) -> Iterator[Broken]:
    for episode in child.episodes:
        if any("18A" in a.factors for a in episode.assessments):
            yield episode.referral_id, "Factor 18A"


@rule(
    "8950Q",
    "Please check and either amend data or provide a reason: the assessment factors code '19A' should not be used "
    "('19B' or '19C' should be used instead)",
)
def no_19a(child: CensusChild, context: Context) -> Iterator[Broken]:
    for episode in child.episodes:
        if any("19A" in a.factors for a in episode.assessments):
            yield episode.referral_id, "Factor 19A"


# Section 47 enquiries and initial conferences ---------------------------------------------------------


@rule("2889", "The S47 start date cannot be before the referral date.")
def enquiry_after_referral(child: CensusChild, context: Context) -> Iterator[Broken]:
    for episode in child.episodes:
        for s in episode.section_47s:
            if s.start < episode.referral_date:
                yield episode.referral_id, f"Section 47 {shown(s.start)}, referral {shown(episode.referral_date)}"


@rule(
    "8615",
    "Section 47 Enquiry Start Date must be present and cannot be later than the date of the initial Child "
    "Protection Conference",
)
def conference_after_enquiry(child: CensusChild, context: Context) -> Iterator[Broken]:
    for episode in child.episodes:
        for s in episode.section_47s:
            if s.conference is not None and s.conference < s.start:
                yield episode.referral_id, f"Conference {shown(s.conference)} before section 47 {shown(s.start)}"


@rule("1104", "The date of the initial child protection conference cannot be before the referral date")
def conference_after_referral(child: CensusChild, context: Context) -> Iterator[Broken]:
    for episode in child.episodes:
        for s in episode.section_47s:
            if s.conference is not None and s.conference < episode.referral_date:
                yield episode.referral_id, f"Conference {shown(s.conference)}"


@rule("8715", "Date of Initial Child Protection Conference must fall within the census year")
def conference_in_year(child: CensusChild, context: Context) -> Iterator[Broken]:
    for episode in child.episodes:
        for s in episode.section_47s:
            if s.conference is not None and not context.census.contains(s.conference):
                yield episode.referral_id, f"Conference {shown(s.conference)}"


@rule("8875", "The Date of Initial Child Protection Conference cannot be a weekend")
def conference_not_at_a_weekend(child: CensusChild, context: Context) -> Iterator[Broken]:
    for episode in child.episodes:
        for s in episode.section_47s:
            if s.conference is not None and s.conference.weekday() >= 5:
                yield episode.referral_id, f"Conference on {s.conference:%A %d/%m/%Y}"


@rule(
    "8870Q",
    "Please check and either amend or provide a reason: The Target Date for Initial Child Protection Conference "
    "should not be a weekend",
)
def target_not_at_a_weekend(child: CensusChild, context: Context) -> Iterator[Broken]:
    for episode in child.episodes:
        for s in episode.section_47s:
            if s.conference_target is not None and s.conference_target.weekday() >= 5:
                yield episode.referral_id, f"Conference due on {s.conference_target:%A %d/%m/%Y}"


def is_open(enquiry: CensusSection47) -> bool:
    return enquiry.conference is None and not enquiry.not_required


@rule(
    "8740",
    "For a Section 47 Enquiry that has not held the Initial Child Protection Conference by the end of the census "
    "year, the start date must fall within the census year",
)
def open_enquiry_started_in_year(child: CensusChild, context: Context) -> Iterator[Broken]:
    for episode in child.episodes:
        for s in episode.section_47s:
            if is_open(s) and not context.census.contains(s.start):
                yield episode.referral_id, f"Open section 47 started {shown(s.start)}"


@rule(
    "8675Q",
    "Please check and either amend data or provide a reason: S47 Enquiry started more than 15 working days before "
    "the end of the census year. However, there is no date of Initial Child Protection Conference.",
)
def open_enquiry_not_overdue(child: CensusChild, context: Context) -> Iterator[Broken]:
    due = context.calendar.add_working_days(context.census.as_at, -15)
    for episode in child.episodes:
        for s in episode.section_47s:
            if is_open(s) and s.start < due:
                yield episode.referral_id, f"Open section 47 started {shown(s.start)}"


@rule("8839", "Within one CINDetails group there are 2 or more open S47 Assessments")
def one_open_enquiry(child: CensusChild, context: Context) -> Iterator[Broken]:
    for episode in child.episodes:
        if sum(is_open(s) for s in episode.section_47s) > 1:
            yield episode.referral_id, "More than one section 47 open"


@rule("8890", "A Section 47 enquiry is shown as starting when there is another Section 47 Enquiry ongoing")
def enquiries_do_not_overlap(child: CensusChild, context: Context) -> Iterator[Broken]:
    for episode in child.episodes:
        for first, second in combinations(episode.section_47s, 2):
            if first.not_required:
                continue
            end = first.conference or context.census.reference_date
            if first.start <= second.start < end:
                yield episode.referral_id, f"Section 47 started {shown(second.start)} while another was open"


@rule(
    "2991Q",
    "Please check and either amend data or provide a reason: A Section 47 module is recorded and there is no "
    "assessment on the episode",
)
def enquiry_has_an_assessment(child: CensusChild, context: Context) -> Iterator[Broken]:
    for episode in child.episodes:
        if episode.section_47s and not episode.assessments:
            yield episode.referral_id, "Section 47 with no assessment"
