from rest_framework import serializers

from frontdoor.quality.models import Audit, AuditAction, AuditAnswer, AuditProgramme, Grade


class AuditAnswerSerializer(serializers.ModelSerializer):
    question = serializers.CharField(source="question.text")

    class Meta:
        model = AuditAnswer
        fields = ["question", "grade", "comment"]


class AuditActionSerializer(serializers.ModelSerializer):
    class Meta:
        model = AuditAction
        fields = ["action", "owner", "due_on", "done_on"]


class AuditSerializer(serializers.ModelSerializer):
    auditor = serializers.CharField(source="auditor.username", allow_null=True, default=None)
    moderator = serializers.CharField(source="moderator.username", allow_null=True, default=None)
    team = serializers.CharField(source="team.name", allow_null=True, default=None)
    person = serializers.IntegerField(
        source="referral.person_id", allow_null=True, default=None, help_text="The child, for a referral's audit"
    )
    answers = AuditAnswerSerializer(many=True)
    actions = AuditActionSerializer(many=True)

    class Meta:
        model = Audit
        fields = [
            "id",
            "programme",
            "referral",
            "contact",
            "person",
            "team",
            "auditor",
            "status",
            "grade",
            "findings",
            "moderator",
            "moderated_grade",
            "moderation_notes",
            "practitioner_response",
            "manager_response",
            "answers",
            "actions",
            "version",
        ]


class AuditProgrammeSerializer(serializers.ModelSerializer):
    audits: serializers.PrimaryKeyRelatedField[Audit] = serializers.PrimaryKeyRelatedField(many=True, read_only=True)

    class Meta:
        model = AuditProgramme
        fields = ["id", "month", "theme", "template", "per_team", "audits"]


class AuditProgrammeIn(serializers.Serializer):
    template = serializers.IntegerField()
    month = serializers.DateField(help_text="Any day in the month sampled")
    theme = serializers.ChoiceField(choices=AuditProgramme.Theme.choices)
    per_team = serializers.IntegerField(min_value=1, max_value=20)


class AnswerIn(serializers.Serializer):
    question = serializers.IntegerField()
    grade = serializers.ChoiceField(choices=Grade.choices, allow_blank=True)
    comment = serializers.CharField(required=False, allow_blank=True, default="")


class GradeIn(serializers.Serializer):
    answers = AnswerIn(many=True)
    grade = serializers.ChoiceField(choices=Grade.choices)
    findings = serializers.CharField()
    version = serializers.IntegerField()


class ModerationIn(serializers.Serializer):
    grade = serializers.ChoiceField(choices=Grade.choices)
    notes = serializers.CharField(required=False, allow_blank=True, default="")
    version = serializers.IntegerField()
