from django import forms
from django.core.files.uploadedfile import UploadedFile

from frontdoor.govuk.forms import GovukForm
from frontdoor.partners.imports import MAX_BYTES


class NotificationFileForm(GovukForm):
    file = forms.FileField(
        label="Notifications file",
        help_text="A CSV file from the police, one line for each person named on a notification",
        error_messages={"required": "Select a notifications file", "empty": "The selected file is empty"},
        widget=forms.FileInput(attrs={"accept": ".csv,text/csv"}),
    )

    def clean_file(self) -> UploadedFile:
        file: UploadedFile = self.cleaned_data["file"]
        if not (file.name or "").lower().endswith(".csv"):
            raise forms.ValidationError("The selected file must be a CSV")
        if (file.size or 0) > MAX_BYTES:
            raise forms.ValidationError("The selected file must be smaller than 10 MB")
        return file


class MatchForm(GovukForm):
    person = forms.IntegerField(
        label="Person ID in the people index",
        min_value=1,
        error_messages={"required": "Choose who this is", "invalid": "Enter the person's ID in the index"},
    )
