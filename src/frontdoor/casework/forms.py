from typing import Any

from django import forms
from django.db.models import QuerySet

from frontdoor.accounts.models import Team, User
from frontdoor.accounts.roles import Role
from frontdoor.casework.framework import TRIANGLE
from frontdoor.casework.models import Assessment
from frontdoor.codes import AssessmentFactor, PrimaryNeed, ReasonForClosure
from frontdoor.govuk.forms import GovukDateField, GovukForm

TEXTAREA = {"rows": 5}
SHORT_TEXTAREA = {"rows": 3}
CASEWORKERS = (Role.SOCIAL_WORKER, Role.SENIOR_PRACTITIONER, Role.TEAM_MANAGER)


class VersionedForm(GovukForm):
    """Carries the version the user started from, so a second editor is refused rather than overwriting."""

    version = forms.IntegerField(widget=forms.HiddenInput)


class WorkerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.display_name} ({obj.team.name})" if obj.team else str(obj.display_name)


class AllocateForm(VersionedForm):
    team = forms.ModelChoiceField(label="Team", queryset=Team.objects.none(), empty_label="Choose a team")
    worker = WorkerChoiceField(
        label="Social worker", queryset=User.objects.none(), required=False, empty_label="Not yet: the team holds it"
    )
    reason = forms.CharField(
        label="Why the work is moving",
        required=False,
        help_text="Needed when someone already has it",
        widget=forms.Textarea(attrs=SHORT_TEXTAREA),
    )
    over_limit_confirmed = forms.BooleanField(
        label="Allocate even if it takes the social worker over their caseload limit", required=False
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = Team.objects.filter(is_active=True).order_by("name")  # type: ignore[attr-defined]
        workers: QuerySet[User] = User.objects.filter(is_active=True, role__in=CASEWORKERS, team__isnull=False)
        self.fields["worker"].queryset = workers.select_related("team").order_by("team__name", "last_name")  # type: ignore[attr-defined]


class PrimaryNeedForm(VersionedForm):
    primary_need = forms.ChoiceField(label="Primary need", choices=PrimaryNeed.choices, widget=forms.RadioSelect)


class CloseReferralForm(VersionedForm):
    closed_on = GovukDateField(label="Date closed")
    reason = forms.ChoiceField(label="Reason for closure", choices=ReasonForClosure.choices, widget=forms.RadioSelect)
    nfa = forms.BooleanField(label="No further action after the referral: closed without an assessment", required=False)


class StartAssessmentForm(GovukForm):
    started_on = GovukDateField(label="Date the assessment started")


class AssessmentForm(VersionedForm):
    """Every section the worker writes, in the order of the Assessment Framework record."""

    child_seen_on = GovukDateField(label="Date the child was seen", required=False)
    seen_alone = forms.ChoiceField(
        label="Was the child seen alone?",
        choices=Assessment.SeenAlone.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    seen_alone_reason = forms.CharField(
        label="Why the child was not seen alone", required=False, widget=forms.Textarea(attrs=SHORT_TEXTAREA)
    )
    childs_views = forms.CharField(
        label="The child's views and wishes, in their own words",
        required=False,
        help_text="Quote the child where you can; for a baby or a child who does not speak, what you observed",
        widget=forms.Textarea(attrs=TEXTAREA),
    )
    views_gathered_how = forms.CharField(
        label="How and by whom the child's views were gathered",
        required=False,
        widget=forms.Textarea(attrs=SHORT_TEXTAREA),
    )
    views_not_gathered = forms.ChoiceField(
        label="If the child's views could not be gathered, why",
        choices=[("", "They were gathered"), *Assessment.ViewsNotGathered.choices],
        widget=forms.RadioSelect,
        required=False,
    )
    views_not_gathered_detail = forms.CharField(
        label="Tell us more about why", required=False, widget=forms.Textarea(attrs=SHORT_TEXTAREA)
    )
    parents_views = forms.CharField(
        label="Parents' and carers' views", required=False, widget=forms.Textarea(attrs=TEXTAREA)
    )
    agencies_views = forms.CharField(
        label="Other agencies' views", required=False, widget=forms.Textarea(attrs=TEXTAREA)
    )
    analysis = forms.CharField(label="Analysis", required=False, widget=forms.Textarea(attrs={"rows": 8}))
    risks = forms.CharField(label="Risks", required=False, widget=forms.Textarea(attrs=TEXTAREA))
    strengths = forms.CharField(label="Strengths", required=False, widget=forms.Textarea(attrs=TEXTAREA))
    factors = forms.MultipleChoiceField(
        label="Factors identified at assessment",
        choices=[(code, f"{code}: {label}") for code, label in AssessmentFactor.choices],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    outcome = forms.ChoiceField(
        label="Outcome", choices=Assessment.Outcome.choices, widget=forms.RadioSelect, required=False
    )

    def __init__(self, *args: Any, assessment: Assessment, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if assessment.kind != "initial":
            self.fields["outcome"].choices = [  # type: ignore[attr-defined]
                choice for choice in Assessment.Outcome.choices if choice[0] != Assessment.Outcome.CORE_ASSESSMENT
            ]
        for domain in TRIANGLE:
            for dimension in domain.dimensions:
                self.fields[f"dimension_{dimension.code}"] = forms.CharField(
                    label=dimension.label,
                    help_text=dimension.prompt,
                    required=False,
                    widget=forms.Textarea(attrs=SHORT_TEXTAREA),
                )

    @classmethod
    def initial_for(cls, assessment: Assessment) -> dict[str, Any]:
        initial = {name: getattr(assessment, name) for name in WRITTEN_ON_FORM}
        initial["version"] = assessment.version
        for code, text in assessment.dimensions.items():
            initial[f"dimension_{code}"] = text
        return initial

    def changes(self) -> dict[str, Any]:
        """The cleaned form as the service's field names: dimensions gathered into one mapping."""
        data = self.cleaned_data
        changes = {name: data[name] for name in WRITTEN_ON_FORM}
        changes["dimensions"] = {
            dimension.code: text
            for domain in TRIANGLE
            for dimension in domain.dimensions
            if (text := data.get(f"dimension_{dimension.code}", "").strip())
        }
        return changes

    def sections(self) -> list[tuple[str, list[forms.BoundField]]]:
        """The triangle's domains with their dimension fields, for the template."""
        return [
            (domain.label, [self[f"dimension_{dimension.code}"] for dimension in domain.dimensions])
            for domain in TRIANGLE
        ]


WRITTEN_ON_FORM = (
    "child_seen_on",
    "seen_alone",
    "seen_alone_reason",
    "childs_views",
    "views_gathered_how",
    "views_not_gathered",
    "views_not_gathered_detail",
    "parents_views",
    "agencies_views",
    "analysis",
    "risks",
    "strengths",
    "factors",
    "outcome",
)


class AmendForm(AssessmentForm):
    reason = forms.CharField(label="Why the assessment is being amended", widget=forms.Textarea(attrs=SHORT_TEXTAREA))


class SubmitForm(VersionedForm):
    late_reason = forms.CharField(
        label="Why the assessment is late", required=False, widget=forms.Textarea(attrs=SHORT_TEXTAREA)
    )


class AuthoriseForm(GovukForm):
    grade = forms.ChoiceField(
        label="Quality of the assessment",
        choices=Assessment.Grade.choices,
        widget=forms.RadioSelect,
        required=False,
        help_text="Needed to authorise",
    )
    comment = forms.CharField(
        label="Comments for the worker",
        required=False,
        help_text="Needed to return it: say what needs to change",
        widget=forms.Textarea(attrs=SHORT_TEXTAREA),
    )


class CinPlanStartForm(GovukForm):
    started_on = GovukDateField(label="Date the plan started")


class CinPlanReviewForm(GovukForm):
    held_on = GovukDateField(label="Date of the review")
    summary = forms.CharField(label="What the review found and decided", widget=forms.Textarea(attrs=TEXTAREA))


class CinPlanEndForm(GovukForm):
    ended_on = GovukDateField(label="Date the plan ended")
