from rest_framework import serializers

from frontdoor.partners.models import NotificationPerson, PoliceNotification


class PersonIn(serializers.Serializer):
    role = serializers.ChoiceField(choices=NotificationPerson.Role.choices)
    first_name = serializers.CharField(max_length=100)
    last_name = serializers.CharField(max_length=100)
    date_of_birth = serializers.DateField(required=False, allow_null=True, default=None)
    postcode = serializers.CharField(max_length=10, required=False, allow_blank=True, default="")


class NotificationIn(serializers.Serializer):
    police_reference = serializers.CharField(max_length=40)
    incident_at = serializers.DateTimeField()
    kind = serializers.ChoiceField(choices=PoliceNotification.Kind.choices)
    dash_risk = serializers.ChoiceField(choices=PoliceNotification.Risk.choices, required=False, allow_blank=True)
    marac_referral = serializers.BooleanField(required=False, default=False)
    summary = serializers.CharField()
    people = PersonIn(many=True, allow_empty=False)


class NotificationsIn(serializers.Serializer):
    notifications = NotificationIn(many=True, allow_empty=False, max_length=5_000)  # type: ignore[call-arg]


class NotificationPersonSerializer(serializers.ModelSerializer):
    class Meta:
        model = NotificationPerson
        fields = ["id", "role", "first_name", "last_name", "date_of_birth", "postcode", "suggestions", "person"]


class NotificationSerializer(serializers.ModelSerializer):
    people = NotificationPersonSerializer(many=True)

    class Meta:
        model = PoliceNotification
        fields = [
            "id",
            "police_reference",
            "incident_at",
            "kind",
            "dash_risk",
            "marac_referral",
            "summary",
            "source",
            "received_at",
            "triaged_at",
            "people",
        ]


class ReceivedSerializer(serializers.Serializer):
    received = serializers.ListField(child=serializers.IntegerField(), help_text="IDs of the notifications kept")
    repeated = serializers.ListField(child=serializers.CharField(), help_text="References already held, kept once")


class MatchIn(serializers.Serializer):
    person = serializers.IntegerField(help_text="The person's ID in the people index")
