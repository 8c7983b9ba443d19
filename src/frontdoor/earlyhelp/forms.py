from django import forms
from django.core.exceptions import ValidationError

from frontdoor.earlyhelp.models import EarlyHelpEpisode
from frontdoor.earlyhelp.services import Attendee
from frontdoor.govuk.forms import GovukDateField, GovukForm

# The episode page carries several of these forms at once: each has a prefix, so no two inputs share an id.


def _text(label: str, rows: int = 3, **kwargs: object) -> forms.CharField:
    return forms.CharField(label=label, widget=forms.Textarea(attrs={"rows": rows}), **kwargs)  # type: ignore[arg-type]


class PartnerRequestForm(GovukForm):
    person = forms.IntegerField(
        label="The child's Front Door ID", help_text="The number on the child's record, under their name"
    )
    agency = forms.CharField(label="Agency asking", max_length=150)
    referrer_name = forms.CharField(label="Name of the person asking", max_length=150)
    reason = _text("Why the agency is asking for early help")
    requested_on = GovukDateField(label="Date of the request")


class DeclineForm(GovukForm):
    reason = _text("Why the early help team declines")


class StartForm(GovukForm):
    prefix = "start"
    started_on = GovukDateField(label="Start date")
    consent_given_by = forms.CharField(
        label="Who in the family gave consent", max_length=150, required=False, help_text="For example, Mother"
    )
    consent_given_on = GovukDateField(label="Date consent was given", required=False)
    no_consent_reason = _text(
        "Reason to start without consent", required=False, help_text="Only when the family's consent is not recorded"
    )


class AssessmentForm(GovukForm):
    prefix = "assessment"
    started_on = GovukDateField(label="Assessment start date")
    completed_on = GovukDateField(label="Assessment completion date", required=False)
    organisation = forms.CharField(label="Organisation completing the assessment", max_length=150)
    needs = _text("Summary of the family's needs", rows=5)


class LeadProfessionalForm(GovukForm):
    prefix = "lead"
    name = forms.CharField(label="Name", max_length=150)
    agency = forms.CharField(label="Agency", max_length=150)
    role = forms.CharField(label="Role", max_length=150)
    started_on = GovukDateField(label="Lead professional from")


class TafMeetingForm(GovukForm):
    prefix = "taf"
    held_on = GovukDateField(label="Date of the meeting")
    attendees = _text(
        "Who attended",
        rows=4,
        help_text="One a line: name, agency. For example: Sam Ali, Northgate School",
    )
    summary = _text("Summary of the meeting", rows=5)

    def clean_attendees(self) -> list[Attendee]:
        found = []
        for line in self.cleaned_data["attendees"].splitlines():
            if not line.strip():
                continue
            name, comma, agency = line.partition(",")
            if not comma or not agency.strip():
                raise ValidationError(f"Give the agency after a comma: “{line.strip()}”")
            found.append(Attendee(name.strip(), agency.strip()))
        return found


class PlanActionForm(GovukForm):
    prefix = "plan"
    outcome = forms.CharField(label="Outcome for the family", max_length=300)
    action = forms.CharField(label="Action", max_length=300)
    owner = forms.CharField(label="Who will do it", max_length=150)
    due_on = GovukDateField(label="Due")


class PlanReviewForm(GovukForm):
    prefix = "review"
    reviewed_on = GovukDateField(label="Date of the review")
    progress = _text("Progress against the plan", rows=4)
    next_review_on = GovukDateField(label="Next review")


class ClosureForm(GovukForm):
    prefix = "closure"
    closed_on = GovukDateField(label="Closure date")
    outcome = forms.ChoiceField(label="Outcome", choices=EarlyHelpEpisode.Outcome.choices, widget=forms.RadioSelect)
    reason = _text(
        "Reason",
        required=False,
        rows=5,
        help_text="Needed to step up: the front door reads it with the family's history",
    )
