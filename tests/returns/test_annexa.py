"""Ofsted Annex A: the workbook built from records made through the services, read back with openpyxl."""

from datetime import date, datetime, timedelta
from io import BytesIO
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from frontdoor.accounts.models import User
from frontdoor.casework import assessments
from frontdoor.casework import services as casework
from frontdoor.casework.models import Referral
from frontdoor.contacts import services as contacts
from frontdoor.people.models import Person
from frontdoor.protection import services as protection
from frontdoor.protection.models import ChildProtectionPlan, Section47, StrategyChild
from frontdoor.returns.annexa import AnnexASummary, write_annex_a
from frontdoor.returns.annexa.cells import age, disability
from frontdoor.returns.annexa.lists import LISTS
from frontdoor.returns.identifiers import child_unique_id
from tests.factories import PersonFactory, TeamFactory

LONDON = ZoneInfo("Europe/London")
INSPECTION = date(2026, 11, 2)  # a Monday; the six months run from 2 May 2026
POLICE = protection.Participant("police", "DC Sam Reid", "Child abuse investigation team")
ATTENDEES = [protection.Attendee("police", "DC Sam Reid")]
Sheets = dict[str, list[tuple[Any, ...]]]


def export(day: date = INSPECTION) -> tuple[AnnexASummary, Sheets]:
    out = BytesIO()
    summary = write_annex_a(inspection_date=day, out=out)
    workbook = load_workbook(BytesIO(out.getvalue()))
    return summary, {sheet.title: list(sheet.iter_rows(values_only=True)) for sheet in workbook.worksheets}


def rows(sheets: Sheets, number: int) -> list[dict[str, Any]]:
    header, *body = sheets[f"List {number}"]
    return [dict(zip(header, row, strict=True)) for row in body]


def refer(person: Person, by: User, day: date, source: str = "2A") -> Referral:
    return casework.open_referral(person=person, by=by, referral_date=day, source=source)


def enquiry(referral: Referral, by: User, day: date) -> Section47:
    discussion = protection.record_strategy_discussion(
        by=by,
        held_at=datetime.combine(day, datetime.min.time(), LONDON) + timedelta(hours=10),
        kind="meeting",
        information_shared="Disclosure of physical harm at school.",
        children=[protection.ChildDecision(referral, StrategyChild.Decision.S47_JOINT, "Disclosure.")],
        participants=[POLICE],
    )
    return Section47.objects.get(strategy_child__discussion=discussion)


def conference(section_47: Section47, by: User, day: date, category: str = "") -> None:
    protection.hold_initial_conference(
        section_47=section_47,
        by=by,
        held_on=day,
        needs_plan=bool(category),
        category=category,
        chaired_by="Jo Hart, IRO",
        attendees=ATTENDEES,
    )


def no_conference(section_47: Section47, by: User, day: date) -> None:
    protection.record_section_47_outcome(
        section_47=section_47,
        by=by,
        outcome="not_substantiated",
        completed_on=day,
        conference_needed=False,
        not_required_reason="Concerns not substantiated.",
    )


@pytest.fixture
def mia(db: None) -> Person:
    return PersonFactory(
        first_name="Mia", date_of_birth=date(2015, 3, 10), sex="F", ethnicity="NOBT", disabilities=["NONE"]
    )


@pytest.fixture
def leo(db: None) -> Person:
    return PersonFactory(first_name="Leo", date_of_birth=date(2016, 5, 3), sex="M", ethnicity="WBRI")


def test_the_workbook_has_the_eleven_lists_with_the_templates_headers_in_row_one(db: None) -> None:
    _, sheets = export()
    assert list(sheets) == [f"List {n}" for n in range(1, 12)]
    for annex_list in LISTS:
        assert sheets[annex_list.sheet][0] == annex_list.headers
    assert sheets["List 1"][0] == (
        "Child Unique ID",
        "Gender",
        "Ethnicity",
        "Date of Birth",
        "Age of Child (Years)",
        "Date of Contact",
        "Contact Source",
    )
    assert len(sheets["List 7"][0]) == 17 and sheets["List 7"][0][13].startswith("Subject to Emergency Protection")
    assert [len(sheets[f"List {n}"][0]) for n in range(2, 7)] == [8, 11, 12, 14, 14]
    assert "Allocated Personal Advisor" in sheets["List 9"][0]
    assert sheets["List 11"][0][0] == "Individual adopter identifier"


def test_an_empty_council_gives_all_eleven_sheets_with_headers_only(db: None) -> None:
    summary, sheets = export()
    assert all(len(sheet) == 1 for sheet in sheets.values())
    assert summary.rows == dict.fromkeys(range(1, 12), 0) and summary.unidentified_children == 0


def test_a_child_on_a_plan_appears_in_list_7_with_dates_categories_and_previous_plans(
    mia: Person, social_worker: User, team_manager: User
) -> None:
    first = refer(mia, social_worker, date(2025, 2, 24))
    conference(enquiry(first, social_worker, date(2025, 2, 24)), social_worker, date(2025, 3, 3), "NEG")
    protection.end_plan(
        plan=ChildProtectionPlan.objects.get(), by=team_manager, ended_on=date(2025, 9, 1), reason="no_longer_at_risk"
    )
    casework.set_primary_need(referral=first, by=social_worker, primary_need="N1", expected_version=1)
    casework.close_referral(
        referral=first, by=team_manager, closed_on=date(2025, 9, 1), reason="RC7", expected_version=2
    )
    second = refer(mia, social_worker, date(2026, 8, 31))
    casework.allocate_referral(
        referral=second, by=team_manager, team=social_worker.team, worker=social_worker, expected_version=1
    )
    conference(enquiry(second, social_worker, date(2026, 8, 31)), social_worker, date(2026, 9, 7), "EMO")
    plan = ChildProtectionPlan.objects.get(referral=second)
    for day, alone in ((date(2026, 9, 16), True), (date(2026, 10, 14), False), (date(2026, 11, 10), True)):
        protection.record_visit(
            plan=plan, by=social_worker, visited_on=day, child_seen=True, seen_alone=alone, bedroom_seen=True, notes="."
        )
    protection.record_review_conference(
        plan=plan, by=social_worker, held_on=date(2026, 10, 26), continue_plan=True, category="MUL"
    )
    protection.record_protective_order(referral=second, by=social_worker, kind="epo", started_on=date(2026, 8, 31))

    _, sheets = export()

    assert sheets["List 7"][1:] == [
        (
            mia.la_child_id,
            "b) Female",
            "s) NOBT",
            "10/03/2015",
            11,
            "b) No",
            "07/09/2026",
            "d) Emotional abuse",
            "e) Multiple/not recommended",
            "14/10/2026",  # the visit on 10 November came after the inspection date
            "b) No",
            "26/10/2026",
            None,
            "a) Yes",
            1,
            "Locality team North",
            social_worker.get_full_name(),
        )
    ]
    (episode,) = rows(sheets, 6)
    assert (episode["Case Status"], episode["Date Child Was Last Seen"]) == ("b) Child Protection plan", "14/10/2026")
    assert all(len(sheets[f"List {n}"]) == 1 for n in range(8, 12))


def test_a_referral_counts_only_the_childs_referrals_in_the_twelve_months_before_it(
    leo: Person, mia: Person, social_worker: User
) -> None:
    for day in (date(2025, 5, 15), date(2025, 12, 1), date(2026, 6, 1), date(2026, 9, 1)):
        refer(leo, social_worker, day)
    refer(mia, social_worker, date(2026, 8, 1), source="6")
    refer(mia, social_worker, date(2026, 11, 3))  # after the inspection date

    _, sheets = export()

    counts = [
        (r["Child Unique ID"], r["Date of Referral"], r["Number of Referrals in Last 12 Months"])
        for r in rows(sheets, 3)
    ]
    # 1 June: only 1 December (15 May 2025 is more than 12 months before); 1 September: 1 December and 1 June.
    assert counts == [
        (leo.la_child_id, "01/06/2026", 1),
        (mia.la_child_id, "01/08/2026", 0),
        (leo.la_child_id, "01/09/2026", 2),
    ]
    mias = rows(sheets, 3)[1]
    assert (mias["Referral Source"], mias["Referral NFA?"]) == ("q) 6: Police", "b) No")
    assert (mias["Allocated Team"], mias["Allocated Worker"]) == ("Unallocated", "Unallocated")


def test_section_47_counts_exclude_the_enquiry_itself_and_count_the_conferences_before_it(
    leo: Person, mia: Person, social_worker: User
) -> None:
    referral = refer(leo, social_worker, date(2025, 7, 28))
    no_conference(enquiry(referral, social_worker, date(2025, 8, 1)), social_worker, date(2025, 8, 8))
    conference(enquiry(referral, social_worker, date(2026, 1, 5)), social_worker, date(2026, 1, 19))
    latest = enquiry(referral, social_worker, date(2026, 9, 7))
    no_conference(latest, social_worker, date(2026, 9, 14))
    enquiry(refer(mia, social_worker, date(2026, 4, 6)), social_worker, date(2026, 4, 6))  # still open

    _, sheets = export()

    mias, leos = rows(sheets, 5)
    # Leo's enquiry of 1 August 2025 is more than 12 months before 7 September 2026; January's counts, with its ICPC.
    assert leos["Strategy discussion initiating Section 47 Enquiry Start Date"] == "07/09/2026"
    assert leos["Number of Section 47 Enquiries in the last 12 months"] == 1
    assert leos["Number of ICPCs in the last 12 months"] == 1
    assert leos["Was an Initial Child Protection Conference deemed unnecessary?"] == "a) Yes"
    # Mia's enquiry began before the six months but is still open, so it is listed, undecided.
    assert mias["Strategy discussion initiating Section 47 Enquiry Start Date"] == "06/04/2026"
    assert [mias[k] for k in list(mias)[7:12]] == [None, None, None, 0, 0]


def test_list_1_has_a_row_for_each_identified_child_on_each_contact_in_the_six_months(
    mia: Person, contact_officer: User
) -> None:
    unborn = PersonFactory(date_of_birth=None, expected_date_of_birth=date(2026, 12, 20), sex="U")

    def record(at: datetime, source: str, *children: contacts.ChildOnContact) -> None:
        contacts.record_contact(
            by=contact_officer,
            received_at=at,
            channel="phone",
            source=source,
            referrer=contacts.Referrer("Mrs Patel"),
            children=list(children),
            concern="Bruises on her arm.",
        )

    record(datetime(2026, 5, 1, 23, 30, tzinfo=LONDON), "2A", contacts.ChildOnContact(mia))  # before the six months
    record(datetime(2026, 5, 2, 0, 30, tzinfo=LONDON), "5D", contacts.ChildOnContact(mia))
    record(
        datetime(2026, 11, 2, 23, 30, tzinfo=LONDON),
        "6",
        contacts.ChildOnContact(unborn),
        contacts.ChildOnContact(unidentified_details="A girl called Amy, about 7"),
    )
    record(datetime(2026, 11, 3, 0, 30, tzinfo=LONDON), "6", contacts.ChildOnContact(mia))  # after the inspection

    summary, sheets = export()

    assert sheets["List 1"][1:] == [
        (mia.la_child_id, "b) Female", "s) NOBT", "10/03/2015", 11, "02/05/2026", "p1) 5D: LA services"),
        (unborn.la_child_id, "c) Not stated/recorded", "s) NOBT", None, -1, "02/11/2026", "q) 6: Police"),
    ]
    assert summary.rows[1] == 2 and summary.unidentified_children == 1


def test_assessments_and_child_in_need_episodes_as_they_stood_on_the_inspection_date(
    leo: Person, mia: Person, social_worker: User, team_manager: User
) -> None:
    referral = refer(leo, social_worker, date(2026, 9, 1))
    casework.allocate_referral(
        referral=referral, by=team_manager, team=social_worker.team, worker=social_worker, expected_version=1
    )
    casework.set_primary_need(referral=referral, by=social_worker, primary_need="N1", expected_version=2)
    assessment = assessments.start_assessment(referral=referral, by=social_worker, started_on=date(2026, 9, 2))
    written = {
        "child_seen_on": date(2026, 9, 10),
        "seen_alone": "yes",
        "childs_views": "Leo said he likes school.",
        "views_gathered_how": "Seen alone at school.",
        "parents_views": "Mum wants help.",
        "analysis": "Needs help at home.",
        "factors": ["3B"],
        "outcome": "cin_plan",
    }
    assessments.save_assessment(assessment=assessment, by=social_worker, expected_version=1, changes=written)
    assessments.submit_assessment(assessment=assessment, by=social_worker, expected_version=2, late_reason="Waiting")
    assessments.authorise_assessment(
        assessment=assessment, by=team_manager, grade="good", authorised_on=date(2026, 10, 20)
    )
    casework.start_cin_plan(referral=referral, by=social_worker, started_on=date(2026, 10, 21))
    assessments.start_assessment(
        referral=refer(mia, social_worker, date(2026, 10, 1)), by=social_worker, started_on=date(2026, 10, 2)
    )
    closed = refer(PersonFactory(), social_worker, date(2026, 6, 1))
    casework.set_primary_need(referral=closed, by=social_worker, primary_need="N4", expected_version=1)
    casework.close_referral(
        referral=closed, by=team_manager, closed_on=date(2026, 10, 1), reason="RC7", expected_version=2
    )
    nfa = refer(PersonFactory(), social_worker, date(2026, 9, 15))
    casework.close_referral(
        referral=nfa, by=team_manager, closed_on=date(2026, 9, 16), reason="RC8", expected_version=1, nfa=True
    )

    _, sheets = export()

    worker = social_worker.get_full_name()
    assert [list(r.values())[6:] for r in rows(sheets, 4)] == [
        ["02/09/2026", "a) Yes", "20/10/2026", "a) Yes", "Locality team North", worker],
        # Unallocated, so the team is that of the worker doing the assessment; open, so no outcome yet.
        ["02/10/2026", "b) No", None, None, "Locality team North", worker],
    ]
    rc7 = "RC7 - Services ceased for any other reason, including child no longer in need"
    columns = ("Primary Need Code", "Date Child Was Last Seen", "CIN Closure Date", "Reason for Closure", "Case Status")
    assert [tuple(r[c] for c in (*columns, "Allocated Team")) for r in rows(sheets, 6)] == [
        ("N4 - Family in acute stress", None, "01/10/2026", rc7, "e) Closed episode", "Unallocated"),
        ("N1 - Abuse or neglect", "10/09/2026", None, None, "c) Child in need plan", "Locality team North"),
        # Its primary need is still to be recorded, and the list may not leave it blank.
        ("N0 - Not stated", None, None, None, "d) Open assessment", "Unallocated"),
    ]
    assert [r["Referral NFA?"] for r in rows(sheets, 3)] == ["b) No", "b) No", "a) Yes", "b) No"]


def child_with_a_plan(by: User, contact_officer: User, day: date) -> None:
    person = PersonFactory()
    contacts.record_contact(
        by=contact_officer,
        received_at=datetime.combine(day, datetime.min.time(), LONDON) + timedelta(hours=9),
        channel="phone",
        source="3A",
        referrer=contacts.Referrer("Dr Kerr"),
        children=[contacts.ChildOnContact(person)],
        concern="Injury.",
    )
    referral = refer(person, by, day)
    conference(enquiry(referral, by, day), by, day + timedelta(days=7), "PHY")
    plan = ChildProtectionPlan.objects.get(referral=referral)
    protection.record_visit(
        plan=plan,
        by=by,
        visited_on=day + timedelta(days=9),
        child_seen=True,
        seen_alone=True,
        bedroom_seen=True,
        notes=".",
    )
    protection.record_review_conference(
        plan=plan, by=by, held_on=day + timedelta(days=14), continue_plan=True, category="PHY"
    )


def test_the_number_of_queries_does_not_grow_with_the_number_of_children(
    social_worker: User, contact_officer: User
) -> None:
    mondays = [date(2026, 6, 1) + timedelta(weeks=n) for n in range(10)]

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            write_annex_a(inspection_date=INSPECTION, out=BytesIO())
        return len(captured.captured_queries)

    for day in mondays[:2]:
        child_with_a_plan(social_worker, contact_officer, day)
    with_two = queries()
    for day in mondays[2:]:
        child_with_a_plan(social_worker, contact_officer, day)
    assert queries() == with_two
    assert export()[0].rows == {1: 10, 2: 0, 3: 10, 4: 0, 5: 10, 6: 10, 7: 10} | dict.fromkeys(range(8, 12), 0)


def test_progress_is_reported_as_each_list_is_done(db: None) -> None:
    reports: list[tuple[int, str]] = []
    write_annex_a(inspection_date=INSPECTION, out=BytesIO(), progress=lambda p, stage: reports.append((p, stage)))
    assert len(reports) == 12 and reports[0][1].startswith("List 1 ") and reports[-1] == (100, "Workbook written")
    assert [p for p, _ in reports] == sorted(p for p, _ in reports)


def test_a_child_without_an_la_child_id_gets_a_stable_one_from_their_record_number() -> None:
    assert child_unique_id(42, "") == "FD00000042"
    assert child_unique_id(42, "  ") == "FD00000042"
    assert child_unique_id(42, "NB-0042") == "FD00000042"  # not letters and digits only: not usable
    assert child_unique_id(42, "NB0042") == "NB0042"


def test_disability_and_age_follow_ofsteds_instructions() -> None:
    assert [disability([]), disability(["NONE"]), disability(["AUT", "LD"])] == ["c) Unknown", "b) No", "a) Yes"]
    on = date(2026, 11, 2)
    assert age(date(2016, 11, 2), None, on) == 10 and age(date(2016, 11, 3), None, on) == 9
    assert age(None, date(2027, 1, 5), on) == -1 and age(date(2026, 12, 1), None, on) == -1
    assert age(None, None, on) is None


def test_lists_8_to_11_have_their_headers_and_no_rows_while_lists_1_to_7_have_theirs(
    leo: Person, social_worker: User
) -> None:
    refer(leo, social_worker, date(2026, 9, 1))
    summary, sheets = export()
    assert summary.rows[3] == summary.rows[6] == 1
    assert [sheets[f"List {n}"] for n in range(8, 12)] == [[annex_list.headers] for annex_list in LISTS[7:]]


@pytest.mark.parametrize("attack", ['=HYPERLINK("http://evil.example","x")', "+1+1", "-1+1", "@SUM(1+1)"])
def test_a_team_name_that_a_spreadsheet_would_run_as_a_formula_is_written_as_text(
    attack: str, mia: Person, social_worker: User
) -> None:
    referral = refer(mia, social_worker, date(2026, 6, 1))
    Referral.objects.filter(pk=referral.pk).update(team=TeamFactory(name=attack))
    out = BytesIO()
    write_annex_a(inspection_date=INSPECTION, out=out)

    sheet = load_workbook(BytesIO(out.getvalue()))["List 3"]
    cells = [cell for row in sheet.iter_rows(min_row=2) for cell in row if cell.value == attack]
    assert cells
    assert all(cell.data_type == "s" for cell in cells)  # string cells: a formula would be "f"


def test_a_workbook_written_to_a_file_leaves_nothing_beside_it(
    mia: Person, social_worker: User, tmp_path: Path
) -> None:
    refer(mia, social_worker, date(2026, 6, 1))
    out = tmp_path / "annex-a.xlsx"
    # The remains of a killed run: a half-zipped file and its rows.
    out.with_name("annex-a.xlsx.part").write_bytes(b"PK half")
    (tmp_path / "annex-a.xlsx.scratch").mkdir()
    (tmp_path / "annex-a.xlsx.scratch" / "rows").write_text("Mia")

    write_annex_a(inspection_date=INSPECTION, out=out)

    assert load_workbook(out)["List 3"].max_row == 2
    assert sorted(path.name for path in tmp_path.iterdir()) == ["annex-a.xlsx"]
