from django import forms
from django.utils import timezone

from frontdoor.govuk.forms import GovukDateField, GovukForm
from frontdoor.partners.models import InformationShare
from frontdoor.partners.sharing import Asked, Disclosure
from frontdoor.protection.models import Agency

YES_NO = [("yes", "Yes"), ("no", "No")]


class RequestForm(GovukForm):
    agency = forms.ChoiceField(label="Agency", choices=Agency.choices)
    organisation = forms.CharField(label="Organisation", max_length=150)
    requester = forms.CharField(label="Who asked", max_length=150, help_text="Their name and role")
    asked_for = forms.CharField(label="What they asked for", widget=forms.Textarea(attrs={"rows": 3}))
    purpose = forms.CharField(label="Why they need it", widget=forms.Textarea(attrs={"rows": 3}))
    urgent = forms.BooleanField(
        label="Urgent: a child may be at risk of harm now", required=False, help_text="Answered within a working day"
    )

    def asked(self) -> Asked:
        data = self.cleaned_data
        return Asked(
            agency=data["agency"],
            requester=data["requester"],
            organisation=data["organisation"],
            asked_for=data["asked_for"],
            purpose=data["purpose"],
            received_at=timezone.now(),
            urgent=data["urgent"],
        )


class ShareForm(GovukForm):
    agency = forms.ChoiceField(label="Agency", choices=Agency.choices)
    organisation = forms.CharField(label="Organisation", max_length=150)
    recipient = forms.CharField(label="Shared with", max_length=150, help_text="Their name and role")
    shared_on = GovukDateField(label="Date shared")
    what = forms.CharField(label="What was shared", widget=forms.Textarea(attrs={"rows": 4}))
    purpose = forms.CharField(label="Why it was shared", widget=forms.Textarea(attrs={"rows": 3}))
    basis = forms.ChoiceField(label="Lawful basis", choices=InformationShare.Basis.choices, widget=forms.RadioSelect)
    condition = forms.ChoiceField(
        label="Special category or criminal offence data",
        choices=InformationShare.Condition.choices,
        widget=forms.RadioSelect,
        help_text="Health, ethnicity, sex life and criminal records need a condition as well as a basis",
    )
    family_informed = forms.ChoiceField(label="Was the family told?", choices=YES_NO, widget=forms.RadioSelect)
    not_informed_reason = forms.CharField(
        label="If not, why not?", widget=forms.Textarea(attrs={"rows": 2}), required=False
    )

    def disclosure(self) -> Disclosure:
        data = self.cleaned_data
        return Disclosure(
            agency=data["agency"],
            recipient=data["recipient"],
            organisation=data["organisation"],
            shared_on=data["shared_on"],
            what=data["what"],
            purpose=data["purpose"],
            basis=data["basis"],
            condition=data["condition"],
            family_informed=data["family_informed"] == "yes",
            not_informed_reason=data["not_informed_reason"],
        )


class DeclineForm(GovukForm):
    reason = forms.CharField(label="Why nothing is shared", widget=forms.Textarea(attrs={"rows": 3}))
