import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from frontdoor.people.identifiers import (
    UPN_ALPHABET,
    format_nhs_number,
    is_valid_nhs_number,
    nhs_check_digit,
    normalise_postcode,
    upn_check_letter,
    validate_nhs_number,
    validate_postcode,
    validate_upn,
)

nine_digits = st.text(alphabet="0123456789", min_size=9, max_size=9)


def with_check_digit(first_nine: str) -> str | None:
    check = nhs_check_digit(first_nine)
    return None if check is None else first_nine + str(check)


@given(nine_digits)
def test_an_nhs_number_with_its_check_digit_is_valid(first_nine: str) -> None:
    number = with_check_digit(first_nine)
    if number is not None:
        assert is_valid_nhs_number(number)


@given(nine_digits, st.integers(min_value=0, max_value=9), st.integers(min_value=1, max_value=9))
def test_one_mistyped_digit_is_always_caught(first_nine: str, position: int, change: int) -> None:
    number = with_check_digit(first_nine)
    if number is None:
        return
    typo = number[:position] + str((int(number[position]) + change) % 10) + number[position + 1 :]
    assert not is_valid_nhs_number(typo)


def test_nhs_numbers_are_read_with_spaces_and_shown_in_threes() -> None:
    assert is_valid_nhs_number("999 000 0018")
    assert format_nhs_number("9990000018") == "999 000 0018"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("12345", "NHS number must be 10 digits"),
        ("999 000 0019", "its check digit does not match"),
    ],
)
def test_a_bad_nhs_number_says_why(value: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        validate_nhs_number(value)


upn_tails = st.text(alphabet="0123456789", min_size=12, max_size=12)


@given(upn_tails)
def test_a_upn_with_its_check_letter_is_valid(tail: str) -> None:
    validate_upn(upn_check_letter(tail) + tail)


@given(upn_tails, st.sampled_from(UPN_ALPHABET))
def test_a_temporary_upn_ending_in_a_letter_is_valid(tail: str, letter: str) -> None:
    temporary = tail[:11] + letter
    validate_upn(upn_check_letter(temporary) + temporary)


@given(upn_tails, st.integers(min_value=0, max_value=11), st.integers(min_value=1, max_value=9))
def test_one_mistyped_upn_digit_is_always_caught(tail: str, position: int, change: int) -> None:
    typo = tail[:position] + str((int(tail[position]) + change) % 10) + tail[position + 1 :]
    with pytest.raises(ValidationError, match="check letter does not match"):
        validate_upn(upn_check_letter(tail) + typo)


@pytest.mark.parametrize(
    ("value", "message"),
    [("A12345", "UPN must be 13 characters"), ("A12345678901O", "cannot end in I, O or S")],
)
def test_a_malformed_upn_says_why(value: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        validate_upn(value)


@pytest.mark.parametrize(("typed", "stored"), [("sw1a1aa", "SW1A 1AA"), (" NB1  2AB ", "NB1 2AB"), ("m11ae", "M1 1AE")])
def test_postcodes_are_stored_in_one_form(typed: str, stored: str) -> None:
    validate_postcode(typed)
    assert normalise_postcode(typed) == stored


@pytest.mark.parametrize("value", ["NOTAPOSTCODE", "12345", "SW1A 1A", "QQ1 1AA"])
def test_a_postcode_that_cannot_exist_is_refused(value: str) -> None:
    with pytest.raises(ValidationError, match="Enter a real UK postcode"):
        validate_postcode(value)
