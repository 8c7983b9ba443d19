from datetime import date, timedelta
from typing import Any

from django import forms

from frontdoor.accounts.models import Team
from frontdoor.govuk.forms import GovukDateField, GovukForm
from frontdoor.insight.periods import Period

# Two years of figures against the two years before them is as far as a dashboard reads at once.
LONGEST_PERIOD = timedelta(days=2 * 366)


class PeriodForm(GovukForm):
    """The period and team of a dashboard or a list: a GET form, so any view of the figures can be bookmarked."""

    start = GovukDateField(
        label="From",
        help_text="For example, 1 4 2026",
        error_messages={"required": "Enter the date the period starts"},
    )
    end = GovukDateField(
        label="To",
        help_text="The last day of the period, included",
        error_messages={"required": "Enter the date the period ends"},
    )
    team = forms.TypedChoiceField(label="Team", required=False, coerce=int, empty_value=None)

    def __init__(self, *args: Any, today: date, teams: list[Team], council: bool, **kwargs: Any) -> None:
        period = Period.last_twelve_months(today)
        kwargs.setdefault("initial", {"start": period.start, "end": period.end})
        super().__init__(*args, **kwargs)
        choices = [(team.pk, team.name) for team in teams]
        field = self.fields["team"]
        assert isinstance(field, forms.TypedChoiceField)
        field.choices = [("", "The whole council"), *choices] if council else choices

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("start"), data.get("end")
        if start and end:
            if end < start:
                self.add_error("end", "The end of the period must be the same as or after its start")
            elif end - start >= LONGEST_PERIOD:
                self.add_error("end", "The period must be 2 years or shorter")
        return data

    def period(self) -> Period:
        if self.is_bound and self.is_valid():
            return Period(self.cleaned_data["start"], self.cleaned_data["end"])
        return Period(self.initial["start"], self.initial["end"])

    def team_id(self) -> int | None:
        """The team asked for; a team that is not among the choices is asked for all the same, to be refused."""
        raw = self.data.get("team") if self.is_bound else None
        return int(raw) if raw and str(raw).isdigit() else None


class ListFilterForm(GovukForm):
    split = forms.ChoiceField(label="Show", required=False)
    met = forms.ChoiceField(label="Which", required=False)

    def __init__(
        self,
        *args: Any,
        splits: list[tuple[str, str]],
        split_title: str,
        met_choices: list[tuple[str, str]],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        split = self.fields["split"]
        assert isinstance(split, forms.ChoiceField)
        split.label = split_title or "Show"
        split.choices = [("", "All"), *splits]
        met = self.fields["met"]
        assert isinstance(met, forms.ChoiceField)
        met.choices = [("", "All"), *met_choices]
