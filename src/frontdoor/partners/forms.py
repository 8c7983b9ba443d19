from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.http import QueryDict

from frontdoor.govuk.forms import GovukForm
from frontdoor.partners.triage import Attendee
from frontdoor.uploads import check_csv_upload


class NotificationFileForm(GovukForm):
    file = forms.FileField(
        label="Notifications file",
        help_text="A CSV file from the police, one line for each person named on a notification",
        error_messages={"required": "Select a notifications file", "empty": "The selected file is empty"},
        widget=forms.FileInput(attrs={"accept": ".csv,text/csv"}),
    )

    def clean_file(self) -> UploadedFile:
        return check_csv_upload(self.cleaned_data["file"])


class MatchForm(GovukForm):
    person = forms.IntegerField(
        label="Person ID in the people index",
        min_value=1,
        error_messages={"required": "Choose who this is", "invalid": "Enter the person's ID in the index"},
    )


class MeetingForm(GovukForm):
    police = forms.CharField(
        label="Police", max_length=150, error_messages={"required": "Name who is there for the police"}
    )
    health = forms.CharField(label="Health", max_length=150, required=False)
    education = forms.CharField(label="Education", max_length=150, required=False)
    other = forms.CharField(
        label="Others", max_length=150, required=False, help_text="For example the domestic abuse service or an IDVA"
    )

    def attendees(self) -> list[Attendee]:
        data = self.cleaned_data
        agencies = (("police", "police"), ("health", "health"), ("education", "education"), ("other", "other"))
        return [Attendee(agency, data[field]) for field, agency in agencies if data.get(field)]


class MinutesForm(GovukForm):
    minutes = forms.CharField(
        label="Minutes",
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="Anything agreed beyond the decisions: patterns seen, actions for agencies, who was absent",
        error_messages={"required": "Write the minutes"},
    )


def decisions_posted(data: QueryDict) -> dict[int, tuple[str, str]]:
    """The meeting's rows with a decision chosen: {child on the notification: (outcome, note)}."""
    chosen = {}
    for key, outcome in data.items():
        prefix, _, number = key.partition("-")
        if prefix == "decision" and number.isdigit() and isinstance(outcome, str) and outcome:
            note = data.get(f"note-{number}", "")
            chosen[int(number)] = (outcome, note if isinstance(note, str) else "")
    return chosen
