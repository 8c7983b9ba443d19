from typing import Any

from django import forms
from django.db.models import QuerySet

from frontdoor.accounts.models import Team
from frontdoor.casework.forms import VersionedForm
from frontdoor.casework.models import Referral
from frontdoor.govuk.forms import GovukDateField, GovukForm
from frontdoor.workforce.directions import Action, Discussion
from frontdoor.workforce.models import SupervisionSession

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


class WorkerProfileForm(VersionedForm):
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


class SupervisionForm(GovukForm):
    """The session, then a row for each of the worker's open cases: a direction for each one discussed."""

    held_on = GovukDateField(label="Date of the session")
    minutes = forms.IntegerField(label="Length, in minutes", min_value=1, max_value=480, widget=NARROW)
    kind = forms.ChoiceField(label="Kind", choices=SupervisionSession.Kind.choices, widget=forms.RadioSelect)
    summary = forms.CharField(label="What was discussed", widget=forms.Textarea(attrs={"rows": 4}))
    reflective_notes = forms.CharField(
        label="Reflective notes",
        required=False,
        help_text="Only you and the worker will ever see these",
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args: Any, referrals: list[Referral], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.referrals = referrals
        for referral in referrals:
            name = referral.person.full_name
            self.fields[f"direction_{referral.pk}"] = forms.CharField(
                label=f"Direction for {name}",
                required=False,
                help_text="Leave blank if the case was not discussed",
                widget=forms.Textarea(attrs={"rows": 2}),
            )
            self.fields[f"action_{referral.pk}"] = forms.CharField(
                label=f"Action for {name}", required=False, max_length=300
            )
            self.fields[f"owner_{referral.pk}"] = forms.CharField(
                label=f"Who will do it, for {name}", required=False, max_length=150
            )
            self.fields[f"due_{referral.pk}"] = GovukDateField(label=f"Action due, for {name}", required=False)

    def case_rows(self) -> list[tuple[Referral, Any, Any, Any, Any]]:
        return [
            (r, self[f"direction_{r.pk}"], self[f"action_{r.pk}"], self[f"owner_{r.pk}"], self[f"due_{r.pk}"])
            for r in self.referrals
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for referral in self.referrals:
            parts = [data.get(f"{part}_{referral.pk}") for part in ("action", "owner", "due")]
            if any(parts) and not all(parts):
                self.add_error(f"action_{referral.pk}", "An action needs what, who and when, or none of them")
            if any(parts) and not (data.get(f"direction_{referral.pk}") or "").strip():
                self.add_error(f"direction_{referral.pk}", "Write the direction the action carries out")
        return data

    def discussions(self) -> list[Discussion]:
        found = []
        for referral in self.referrals:
            direction = self.cleaned_data.get(f"direction_{referral.pk}", "").strip()
            if not direction:
                continue
            action = self.cleaned_data.get(f"action_{referral.pk}", "").strip()
            owner = self.cleaned_data.get(f"owner_{referral.pk}", "").strip()
            due = self.cleaned_data.get(f"due_{referral.pk}")
            actions = [Action(action, owner, due)] if action and due else []
            found.append(Discussion(referral, direction, actions))
        return found


class DirectionForm(GovukForm):
    direction = forms.CharField(label="Direction", widget=forms.Textarea(attrs={"rows": 4}))
    action = forms.CharField(label="Action", required=False, max_length=300)
    owner = forms.CharField(label="Who will do it", required=False, max_length=150)
    due = GovukDateField(label="Action due", required=False)

    def actions(self) -> list[Action]:
        data = self.cleaned_data
        return [Action(data["action"], data["owner"], data["due"])] if data["action"] and data["due"] else []


class BookingForm(GovukForm):
    scheduled_for = GovukDateField(label="Date")
    kind = forms.ChoiceField(label="Kind", choices=SupervisionSession.Kind.choices, widget=forms.RadioSelect)
