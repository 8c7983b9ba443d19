"""What the partner portal API reads and writes: a partner's referrals with their status and feedback."""

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from frontdoor.contacts.models import ConcernCategory, FamilyAware
from frontdoor.partners import portal
from frontdoor.partners.models import PortalReferral
from frontdoor.partners.portal_forms import CONSENT_CHOICES

STATUS = serializers.ChoiceField(
    choices=["Received", "Being considered", "Decided"], help_text="Where the referral is, as the partner is told"
)


class PortalReferralSerializer(serializers.ModelSerializer):
    """What the partner sees of their referral: what they told us, where it is, and the front door's feedback."""

    reference = serializers.CharField(source="contact.reference")
    concern = serializers.CharField(source="contact.concern", help_text="What the partner told us")
    status = serializers.SerializerMethodField()
    feedback_by = serializers.CharField(source="feedback_by.display_name", allow_null=True, default=None)

    class Meta:
        model = PortalReferral
        fields = ["id", "reference", "submitted_at", "status", "concern", "feedback", "feedback_at", "feedback_by"]

    @extend_schema_field(STATUS)
    def get_status(self, referral: PortalReferral) -> str:
        return portal.status_of(referral)


class PortalReferralIn(serializers.Serializer):
    """The multi-agency referral form's fields: about the child, the worry, what has been done, and consent."""

    first_name = serializers.CharField(max_length=100)
    last_name = serializers.CharField(max_length=100)
    date_of_birth = serializers.DateField(required=False, allow_null=True, default=None)
    address = serializers.CharField(max_length=500)
    school_or_setting = serializers.CharField(max_length=150, required=False, allow_blank=True, default="")
    parents = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")
    concern = serializers.CharField(help_text="What you have seen or been told, when, and by whom")
    categories = serializers.ListField(
        child=serializers.ChoiceField(choices=ConcernCategory.choices), required=False, default=list
    )
    childs_views = serializers.CharField(required=False, allow_blank=True, default="")
    support_so_far = serializers.CharField(required=False, allow_blank=True, default="")
    family_aware = serializers.ChoiceField(choices=FamilyAware.choices)
    consent = serializers.ChoiceField(choices=CONSENT_CHOICES)
    consent_reason = serializers.CharField(
        required=False, allow_blank=True, default="", help_text="Why you are sharing it without consent, if you are"
    )


def referral_from(data: dict[str, Any]) -> portal.Referral:
    child_fields = ("first_name", "last_name", "date_of_birth", "address", "school_or_setting", "parents")
    child = portal.ChildDetails(**{f: data.pop(f) for f in child_fields})
    return portal.Referral(child=child, **{**data, "categories": tuple(data["categories"])})


class PortalFeedbackIn(serializers.Serializer):
    feedback = serializers.CharField(
        allow_blank=True, help_text="What was decided and what happens next, in words the referrer can act on"
    )
