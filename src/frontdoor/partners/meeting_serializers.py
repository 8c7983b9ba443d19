"""What the triage meeting API reads and writes: meetings, their rows of children, decisions and tasks."""

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from frontdoor.partners.models import (
    MeetingAttendee,
    NotificationPerson,
    PoliceNotification,
    TriageDecision,
    TriageMeeting,
)
from frontdoor.protection.serializers import AgencyField


class MeetingAttendeeSerializer(serializers.ModelSerializer):
    agency = AgencyField()

    class Meta:
        model = MeetingAttendee
        fields = ["agency", "name"]


class TriageMeetingSerializer(serializers.ModelSerializer):
    chair = serializers.CharField(source="chair.username")
    attendees = MeetingAttendeeSerializer(many=True)
    is_open = serializers.BooleanField()

    class Meta:
        model = TriageMeeting
        fields = ["id", "held_on", "started_at", "chair", "attendees", "is_open", "minutes", "closed_at"]


class TriageChildSerializer(serializers.ModelSerializer):
    """A child as the police named them; a restricted record's name stays off the list, as on the meeting's page."""

    restricted = serializers.SerializerMethodField()

    class Meta:
        model = NotificationPerson
        fields = ["id", "role", "first_name", "last_name", "date_of_birth", "person", "restricted"]

    def get_restricted(self, child: NotificationPerson) -> bool:
        return child.person is not None and child.person.is_restricted

    def to_representation(self, instance: NotificationPerson) -> dict[str, Any]:
        data = super().to_representation(instance)
        if data["restricted"]:
            data.update(first_name="", last_name="", date_of_birth=None)
        return data


class TriageNotificationSerializer(serializers.ModelSerializer):
    class Meta:
        model = PoliceNotification
        fields = ["id", "police_reference", "kind", "dash_risk", "marac_referral", "incident_at", "received_at"]


class TriageDecisionSerializer(serializers.ModelSerializer):
    class Meta:
        model = TriageDecision
        fields = [
            "id",
            "child",
            "outcome",
            "note",
            "decided_at",
            "contact",
            "early_help_request",
            "assigned_to",
            "due_at",
            "done_at",
        ]


class TriageRowSerializer(serializers.Serializer):
    child = TriageChildSerializer()
    notification = TriageNotificationSerializer(source="child.notification")
    repeats = serializers.IntegerField(help_text="Other notifications naming this child in the last 12 months")
    perpetrator_repeats = serializers.IntegerField(
        help_text="Other notifications naming the same alleged perpetrator in the last 12 months"
    )
    open_case = serializers.IntegerField(
        source="open_case.pk", allow_null=True, default=None, help_text="The child's open referral, if any"
    )
    allocated_worker = serializers.CharField(source="open_case.worker.username", allow_null=True, default=None)
    late = serializers.BooleanField(help_text="Waiting more than a working day since it arrived")
    decision = TriageDecisionSerializer(source="child.triage", allow_null=True, default=None)


class TriageMeetingDetailSerializer(TriageMeetingSerializer):
    """The meeting with every child waiting or decided at it: the view passes the rows in the context."""

    rows = serializers.SerializerMethodField()

    class Meta(TriageMeetingSerializer.Meta):
        fields = [*TriageMeetingSerializer.Meta.fields, "rows"]

    @extend_schema_field(TriageRowSerializer(many=True))
    def get_rows(self, meeting: TriageMeeting) -> Any:
        return TriageRowSerializer(self.context["rows"], many=True).data


class MeetingAttendeeIn(serializers.Serializer):
    agency = AgencyField()
    name = serializers.CharField(max_length=150)


class TriageMeetingIn(serializers.Serializer):
    attendees = MeetingAttendeeIn(many=True, help_text="Who is there: the police must be")


class TriageChoiceIn(serializers.Serializer):
    child = serializers.IntegerField(help_text="The child's ID on the notification (a row's child.id)")
    outcome = serializers.ChoiceField(choices=TriageDecision.Outcome.choices)
    note = serializers.CharField(required=False, allow_blank=True, default="")


class TriageDecisionsIn(serializers.Serializer):
    decisions = TriageChoiceIn(many=True, allow_empty=False)

    def validate_decisions(self, decisions: list[dict[str, Any]]) -> list[dict[str, Any]]:
        children = [d["child"] for d in decisions]
        if len(set(children)) != len(children):
            raise serializers.ValidationError("Decide each child once")
        return decisions


class MinutesIn(serializers.Serializer):
    minutes = serializers.CharField(allow_blank=True)


class TriageTaskSerializer(serializers.ModelSerializer):
    child = TriageChildSerializer()
    notification = serializers.IntegerField(source="child.notification_id")
    police_reference = serializers.CharField(source="child.notification.police_reference")
    assigned_to = serializers.CharField(source="assigned_to.username", allow_null=True, default=None)

    class Meta:
        model = TriageDecision
        fields = ["id", "outcome", "note", "child", "notification", "police_reference", "assigned_to", "due_at"]
