from datetime import date

import pytest

from frontdoor.people.matching import (
    Candidate,
    PartialDate,
    compare_dates,
    compare_names,
    first_name_group,
    score_pair,
    score_search,
)


@pytest.mark.parametrize(
    ("typed", "recorded"),
    [
        (("Jaden", "Smith"), ("Jayden", "Smith")),
        (("Jayden", "Smyth"), ("Jayden", "Smith")),
        (("Jayden", "Smiht"), ("Jayden", "Smith")),
        (("Kathryn", "Jones"), ("Catherine", "Jones")),
        (("Bill", "Evans"), ("William", "Evans")),
        (("Mohammed", "Khan"), ("Muhammad", "Khan")),
        (("Smith", "Jayden"), ("Jayden", "Smith")),
    ],
)
def test_misspelt_nicknamed_and_swapped_names_match(typed: tuple[str, str], recorded: tuple[str, str]) -> None:
    assert compare_names(*typed, *recorded).score >= 0.85


def test_different_names_do_not_match() -> None:
    assert compare_names("Olivia", "Brown", "Jack", "Taylor").score < 0.6


def test_each_name_match_says_why() -> None:
    assert "Bill is another form of William" in compare_names("Bill", "Evans", "William", "Evans").reasons
    assert "Surname sounds like Smith" in compare_names("Jayden", "Smyth", "Jayden", "Smith").reasons


def test_nicknames_share_a_group_key() -> None:
    assert first_name_group("Liz") == first_name_group("Elizabeth")
    assert first_name_group("Jaden") == first_name_group("Jayden")


BORN = date(2015, 3, 7)


@pytest.mark.parametrize(
    ("remembered", "score", "why"),
    [
        (PartialDate(7, 3, 2015), 1.0, "Date of birth matches"),
        (PartialDate(3, 7, 2015), 0.85, "Date of birth matches with day and month swapped"),
        (PartialDate(7, 3, 2014), 0.75, "Date of birth one year out"),
        (PartialDate(1, 3, 2015), 0.65, "Date of birth one digit out in the day"),
        (PartialDate(None, None, 2015), 0.9, "Date of birth fits what you gave"),
        (PartialDate(None, 3, 2015), 0.9, "Date of birth fits what you gave"),
        (PartialDate(None, None, 2016), 0.75, "Date of birth one year out"),
        (PartialDate(20, 11, 2009), 0.0, ""),
    ],
)
def test_remembered_dates_of_birth(remembered: PartialDate, score: float, why: str) -> None:
    assert compare_dates(remembered, BORN) == (score, why)


def child(pid: int, first: str, last: str, born: date, sex: str = "M", **extra: object) -> Candidate:
    return Candidate(pid, [(first, last, False)], born, None, sex, **extra)  # type: ignore[arg-type]


def test_a_search_ranks_a_misspelt_name_with_a_swapped_date_highly() -> None:
    match = score_search(
        candidate=child(1, "Jayden", "Smith", BORN), first="Jaden", last="Smyth", dob=PartialDate(3, 7, 2015)
    )
    assert match.score >= 0.85
    assert "Date of birth matches with day and month swapped" in match.reasons


@pytest.mark.parametrize(
    ("other", "variation"),
    [
        (child(2, "Jaydne", "Smith", BORN), "first name typo"),
        (child(2, "Jayden", "Smtih", BORN), "surname typo"),
        (child(2, "Jayden", "Smith", date(2015, 7, 3)), "day and month swapped"),
        (child(2, "Jayden", "Smith", date(2016, 3, 7)), "year out by one"),
    ],
)
def test_planted_kinds_of_duplicate_score_above_the_finder_threshold(other: Candidate, variation: str) -> None:
    assert score_pair(child(1, "Jayden", "Smith", BORN), other).score >= 0.85, variation


def test_a_nickname_duplicate_is_found() -> None:
    a = child(1, "William", "Evans", BORN)
    assert score_pair(a, child(2, "Bill", "Evans", BORN)).score >= 0.85


def test_twins_are_not_duplicates() -> None:
    twin_a = child(1, "Jayden", "Smith", BORN, postcodes={"NB1 2AB"}, parent_ids={9})
    twin_b = child(2, "Olivia", "Smith", BORN, sex="F", postcodes={"NB1 2AB"}, parent_ids={9})
    same_sex_twin = child(3, "Mason", "Smith", BORN, postcodes={"NB1 2AB"}, parent_ids={9})
    assert score_pair(twin_a, twin_b).score < 0.85
    assert score_pair(twin_a, same_sex_twin).score < 0.85


def test_a_changed_surname_needs_more_than_a_first_name_and_birthday() -> None:
    original = child(1, "Amelia", "Jones", BORN, sex="F", middle_names="Rose", postcodes={"NB1 2AB"}, parent_ids={9})
    stranger = child(2, "Amelia", "Patel", BORN, sex="F")
    renamed = child(2, "Amelia", "Wright", BORN, sex="F", middle_names="Rose", postcodes={"NB1 2AB"}, parent_ids={9})
    assert score_pair(original, stranger).score < 0.85
    match = score_pair(original, renamed)
    assert match.score >= 0.85
    assert any(reason.startswith("Different surname, but") for reason in match.reasons)


def test_different_nhs_numbers_mean_different_people() -> None:
    a = child(1, "Jayden", "Smith", BORN, nhs_number="9990000018")
    b = child(2, "Jayden", "Smith", BORN, nhs_number="9990000026")
    assert score_pair(a, b).score == 0.0


def test_the_same_nhs_number_means_the_same_person() -> None:
    a = child(1, "Jay", "Smith", BORN, nhs_number="9990000018")
    b = child(2, "Jayden", "Smithe", None, nhs_number="9990000018")  # type: ignore[arg-type]
    assert score_pair(a, b).score == 1.0
