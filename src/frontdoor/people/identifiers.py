"""Checks and normal forms for the identifiers people carry."""

import re

from django.core.exceptions import ValidationError

NHS_WEIGHTS = range(10, 1, -1)
# The UPN check alphabet: A to Z without I, O and S.
UPN_ALPHABET = "ABCDEFGHJKLMNPQRTUVWXYZ"
POSTCODE = re.compile(r"^(GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?[0-9][0-9A-HJKMNPR-Y]? ?[0-9][ABD-HJLNP-UW-Z]{2})$")
LA_CHILD_ID = re.compile(r"^[A-Za-z0-9]{1,20}$")


def normalise_nhs_number(value: str) -> str:
    return re.sub(r"[\s-]", "", value or "")


def nhs_check_digit(first_nine: str) -> int | None:
    """The modulus 11 check digit, or None where none exists (the number is invalid)."""
    total = sum(int(digit) * weight for digit, weight in zip(first_nine, NHS_WEIGHTS, strict=True))
    check = 11 - total % 11
    if check == 11:
        return 0
    return None if check == 10 else check


def is_valid_nhs_number(value: str) -> bool:
    number = normalise_nhs_number(value)
    if not re.fullmatch(r"\d{10}", number):
        return False
    return nhs_check_digit(number[:9]) == int(number[9])


def validate_nhs_number(value: str) -> None:
    number = normalise_nhs_number(value)
    if not re.fullmatch(r"\d{10}", number):
        raise ValidationError("NHS number must be 10 digits", code="nhs_format")
    if not is_valid_nhs_number(number):
        raise ValidationError(
            "NHS number is not valid: its check digit does not match (check for a mistyped digit)",
            code="nhs_check",
        )


def format_nhs_number(value: str) -> str:
    number = normalise_nhs_number(value)
    return f"{number[:3]} {number[3:6]} {number[6:]}" if len(number) == 10 else value


def normalise_upn(value: str) -> str:
    return re.sub(r"\s", "", value or "").upper()


def upn_check_letter(last_twelve: str) -> str:
    """The DfE check letter for UPN characters 2 to 13 (weights 2 to 13, modulus 23)."""
    total = 0
    for weight, character in enumerate(last_twelve, start=2):
        value = int(character) if character.isdigit() else UPN_ALPHABET.index(character)
        total += value * weight
    return UPN_ALPHABET[total % 23]


def validate_upn(value: str) -> None:
    upn = normalise_upn(value)
    if not re.fullmatch(r"[A-Z]\d{11}[0-9A-Z]", upn):
        raise ValidationError(
            "UPN must be 13 characters: a letter, 11 digits, then a digit or a letter",
            code="upn_format",
        )
    if upn[12].isalpha() and upn[12] not in UPN_ALPHABET:
        raise ValidationError("UPN cannot end in I, O or S", code="upn_format")
    if upn_check_letter(upn[1:]) != upn[0]:
        raise ValidationError(
            "UPN is not valid: its check letter does not match (check for a mistyped character)",
            code="upn_check",
        )


def normalise_postcode(value: str) -> str:
    """Upper case with one space before the inward code: 'sw1a1aa' becomes 'SW1A 1AA'."""
    compact = re.sub(r"\s", "", value or "").upper()
    return f"{compact[:-3]} {compact[-3:]}" if len(compact) > 3 else compact


def validate_postcode(value: str) -> None:
    if not POSTCODE.match(normalise_postcode(value)):
        raise ValidationError("Enter a real UK postcode, like SW1A 1AA", code="postcode")


def postcode_district(postcode: str) -> str:
    """The outward code: 'SW1A 1AA' gives 'SW1A'."""
    return normalise_postcode(postcode).split(" ")[0]


def validate_la_child_id(value: str) -> None:
    if not LA_CHILD_ID.match(value or ""):
        raise ValidationError("LA child ID must be 1 to 20 letters and digits", code="la_child_id")
