from datetime import date

import pytest
from django import forms

from frontdoor.govuk.forms import GovukDateField, GovukForm
from frontdoor.govuk.templatetags.govuk import govuk_error_summary


class ExampleForm(GovukForm):
    name = forms.CharField(label="Full name", help_text="As on their passport")
    born = GovukDateField(label="Date of birth", latest=date(2026, 11, 26))
    colour = forms.ChoiceField(label="Colour", choices=[("r", "Red"), ("g", "Green")], widget=forms.RadioSelect)


def date_data(day: str, month: str, year: str) -> dict[str, str]:
    return {"name": "Sam", "colour": "r", "born_day": day, "born_month": month, "born_year": year}


@pytest.mark.parametrize(
    ("day", "month", "year", "error"),
    [
        ("", "", "", "Enter date of birth"),
        ("12", "", "2020", "Date of birth must include a month"),
        ("", "", "2020", "Date of birth must include a day and a month"),
        ("31", "2", "2020", "Date of birth must be a real date"),
        ("1", "x", "2020", "Date of birth must be a real date"),
        ("1", "2", "20", "Year must include 4 numbers"),
        ("1", "1", "2030", "Date of birth must be the same as or before 26 November 2026"),
    ],
)
def test_date_errors_follow_the_design_system(day: str, month: str, year: str, error: str) -> None:
    form = ExampleForm(date_data(day, month, year))
    assert not form.is_valid()
    assert form.errors["born"] == [error]


def test_a_real_date_is_accepted() -> None:
    form = ExampleForm(date_data("29", "2", "2024"))
    assert form.is_valid(), form.errors
    assert form.cleaned_data["born"] == date(2024, 2, 29)


def test_fields_get_govuk_classes_and_describedby_links() -> None:
    html = str(ExampleForm({"colour": "r"}))
    assert 'class="govuk-input govuk-input--error"' in html
    assert 'aria-describedby="id_name-hint id_name-error"' in html
    assert '<p id="id_name-error" class="govuk-error-message">' in html
    assert 'class="govuk-radios__input"' in html
    assert '<fieldset class="govuk-fieldset" role="group" aria-describedby="id_born-error">' in html
    assert "govuk-date-input__input govuk-input--width-2 govuk-input--error" in html


def test_multiple_choices_are_checkboxes_and_single_choices_radios() -> None:
    class Choices(GovukForm):
        many = forms.MultipleChoiceField(choices=[("a", "A"), ("b", "B")], widget=forms.CheckboxSelectMultiple)
        one = forms.ChoiceField(choices=[("a", "A"), ("b", "B")], widget=forms.RadioSelect)

    html = str(Choices())
    assert html.count('type="checkbox"') == 2
    assert html.count('type="radio"') == 2
    assert 'class="govuk-checkboxes__input" id="id_many_0" name="many"' in html


def test_the_error_summary_links_to_the_first_input_of_each_field() -> None:
    form = ExampleForm({})
    form.is_valid()
    links = [link for _, link in govuk_error_summary(form)["errors"]]
    assert links == ["id_name", "id_born_day", "id_colour_0"]
    html = str(form)
    for link in links:
        assert f'id="{link}"' in html  # following a link puts the cursor in the field


def test_each_date_box_has_its_own_labelled_id() -> None:
    html = str(ExampleForm()["born"])
    for part in ("day", "month", "year"):
        assert f'for="id_born_{part}"' in html and f'name="born_{part}"' in html and f'id="id_born_{part}"' in html


def test_an_unbound_form_has_no_summary() -> None:
    assert govuk_error_summary(ExampleForm())["errors"] == []
