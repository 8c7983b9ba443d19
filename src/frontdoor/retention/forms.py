from django import forms

from frontdoor.govuk.forms import GovukDateField, GovukForm


class RetentionRuleForm(GovukForm):
    years = forms.IntegerField(
        label="Years kept",
        min_value=1,
        max_value=150,
        error_messages={"required": "Enter the number of years", "invalid": "Enter a whole number of years"},
        widget=forms.NumberInput(attrs={"class": "govuk-input--width-3"}),
    )
    version = forms.IntegerField(widget=forms.HiddenInput)


class KeepForm(GovukForm):
    # Both decision forms share the review page: prefixes keep their field ids apart.
    prefix = "keep"

    until = GovukDateField(label="The date to look at the record again", help_text="For example, 1 4 2028")
    reason = forms.CharField(
        label="Why is the record kept?",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter why the record is kept"},
    )


class HoldForm(GovukForm):
    prefix = "hold"

    reason = forms.CharField(
        label="The inquiry or proceedings the record is held for",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter the inquiry or proceedings the record is held for"},
    )


class AnonymiseForm(GovukForm):
    confirmed = forms.BooleanField(
        label="I have checked this record and confirm it is to be anonymised. This cannot be undone.",
        error_messages={"required": "Confirm that the record is to be anonymised"},
    )
