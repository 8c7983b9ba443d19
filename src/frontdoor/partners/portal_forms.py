from django import forms

from frontdoor.contacts.models import ConcernCategory, Consent, FamilyAware
from frontdoor.govuk.forms import GovukDateField, GovukForm
from frontdoor.partners.portal import ChildDetails, Referral

CONSENT_CHOICES = [(c.value, c.label) for c in (Consent.GIVEN, Consent.REFUSED, Consent.NOT_SOUGHT)]


class PortalReferralForm(GovukForm):
    """The multi-agency referral form: about the child, the worry, what has been done, and consent."""

    first_name = forms.CharField(label="Child's first name", max_length=100)
    last_name = forms.CharField(label="Child's last name", max_length=100)
    date_of_birth = GovukDateField(
        label="Child's date of birth", required=False, help_text="Leave it blank if you do not know it"
    )
    address = forms.CharField(label="Child's address", widget=forms.Textarea(attrs={"rows": 3}), max_length=500)
    school_or_setting = forms.CharField(label="School, nursery or setting", max_length=150, required=False)
    parents = forms.CharField(
        label="Parents or carers", max_length=300, required=False, help_text="Names and how to reach them"
    )
    concern = forms.CharField(
        label="What are you worried about?",
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="What you have seen or been told, when, and by whom. Use the child's own words where you can",
    )
    categories = forms.MultipleChoiceField(
        label="Kinds of concern", choices=ConcernCategory.choices, widget=forms.CheckboxSelectMultiple, required=False
    )
    childs_views = forms.CharField(
        label="What does the child say?", widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    support_so_far = forms.CharField(
        label="What have you done to help so far?", widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    family_aware = forms.ChoiceField(
        label="Does the family know you are making this referral?",
        choices=FamilyAware.choices,
        widget=forms.RadioSelect,
    )
    consent = forms.ChoiceField(
        label="Does the family consent to this referral?", choices=CONSENT_CHOICES, widget=forms.RadioSelect
    )
    consent_reason = forms.CharField(
        label="If not, why are you sharing it without consent?",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text="For example, asking would put the child at risk: sharing to protect a child needs no consent",
    )

    def referral(self) -> Referral:
        data = self.cleaned_data
        child = ChildDetails(
            data["first_name"],
            data["last_name"],
            data["date_of_birth"],
            data["address"],
            data["school_or_setting"],
            data["parents"],
        )
        return Referral(
            child=child,
            concern=data["concern"],
            categories=tuple(data["categories"]),
            family_aware=data["family_aware"],
            consent=data["consent"],
            consent_reason=data["consent_reason"],
            childs_views=data["childs_views"],
            support_so_far=data["support_so_far"],
        )


class FeedbackForm(GovukForm):
    feedback = forms.CharField(
        label="Feedback for the referrer",
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="What was decided and what happens next, in words the referrer can act on",
    )
