"""What the casework API reads and writes: referrals with their work, assessments, child in need plans."""

from collections.abc import Mapping
from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from frontdoor.api.serializers import ReadOnlyChoicesMayBeBlank
from frontdoor.casework.assessments import WRITTEN_FIELDS
from frontdoor.casework.models import Assessment, AssessmentAmendment, CinPlan, CinPlanReview, Referral
from frontdoor.casework.queries import assessment_clock
from frontdoor.codes import ReasonForClosure
from frontdoor.timescales.clocks import ClockState


# "status" and "outcome" name other choice sets elsewhere in the API (contacts, decisions): each of
# these is its own schema component, so drf-spectacular's enum naming has nothing to collide over.
@extend_schema_field(serializers.ChoiceField(choices=Assessment.Status.choices), component_name="AssessmentStatusEnum")
class AssessmentStatusField(serializers.ChoiceField):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(choices=Assessment.Status.choices, **kwargs)


@extend_schema_field(
    serializers.ChoiceField(choices=Assessment.Outcome.choices, allow_blank=True),
    component_name="AssessmentOutcomeEnum",
)
class AssessmentOutcomeField(serializers.ChoiceField):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(choices=Assessment.Outcome.choices, **kwargs)


CLOCK_STATE = serializers.ChoiceField(
    choices=ClockState.choices, help_text="The assessment's timescale: on time, due soon, overdue or how it finished"
)


class AmendmentSerializer(serializers.ModelSerializer):
    made_by = serializers.CharField(source="made_by.username")
    changes = serializers.DictField(
        child=serializers.ListField(), help_text="{field: [what it said before, what it says now]}"
    )

    class Meta:
        model = AssessmentAmendment
        fields = ["id", "reason", "changes", "made_by", "made_at"]


class WrittenFields(serializers.ModelSerializer):
    """What the worker writes in an assessment; any of the fields, and nothing else."""

    dimensions = serializers.DictField(
        child=serializers.CharField(allow_blank=True),
        required=False,
        help_text="{Assessment Framework dimension code: what was found}",
    )
    factors = serializers.ListField(
        child=serializers.CharField(), required=False, help_text="Factors identified (CIN census codes)"
    )
    outcome = AssessmentOutcomeField(required=False, allow_blank=True)

    class Meta:
        model = Assessment
        fields = list(WRITTEN_FIELDS)
        extra_kwargs: dict[str, dict[str, Any]] = {name: {"required": False} for name in WRITTEN_FIELDS}

    def to_internal_value(self, data: Any) -> Any:
        if isinstance(data, Mapping) and (unknown := sorted(set(data) - set(self.fields))):
            raise serializers.ValidationError({name: ["This cannot be written here"] for name in unknown})
        return super().to_internal_value(data)


class AssessmentSerializer(ReadOnlyChoicesMayBeBlank):
    """The whole assessment: what the worker wrote, its dates and clock, the manager's decision, its amendments."""

    status = AssessmentStatusField(read_only=True)
    outcome = AssessmentOutcomeField(read_only=True, allow_blank=True)
    dimensions = serializers.DictField(
        child=serializers.CharField(), read_only=True, help_text="{Assessment Framework dimension code: what was found}"
    )
    factors = serializers.ListField(
        child=serializers.CharField(), read_only=True, help_text="Factors identified (CIN census codes)"
    )
    worker = serializers.CharField(source="worker.username", read_only=True)
    authorised_by = serializers.CharField(source="authorised_by.username", allow_null=True, read_only=True)
    clock_state = serializers.SerializerMethodField()
    amendments = AmendmentSerializer(many=True, read_only=True)

    class Meta:
        model = Assessment
        fields = [
            "id",
            "referral",
            "kind",
            "regime",
            "status",
            "version",
            "started_on",
            "due_on",
            "clock_state",
            "worker",
            *WRITTEN_FIELDS,
            "late_reason",
            "submitted_at",
            "completed_on",
            "authorised_on",
            "authorised_by",
            "grade",
            "manager_comment",
            "amendments",
        ]
        read_only_fields = fields

    @extend_schema_field(CLOCK_STATE)
    def get_clock_state(self, assessment: Assessment) -> str:
        return assessment_clock(assessment).state


class AssessmentSummarySerializer(serializers.ModelSerializer):
    status = AssessmentStatusField(read_only=True)
    clock_state = serializers.SerializerMethodField()

    class Meta:
        model = Assessment
        fields = [
            "id",
            "kind",
            "regime",
            "status",
            "started_on",
            "due_on",
            "completed_on",
            "authorised_on",
            "grade",
            "clock_state",
        ]

    @extend_schema_field(CLOCK_STATE)
    def get_clock_state(self, assessment: Assessment) -> str:
        return assessment_clock(assessment).state


class CinPlanReviewSerializer(serializers.ModelSerializer):
    recorded_by = serializers.CharField(source="recorded_by.username")

    class Meta:
        model = CinPlanReview
        fields = ["id", "held_on", "summary", "recorded_by", "recorded_at"]


class CinPlanSerializer(serializers.ModelSerializer):
    reviews = serializers.SerializerMethodField()

    class Meta:
        model = CinPlan
        fields = ["id", "referral", "started_on", "ended_on", "reviews"]

    @extend_schema_field(CinPlanReviewSerializer(many=True))
    def get_reviews(self, plan: CinPlan) -> list[dict[str, Any]]:
        loaded = getattr(plan, "all_reviews", None)
        reviews = loaded if loaded is not None else plan.reviews.select_related("recorded_by").order_by("held_on")
        return CinPlanReviewSerializer(reviews, many=True).data  # type: ignore[return-value]


class ReferralAllocationSerializer(serializers.Serializer):
    team = serializers.IntegerField(source="team_id", allow_null=True)
    team_name = serializers.CharField(source="team.name", allow_null=True)
    worker = serializers.CharField(source="worker.username", allow_null=True, help_text="The allocated worker")
    allocated_at = serializers.DateTimeField(allow_null=True)


class ReferralClosureSerializer(serializers.Serializer):
    closed_on = serializers.DateField(allow_null=True)
    reason = serializers.ChoiceField(source="closure_reason", choices=ReasonForClosure.choices, allow_blank=True)
    authorised_by = serializers.CharField(source="closure_authorised_by.username", allow_null=True)


class ReferralSerializer(serializers.ModelSerializer):
    """A referral read through queries.with_work: its assessments, plans and reviews come loaded."""

    allocation = ReferralAllocationSerializer(source="*", read_only=True)
    closure = ReferralClosureSerializer(source="*", read_only=True)
    assessments = AssessmentSummarySerializer(source="all_assessments", many=True, read_only=True)
    cin_plans = CinPlanSerializer(source="all_plans", many=True, read_only=True)

    class Meta:
        model = Referral
        fields = [
            "id",
            "person",
            "version",
            "referral_date",
            "source",
            "primary_need",
            "is_re_referral",
            "is_nfa",
            "allocation",
            "closure",
            "assessments",
            "cin_plans",
        ]


class ReferralsQuery(serializers.Serializer):
    person = serializers.IntegerField(help_text="The child's person ID, found with the people search")


class CloseReferralIn(serializers.Serializer):
    closed_on = serializers.DateField()
    reason = serializers.ChoiceField(choices=ReasonForClosure.choices, help_text="The CIN census reason for closure")
    nfa = serializers.BooleanField(default=False, help_text="A referral with no further action")
    version = serializers.IntegerField(help_text="The version of the referral you read; a stale one is a 409")


class StartedOnIn(serializers.Serializer):
    started_on = serializers.DateField()


class SaveAssessmentIn(WrittenFields):
    version = serializers.IntegerField(help_text="The version you read; a stale one is refused with 409")

    class Meta(WrittenFields.Meta):
        fields = ["version", *WRITTEN_FIELDS]


class SubmitAssessmentIn(serializers.Serializer):
    version = serializers.IntegerField(help_text="The version you read; a stale one is refused with 409")
    late_reason = serializers.CharField(required=False, allow_blank=True, default="")


class AuthoriseAssessmentIn(serializers.Serializer):
    grade = serializers.ChoiceField(choices=Assessment.Grade.choices)
    comment = serializers.CharField(required=False, allow_blank=True, default="")
    authorised_on = serializers.DateField(required=False, help_text="Today if not given")


class ReturnAssessmentIn(serializers.Serializer):
    comment = serializers.CharField(allow_blank=True, help_text="What needs to change")


class AmendAssessmentIn(serializers.Serializer):
    version = serializers.IntegerField(help_text="The version you read; a stale one is refused with 409")
    reason = serializers.CharField(allow_blank=True, help_text="Why the authorised assessment is changing")
    changes = WrittenFields(help_text="The fields to change, with their new values")


class CinPlanReviewIn(serializers.Serializer):
    held_on = serializers.DateField()
    summary = serializers.CharField(allow_blank=True)


class EndCinPlanIn(serializers.Serializer):
    ended_on = serializers.DateField()
