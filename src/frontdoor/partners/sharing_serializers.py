"""What the information sharing API reads and writes: partners' requests with their clocks, and disclosures."""

from rest_framework import serializers

from frontdoor.partners.models import InformationRequest, InformationShare
from frontdoor.protection.serializers import AgencyField


class InformationRequestSerializer(serializers.ModelSerializer):
    agency = AgencyField()
    recorded_by = serializers.CharField(source="recorded_by.username")

    class Meta:
        model = InformationRequest
        fields = [
            "id",
            "person",
            "agency",
            "requester",
            "organisation",
            "asked_for",
            "purpose",
            "urgent",
            "received_at",
            "due_on",
            "status",
            "declined_reason",
            "closed_at",
            "recorded_by",
        ]


class InformationShareSerializer(serializers.ModelSerializer):
    agency = AgencyField()
    recorded_by = serializers.CharField(source="recorded_by.username")

    class Meta:
        model = InformationShare
        fields = [
            "id",
            "person",
            "request",
            "agency",
            "recipient",
            "organisation",
            "shared_on",
            "what",
            "purpose",
            "basis",
            "condition",
            "family_informed",
            "not_informed_reason",
            "recorded_by",
            "recorded_at",
        ]


class InformationRequestIn(serializers.Serializer):
    person = serializers.IntegerField(help_text="The child's ID in the people index")
    agency = AgencyField()
    organisation = serializers.CharField(max_length=150)
    requester = serializers.CharField(max_length=150, help_text="Name and role of who asked")
    asked_for = serializers.CharField()
    purpose = serializers.CharField(help_text="Why they need it")
    urgent = serializers.BooleanField(
        required=False, default=False, help_text="A child may be at risk of harm now: answered within a working day"
    )
    received_at = serializers.DateTimeField(
        required=False, allow_null=True, default=None, help_text="When they asked; now if not given"
    )


class DeclineRequestIn(serializers.Serializer):
    reason = serializers.CharField(allow_blank=True, help_text="Why nothing is shared, so the requester can be told")


class InformationShareIn(serializers.Serializer):
    person = serializers.IntegerField(help_text="The child's ID in the people index")
    request = serializers.IntegerField(
        required=False, allow_null=True, default=None, help_text="The open request this answers, if any"
    )
    agency = AgencyField()
    organisation = serializers.CharField(max_length=150)
    recipient = serializers.CharField(max_length=150, help_text="Name and role of who received it")
    shared_on = serializers.DateField()
    what = serializers.CharField(help_text="The information shared")
    purpose = serializers.CharField()
    basis = serializers.ChoiceField(choices=InformationShare.Basis.choices)
    condition = serializers.ChoiceField(choices=InformationShare.Condition.choices)
    family_informed = serializers.BooleanField()
    not_informed_reason = serializers.CharField(required=False, allow_blank=True, default="")
