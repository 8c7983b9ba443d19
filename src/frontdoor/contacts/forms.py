import re
from datetime import datetime, time
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from frontdoor.codes import ReferralSource
from frontdoor.contacts.models import (
    Channel,
    ConcernCategory,
    Consent,
    ContactAdult,
    FamilyAware,
    FrontDoorPolicy,
    Outcome,
    QualitySample,
    Rag,
    ThresholdCriterion,
    ThresholdLevel,
)
from frontdoor.govuk.forms import GovukDateField, GovukForm, GovukModelForm

WIDTH_20 = {"class": "govuk-input--width-20"}
TIME_HINT = "24-hour clock, for example 14:05"
YES_NO = [("yes", "Yes"), ("no", "No")]


def parse_time(value: str, label: str) -> time:
    if match := re.fullmatch(r"(\d{1,2})[:.](\d{2})", value.strip()):
        hour, minute = int(match[1]), int(match[2])
        if hour < 24 and minute < 60:
            return time(hour, minute)
    raise ValidationError(f"{label} must be a time like 14:05")


class WhenField:
    """A date and a time typed separately, put together as an aware datetime."""

    @staticmethod
    def combine(day: Any, at: time) -> datetime:
        return timezone.make_aware(datetime.combine(day, at))


class ContactForm(GovukForm):
    received_on = GovukDateField(label="Date received", help_text="When the first call or message came in")
    received_time = forms.CharField(
        label="Time received",
        max_length=5,
        help_text=TIME_HINT,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-5"}),
    )
    channel = forms.ChoiceField(
        label="How it came in", choices=Channel.choices, widget=forms.RadioSelect, initial=Channel.PHONE
    )
    source = forms.ChoiceField(label="Who it is from", choices=[("", "Choose a source"), *ReferralSource.choices])
    referrer_name = forms.CharField(
        label="Referrer's name", max_length=150, required=False, widget=forms.TextInput(attrs=WIDTH_20)
    )
    referrer_role = forms.CharField(
        label="Their role or relationship to the child",
        max_length=100,
        required=False,
        widget=forms.TextInput(attrs=WIDTH_20),
    )
    referrer_organisation = forms.CharField(
        label="Organisation", max_length=150, required=False, widget=forms.TextInput(attrs=WIDTH_20)
    )
    referrer_phone = forms.CharField(
        label="Phone number", max_length=30, required=False, widget=forms.TextInput(attrs={**WIDTH_20, "type": "tel"})
    )
    referrer_email = forms.EmailField(label="Email address", required=False, widget=forms.EmailInput(attrs=WIDTH_20))
    family_aware = forms.ChoiceField(
        label="Does the family know about this contact?",
        choices=FamilyAware.choices,
        widget=forms.RadioSelect,
        initial=FamilyAware.NOT_KNOWN,
    )
    consent = forms.ChoiceField(
        label="Does the family consent to it?",
        choices=Consent.choices,
        widget=forms.RadioSelect,
        initial=Consent.NOT_KNOWN,
    )
    concern = forms.CharField(
        label="The concern, in the referrer's words",
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": "Enter the concern in the referrer's words"},
    )
    categories = forms.MultipleChoiceField(
        label="Kinds of concern", choices=ConcernCategory.choices, widget=forms.CheckboxSelectMultiple, required=False
    )
    immediate_danger = forms.ChoiceField(
        label="Is a child in immediate danger?",
        choices=YES_NO,
        widget=forms.RadioSelect,
        error_messages={"required": "Say whether a child is in immediate danger"},
    )
    childs_views = forms.CharField(
        label="The child's views, if known",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text="What the child has said, in their words, or how they seemed",
    )
    rag = forms.ChoiceField(label="Priority", choices=Rag.choices, widget=forms.RadioSelect, initial=Rag.GREEN)
    unidentified_details = forms.CharField(
        label="A child not yet identified",
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        help_text="Anything known: name, age, school, address. Leave empty if every child is found above",
    )
    follow_up = forms.CharField(
        label="How they will be identified",
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        help_text="For example, ask the school for the child's details",
    )
    call_id = forms.CharField(
        label="Call reference",
        max_length=100,
        required=False,
        help_text="From the phone system, if it was a call",
        widget=forms.TextInput(attrs={"class": "govuk-input--width-10", "spellcheck": "false"}),
    )
    idempotency_key = forms.CharField(widget=forms.HiddenInput, max_length=100)

    def __init__(self, *args: Any, has_children: bool = False, **kwargs: Any) -> None:
        self.has_children = has_children
        super().__init__(*args, **kwargs)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not self.has_children and not data.get("unidentified_details", "").strip():
            self.add_error(None, "Add at least one child: find them, add them, or describe a child not yet identified")
        if data.get("received_on") and data.get("received_time"):
            try:
                at = parse_time(data["received_time"], "Time received")
            except ValidationError as error:
                self.add_error("received_time", error)
            else:
                data["received_at"] = WhenField.combine(data["received_on"], at)
        if data.get("follow_up", "").strip() and not data.get("unidentified_details", "").strip():
            self.add_error("unidentified_details", "Describe the child not yet identified, or leave both empty")
        return data


class LevelChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"Level {obj.number}: {obj.name}"


class CriteriaField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"Level {obj.level.number}: {obj.text}"


class DecisionForm(GovukForm):
    level = LevelChoiceField(
        label="Level of need",
        queryset=ThresholdLevel.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={"required": "Choose the level of need"},
    )
    criteria = CriteriaField(
        label="Criteria met",
        queryset=ThresholdCriterion.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="From the council's threshold document, at the level you choose",
    )
    outcome = forms.ChoiceField(
        label="Outcome",
        choices=Outcome.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose an outcome"},
    )
    rag = forms.ChoiceField(label="Priority", choices=Rag.choices, widget=forms.RadioSelect)
    rationale = forms.CharField(
        label="Reasons for the decision",
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Why this level and this outcome, with what you weighed",
        error_messages={"required": "Enter the reasons for the decision"},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        level, criteria = self.fields["level"], self.fields["criteria"]
        assert isinstance(level, forms.ModelChoiceField) and isinstance(criteria, forms.ModelMultipleChoiceField)
        level.queryset = ThresholdLevel.objects.filter(is_active=True)
        criteria.queryset = ThresholdCriterion.objects.filter(is_active=True, level__is_active=True).select_related(
            "level"
        )


class ReviewDecisionForm(GovukForm):
    comment = forms.CharField(
        label="Comments",
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text="Needed if you return the decision: what should be reconsidered",
    )


HOW_TOLD = [
    ("phone", "By phone"),
    ("email", "By email"),
    ("letter", "By letter"),
    ("in person", "In person"),
    ("partner portal", "Through the partner portal"),
]


class TellReferrerForm(GovukForm):
    how = forms.ChoiceField(label="How were they told?", choices=HOW_TOLD, widget=forms.RadioSelect)
    told_on = GovukDateField(label="Date told")
    told_time = forms.CharField(
        label="Time told",
        max_length=5,
        help_text=TIME_HINT,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-5"}),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("told_on") and data.get("told_time"):
            try:
                data["told_at"] = WhenField.combine(data["told_on"], parse_time(data["told_time"], "Time told"))
            except ValidationError as error:
                self.add_error("told_time", error)
        return data


class AdultRoleForm(GovukForm):
    role = forms.ChoiceField(
        label="Their part in the concern", choices=ContactAdult.Role.choices, widget=forms.RadioSelect
    )


class QualityReviewForm(GovukForm):
    verdict = forms.ChoiceField(
        label="Do you agree with the decision?", choices=QualitySample.Verdict.choices, widget=forms.RadioSelect
    )
    comment = forms.CharField(label="Comments", widget=forms.Textarea(attrs={"rows": 4}), required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("verdict") == QualitySample.Verdict.DISAGREE and not data.get("comment", "").strip():
            self.add_error("comment", "Say why you disagree")
        return data


class ThresholdLevelForm(GovukForm):
    name = forms.CharField(label="Name", max_length=80, widget=forms.TextInput(attrs=WIDTH_20))
    description = forms.CharField(label="Description", widget=forms.Textarea(attrs={"rows": 4}))
    allowed_outcomes = forms.MultipleChoiceField(
        label="Outcomes a decision at this level may have",
        choices=Outcome.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose at least one outcome"},
    )
    is_active = forms.BooleanField(label="The council uses this level", required=False)
    version = forms.IntegerField(widget=forms.HiddenInput)


class CriterionForm(GovukForm):
    domain = forms.ChoiceField(
        label="Part of the assessment triangle", choices=ThresholdCriterion.Domain.choices, widget=forms.RadioSelect
    )
    text = forms.CharField(label="Criterion", max_length=300, widget=forms.Textarea(attrs={"rows": 2}))


class PolicyForm(GovukModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = FrontDoorPolicy
        fields = [
            "red_response_hours",
            "amber_response_hours",
            "green_response_hours",
            "qa_sample_percent",
            "pick_up_idle_minutes",
            "repeat_contact_months",
        ]
        labels = {
            "red_response_hours": "Red contacts: respond within (hours)",
            "amber_response_hours": "Amber contacts: respond within (hours)",
            "green_response_hours": "Green contacts: respond within (hours)",
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["version"].initial = self.instance.version
        for field in self.fields.values():
            if isinstance(field, forms.IntegerField):
                field.widget.attrs["class"] = "govuk-input--width-3"
