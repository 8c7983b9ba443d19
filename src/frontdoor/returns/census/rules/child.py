"""Rules about the child: identifiers, sex, ethnicity, disability, birth and death."""

import re
from collections.abc import Iterator
from datetime import date

from frontdoor.codes import Disability, Ethnicity, Sex
from frontdoor.people.identifiers import upn_check_letter
from frontdoor.returns.census.records import CensusChild
from frontdoor.returns.census.rules.registry import (
    Broken,
    Context,
    further_action,
    rule,
    shown,
)

# The child ------------------------------------------------------------------------------------------


@rule("8500", "LA Child ID missing")
def la_child_id_missing(child: CensusChild, context: Context) -> Iterator[Broken]:
    if not child.la_child_id:
        yield None, "No LA child ID"


@rule("1570", "LA Child ID must not be longer than 20 characters")
def la_child_id_length(child: CensusChild, context: Context) -> Iterator[Broken]:
    if len(child.la_child_id) > 20:
        yield None, f"LA child ID {child.la_child_id} has {len(child.la_child_id)} characters"


@rule("1580", "LA Child ID must not contain any non-alphanumeric characters")
def la_child_id_characters(child: CensusChild, context: Context) -> Iterator[Broken]:
    if child.la_child_id and not (child.la_child_id.isascii() and child.la_child_id.isalnum()):
        yield None, f"LA child ID {child.la_child_id}"


@rule("4180", "Sex must be provided and equal M, F, or U")
def sex_code(child: CensusChild, context: Context) -> Iterator[Broken]:
    if child.sex not in Sex.values:
        yield None, f"Sex {child.sex or 'missing'}"


@rule("8750", "Sex must equal U for an unborn child")
def unborn_sex(child: CensusChild, context: Context) -> Iterator[Broken]:
    if child.is_unborn and child.sex != Sex.UNKNOWN:
        yield None, f"Unborn child recorded as {child.sex}"


@rule("4220", "Ethnicity is missing or invalid (see Ethnicity table)")
def ethnicity_code(child: CensusChild, context: Context) -> Iterator[Broken]:
    if child.ethnicity not in Ethnicity.values:
        yield None, f"Ethnicity {child.ethnicity or 'missing'}"


@rule("8540", "Child’s disability is missing or invalid (see Disability table)")
def disability_code(child: CensusChild, context: Context) -> Iterator[Broken]:
    if child.birth_date is None or not further_action(child):
        return
    invalid = [code for code in child.disabilities if code not in Disability.values]
    if not child.disabilities or invalid:
        yield None, f"Disability {', '.join(invalid) or 'not recorded'}"


@rule("8790", "Disability information includes both None and other values")
def disability_none_alone(child: CensusChild, context: Context) -> Iterator[Broken]:
    if Disability.NONE in child.disabilities and len(child.disabilities) > 1:
        yield None, ", ".join(child.disabilities)


@rule("8794", "Child has two or more disabilities with the same code")
def disability_repeated(child: CensusChild, context: Context) -> Iterator[Broken]:
    if len(set(child.disabilities)) < len(child.disabilities):
        yield None, ", ".join(child.disabilities)


@rule("8520", "Date of Birth is after data collection period (must be on or before the end of the census period)")
def born_after_census(child: CensusChild, context: Context) -> Iterator[Broken]:
    if child.birth_date is not None and child.birth_date > context.census.reference_date:
        yield None, f"Born {shown(child.birth_date)}"


@rule("8525Q", "Either Date of Birth or Expected Date of Birth must be provided (but not both)")
def birth_date_or_expected(child: CensusChild, context: Context) -> Iterator[Broken]:
    if (child.birth_date is None) == (child.expected_birth_date is None):
        yield None, "Neither a date of birth nor an expected date of birth"


@rule(
    "8530Q",
    "Please check and either amend data or provide a reason: Expected Date of Birth is outside the expected range "
    "for this census (March to December of the Census Year end)",
)
def expected_birth_in_range(child: CensusChild, context: Context) -> Iterator[Broken]:
    expected, year = child.expected_birth_date, context.census.year
    if expected is not None and not date(year, 3, 1) <= expected <= date(year, 12, 31):
        yield None, f"Expected {shown(expected)}"


@rule("8775Q", "Please check and either amend data or provide a reason: Child is over 25 years old")
def over_twenty_five(child: CensusChild, context: Context) -> Iterator[Broken]:
    born, reference = child.birth_date, context.census.reference_date
    if born is not None and date(born.year + 25, born.month, min(born.day, 28)) < reference:
        yield None, f"Born {shown(born)}"


@rule(
    "8770Q",
    "Please check and either amend data or provide a reason: UPN is missing or reason UPN is missing or is UN1 for "
    "a child who is of school age.",
)
def school_age_upn(child: CensusChild, context: Context) -> Iterator[Broken]:
    born, reference = child.birth_date, context.census.reference_date
    if born is None or not further_action(child) or born > date(reference.year - 6, reference.month, reference.day):
        return
    if not child.upn and child.upn_unknown in ("", "UN1"):
        yield None, f"No UPN, reason {child.upn_unknown or 'not given'}"


@rule(
    "8772",
    "UPN unknown reason is UN7 (Referral with no further action) but at least one CIN details is a referral going "
    "on to further action",
)
def un7_only_for_nfa(child: CensusChild, context: Context) -> Iterator[Broken]:
    if not child.upn and child.upn_unknown == "UN7" and further_action(child):
        yield None, "UN7 on a child with further action"


@rule(
    "8535Q",
    "Please check and either amend data or provide a reason: Child’s date of death should not be prior to the date "
    "of birth",
)
def died_before_born(child: CensusChild, context: Context) -> Iterator[Broken]:
    if child.death_date and child.birth_date and child.death_date < child.birth_date:
        yield None, f"Died {shown(child.death_date)}, born {shown(child.birth_date)}"


@rule("8590", "Child does not have a recorded CIN episode.")
def has_an_episode(child: CensusChild, context: Context) -> Iterator[Broken]:
    if not child.episodes:
        yield None, "No referral in the year"


@rule("1510", "UPN invalid (wrong check letter at character 1)")
def upn_check_letter_matches(child: CensusChild, context: Context) -> Iterator[Broken]:
    upn = child.upn
    if re.fullmatch(r"[A-Z]\d{11}[0-9A-Z]", upn) and upn_check_letter(upn[1:]) != upn[0]:
        yield None, f"UPN {upn}"


@rule("1540", "UPN invalid (characters 5-12 not all numeric)")
def upn_digits(child: CensusChild, context: Context) -> Iterator[Broken]:
    if child.upn and not child.upn[4:12].isdigit():
        yield None, f"UPN {child.upn}"


@rule("1560Q", "Please check and either amend or provide a reason: Former UPN wrongly formatted")
def former_upn_format(child: CensusChild, context: Context) -> Iterator[Broken]:
    if child.former_upn and not re.fullmatch(r"[A-Z]\d{11}[0-9A-Z]", child.former_upn):
        yield None, f"Former UPN {child.former_upn}"
