from typing import Any

from django import forms
from django.utils import timezone

from frontdoor.govuk.forms import GovukDateField, GovukForm
from frontdoor.quality.models import Audit, AuditProgramme, AuditTemplate, Grade
from frontdoor.quality.services import Answer, Question

QUESTION_ROWS = 8
GRADES = [("", "Not graded"), *Grade.choices]


class TemplateForm(GovukForm):
    name = forms.CharField(label="Name", max_length=150)
    guidance = forms.CharField(label="Guidance for auditors", required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for n in range(1, QUESTION_ROWS + 1):
            self.fields[f"question_{n}"] = forms.CharField(label=f"Question {n}", required=False, max_length=300)
            self.fields[f"guidance_{n}"] = forms.CharField(label=f"Guidance for question {n}", required=False)
            self.fields[f"required_{n}"] = forms.BooleanField(
                label=f"Question {n} must be answered", required=False, initial=True
            )

    def question_rows(self) -> list[tuple[Any, Any, Any]]:
        return [
            (self[f"question_{n}"], self[f"guidance_{n}"], self[f"required_{n}"]) for n in range(1, QUESTION_ROWS + 1)
        ]

    def questions(self) -> list[Question]:
        data = self.cleaned_data
        return [
            Question(data[f"question_{n}"], data[f"guidance_{n}"], data[f"required_{n}"])
            for n in range(1, QUESTION_ROWS + 1)
            if data[f"question_{n}"].strip()
        ]


class ProgrammeForm(GovukForm):
    template = forms.ModelChoiceField(label="Audit template", queryset=AuditTemplate.objects.none(), empty_label=None)
    theme = forms.ChoiceField(label="Theme", choices=AuditProgramme.Theme.choices, widget=forms.RadioSelect)
    month = forms.DateField(
        label="Month sampled",
        help_text="Any day in the month, for example 2026-10-01",
        widget=forms.DateInput(attrs={"type": "month"}, format="%Y-%m"),
        input_formats=["%Y-%m", "%Y-%m-%d"],
    )
    per_team = forms.IntegerField(label="Cases from each team", min_value=1, max_value=20, initial=2)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["template"].queryset = AuditTemplate.objects.filter(is_active=True)  # type: ignore[attr-defined]
        self.fields["month"].initial = timezone.localdate().replace(day=1)


class GradeForm(GovukForm):
    grade = forms.ChoiceField(label="Overall grade", choices=Grade.choices, widget=forms.RadioSelect)
    findings = forms.CharField(label="Findings", widget=forms.Textarea(attrs={"rows": 5}))
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, audit: Audit, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.questions = list(audit.programme.template.questions.all())
        # answer_, not grade_: the overall grade's radios are id_grade_0 to id_grade_3, and ids must not clash.
        for q in self.questions:
            self.fields[f"answer_{q.pk}"] = forms.ChoiceField(
                label=q.text, choices=GRADES, required=False, help_text=q.guidance
            )
            self.fields[f"comment_{q.pk}"] = forms.CharField(
                label=f"Comment on “{q.text}”", required=False, widget=forms.Textarea(attrs={"rows": 2})
            )

    def question_rows(self) -> list[tuple[Any, Any]]:
        return [(self[f"answer_{q.pk}"], self[f"comment_{q.pk}"]) for q in self.questions]

    def answers(self) -> list[Answer]:
        data = self.cleaned_data
        return [Answer(q, data[f"answer_{q.pk}"], data[f"comment_{q.pk}"]) for q in self.questions]


class ModerationForm(GovukForm):
    grade = forms.ChoiceField(label="Moderated grade", choices=Grade.choices, widget=forms.RadioSelect)
    notes = forms.CharField(
        label="Moderation notes",
        required=False,
        help_text="Needed when the grade changes",
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    version = forms.IntegerField(widget=forms.HiddenInput)


class ActionForm(GovukForm):
    action = forms.CharField(label="Action", max_length=300)
    owner = forms.CharField(label="Who will do it", max_length=150)
    due_on = GovukDateField(label="Due")


class ResponseForm(GovukForm):
    response = forms.CharField(label="Your response to the findings", widget=forms.Textarea(attrs={"rows": 5}))
