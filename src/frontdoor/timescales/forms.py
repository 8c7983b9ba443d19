from typing import TYPE_CHECKING, Any

from django import forms
from django.utils import timezone

from frontdoor.govuk.forms import GovukDateField, GovukForm
from frontdoor.timescales.calendar import EARLIEST_YEAR, LATEST_YEAR, add_working_days
from frontdoor.timescales.clocks import due_for
from frontdoor.timescales.regimes import REGIMES, Regime, Step, Unit, timescale_for

if TYPE_CHECKING:
    from frontdoor.accounts.models import LocalAuthority


class ClosureDayForm(GovukForm):
    day = GovukDateField(label="Date", help_text="For example, 24 12 2026")
    reason = forms.CharField(
        label="Reason",
        max_length=100,
        help_text="For example, council Christmas closure",
    )

    def clean_day(self) -> Any:
        day = self.cleaned_data["day"]
        if day is not None and day.weekday() >= 5:
            raise forms.ValidationError("Closure days are weekdays: weekends are never working days")
        return day


class CalculatorForm(GovukForm):
    start = GovukDateField(
        label="Start date (day 0)",
        help_text="The day of the event that starts the clock, for example the date of referral",
    )
    step = forms.ChoiceField(label="Timescale", choices=[], required=False)
    days = forms.IntegerField(
        label="Or a number of working days",
        required=False,
        min_value=-500,
        max_value=500,
        widget=forms.NumberInput(attrs={"class": "govuk-input--width-4"}),
    )

    def __init__(self, *args: Any, regime: Regime, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        step_field = self.fields["step"]
        assert isinstance(step_field, forms.ChoiceField)
        step_field.choices = [("", "Choose a timescale")] + [
            (step.value, f"{step.label} ({timescale.describe()})")
            for step, timescale in REGIMES[regime].items()
            if timescale.unit == Unit.WORKING_DAYS and timescale.length
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("step") and data.get("days") is None and "days" not in self.errors:
            self.add_error("step", "Choose a timescale or enter a number of working days")
        start = data.get("start")
        if start is not None and not EARLIEST_YEAR <= start.year <= LATEST_YEAR:
            self.add_error("start", f"Start date must be between {EARLIEST_YEAR} and {LATEST_YEAR}")
        return data

    def answer(self, council: "LocalAuthority") -> dict[str, Any] | None:
        """The due date the user asked for, or None with an error on the form."""
        start = self.cleaned_data["start"]
        if self.cleaned_data.get("step"):
            step = Step(self.cleaned_data["step"])
            timescale = timescale_for(step, regime=council.regime_on(start))
            due = timezone.localtime(due_for(timescale, start)).date()
            return {"start": start, "due": due, "label": f"{step.label} ({timescale.describe()})"}
        days = self.cleaned_data["days"]
        try:
            due = add_working_days(start, days)
        except ValueError as error:
            self.add_error("days", str(error))
            return None
        return {"start": start, "due": due, "label": f"{days} working days"}
