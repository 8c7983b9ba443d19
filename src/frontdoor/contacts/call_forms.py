from datetime import date, timedelta
from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile

from frontdoor.contacts.call_queries import default_period
from frontdoor.govuk.forms import GovukDateField, GovukForm
from frontdoor.uploads import check_csv_upload

# A year's calls at a busy front door is about 200,000 lines, some 20 MB; the import holds a log in memory.
LONGEST_PERIOD = timedelta(days=366)


class CallFiguresForm(GovukForm):
    """The period and queue of the call figures: a GET form, so a page of figures can be bookmarked and shared."""

    start = GovukDateField(
        label="From",
        help_text="For example, 2 3 2026",
        error_messages={"required": "Enter the date the period starts"},
    )
    end = GovukDateField(
        label="To",
        help_text="The last day of the period, included",
        error_messages={"required": "Enter the date the period ends"},
    )
    queue = forms.CharField(label="Queue", required=False, widget=forms.Select)

    def __init__(self, *args: Any, today: date, **kwargs: Any) -> None:
        start, end = default_period(today)
        kwargs.setdefault("initial", {"start": start, "end": end, "queue": ""})
        super().__init__(*args, **kwargs)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("start"), data.get("end")
        if start and end:
            if end < start:
                self.add_error("end", "The end of the period must be the same as or after its start")
            elif end - start >= LONGEST_PERIOD:
                self.add_error("end", "The period must be a year or shorter")
        return data

    def period(self) -> tuple[date, date, str]:
        """The period and queue asked for, or the defaults when nothing was asked."""
        if self.is_bound:
            data = self.cleaned_data
            return data["start"], data["end"], data.get("queue", "")
        return self.initial["start"], self.initial["end"], ""

    def offer_queues(self, queues: list[str]) -> None:
        selected = str(self["queue"].value() or "")
        names = sorted({*queues, selected} - {""}, key=str.lower)
        widget = self.fields["queue"].widget
        assert isinstance(widget, forms.Select)
        widget.choices = [("", "All queues"), *((name, name) for name in names)]


class CallLogForm(GovukForm):
    log = forms.FileField(
        label="Call log",
        help_text="A CSV file exported from the telephony system, with the columns "
        "call_id, started, answered, ended, queue, agent and transfers",
        error_messages={"required": "Select a call log", "empty": "The selected file is empty"},
        widget=forms.FileInput(attrs={"accept": ".csv,text/csv"}),
    )

    def clean_log(self) -> UploadedFile:
        return check_csv_upload(self.cleaned_data["log"])
