from typing import Any

from django import forms
from django.http import QueryDict
from django.utils import timezone

from frontdoor.govuk.forms import GovukDateField, GovukForm
from frontdoor.records.chronology import Category
from frontdoor.records.queries import AccessLogFilter, ChronologyFilter

ORDER_CHOICES = [("oldest", "Oldest first"), ("newest", "Newest first")]


class DateRangeForm(GovukForm):
    """From and to days, neither after today, the 'to' not before the 'from'."""

    since = GovukDateField(label="From", required=False, help_text="For example, 27 3 2026")
    until = GovukDateField(label="To", required=False, help_text="For example, 3 4 2026")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        until = self.fields["until"]
        assert isinstance(until, GovukDateField)
        # Today, not the day the server started.
        until.latest = timezone.localdate()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        since, until = data.get("since"), data.get("until")
        if since and until and since > until:
            self.add_error("until", "The 'to' date must be the same as or after the 'from' date")
        return data


class ChronologyFilterForm(DateRangeForm):
    field_order = ["category", "since", "until", "significant", "order"]

    category = forms.MultipleChoiceField(
        label="What to show",
        choices=Category.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Leave them all unticked to see everything.",
    )
    significant = forms.BooleanField(label="Significant entries only", required=False)
    order = forms.ChoiceField(
        label="Order", choices=ORDER_CHOICES, required=False, initial="oldest", widget=forms.RadioSelect
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["order"].widget.attrs["small"] = True
        if self.is_bound and not self.data.get("order"):
            # Filtering without choosing an order keeps the default, and the radios say which it is.
            data = QueryDict(mutable=True)
            data.update(self.data)
            data["order"] = "oldest"
            self.data = data

    def filters(self) -> ChronologyFilter:
        """What was asked for; an unsubmitted or invalid form shows everything, oldest first."""
        if not self.is_bound or not self.is_valid():
            return ChronologyFilter()
        data = self.cleaned_data
        return ChronologyFilter(
            categories=tuple(data["category"]),
            since=data["since"],
            until=data["until"],
            significant_only=data["significant"],
            newest_first=data["order"] == "newest",
        )


class ChronologyEntryForm(GovukForm):
    occurred_on = GovukDateField(label="Date it happened", help_text="For example, 27 3 2024")
    what_happened = forms.CharField(label="What happened", widget=forms.Textarea(attrs={"rows": 4}))
    source = forms.CharField(
        label="Source",
        max_length=300,
        help_text="Who told us, or which document it comes from: for example, 'Health visitor, by phone' "
        "or 'School attendance report, 4 March 2024'.",
    )


class AccessLogFilterForm(DateRangeForm):
    def filters(self) -> AccessLogFilter:
        """The days asked for; an unsubmitted or invalid form shows every day."""
        if not self.is_bound or not self.is_valid():
            return AccessLogFilter()
        return AccessLogFilter(since=self.cleaned_data["since"], until=self.cleaned_data["until"])
