from typing import Any

from django import forms
from django.db.models import QuerySet

from frontdoor.accounts.models import Team
from frontdoor.casework.forms import VersionedForm
from frontdoor.govuk.forms import GovukDateField, GovukForm

NARROW = forms.TextInput(attrs={"class": "govuk-input--width-4", "inputmode": "decimal"})


class CaseloadPolicyForm(VersionedForm):
    assessment_weight = forms.DecimalField(
        label="An open referral being assessed", widget=NARROW, max_digits=4, decimal_places=1, min_value=0
    )
    cin_plan_weight = forms.DecimalField(
        label="A child in need plan", widget=NARROW, max_digits=4, decimal_places=1, min_value=0
    )
    cp_plan_weight = forms.DecimalField(
        label="A child protection plan", widget=NARROW, max_digits=4, decimal_places=1, min_value=0
    )
    worker_limit = forms.DecimalField(
        label="A social worker's limit", widget=NARROW, max_digits=4, decimal_places=1, min_value=0
    )
    newly_qualified_limit = forms.DecimalField(
        label="A newly qualified social worker's limit",
        help_text="Protected, in their first year",
        widget=NARROW,
        max_digits=4,
        decimal_places=1,
        min_value=0,
    )
    newly_qualified_months = forms.IntegerField(
        label="Months the protected limit lasts", min_value=1, max_value=36, widget=NARROW
    )


class WorkerProfileForm(GovukForm):
    qualified_on = GovukDateField(label="Date qualified as a social worker", required=False)
    caseload_limit = forms.DecimalField(
        label="A limit of their own",
        required=False,
        help_text="Leave blank for the council's limit",
        widget=NARROW,
        max_digits=4,
        decimal_places=1,
        min_value=0,
    )


class TeamChoiceForm(GovukForm):
    team = forms.ModelChoiceField(label="Team", queryset=Team.objects.none(), empty_label=None)

    def __init__(self, *args: Any, teams: QuerySet[Team], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = teams  # type: ignore[attr-defined]
