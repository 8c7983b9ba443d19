from datetime import date
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from frontdoor.accounts.models import User
from frontdoor.accounts.roles import Role
from frontdoor.codes import Disability, Ethnicity, Sex, UpnUnknownReason
from frontdoor.govuk.forms import GovukDateField, GovukDateInput, GovukForm
from frontdoor.people.identifiers import normalise_postcode, validate_postcode
from frontdoor.people.matching import PartialDate
from frontdoor.people.models import (
    Identifier,
    ImmigrationStatus,
    OtherName,
    Person,
    Professional,
    RelationshipKind,
    RestrictionReason,
    Warning,
)
from frontdoor.people.search import SearchQuery
from frontdoor.people.services import AddressDetails, person_problems

WIDTH_20 = {"class": "govuk-input--width-20"}
WIDTH_10 = {"class": "govuk-input--width-10"}


class PartialDateField(forms.Field):
    """A date of birth as remembered: any of day, month and year, or none."""

    widget = GovukDateInput

    def to_python(self, value: Any) -> PartialDate:
        parts = [str(p).strip() if p else "" for p in (value or ["", "", ""])]
        if not all(part.isdigit() for part in parts if part):
            raise ValidationError("Date of birth must be numbers, like 27 3 2015")
        day, month, year = (int(part) if part else None for part in parts)
        if day is not None and not 1 <= day <= 31:
            raise ValidationError("Day of birth must be between 1 and 31")
        if month is not None and not 1 <= month <= 12:
            raise ValidationError("Month of birth must be between 1 and 12")
        if year is not None and not 1900 <= year <= timezone.localdate().year + 1:
            raise ValidationError("Year of birth must include 4 numbers, like 2015")
        return PartialDate(day, month, year)


class SearchForm(GovukForm):
    q = forms.CharField(
        label="Name, NHS number, UPN or LA child ID",
        required=False,
        max_length=200,
        help_text="Misspelt names, nicknames and previous names are found too",
        widget=forms.TextInput(attrs={"type": "search", "spellcheck": "false", "autocomplete": "off", **WIDTH_20}),
    )
    dob = PartialDateField(
        label="Date of birth",
        required=False,
        help_text="As much as you know, for example just the year. Swapped day and month are found",
    )
    postcode = forms.CharField(
        label="Postcode",
        required=False,
        max_length=10,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-10", "autocomplete": "off"}),
    )

    def query(self) -> SearchQuery:
        data = self.cleaned_data
        return SearchQuery(
            text=data.get("q", ""), dob=data.get("dob") or PartialDate(), postcode=data.get("postcode", "")
        )


def _today() -> date:
    return timezone.localdate()


class PersonForm(GovukForm):
    first_name = forms.CharField(label="First name", max_length=100, widget=forms.TextInput(attrs=WIDTH_20))
    middle_names = forms.CharField(
        label="Middle names", max_length=100, required=False, widget=forms.TextInput(attrs=WIDTH_20)
    )
    last_name = forms.CharField(label="Last name", max_length=100, widget=forms.TextInput(attrs=WIDTH_20))
    date_of_birth = GovukDateField(
        label="Date of birth", required=False, help_text="For example, 27 3 2015. Leave empty for an unborn child"
    )
    expected_date_of_birth = GovukDateField(
        label="Expected date of birth", required=False, help_text="Only for an unborn child"
    )
    sex = forms.ChoiceField(label="Sex", choices=Sex.choices, widget=forms.RadioSelect, initial=Sex.UNKNOWN)
    ethnicity = forms.ChoiceField(label="Ethnicity", choices=Ethnicity.choices, initial=Ethnicity.NOT_OBTAINED)
    disabilities = forms.MultipleChoiceField(
        label="Disabilities",
        choices=Disability.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Leave all unticked if not known",
    )
    first_language = forms.CharField(
        label="First language", max_length=60, required=False, widget=forms.TextInput(attrs=WIDTH_20)
    )
    interpreter_needed = forms.BooleanField(label="Needs an interpreter", required=False)
    religion = forms.CharField(label="Religion", max_length=60, required=False, widget=forms.TextInput(attrs=WIDTH_20))
    immigration_status = forms.ChoiceField(
        label="Immigration status", choices=[("", "Not recorded"), *ImmigrationStatus.choices], required=False
    )
    nhs_number = forms.CharField(
        label="NHS number",
        max_length=14,
        required=False,
        help_text="10 digits, for example 485 777 3456",
        widget=forms.TextInput(attrs={**WIDTH_10, "inputmode": "numeric", "spellcheck": "false"}),
    )
    upn = forms.CharField(
        label="Unique pupil number (UPN)",
        max_length=15,
        required=False,
        help_text="13 characters, starting with a letter",
        widget=forms.TextInput(attrs={**WIDTH_10, "spellcheck": "false"}),
    )
    former_upn = forms.CharField(
        label="Former UPN",
        max_length=15,
        required=False,
        widget=forms.TextInput(attrs={**WIDTH_10, "spellcheck": "false"}),
    )
    upn_unknown_reason = forms.ChoiceField(
        label="If the UPN is not known, why",
        choices=[("", "Not applicable"), *UpnUnknownReason.choices],
        required=False,
    )
    phone = forms.CharField(
        label="Phone number",
        max_length=30,
        required=False,
        widget=forms.TextInput(attrs={**WIDTH_20, "type": "tel", "autocomplete": "off"}),
    )
    email = forms.EmailField(
        label="Email address", required=False, widget=forms.EmailInput(attrs={**WIDTH_20, "autocomplete": "off"})
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        fields = {name: data.get(name) for name in self.fields if name in data}
        fields = {k: ("" if v is None and k not in DATE_FIELDS else v) for k, v in fields.items()}
        candidate = Person(**{k: v for k, v in fields.items() if hasattr(Person, k)})
        for name, messages in person_problems(candidate, today=_today()).items():
            for message in messages:
                self.add_error(name if name in self.fields else None, message)
        return data

    def person_details(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in self.fields if name in PERSON_FORM_FIELDS}


DATE_FIELDS = {"date_of_birth", "expected_date_of_birth", "date_of_death"}
PERSON_FORM_FIELDS = set(PersonForm.base_fields) | {"date_of_death"}


class NewPersonForm(PersonForm):
    line_1 = forms.CharField(
        label="Address line 1", max_length=100, required=False, widget=forms.TextInput(attrs=WIDTH_20)
    )
    line_2 = forms.CharField(
        label="Address line 2", max_length=100, required=False, widget=forms.TextInput(attrs=WIDTH_20)
    )
    town = forms.CharField(label="Town or city", max_length=60, required=False, widget=forms.TextInput(attrs=WIDTH_20))
    postcode = forms.CharField(
        label="Postcode",
        max_length=10,
        required=False,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-10"}),
    )
    moved_in = GovukDateField(label="Date they moved in", required=False, help_text="Leave empty if not known")
    not_a_duplicate = forms.BooleanField(required=False, label="")

    def clean_postcode(self) -> str:
        postcode = self.cleaned_data["postcode"]
        if postcode:
            validate_postcode(postcode)
        return normalise_postcode(postcode) if postcode else ""

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        address = [data.get("line_1"), data.get("town"), data.get("postcode")]
        if any(address) and not all(address):
            for name, value in zip(("line_1", "town", "postcode"), address, strict=True):
                if not value and name not in self.errors:
                    self.add_error(name, f"Enter the {str(self.fields[name].label).lower()} or leave the address empty")
        return data

    def address(self) -> AddressDetails | None:
        data = self.cleaned_data
        if not data.get("line_1"):
            return None
        return AddressDetails(data["line_1"], data["town"], data["postcode"], data.get("line_2", ""))


class EditPersonForm(PersonForm):
    date_of_death = GovukDateField(label="Date of death", required=False)
    version = forms.IntegerField(widget=forms.HiddenInput)

    @classmethod
    def for_person(cls, person: Person, data: Any = None) -> "EditPersonForm":
        initial = {name: getattr(person, name) for name in PERSON_FORM_FIELDS}
        return cls(data, initial={**initial, "version": person.version})


class OtherNameForm(GovukForm):
    kind = forms.ChoiceField(label="Kind of name", choices=OtherName.Kind.choices, widget=forms.RadioSelect)
    first_name = forms.CharField(
        label="First name", max_length=100, required=False, widget=forms.TextInput(attrs=WIDTH_20)
    )
    last_name = forms.CharField(
        label="Last name", max_length=100, required=False, widget=forms.TextInput(attrs=WIDTH_20)
    )


class IdentifierForm(GovukForm):
    kind = forms.ChoiceField(label="Kind of reference", choices=Identifier.Kind.choices, widget=forms.RadioSelect)
    value = forms.CharField(label="Reference", max_length=60, widget=forms.TextInput(attrs=WIDTH_20))
    issuer = forms.CharField(
        label="Issued by",
        max_length=100,
        required=False,
        help_text="For example, the police force",
        widget=forms.TextInput(attrs=WIDTH_20),
    )


class AddressForm(GovukForm):
    line_1 = forms.CharField(label="Address line 1", max_length=100, widget=forms.TextInput(attrs=WIDTH_20))
    line_2 = forms.CharField(
        label="Address line 2", max_length=100, required=False, widget=forms.TextInput(attrs=WIDTH_20)
    )
    town = forms.CharField(label="Town or city", max_length=60, widget=forms.TextInput(attrs=WIDTH_20))
    postcode = forms.CharField(
        label="Postcode", max_length=10, widget=forms.TextInput(attrs={"class": "govuk-input--width-10"})
    )
    moved_in = GovukDateField(label="Date they moved in", required=False, latest=None)
    is_confidential = forms.BooleanField(label="This address is confidential (for example a refuge)", required=False)

    def clean_postcode(self) -> str:
        validate_postcode(self.cleaned_data["postcode"])
        return normalise_postcode(self.cleaned_data["postcode"])

    def address(self) -> AddressDetails:
        data = self.cleaned_data
        return AddressDetails(data["line_1"], data["town"], data["postcode"], data.get("line_2", ""))


class EndDateForm(GovukForm):
    """The date something ended: a move, a relationship, an involvement."""

    ended_on = GovukDateField(label="Date it ended", help_text="For example, 27 3 2026")

    def __init__(self, *args: Any, label: str = "Date it ended", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["ended_on"].label = label
        self.fields["ended_on"].error_messages["required"] = f"Enter the {label.lower()}"

    def clean_ended_on(self) -> date:
        ended = self.cleaned_data["ended_on"]
        if ended and ended > _today():
            raise ValidationError(f"{self.fields['ended_on'].label} must be today or in the past")
        return ended


class RelationshipForm(GovukForm):
    kind = forms.ChoiceField(label="", choices=[], widget=forms.RadioSelect)
    parental_responsibility = forms.BooleanField(label="Holds parental responsibility", required=False)
    started_on = GovukDateField(label="Since", required=False, help_text="Leave empty if not known")

    def __init__(self, *args: Any, person: Person, relative: Person, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        kind = self.fields["kind"]
        assert isinstance(kind, forms.ChoiceField)
        kind.label = f"{relative.full_name} is {person.full_name}'s"
        kind.choices = [(kind.value, kind.label) for kind in RelationshipKind if kind not in CHILD_SIDE_KINDS] + [
            (kind.value, kind.label) for kind in CHILD_SIDE_KINDS
        ]
        self.fields["kind"].error_messages["required"] = "Choose how they are related"


CHILD_SIDE_KINDS = [
    RelationshipKind.CHILD,
    RelationshipKind.STEP_CHILD,
    RelationshipKind.GRANDCHILD,
    RelationshipKind.CARED_FOR,
]


class ProfessionalForm(GovukForm):
    name = forms.CharField(label="Name", max_length=100, widget=forms.TextInput(attrs=WIDTH_20))
    role = forms.ChoiceField(label="Role", choices=Professional.Role.choices)
    organisation = forms.CharField(
        label="Organisation",
        max_length=150,
        help_text="For example, the surgery or school",
        widget=forms.TextInput(attrs=WIDTH_20),
    )
    phone = forms.CharField(
        label="Phone number", max_length=30, required=False, widget=forms.TextInput(attrs={**WIDTH_20, "type": "tel"})
    )
    email = forms.EmailField(label="Email address", required=False, widget=forms.EmailInput(attrs=WIDTH_20))


class InvolvementForm(GovukForm):
    professional = forms.ModelChoiceField(
        label="Professional", queryset=Professional.objects.none(), empty_label="Choose a professional"
    )
    started_on = GovukDateField(label="Involved since", required=False, help_text="Leave empty if not known")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        professional = self.fields["professional"]
        assert isinstance(professional, forms.ModelChoiceField)
        professional.queryset = Professional.objects.order_by("role", "organisation", "name")
        professional.error_messages["required"] = "Choose a professional"


class WarningForm(GovukForm):
    kind = forms.ChoiceField(label="Kind of warning", choices=Warning.Kind.choices, widget=forms.RadioSelect)
    details = forms.CharField(
        label="What others need to know",
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="What the risk is and what to do about it, for example visit in pairs",
    )
    review_on = GovukDateField(label="Review by", help_text="When someone must check it still applies")


class ReviewWarningForm(GovukForm):
    next_review_on = GovukDateField(label="Next review by")


class EndWarningForm(GovukForm):
    reason = forms.CharField(label="Why it no longer applies", widget=forms.Textarea(attrs={"rows": 3}))


class RestrictForm(GovukForm):
    reason = forms.ChoiceField(
        label="Why restrict this record", choices=RestrictionReason.choices, widget=forms.RadioSelect
    )


class GrantForm(GovukForm):
    user = forms.ModelChoiceField(
        label="A named person", queryset=User.objects.none(), required=False, empty_label="Nobody"
    )
    role = forms.ChoiceField(label="Or everyone in a role", choices=[("", "No role"), *Role.choices], required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        user = self.fields["user"]
        assert isinstance(user, forms.ModelChoiceField)
        user.queryset = User.objects.filter(is_active=True).exclude(role__in=[Role.PARTNER, Role.ADMINISTRATOR])

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if bool(data.get("user")) == bool(data.get("role")):
            self.add_error("user", "Choose a named person or a role, not both")
        return data


class MergeForm(GovukForm):
    """One radio per field that differs: keep the survivor's value or take the other record's."""

    survivor = forms.ChoiceField(label="Which record stays", widget=forms.RadioSelect, choices=[])
    versions = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, a: Person, b: Person, differing: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.a, self.b, self.differing = a, b, differing
        survivor = self.fields["survivor"]
        assert isinstance(survivor, forms.ChoiceField)
        survivor.choices = [
            (str(a.pk), f"{a.full_name} ({a.la_child_id})"),
            (str(b.pk), f"{b.full_name} ({b.la_child_id})"),
        ]
        self.fields["survivor"].initial = str(a.pk)
        self.fields["versions"].initial = f"{a.version},{b.version}"
        for name in differing:
            field = Person._meta.get_field(name)
            self.fields[f"value_{name}"] = forms.ChoiceField(
                label=Person.field_label(name),
                widget=forms.RadioSelect,
                choices=[("a", _shown(field, getattr(a, name))), ("b", _shown(field, getattr(b, name)))],
                initial="a",
            )

    def choices(self) -> tuple[Person, Person, list[str], tuple[int, int]]:
        """(survivor, merged, fields to take from the merged record, their expected versions)."""
        a_first = self.cleaned_data["survivor"] == str(self.a.pk)
        survivor, merged = (self.a, self.b) if a_first else (self.b, self.a)
        merged_side = "b" if a_first else "a"
        take = [name for name in self.differing if self.cleaned_data[f"value_{name}"] == merged_side]
        version_a, version_b = (int(v) for v in self.cleaned_data["versions"].split(","))
        versions = (version_a, version_b) if a_first else (version_b, version_a)
        return survivor, merged, take, versions


def _shown(field: Any, value: Any) -> str:
    """A value as a person reads it: labels for codes, dates in words."""
    if value in ("", None, []):
        return "Not recorded"
    if isinstance(value, date):
        return f"{value:%-d %B %Y}"
    if isinstance(value, list):
        return ", ".join(str(Disability(v).label) for v in value)
    if isinstance(value, bool):
        return "Yes" if value else "No"
    return str(dict(field.choices or []).get(value, value))
