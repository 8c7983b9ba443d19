from django import forms
from django.utils import timezone

from frontdoor.govuk.forms import GovukDateField, GovukForm
from frontdoor.returns.census.periods import KNOWN_YEARS, CensusYear


def year_choices() -> list[tuple[int, str]]:
    today = timezone.localdate()
    return [(year, f"{CensusYear(year, today).label}") for year in reversed(KNOWN_YEARS)]


class CensusForm(GovukForm):
    year = forms.TypedChoiceField(label="Census year", coerce=int, choices=year_choices)


class AnnexAForm(GovukForm):
    inspection_date = GovukDateField(
        label="Inspection date", help_text="The lists cover the six and twelve months before it. For example, 27 3 2026"
    )


class QualityForm(GovukForm):
    year = forms.TypedChoiceField(label="Census year", coerce=int, choices=year_choices, required=False)
    rule = forms.CharField(required=False, max_length=8)
