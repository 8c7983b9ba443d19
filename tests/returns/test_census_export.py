"""The CIN census XML: who is in it, what each child carries, in the order the schema demands."""

from datetime import date
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from lxml import etree

from frontdoor.accounts.models import LocalAuthority, User
from frontdoor.returns.census.export import export_census
from frontdoor.returns.census.periods import CensusYear
from frontdoor.returns.census.xsd import schema
from tests.returns.records import a_child, assessment, cin_plan, cp_plan, referral, section_47

TODAY = date(2026, 11, 26)
YEAR_2026 = CensusYear.of(2026, today=TODAY)


def export(tmp_path: Path, census: CensusYear = YEAR_2026):
    out = tmp_path / "census.xml"
    result = export_census(census=census, out=out)
    return result, etree.parse(str(out))


def test_a_child_on_a_plan_has_every_part_of_their_episode_in_the_schema_order(
    tmp_path: Path, council: LocalAuthority, social_worker: User
) -> None:
    mia = a_child(first_name="Mia", date_of_birth=date(2016, 3, 1), sex="F")
    episode = referral(mia, date(2025, 6, 2), social_worker)
    assessment(episode, date(2025, 6, 3), social_worker, authorised=date(2025, 7, 10), factors=["3A", "16A"])
    enquiry = section_47(episode, date(2025, 6, 4), social_worker, date(2025, 6, 25), date(2025, 6, 24), plan=True)
    cp_plan(enquiry, social_worker, ended=date(2025, 12, 1), reviews=(date(2025, 9, 16), date(2025, 12, 1)), previous=1)
    cin_plan(episode, date(2025, 12, 1), social_worker)  # the step down

    result, tree = export(tmp_path)

    assert result.children == 1
    assert [issue for issue in result.issues if issue.severity == "error"] == []
    assert schema().validate(tree), schema().error_log
    assert tree.findtext("Header/CollectionDetails/ReferenceDate") == "2026-03-31"
    assert tree.findtext("Header/Source/LEA") == "931"
    child = tree.find("Children/Child")
    assert child.findtext("ChildIdentifiers/LAchildID") == mia.la_child_id
    details = child.find("CINdetails")
    assert [element.tag for element in details] == [
        "CINreferralDate",
        "ReferralSource",
        "PrimaryNeedCode",
        "Assessments",
        "CINPlanDates",
        "Section47",
        "ReferralNFA",
        "ChildProtectionPlans",
    ]
    assert details.findtext("ReferralNFA") == "0"
    assert details.findtext("Section47/ICPCnotRequired") == "0"
    assert details.findtext("Section47/DateOfInitialCPC") == "2025-06-24"
    plan = details.find("ChildProtectionPlans")
    assert plan.findtext("CPPstartDate") == "2025-06-24" and plan.findtext("CPPendDate") == "2025-12-01"
    assert plan.findtext("NumberOfPreviousCPP") == "1"
    assert [e.text for e in plan.findall("Reviews/CPPreviewDate")] == ["2025-09-16", "2025-12-01"]
    assert details.findtext("CINPlanDates/CINPlanStartDate") == "2025-12-01"
    assert [e.text for e in details.findall("Assessments/FactorsIdentifiedAtAssessment/AssessmentFactors")] == [
        "3A",
        "16A",
    ]


def test_the_census_has_the_referrals_of_the_year_and_those_open_on_1_april(
    tmp_path: Path, council: LocalAuthority, social_worker: User
) -> None:
    closed_before = a_child()
    referral(closed_before, date(2025, 1, 6), social_worker, closed_on=date(2025, 3, 28), closure_reason="RC7")
    open_on_1_april = a_child()
    referral(open_on_1_april, date(2025, 2, 3), social_worker)
    in_the_year = a_child()
    referral(in_the_year, date(2026, 3, 31), social_worker)
    after_the_year = a_child()
    referral(after_the_year, date(2026, 4, 1), social_worker)

    result, tree = export(tmp_path)

    ids = {element.text for element in tree.iterfind("Children/Child/ChildIdentifiers/LAchildID")}
    assert ids == {open_on_1_april.la_child_id, in_the_year.la_child_id}
    assert result.children == 2


def test_work_done_after_the_reference_date_is_left_out_of_a_past_year(
    tmp_path: Path, council: LocalAuthority, social_worker: User
) -> None:
    child = a_child()
    episode = referral(child, date(2026, 2, 2), social_worker, closed_on=date(2026, 5, 1), closure_reason="RC7")
    assessment(episode, date(2026, 2, 3), social_worker, authorised=date(2026, 4, 14))
    cin_plan(episode, date(2026, 4, 14), social_worker, ended=date(2026, 5, 1))

    _, tree = export(tmp_path)

    details = tree.find("Children/Child/CINdetails")
    assert details.find("CINclosureDate") is None and details.find("ReasonForClosure") is None
    assert details.findtext("Assessments/AssessmentActualStartDate") == "2026-02-03"
    assert details.find("Assessments/AssessmentAuthorisationDate") is None
    assert details.find("Assessments/FactorsIdentifiedAtAssessment") is None
    assert details.find("CINPlanDates") is None


def test_a_year_with_no_children_is_a_valid_nil_return(tmp_path: Path, council: LocalAuthority) -> None:
    result, tree = export(tmp_path)

    assert result.children == 0 and result.issues == []
    assert tree.find("Children") is not None and tree.find("Children/Child") is None
    assert schema().validate(tree)


def test_a_broken_record_is_still_exported_and_reported_with_the_referral_to_fix(
    tmp_path: Path, council: LocalAuthority, social_worker: User
) -> None:
    child = a_child()
    episode = referral(child, date(2025, 9, 1), social_worker)
    assessment(episode, date(2025, 8, 28), social_worker)

    result, tree = export(tmp_path)

    assert tree.findtext("Children/Child/ChildIdentifiers/LAchildID") == child.la_child_id
    (issue,) = [issue for issue in result.issues if issue.rule == "1103"]
    assert (issue.severity, issue.person_id, issue.referral_id) == ("error", child.pk, episode.pk)
    assert "28/08/2025" in issue.detail


def test_a_value_the_schema_refuses_is_reported_against_the_child(
    tmp_path: Path, council: LocalAuthority, social_worker: User
) -> None:
    child = a_child(ethnicity="XXXX")
    referral(child, date(2025, 9, 1), social_worker)

    result, _ = export(tmp_path)

    codes = {issue.rule for issue in result.issues if issue.la_child_id == child.la_child_id}
    assert {"XSD", "4220"} <= codes


def test_the_export_reads_the_same_number_of_queries_for_two_children_or_twenty(
    tmp_path: Path, council: LocalAuthority, social_worker: User
) -> None:
    def add_children(count: int) -> None:
        for _ in range(count):
            episode = referral(a_child(), date(2025, 6, 2), social_worker)
            assessment(episode, date(2025, 6, 3), social_worker, authorised=date(2025, 7, 1))
            cin_plan(episode, date(2025, 7, 1), social_worker)
            enquiry = section_47(episode, date(2025, 6, 4), social_worker, date(2025, 6, 25), date(2025, 6, 24), True)
            cp_plan(enquiry, social_worker, ended=date(2025, 7, 1), reviews=(date(2025, 6, 30),))

    add_children(2)
    with CaptureQueriesContext(connection) as few:
        export(tmp_path)
    add_children(18)
    with CaptureQueriesContext(connection) as many:
        result, _ = export(tmp_path)
    assert result.children == 20
    assert len(many) == len(few)


def test_the_command_writes_the_file_and_lists_the_rules_broken(
    tmp_path: Path, council: LocalAuthority, social_worker: User, capsys: pytest.CaptureFixture[str]
) -> None:
    episode = referral(a_child(), date(2025, 9, 1), social_worker)
    assessment(episode, date(2025, 8, 28), social_worker)
    out = tmp_path / "return.xml"

    call_command("census", "export", "--year", "2026", "--out", str(out))

    assert out.is_file() and not (tmp_path / "return.xml.part").exists()
    printed = capsys.readouterr().out
    assert "2025-26 census" in printed and "1 children" in printed and "1103" in printed


@pytest.mark.parametrize(
    ("arguments", "complaint"),
    [
        (["--year", "2019"], "No census year 2019"),
        (["--year", "twenty"], "invalid int value"),
        (["--year", "2026", "--out", "/no/such/folder/c.xml"], "No folder /no/such/folder"),
    ],
)
def test_the_command_refuses_a_year_it_does_not_know_or_a_folder_that_is_not_there(
    tmp_path: Path, council: LocalAuthority, arguments: list[str], complaint: str
) -> None:
    if "--out" not in arguments:
        arguments = [*arguments, "--out", str(tmp_path / "c.xml")]
    with pytest.raises(CommandError, match=complaint):
        call_command("census", "export", *arguments)


def test_work_finished_before_the_year_was_last_years_and_is_left_out(
    tmp_path: Path, council: LocalAuthority, social_worker: User
) -> None:
    child = a_child()
    episode = referral(child, date(2024, 11, 4), social_worker)
    assessment(episode, date(2024, 11, 5), social_worker, authorised=date(2024, 12, 20))
    enquiry = section_47(episode, date(2024, 11, 6), social_worker, date(2024, 11, 27), date(2024, 11, 26), plan=True)
    cp_plan(enquiry, social_worker, ended=date(2025, 2, 24), reviews=(date(2025, 2, 24),))
    cin_plan(episode, date(2025, 2, 24), social_worker, ended=date(2025, 3, 31))
    cin_plan(episode, date(2025, 3, 31), social_worker)

    result, tree = export(tmp_path)

    details = tree.find("Children/Child/CINdetails")
    assert details.findtext("CINreferralDate") == "2024-11-04"
    assert [e.tag for e in details] == [
        "CINreferralDate",
        "ReferralSource",
        "PrimaryNeedCode",
        "CINPlanDates",
        "ReferralNFA",
    ]
    assert details.findtext("CINPlanDates/CINPlanStartDate") == "2025-03-31"
    assert [issue.rule for issue in result.issues if issue.severity == "error"] == []
