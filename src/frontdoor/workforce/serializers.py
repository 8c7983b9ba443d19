from rest_framework import serializers

from frontdoor.workforce.models import Allocation, CaseDirection, DirectionAction, SupervisionSession


class AllocationSerializer(serializers.ModelSerializer):
    team = serializers.CharField(source="team.name")
    worker = serializers.CharField(source="worker.username", allow_null=True, default=None)
    allocated_by = serializers.CharField(source="allocated_by.username", allow_null=True, default=None)

    class Meta:
        model = Allocation
        fields = ["id", "team", "worker", "started_at", "ended_at", "allocated_by", "reason", "over_limit"]


class AllocateIn(serializers.Serializer):
    team = serializers.IntegerField(help_text="The team's id")
    worker = serializers.IntegerField(required=False, allow_null=True, default=None, help_text="A worker in the team")
    reason = serializers.CharField(required=False, allow_blank=True, default="", help_text="Needed to move work")
    over_limit_confirmed = serializers.BooleanField(
        default=False, help_text="Allocate even if it takes the worker over their caseload limit"
    )
    version = serializers.IntegerField(help_text="The referral's version, as last read")


class CaseloadSerializer(serializers.Serializer):
    worker = serializers.CharField(source="worker.username")
    newly_qualified = serializers.BooleanField()
    counts = serializers.DictField(child=serializers.IntegerField())
    cases = serializers.IntegerField()
    weighted = serializers.DecimalField(max_digits=6, decimal_places=1)
    limit = serializers.DecimalField(max_digits=4, decimal_places=1)
    is_over = serializers.BooleanField()


class ActionSerializer(serializers.ModelSerializer):
    class Meta:
        model = DirectionAction
        fields = ["action", "owner", "due_on"]


class DirectionSerializer(serializers.ModelSerializer):
    given_by = serializers.CharField(source="given_by.username")
    actions = ActionSerializer(many=True)

    class Meta:
        model = CaseDirection
        fields = ["id", "person", "referral", "session", "direction", "given_by", "given_on", "actions"]


class SupervisionSerializer(serializers.ModelSerializer):
    worker = serializers.CharField(source="worker.username")
    supervisor = serializers.CharField(source="supervisor.username")
    directions = DirectionSerializer(many=True)
    reflective_notes = serializers.SerializerMethodField(
        help_text="Only for the worker and the supervisor; null for anyone else"
    )

    class Meta:
        model = SupervisionSession
        fields = [
            "id",
            "worker",
            "supervisor",
            "held_on",
            "minutes",
            "kind",
            "summary",
            "reflective_notes",
            "directions",
        ]

    def get_reflective_notes(self, session: SupervisionSession) -> str | None:
        reader = self.context.get("reader")
        return session.reflective_notes if reader in (session.worker_id, session.supervisor_id) else None


class DirectionActionIn(serializers.Serializer):
    action = serializers.CharField(max_length=300)
    owner = serializers.CharField(max_length=150)
    due_on = serializers.DateField()


class DiscussionIn(serializers.Serializer):
    referral = serializers.IntegerField(help_text="One of the worker's open referrals")
    direction = serializers.CharField()
    actions = DirectionActionIn(many=True, required=False, default=list)


class SupervisionIn(serializers.Serializer):
    worker = serializers.IntegerField()
    held_on = serializers.DateField()
    minutes = serializers.IntegerField(min_value=1, max_value=480)
    kind = serializers.ChoiceField(choices=SupervisionSession.Kind.choices)
    summary = serializers.CharField()
    reflective_notes = serializers.CharField(required=False, allow_blank=True, default="")
    discussions = DiscussionIn(many=True, required=False, default=list)
