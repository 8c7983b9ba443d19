"""What the child protection API reads and writes: strategy discussions, section 47 enquiries, conferences, plans."""

from datetime import date
from typing import Any, ClassVar

from django.db.models import Choices
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from frontdoor.accounts.models import LocalAuthority
from frontdoor.api.serializers import ReadOnlyChoicesMayBeBlank
from frontdoor.codes import CategoryOfAbuse
from frontdoor.protection.models import (
    Agency,
    ChildProtectionPlan,
    ConferenceAttendee,
    CoreGroup,
    InitialConference,
    ReviewConference,
    Section47,
    StrategyAction,
    StrategyChild,
    StrategyDiscussion,
    StrategyParticipant,
    Visit,
)
from frontdoor.protection.queries import plan_clocks


class NamedChoiceField(serializers.ChoiceField):
    """A choice field whose choices are its class's: _named_choices makes one for each choice set."""

    choice_set: ClassVar[type[Choices]]
    blank: ClassVar[bool] = False

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("allow_blank", self.blank)
        super().__init__(choices=self.choice_set.choices, **kwargs)


def _named_choices(choices: type[Choices], component_name: str, *, allow_blank: bool = False) -> type[NamedChoiceField]:
    """A choice field that is its own schema component; one that may be empty is another component.

    "kind", "outcome", "reason", "decision" and "category" name other choice sets elsewhere in the
    API (assessments, contacts, referrals): each of these gets its own name, so drf-spectacular's enum
    naming has nothing to collide over.
    """
    name = component_name.removesuffix("Enum") + "Field"
    field = type(name, (NamedChoiceField,), {"choice_set": choices, "blank": allow_blank, "__module__": __name__})
    schema = serializers.ChoiceField(choices=choices.choices, allow_blank=allow_blank)
    return extend_schema_field(schema, component_name=component_name)(field)


AgencyField = _named_choices(Agency, "AgencyEnum")
StrategyKindField = _named_choices(StrategyDiscussion.Kind, "StrategyKindEnum")
StrategyDecisionField = _named_choices(StrategyChild.Decision, "StrategyDecisionEnum")
Section47OutcomeField = _named_choices(Section47.Outcome, "Section47OutcomeEnum")
Section47OutcomeOrBlankField = _named_choices(Section47.Outcome, "Section47OutcomeOrBlankEnum", allow_blank=True)
CategoryOfAbuseField = _named_choices(CategoryOfAbuse, "CategoryOfAbuseEnum")
CategoryOfAbuseOrBlankField = _named_choices(CategoryOfAbuse, "CategoryOfAbuseOrBlankEnum", allow_blank=True)
PlanEndReasonField = _named_choices(ChildProtectionPlan.EndReason, "CpPlanEndReasonEnum")
PlanEndReasonOrBlankField = _named_choices(
    ChildProtectionPlan.EndReason, "CpPlanEndReasonOrBlankEnum", allow_blank=True
)

BLANK_WHEN_NONE = "Empty until there is one"


# Strategy discussions


class ParticipantSerializer(serializers.ModelSerializer):
    agency = AgencyField()

    class Meta:
        model = StrategyParticipant
        fields = ["agency", "name", "role"]


class StrategyActionSerializer(serializers.ModelSerializer):
    class Meta:
        model = StrategyAction
        fields = ["id", "action", "owner", "due_on"]


class Section47SummarySerializer(serializers.ModelSerializer):
    class Meta:
        model = Section47
        fields = ["id", "started_on", "conference_due_on", "is_joint"]


class StrategyChildSerializer(serializers.ModelSerializer):
    person = serializers.IntegerField(source="referral.person_id", help_text="The child's person ID")
    decision = StrategyDecisionField()
    section_47 = Section47SummarySerializer(
        allow_null=True, read_only=True, help_text="The enquiry the decision started; null if it started none"
    )

    class Meta:
        model = StrategyChild
        fields = ["referral", "person", "decision", "rationale", "section_47"]


class StrategyDiscussionSerializer(ReadOnlyChoicesMayBeBlank):
    """A discussion read with its participants, actions and each child's decision and enquiry loaded."""

    kind = StrategyKindField()
    chaired_by = serializers.CharField(source="chaired_by.username")
    recorded_by = serializers.CharField(source="recorded_by.username")
    participants = ParticipantSerializer(many=True, read_only=True)
    children = StrategyChildSerializer(many=True, read_only=True)
    actions = StrategyActionSerializer(many=True, read_only=True)

    class Meta:
        model = StrategyDiscussion
        fields = [
            "id",
            "held_at",
            "kind",
            "information_shared",
            "police_reference",
            "chaired_by",
            "recorded_by",
            "recorded_at",
            "participants",
            "children",
            "actions",
        ]
        read_only_fields = fields


class ParticipantIn(serializers.Serializer):
    agency = AgencyField()
    name = serializers.CharField(max_length=150, allow_blank=True)
    role = serializers.CharField(max_length=150, required=False, allow_blank=True, default="")


class ChildDecisionIn(serializers.Serializer):
    referral = serializers.IntegerField(help_text="The ID of the child's open referral")
    decision = StrategyDecisionField()
    rationale = serializers.CharField(allow_blank=True, help_text="The reasons for the decision")


class ActionIn(serializers.Serializer):
    action = serializers.CharField(max_length=300, allow_blank=True)
    owner = serializers.CharField(max_length=150, allow_blank=True, help_text="Who will do it, and their agency")
    due_on = serializers.DateField()


class StrategyDiscussionIn(serializers.Serializer):
    held_at = serializers.DateTimeField()
    kind = StrategyKindField()
    information_shared = serializers.CharField(allow_blank=True)
    police_reference = serializers.CharField(max_length=50, required=False, allow_blank=True, default="")
    participants = ParticipantIn(many=True, help_text="Everyone who took part; the police always do")
    children = ChildDecisionIn(many=True, help_text="What was decided for each child")
    actions = ActionIn(many=True, required=False, default=list)

    def validate_children(self, children: list[dict[str, Any]]) -> list[dict[str, Any]]:
        referrals = [child["referral"] for child in children]
        if len(set(referrals)) != len(referrals):
            raise serializers.ValidationError("Name each child's referral once")
        return children


# Section 47 enquiries and initial conferences


class AttendeeSerializer(serializers.ModelSerializer):
    agency = AgencyField()

    class Meta:
        model = ConferenceAttendee
        fields = ["agency", "name", "attended"]


class CpPlanSummarySerializer(serializers.ModelSerializer):
    initial_category = CategoryOfAbuseField()
    latest_category = CategoryOfAbuseField()

    class Meta:
        model = ChildProtectionPlan
        fields = ["id", "started_on", "initial_category", "latest_category", "previous_plans", "ended_on"]


class InitialConferenceSerializer(ReadOnlyChoicesMayBeBlank):
    category = CategoryOfAbuseOrBlankField(help_text="Empty when the conference decided no plan")
    recorded_by = serializers.CharField(source="recorded_by.username")
    attendees = AttendeeSerializer(many=True, read_only=True)
    plan = CpPlanSummarySerializer(allow_null=True, read_only=True, help_text="The plan it started, if it did")

    class Meta:
        model = InitialConference
        fields = [
            "id",
            "section_47",
            "held_on",
            "needs_plan",
            "category",
            "chaired_by",
            "summary",
            "recorded_by",
            "recorded_at",
            "attendees",
            "plan",
        ]
        read_only_fields = fields


class Section47Serializer(ReadOnlyChoicesMayBeBlank):
    person = serializers.IntegerField(source="referral.person_id", help_text="The child's person ID")
    strategy_discussion = serializers.IntegerField(
        source="strategy_child.discussion_id", help_text="The strategy discussion that began it"
    )
    outcome = Section47OutcomeOrBlankField(help_text=BLANK_WHEN_NONE)
    is_open = serializers.BooleanField(help_text="Open until its conference is held or found not to be needed")
    conference = InitialConferenceSerializer(allow_null=True, read_only=True)

    class Meta:
        model = Section47
        fields = [
            "id",
            "referral",
            "person",
            "strategy_discussion",
            "version",
            "started_on",
            "conference_due_on",
            "is_joint",
            "outcome",
            "completed_on",
            "conference_not_required",
            "not_required_reason",
            "is_open",
            "conference",
        ]
        read_only_fields = fields


class Section47OutcomeIn(serializers.Serializer):
    outcome = Section47OutcomeField()
    completed_on = serializers.DateField()
    conference_needed = serializers.BooleanField()
    not_required_reason = serializers.CharField(
        required=False, allow_blank=True, default="", help_text="Why no initial conference is needed"
    )


class AttendeeIn(serializers.Serializer):
    agency = AgencyField()
    name = serializers.CharField(max_length=150, allow_blank=True)
    attended = serializers.BooleanField(default=True, help_text="False: invited, and sent apologies or a report")


class InitialConferenceIn(serializers.Serializer):
    held_on = serializers.DateField()
    needs_plan = serializers.BooleanField()
    category = CategoryOfAbuseOrBlankField(
        required=False, default="", help_text="The category of abuse; needed for a plan"
    )
    chaired_by = serializers.CharField(max_length=150, allow_blank=True)
    attendees = AttendeeIn(many=True, help_text="Who was invited and who came")
    summary = serializers.CharField(required=False, allow_blank=True, default="")


# Child protection plans


class ReviewConferenceSerializer(serializers.ModelSerializer):
    category = CategoryOfAbuseField()
    recorded_by = serializers.CharField(source="recorded_by.username")

    class Meta:
        model = ReviewConference
        fields = ["id", "held_on", "continue_plan", "category", "summary", "recorded_by"]


class CoreGroupSerializer(serializers.ModelSerializer):
    recorded_by = serializers.CharField(source="recorded_by.username")

    class Meta:
        model = CoreGroup
        fields = ["id", "held_on", "summary", "recorded_by"]


class CpVisitSerializer(serializers.ModelSerializer):
    visited_by = serializers.CharField(source="visited_by.username")

    class Meta:
        model = Visit
        fields = ["id", "visited_on", "child_seen", "seen_alone", "bedroom_seen", "notes", "visited_by"]


class CpPlanDueSerializer(serializers.Serializer):
    next_review_on = serializers.DateField(
        allow_null=True,
        help_text="3 calendar months after the plan started, then 6 after the last review; null once the plan ends",
    )
    first_core_group_on = serializers.DateField(help_text="10 working days after the plan started")
    next_visit_on = serializers.DateField(
        allow_null=True,
        help_text="The council's visit interval in working days after the last visit (or the start); "
        "null once the plan ends",
    )


def plan_due(plan: ChildProtectionPlan, council: LocalAuthority) -> dict[str, date | None]:
    """When the plan's next review, first core group and next visit are due, as the plan page shows them."""
    reviews = [review.held_on for review in plan.reviews.all()]
    visits = [visit.visited_on for visit in plan.visits.all() if visit.child_seen]
    groups = sorted(group.held_on for group in plan.core_groups.all())
    clocks = plan_clocks(
        plan,
        last_review=max(reviews, default=None),
        last_visit=max(visits, default=None),
        first_core_group=groups[0] if groups else None,
        last_core_group=groups[-1] if groups else None,
        council=council,
    )
    return {
        "next_review_on": clocks.review.due_date if plan.is_open else None,
        "first_core_group_on": clocks.first_core_group.due_date,
        "next_visit_on": clocks.visit.due_date if plan.is_open else None,
    }


class CpPlanSerializer(ReadOnlyChoicesMayBeBlank):
    """A plan read with its reviews, core groups and visits loaded; the council comes in the context."""

    person = serializers.IntegerField(source="referral.person_id", help_text="The child's person ID")
    section_47 = serializers.IntegerField(source="conference.section_47_id", help_text="The enquiry that led to it")
    initial_category = CategoryOfAbuseField()
    latest_category = CategoryOfAbuseField()
    end_reason = PlanEndReasonOrBlankField(help_text=BLANK_WHEN_NONE)
    is_open = serializers.BooleanField()
    reviews = ReviewConferenceSerializer(many=True, read_only=True)
    core_groups = CoreGroupSerializer(many=True, read_only=True)
    visits = CpVisitSerializer(many=True, read_only=True)
    due = serializers.SerializerMethodField()

    class Meta:
        model = ChildProtectionPlan
        fields = [
            "id",
            "referral",
            "person",
            "conference",
            "section_47",
            "started_on",
            "initial_category",
            "latest_category",
            "previous_plans",
            "ended_on",
            "end_reason",
            "is_open",
            "reviews",
            "core_groups",
            "visits",
            "due",
        ]
        read_only_fields = fields

    @extend_schema_field(CpPlanDueSerializer)
    def get_due(self, plan: ChildProtectionPlan) -> dict[str, Any]:
        council = self.context.get("council") or LocalAuthority.load()
        return CpPlanDueSerializer(plan_due(plan, council)).data


class CpPlansQuery(serializers.Serializer):
    person = serializers.IntegerField(help_text="The child's person ID, found with the people search")


class ReviewConferenceIn(serializers.Serializer):
    held_on = serializers.DateField()
    continue_plan = serializers.BooleanField(default=True, help_text="False ends the plan on the review's date")
    category = CategoryOfAbuseField(help_text="The category of abuse from this review on")
    summary = serializers.CharField(required=False, allow_blank=True, default="")


class CoreGroupIn(serializers.Serializer):
    held_on = serializers.DateField()
    summary = serializers.CharField(allow_blank=True, help_text="What the core group agreed")


class CpVisitIn(serializers.Serializer):
    visited_on = serializers.DateField()
    child_seen = serializers.BooleanField()
    seen_alone = serializers.BooleanField(default=False)
    bedroom_seen = serializers.BooleanField(default=False)
    notes = serializers.CharField(allow_blank=True, help_text="What you saw and what the child said")


class EndCpPlanIn(serializers.Serializer):
    ended_on = serializers.DateField()
    reason = PlanEndReasonField()
