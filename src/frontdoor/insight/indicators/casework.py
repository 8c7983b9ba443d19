"""Indicators of the work after the front door: assessments, section 47s, plans, visits and early help."""

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.db.models import BooleanField, ExpressionWrapper, F, Q, QuerySet
from django.urls import reverse

from frontdoor.accounts.models import LocalAuthority, Team
from frontdoor.casework.models import Assessment, AssessmentKind
from frontdoor.earlyhelp.models import EarlyHelpAssessment
from frontdoor.insight.indicators.base import DrillRow, Fact, Indicator, Measure
from frontdoor.protection.models import ChildProtectionPlan, InitialConference, ReviewConference, Visit
from frontdoor.timescales.calendar import council_calendar
from frontdoor.timescales.clocks import add_months

ASSESSMENTS, PROTECTION = "Assessments", "Child protection"


class AssessmentIndicator(Indicator):
    group = ASSESSMENTS
    team_field = "referral__team"
    day_field = "authorised_on"
    counted = "Assessments completed"
    related = ("referral__person",)

    def records(self) -> QuerySet[Assessment]:
        return Assessment.objects.filter(authorised_on__isnull=False)

    def describe(self, record: Assessment) -> DrillRow:
        assert record.authorised_on is not None
        days = council_calendar().working_days_between(record.started_on, record.authorised_on)
        return DrillRow(
            day=record.authorised_on,
            person=record.referral.person,
            reference=f"{record.get_kind_display()} {record.pk}",
            url=reverse("casework:assessment", args=[record.pk]),
            detail=f"Started {record.started_on:%d/%m/%Y}, due {record.due_on:%d/%m/%Y}, {days} working days",
            met=getattr(record, "met", None),
        )


class AssessmentsInTime(AssessmentIndicator):
    slug = "assessments-in-time"
    title = "Assessments completed within timescale"
    definition = (
        "Of assessments authorised in the period, the share authorised by their due date: 45 working days from the "
        "start for a single assessment (Working Together 2018 onward), 7 working days for an initial assessment "
        "and 35 for a core assessment under the 2010 rules. Counted on the day a manager authorised it, as the "
        "CIN census does, and shown by kind of assessment, which also tells the regime."
    )
    split_field = "kind"
    split_title = "Kind of assessment"
    split_labels = dict(AssessmentKind.choices)
    condition = Q(authorised_on__lte=F("due_on"))
    met_label = "Within timescale"
    not_met_label = "Late"


class AssessmentDays(AssessmentIndicator):
    slug = "assessment-days"
    title = "Median working days to complete an assessment"
    measure = Measure.MEDIAN
    higher_is_better = False
    definition = (
        "For assessments authorised in the period, the median number of working days from the start of the "
        "assessment to its authorisation: half took fewer, half more. Working days follow the council's calendar."
    )
    value_label = "Median working days"

    def facts(self, records: QuerySet[Any]) -> Iterable[Fact]:
        calendar = council_calendar()
        for pk, started, authorised in records.values_list("pk", "started_on", "authorised_on"):
            yield Fact(pk, authorised, value=calendar.working_days_between(started, authorised))


class ChildSeen(AssessmentIndicator):
    slug = "child-seen"
    title = "Child seen during the assessment"
    definition = (
        "Of assessments authorised in the period, the share where the worker recorded the day they saw the child."
    )
    condition = Q(child_seen_on__isnull=False)
    met_label = "Child seen"
    not_met_label = "Not recorded as seen"


class ViewsRecorded(AssessmentIndicator):
    slug = "views-recorded"
    title = "Child's views recorded in the assessment"
    definition = (
        "Of assessments authorised in the period, the share with the child's views and wishes written down. A baby "
        "or a child who cannot give views has the reason recorded instead, and counts as not recorded here."
    )
    condition = ~Q(childs_views="")
    met_label = "Views recorded"
    not_met_label = "No views"


class ConferencesInTime(Indicator):
    slug = "conferences-in-time"
    title = "Section 47 enquiries reaching conference within 15 working days"
    group = PROTECTION
    team_field = "section_47__referral__team"
    definition = (
        "Of initial child protection conferences held in the period, the share held within 15 working days of "
        "the strategy discussion that started the section 47 enquiry (the CIN census initial conference target)."
    )
    day_field = "held_on"
    condition = Q(held_on__lte=F("section_47__conference_due_on"))
    counted = "Initial conferences"
    met_label = "Within 15 working days"
    not_met_label = "Later"
    related = ("section_47__referral__person",)

    def records(self) -> QuerySet[InitialConference]:
        return InitialConference.objects.all()

    def describe(self, record: InitialConference) -> DrillRow:
        enquiry = record.section_47
        return DrillRow(
            day=record.held_on,
            person=enquiry.referral.person,
            reference=f"Section 47 {enquiry.pk}",
            url=reverse("protection:section-47", args=[enquiry.pk]),
            detail=f"Due {enquiry.conference_due_on:%d/%m/%Y}, {'a plan' if record.needs_plan else 'no plan'}",
            met=getattr(record, "met", None),
        )


class SecondPlans(Indicator):
    slug = "second-plans"
    title = "Child protection plans that are a second or later plan"
    group = PROTECTION
    team_field = "referral__team"
    higher_is_better = False
    definition = (
        "Of child protection plans started in the period, the share for a child who had been on a plan before, at "
        "any time (the DfE key indicator 'more than one child protection plan')."
    )
    day_field = "started_on"
    condition = Q(previous_plans__gt=0)
    counted = "Plans started"
    met_label = "Second or later plan"
    not_met_label = "First plan"
    related = ("referral__person",)

    def records(self) -> QuerySet[ChildProtectionPlan]:
        return ChildProtectionPlan.objects.all()

    def describe(self, record: ChildProtectionPlan) -> DrillRow:
        return DrillRow(
            day=record.started_on,
            person=record.referral.person,
            reference=f"Plan {record.pk}",
            url=reverse("protection:plan", args=[record.pk]),
            detail=f"{record.previous_plans} earlier plan(s), {record.get_initial_category_display()}",
            met=getattr(record, "met", None),
        )


class PlanWorkInTime(Indicator):
    group = PROTECTION
    team_field = "plan__referral__team"
    related = ("plan__referral__person",)

    def describe(self, record: Any) -> DrillRow:
        day = self.day_of(record)
        return DrillRow(
            day=day,
            person=record.plan.referral.person,
            reference=f"Plan {record.plan_id}",
            url=reverse("protection:plan", args=[record.plan_id]),
            detail=f"Plan started {record.plan.started_on:%d/%m/%Y}",
            met=getattr(record, "met", None),
        )

    def day_of(self, record: Any) -> date:
        day: date = getattr(record, self.day_field)
        return day


class ReviewsInTime(PlanWorkInTime):
    slug = "reviews-in-time"
    title = "Child protection reviews on time"
    definition = (
        "Of review conferences held in the period, the share held on time: the first within 3 months of the "
        "initial conference, each later one within 6 months of the one before (Working Together)."
    )
    day_field = "held_on"
    counted = "Review conferences"
    met_label = "On time"
    not_met_label = "Late"

    def records(self) -> QuerySet[ReviewConference]:
        return ReviewConference.objects.all()

    def facts(self, records: QuerySet[Any]) -> Iterable[Fact]:
        # Every review of the plans, each marked whether it is one of the records: one query, not two.
        wanted = ExpressionWrapper(Q(pk__in=records.values("pk")), output_field=BooleanField())
        earlier = ReviewConference.objects.filter(plan__in=records.values("plan_id")).order_by(
            "plan_id", "held_on", "pk"
        )
        rows = earlier.values_list("pk", "plan_id", "held_on", "plan__started_on", wanted)
        last_plan, last_held = None, date.min
        for pk, plan_id, held_on, plan_started, is_wanted in rows:
            due = add_months(plan_started, 3) if plan_id != last_plan else add_months(last_held, 6)
            if is_wanted:
                yield Fact(pk, held_on, hit=held_on <= due)
            last_plan, last_held = plan_id, held_on


class VisitsInTime(PlanWorkInTime):
    slug = "visits-in-time"
    title = "Child protection visits on time"
    definition = (
        "Of visits to children on child protection plans in the period, the share made within the council's "
        "interval (a council setting, in working days) of the previous visit, or of the plan starting for the "
        "first visit."
    )
    day_field = "visited_on"
    counted = "Visits"
    met_label = "On time"
    not_met_label = "Late"

    def records(self) -> QuerySet[Visit]:
        return Visit.objects.all()

    def facts(self, records: QuerySet[Any]) -> Iterable[Fact]:
        interval = LocalAuthority.load().cp_visit_interval_working_days
        calendar = council_calendar()
        wanted = set(records.values_list("pk", flat=True))
        plans = records.values("plan_id")
        earlier = Visit.objects.filter(plan__in=plans).order_by("plan_id", "visited_on", "pk")
        last_plan, last_day = None, date.min
        for pk, plan_id, visited_on, plan_started in earlier.values_list(
            "pk", "plan_id", "visited_on", "plan__started_on"
        ):
            since = plan_started if plan_id != last_plan else last_day
            if pk in wanted:
                yield Fact(pk, visited_on, hit=visited_on <= calendar.add_working_days(since, interval))
            last_plan, last_day = plan_id, visited_on


class EarlyHelpAssessments(Indicator):
    slug = "early-help-assessments"
    title = "Early help assessments started"
    group = "Early help"
    measure = Measure.COUNT
    higher_is_better = None
    team_kinds = frozenset({Team.Kind.EARLY_HELP})
    definition = (
        "Early help assessments started with a family in the period, counted on the day the assessment started "
        "(Ofsted Annex A list 2)."
    )
    day_field = "started_on"
    counted = "Assessments started"
    related = ("episode__person",)

    def records(self) -> QuerySet[EarlyHelpAssessment]:
        return EarlyHelpAssessment.objects.all()

    def describe(self, record: EarlyHelpAssessment) -> DrillRow:
        return DrillRow(
            day=record.started_on,
            person=record.episode.person,
            reference=f"Episode {record.episode_id}",
            url=reverse("earlyhelp:episode", args=[record.episode_id]),
            detail="Completed" if record.completed_on else "In progress",
            met=None,
        )
