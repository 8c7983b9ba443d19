"""One query per list: who is on it, with everything its row needs joined or annotated in the database.

Each returns a `.values()` query, ordered by the list's date so the workbook reads in time order and
two builds of the same records give the same file. Whatever the records date is counted only if it
happened by the inspection date, so the lists describe the council as the inspectors would have found
it that day; the few things kept without a date (a plan's latest category of abuse, a child's details)
are as they are now.
"""

from datetime import date
from typing import Any

from django.db.models import Case, Exists, F, Min, OuterRef, Q, QuerySet, Subquery, When

from frontdoor.casework.models import Assessment, CinPlan, Referral
from frontdoor.contacts.models import ContactChild
from frontdoor.earlyhelp.models import EarlyHelpEpisode
from frontdoor.protection.models import (
    ChildProtectionPlan,
    InitialConference,
    ProtectiveOrder,
    ReviewConference,
    Section47,
    Visit,
)
from frontdoor.returns.annexa.cells import Period, count_window_start, person_fields, worker_fields
from frontdoor.returns.annexa.history import History

Values = QuerySet[Any, dict[str, Any]]


def _received_in(period: Period) -> Q:
    return Q(contact__received_at__gte=period.start_moment, contact__received_at__lt=period.end_moment)


def contacts(period: Period) -> Values:
    """List 1: every identified child on every contact received in the period."""
    return (
        ContactChild.objects.filter(_received_in(period), person__isnull=False)
        .order_by("contact__received_at", "contact_id", "id")
        .values(*person_fields("person"), "contact__received_at", "contact__source")
    )


def unidentified_children(period: Period) -> int:
    """Children on contacts in the period not yet identified: no ID to report them by."""
    return ContactChild.objects.filter(_received_in(period), person__isnull=True).count()


def early_help(period: Period) -> Values:
    """List 2: early help assessments open at any time in the period, and episodes open on the inspection date.

    Ofsted asks for "all early help assessments in the six months before the date of inspection" and "current
    early help interventions"; like D2I, one row per episode. A request the early help team has not taken on is
    neither, so it is not listed. An assessment started after the inspection date was not yet known: the row
    then stands on the episode's start, as does an open episode not yet assessed.
    """
    day = period.inspection_date
    assessed = Q(assessment__started_on__lte=day)
    assessed_in_period = assessed & (
        Q(assessment__completed_on__isnull=True) | Q(assessment__completed_on__gte=period.start)
    )
    open_on_the_day = Q(closed_on__isnull=True) | Q(closed_on__gt=day)
    return (
        EarlyHelpEpisode.objects.filter(started_on__lte=day)
        .filter(open_on_the_day | assessed_in_period)
        .annotate(
            assessment_start=Case(When(assessed, then=F("assessment__started_on")), default=F("started_on")),
            assessment_completed=Case(When(assessed, then=F("assessment__completed_on"))),
            assessment_organisation=Case(When(assessed, then=F("assessment__organisation"))),
        )
        .order_by("assessment_start", "id")
        .values(*person_fields("person"), "assessment_start", "assessment_completed", "assessment_organisation")
    )


def referrals(period: Period) -> Values:
    """List 3: every referral received in the period."""
    return (
        Referral.objects.filter(referral_date__range=(period.start, period.inspection_date))
        .order_by("referral_date", "id")
        .values(
            *person_fields("person"),
            "id",
            "referral_date",
            "source",
            "is_nfa",
            "closed_on",
            "team__name",
            *worker_fields("worker"),
        )
    )


def referral_history(period: Period) -> History:
    since = count_window_start(period.start)
    rows = Referral.objects.filter(referral_date__range=(since, period.inspection_date))
    return History(rows.values_list("person_id", "referral_date", "id").iterator(chunk_size=5000))


def assessments(period: Period) -> Values:
    """List 4: assessments open at any time in the period: authorised in it or after it, or not yet."""
    open_in_period = Q(authorised_on__isnull=True) | Q(authorised_on__gte=period.start)
    return (
        Assessment.objects.filter(open_in_period, started_on__lte=period.inspection_date)
        .order_by("started_on", "id")
        .values(
            *person_fields("referral__person"),
            "started_on",
            "child_seen_on",
            "authorised_on",
            "outcome",
            "referral__team__name",
            "worker__team__name",
            *worker_fields("worker"),
        )
    )


def _open_enquiry(period: Period) -> Q:
    """No conference by the inspection date, and none found unnecessary: still to reach a decision."""
    no_conference_yet = Q(conference__isnull=True) | Q(conference__held_on__gt=period.inspection_date)
    return Q(conference_not_required=False) & no_conference_yet


def section_47s(period: Period) -> Values:
    """List 5: enquiries started in the period, and older ones still open on the inspection date."""
    return (
        Section47.objects.filter(started_on__lte=period.inspection_date)
        .filter(Q(started_on__gte=period.start) | _open_enquiry(period))
        .order_by("started_on", "id")
        .values(
            *person_fields("referral__person"),
            "id",
            "started_on",
            "strategy_child__discussion__held_at",
            "conference_not_required",
            "completed_on",
            "conference__held_on",
            "conference__needs_plan",
            "referral__team__name",
            *worker_fields("referral__worker"),
        )
    )


def enquiry_histories(period: Period) -> tuple[History, History]:
    """Each child's section 47 enquiries and initial conferences, back 12 months from the earliest enquiry."""
    earliest = section_47s(period).aggregate(first=Min("started_on"))["first"] or period.start
    days = (count_window_start(earliest), period.inspection_date)
    enquiries = Section47.objects.filter(started_on__range=days).values_list("referral__person_id", "started_on", "id")
    conferences = InitialConference.objects.filter(held_on__range=days).values_list(
        "section_47__referral__person_id", "held_on", "section_47_id"
    )
    return History(enquiries.iterator(chunk_size=5000)), History(conferences.iterator(chunk_size=5000))


def _running_on(day: date, *, start: str, end: str) -> Q:
    return Q(**{f"{start}__lte": day}) & (Q(**{f"{end}__isnull": True}) | Q(**{f"{end}__gt": day}))


def cin_episodes(period: Period) -> Values:
    """List 6: episodes (referrals that were not no further action) open on or during the period."""
    d = period.inspection_date
    seen_at_assessment = Assessment.objects.filter(referral=OuterRef("pk"), child_seen_on__lte=d)
    seen_on_visit = Visit.objects.filter(plan__referral=OuterRef("pk"), child_seen=True, visited_on__lte=d)
    cp_plan = ChildProtectionPlan.objects.filter(_running_on(d, start="started_on", end="ended_on"))
    cin_plan = CinPlan.objects.filter(_running_on(d, start="started_on", end="ended_on"))
    return (
        Referral.objects.filter(is_nfa=False, referral_date__lte=d)
        .filter(Q(closed_on__isnull=True) | Q(closed_on__gte=period.start))
        .annotate(
            seen_at_assessment=Subquery(seen_at_assessment.order_by("-child_seen_on").values("child_seen_on")[:1]),
            seen_on_visit=Subquery(seen_on_visit.order_by("-visited_on").values("visited_on")[:1]),
            on_cp_plan=Exists(cp_plan.filter(referral=OuterRef("pk"))),
            on_cin_plan=Exists(cin_plan.filter(referral=OuterRef("pk"))),
        )
        .order_by("referral_date", "id")
        .values(
            *person_fields("person"),
            "referral_date",
            "primary_need",
            "closed_on",
            "closure_reason",
            "seen_at_assessment",
            "seen_on_visit",
            "on_cp_plan",
            "on_cin_plan",
            "team__name",
            *worker_fields("worker"),
        )
    )


def cp_plans(period: Period) -> Values:
    """List 7: plans open on the inspection date, and those that ended in the period."""
    d = period.inspection_date
    last_visit = Visit.objects.filter(plan=OuterRef("pk"), visited_on__lte=d).order_by("-visited_on", "-id")
    last_review = ReviewConference.objects.filter(plan=OuterRef("pk"), held_on__lte=d).order_by("-held_on")
    protected = ProtectiveOrder.objects.filter(person=OuterRef("referral__person"), started_on__lte=d).filter(
        Q(ended_on__isnull=True) | Q(ended_on__gte=period.start)
    )
    return (
        ChildProtectionPlan.objects.filter(started_on__lte=d)
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gte=period.start))
        .annotate(
            last_visit_on=Subquery(last_visit.values("visited_on")[:1]),
            last_visit_alone=Subquery(last_visit.values("seen_alone")[:1]),
            last_review_on=Subquery(last_review.values("held_on")[:1]),
            protected=Exists(protected),
        )
        .order_by("started_on", "id")
        .values(
            *person_fields("referral__person"),
            "started_on",
            "initial_category",
            "latest_category",
            "ended_on",
            "previous_plans",
            "last_visit_on",
            "last_visit_alone",
            "last_review_on",
            "protected",
            "referral__team__name",
            *worker_fields("referral__worker"),
        )
    )
