from datetime import date, datetime
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from frontdoor.casework.models import Referral
from frontdoor.codes import CategoryOfAbuse
from frontdoor.contacts.forms import parse_time
from frontdoor.govuk.forms import GovukDateField, GovukForm
from frontdoor.protection import services
from frontdoor.protection.models import (
    Agency,
    ChildProtectionPlan,
    ProtectiveOrder,
    Section47,
    StrategyChild,
    StrategyDiscussion,
)

YES_NO = [("yes", "Yes"), ("no", "No")]
TEXTAREA = {"rows": 4}
PARTICIPANT_ROWS = 6
ACTION_ROWS = 3
AGENCIES = [("", "Choose an agency"), *Agency.choices]


class StrategyDiscussionForm(GovukForm):
    """Filled in during the meeting: who took part, what was shared, and a decision for each child at once."""

    held_on = GovukDateField(label="Date")
    held_time = forms.CharField(
        label="Time",
        max_length=5,
        help_text="24-hour clock, for example 14:05",
        widget=forms.TextInput(attrs={"class": "govuk-input--width-5"}),
    )
    kind = forms.ChoiceField(label="Kind", choices=StrategyDiscussion.Kind.choices, widget=forms.RadioSelect)
    information_shared = forms.CharField(label="Information shared", widget=forms.Textarea(attrs={"rows": 6}))
    police_reference = forms.CharField(label="Police reference", required=False, max_length=50)

    def __init__(self, *args: Any, children: list[Referral], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.referrals = children
        for n in range(1, PARTICIPANT_ROWS + 1):
            self.fields[f"agency_{n}"] = forms.ChoiceField(label=f"Agency {n}", choices=AGENCIES, required=False)
            self.fields[f"name_{n}"] = forms.CharField(label=f"Name {n}", max_length=150, required=False)
            self.fields[f"role_{n}"] = forms.CharField(label=f"Role {n}", max_length=150, required=False)
        for referral in children:
            name = referral.person.full_name
            self.fields[f"decision_{referral.pk}"] = forms.ChoiceField(
                label=f"Decision for {name}",
                choices=[("", "Not discussed"), *StrategyChild.Decision.choices],
                widget=forms.RadioSelect,
                required=False,
            )
            self.fields[f"rationale_{referral.pk}"] = forms.CharField(
                label=f"Reasons for the decision about {name}", required=False, widget=forms.Textarea(attrs=TEXTAREA)
            )
        for n in range(1, ACTION_ROWS + 1):
            self.fields[f"action_{n}"] = forms.CharField(label=f"Action {n}", max_length=300, required=False)
            self.fields[f"owner_{n}"] = forms.CharField(label=f"Who will do action {n}", max_length=150, required=False)
            self.fields[f"due_{n}"] = GovukDateField(label=f"Action {n} due by", required=False)

    def participant_rows(self) -> list[list[forms.BoundField]]:
        return [[self[f"agency_{n}"], self[f"name_{n}"], self[f"role_{n}"]] for n in range(1, PARTICIPANT_ROWS + 1)]

    def child_rows(self) -> list[tuple[Referral, forms.BoundField, forms.BoundField]]:
        return [(r, self[f"decision_{r.pk}"], self[f"rationale_{r.pk}"]) for r in self.referrals]

    def action_rows(self) -> list[list[forms.BoundField]]:
        return [[self[f"action_{n}"], self[f"owner_{n}"], self[f"due_{n}"]] for n in range(1, ACTION_ROWS + 1)]

    def clean_held_time(self) -> Any:
        return parse_time(self.cleaned_data["held_time"], "Time")

    def service_arguments(self) -> dict[str, Any]:
        data = self.cleaned_data
        held_at = timezone.make_aware(datetime.combine(data["held_on"], data["held_time"]))
        participants = [
            services.Participant(data[f"agency_{n}"], data[f"name_{n}"], data[f"role_{n}"])
            for n in range(1, PARTICIPANT_ROWS + 1)
            if data.get(f"name_{n}", "").strip() or data.get(f"agency_{n}")
        ]
        children = [
            services.ChildDecision(r, data[f"decision_{r.pk}"], data.get(f"rationale_{r.pk}", ""))
            for r in self.referrals
            if data.get(f"decision_{r.pk}")
        ]
        actions = []
        for n in range(1, ACTION_ROWS + 1):
            if data.get(f"action_{n}", "").strip():
                due = data.get(f"due_{n}")
                if due is None:
                    raise ValidationError({"actions": f"Give action {n} a due date"})
                actions.append(services.Action(data[f"action_{n}"], data.get(f"owner_{n}", ""), due))
        return {
            "held_at": held_at,
            "kind": data["kind"],
            "information_shared": data["information_shared"],
            "police_reference": data["police_reference"],
            "participants": participants,
            "children": children,
            "actions": actions,
        }


class Section47OutcomeForm(GovukForm):
    outcome = forms.ChoiceField(
        label="Outcome of the enquiry", choices=Section47.Outcome.choices, widget=forms.RadioSelect
    )
    completed_on = GovukDateField(label="Date the enquiry ended")
    conference_needed = forms.ChoiceField(
        label="Is an initial child protection conference needed?", choices=YES_NO, widget=forms.RadioSelect
    )
    not_required_reason = forms.CharField(
        label="Why no conference is needed", required=False, widget=forms.Textarea(attrs=TEXTAREA)
    )


class ConferenceForm(GovukForm):
    held_on = GovukDateField(label="Date of the conference")
    chaired_by = forms.CharField(label="Chaired by", max_length=150)
    needs_plan = forms.ChoiceField(
        label="Did the conference decide the child needs a child protection plan?",
        choices=YES_NO,
        widget=forms.RadioSelect,
    )
    category = forms.ChoiceField(
        label="Category of abuse", choices=CategoryOfAbuse.choices, widget=forms.RadioSelect, required=False
    )
    summary = forms.CharField(label="Summary of the decision", required=False, widget=forms.Textarea(attrs=TEXTAREA))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for n in range(1, PARTICIPANT_ROWS + 1):
            self.fields[f"agency_{n}"] = forms.ChoiceField(label=f"Agency {n}", choices=AGENCIES, required=False)
            self.fields[f"name_{n}"] = forms.CharField(label=f"Name {n}", max_length=150, required=False)
            self.fields[f"attended_{n}"] = forms.BooleanField(
                label=f"Attended (person {n})", required=False, initial=True
            )

    def attendee_rows(self) -> list[list[forms.BoundField]]:
        return [[self[f"agency_{n}"], self[f"name_{n}"], self[f"attended_{n}"]] for n in range(1, PARTICIPANT_ROWS + 1)]

    def attendees(self) -> list[services.Attendee]:
        data = self.cleaned_data
        return [
            services.Attendee(data[f"agency_{n}"], data[f"name_{n}"], data[f"attended_{n}"])
            for n in range(1, PARTICIPANT_ROWS + 1)
            if data.get(f"name_{n}", "").strip()
        ]


class ReviewConferenceForm(GovukForm):
    held_on = GovukDateField(label="Date of the review conference")
    continue_plan = forms.ChoiceField(label="Does the plan continue?", choices=YES_NO, widget=forms.RadioSelect)
    category = forms.ChoiceField(label="Category of abuse", choices=CategoryOfAbuse.choices, widget=forms.RadioSelect)
    summary = forms.CharField(label="Summary", required=False, widget=forms.Textarea(attrs=TEXTAREA))


class CoreGroupForm(GovukForm):
    held_on = GovukDateField(label="Date of the core group")
    summary = forms.CharField(label="What the core group agreed", widget=forms.Textarea(attrs=TEXTAREA))


class VisitForm(GovukForm):
    visited_on = GovukDateField(label="Date of the visit")
    child_seen = forms.ChoiceField(label="Was the child seen?", choices=YES_NO, widget=forms.RadioSelect)
    seen_alone = forms.BooleanField(label="The child was seen alone", required=False)
    bedroom_seen = forms.BooleanField(label="The child's bedroom was seen", required=False)
    notes = forms.CharField(label="What you saw and what the child said", widget=forms.Textarea(attrs=TEXTAREA))


class EndPlanForm(GovukForm):
    ended_on = GovukDateField(label="Date the plan ended")
    reason = forms.ChoiceField(
        label="Why the plan ended", choices=ChildProtectionPlan.EndReason.choices, widget=forms.RadioSelect
    )


def today() -> date:
    return timezone.localdate()


class ProtectiveOrderForm(GovukForm):
    kind = forms.ChoiceField(label="Kind of order", choices=ProtectiveOrder.Kind.choices, widget=forms.RadioSelect)
    started_on = GovukDateField(label="Date it started")
    ended_on = GovukDateField(label="Date it ended", required=False, help_text="Leave blank if it is still in force")
