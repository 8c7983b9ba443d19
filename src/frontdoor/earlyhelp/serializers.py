from typing import Any

from django.db import models
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from frontdoor.earlyhelp.models import (
    EarlyHelpAssessment,
    EarlyHelpEpisode,
    EarlyHelpRequest,
    LeadProfessional,
    PlanAction,
    PlanReview,
    TafAttendee,
    TafMeeting,
)


def _named_choices(choices: type[models.TextChoices], name: str, *, allow_blank: bool = False) -> type:
    """A choice field that is its own schema component: "status" and "outcome" name other choice sets elsewhere
    in the API, and a component of its own leaves drf-spectacular's enum naming nothing to collide over."""

    @extend_schema_field(serializers.ChoiceField(choices=choices.choices, allow_blank=allow_blank), component_name=name)
    class Field(serializers.ChoiceField):
        def __init__(self, **kwargs: Any) -> None:
            super().__init__(choices=choices.choices, **kwargs)

    return Field


RequestStatusField = _named_choices(EarlyHelpRequest.Status, "EarlyHelpRequestStatusEnum")
EpisodeStatusField = _named_choices(EarlyHelpEpisode.Status, "EarlyHelpEpisodeStatusEnum")
OutcomeField = _named_choices(EarlyHelpEpisode.Outcome, "EarlyHelpOutcomeEnum")
OutcomeOrBlankField = _named_choices(EarlyHelpEpisode.Outcome, "EarlyHelpOutcomeOrBlankEnum", allow_blank=True)


class EarlyHelpRequestSerializer(serializers.ModelSerializer):
    status = RequestStatusField(read_only=True)

    class Meta:
        model = EarlyHelpRequest
        fields = ["id", "person", "requested_on", "status", "route", "agency", "referrer_name", "reason"]


class EarlyHelpAssessmentSerializer(serializers.ModelSerializer):
    class Meta:
        model = EarlyHelpAssessment
        fields = ["started_on", "completed_on", "organisation", "needs"]


class LeadProfessionalSerializer(serializers.ModelSerializer):
    class Meta:
        model = LeadProfessional
        fields = ["name", "agency", "role", "started_on", "ended_on"]


class TafAttendeeSerializer(serializers.ModelSerializer):
    class Meta:
        model = TafAttendee
        fields = ["name", "agency"]


class TafMeetingSerializer(serializers.ModelSerializer):
    attendees = TafAttendeeSerializer(many=True)

    class Meta:
        model = TafMeeting
        fields = ["held_on", "attendees", "summary"]


class PlanActionSerializer(serializers.ModelSerializer):
    class Meta:
        model = PlanAction
        fields = ["outcome", "action", "owner", "due_on"]


class PlanReviewSerializer(serializers.ModelSerializer):
    class Meta:
        model = PlanReview
        fields = ["reviewed_on", "progress", "next_review_on"]


class EarlyHelpEpisodeSerializer(serializers.ModelSerializer):
    request = EarlyHelpRequestSerializer()
    assessment = EarlyHelpAssessmentSerializer(allow_null=True, default=None)
    lead_professionals = LeadProfessionalSerializer(many=True)
    taf_meetings = TafMeetingSerializer(many=True)
    plan_actions = PlanActionSerializer(many=True)
    plan_reviews = PlanReviewSerializer(many=True)
    status = EpisodeStatusField(read_only=True)
    outcome = OutcomeOrBlankField(read_only=True, allow_blank=True)

    class Meta:
        model = EarlyHelpEpisode
        fields = [
            "id",
            "person",
            "status",
            "request",
            "accepted_on",
            "started_on",
            "consent_given_by",
            "consent_given_on",
            "no_consent_reason",
            "next_review_on",
            "assessment",
            "lead_professionals",
            "taf_meetings",
            "plan_actions",
            "plan_reviews",
            "closed_on",
            "outcome",
            "closure_reason",
            "stepped_up_to",
        ]


class EarlyHelpEpisodeSummarySerializer(serializers.ModelSerializer):
    lead_professional = serializers.CharField(source="lead_name", allow_null=True, default=None)
    status = EpisodeStatusField(read_only=True)

    class Meta:
        model = EarlyHelpEpisode
        fields = ["id", "person", "status", "accepted_on", "started_on", "next_review_on", "lead_professional"]


class PartnerRequestIn(serializers.Serializer):
    person = serializers.IntegerField(help_text="The child's ID")
    agency = serializers.CharField(max_length=150)
    referrer_name = serializers.CharField(max_length=150)
    reason = serializers.CharField()
    requested_on = serializers.DateField()


class AssessmentIn(serializers.Serializer):
    started_on = serializers.DateField()
    completed_on = serializers.DateField(required=False, allow_null=True, default=None)
    organisation = serializers.CharField(max_length=150)
    needs = serializers.CharField()


class ClosureIn(serializers.Serializer):
    closed_on = serializers.DateField()
    outcome = OutcomeField()
    reason = serializers.CharField(required=False, allow_blank=True, default="", help_text="Needed to step up")
