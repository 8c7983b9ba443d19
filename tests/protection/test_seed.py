"""The synthetic council's child protection work: discussions, enquiries, conferences, plans and what hangs off them.

The demo council is seeded twice for the module, the second time on an emptied database, to show the same
seed gives the same work; each test then reads it inside its own transaction. The checks are the CIN census
date rules (../shared/reference/cin_census.md section 5.1) and the statutory timescales. The demo council
has three months of history, too short for review conferences, so the plans' timelines are also checked over
years of made-up plans.
"""

import random
from collections import Counter, defaultdict
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from itertools import pairwise
from typing import Any

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import models
from django.db.models.functions import Length
from django.utils import timezone
from pytest_django import DjangoDbBlocker

from frontdoor.accounts.models import LocalAuthority
from frontdoor.casework.models import CinPlan, Referral
from frontdoor.casework.seed.tools import WorkingDays
from frontdoor.casework.services import open_work
from frontdoor.codes import CategoryOfAbuse
from frontdoor.contacts.models import Outcome, ThresholdDecision
from frontdoor.protection import services
from frontdoor.protection.models import (
    Agency,
    ChildProtectionPlan,
    CoreGroup,
    InitialConference,
    ProtectiveOrder,
    ReviewConference,
    Section47,
    StrategyChild,
    StrategyDiscussion,
    Visit,
)
from frontdoor.protection.seed.records import category
from frontdoor.protection.seed.timeline import Timeline
from frontdoor.records.models import Event
from frontdoor.seeding import seed_council
from frontdoor.timescales.calendar import council_calendar
from frontdoor.timescales.clocks import add_months
from tests.records.seeding import last_app_seed_event

TODAY = date(2026, 11, 26)
YESTERDAY = TODAY - timedelta(days=1)
SEED = 20261126
S47 = (StrategyChild.Decision.S47_JOINT, StrategyChild.Decision.S47_SINGLE)


def fingerprint() -> list[list[tuple[Any, ...]]]:
    return [
        list(StrategyDiscussion.objects.order_by("id").values_list("held_at", "kind", "information_shared")),
        list(StrategyChild.objects.order_by("id").values_list("discussion_id", "referral_id", "decision")),
        list(Section47.objects.order_by("id").values_list("referral_id", "started_on", "outcome", "completed_on")),
        list(InitialConference.objects.order_by("id").values_list("section_47_id", "held_on", "category")),
        list(ChildProtectionPlan.objects.order_by("id").values_list("referral_id", "started_on", "ended_on")),
        list(Visit.objects.order_by("id").values_list("plan_id", "visited_on", "child_seen", "notes")),
        list(CinPlan.objects.order_by("id").values_list("referral_id", "started_on", "ended_on")),
        list(Referral.objects.order_by("id").values_list("id", "closed_on")),
    ]


@pytest.fixture(scope="module")
def first_seeding(django_db_setup: None, django_db_blocker: DjangoDbBlocker) -> Iterator[list[list[tuple[Any, ...]]]]:
    with django_db_blocker.unblock():
        # From an empty database with fresh ID sequences both times: PostgreSQL does not roll its
        # sequences back with the earlier tests' transactions, so the first seeding's IDs would differ.
        call_command("flush", interactive=False, verbosity=0)
        seed_council(size="demo", seed=SEED, today=TODAY, say=lambda line: None)
        first = fingerprint()
        call_command("flush", interactive=False, verbosity=0)
        seed_council(size="demo", seed=SEED, today=TODAY, say=lambda line: None)
        yield first
        call_command("flush", interactive=False, verbosity=0)


@pytest.fixture
def protection(first_seeding: list[list[tuple[Any, ...]]], db: None) -> list[list[tuple[Any, ...]]]:
    return first_seeding


def local_date(moment: datetime) -> date:
    return timezone.localtime(moment).date()


def share(part: int, whole: int) -> float:
    assert whole > 0
    return part / whole


def test_about_one_referral_in_sixteen_has_a_strategy_discussion(protection: Any) -> None:
    referrals = Referral.objects.count()
    discussed = StrategyChild.objects.values("referral_id").distinct().count()
    assert 0.04 <= share(discussed, referrals) <= 0.09
    # Mostly children the front door sent straight to a strategy discussion.
    latest: dict[int, str] = {}
    for child, outcome in ThresholdDecision.objects.order_by("id").values_list("contact_child_id", "outcome"):
        latest[child] = outcome
    sent = [
        latest.get(child) == Outcome.STRATEGY
        for child in StrategyChild.objects.values_list("referral__contact_child_id", flat=True)
    ]
    assert share(sum(sent), len(sent)) >= 0.6
    decisions = Counter(StrategyChild.objects.values_list("decision", flat=True))
    assert share(decisions["s47_joint"] + decisions["s47_single"], sum(decisions.values())) >= 0.55
    assert decisions["s47_joint"] > 0 and decisions["s47_single"] > 0


def test_every_discussion_has_the_police_and_health_and_is_within_its_referrals(protection: Any) -> None:
    educated = 0
    discussions = StrategyDiscussion.objects.prefetch_related(
        "participants", "actions", "children__referral__contact_child"
    )
    for discussion in discussions:
        agencies = {p.agency for p in discussion.participants.all()}
        assert {Agency.POLICE, Agency.HEALTH, Agency.CHILDRENS_SOCIAL_CARE} <= agencies
        educated += Agency.EDUCATION in agencies
        assert discussion.information_shared and discussion.recorded_at >= discussion.held_at
        day = local_date(discussion.held_at)
        assert day <= YESTERDAY
        children = list(discussion.children.all())
        # Brothers and sisters on one contact share the discussion.
        contacts = {c.referral.contact_child.contact_id for c in children if c.referral.contact_child is not None}
        assert len(contacts) <= 1
        for child in children:
            referral = child.referral
            assert child.rationale
            assert not referral.is_nfa and referral.closure_reason in ("", "RC7")
            assert referral.referral_date <= day
            assert referral.closed_on is None or day <= referral.closed_on
        for action in discussion.actions.all():
            assert action.action and action.owner and action.due_on >= day
    assert 0.3 <= share(educated, discussions.count()) <= 0.95
    assert StrategyDiscussion.objects.filter(children__decision__in=S47).exclude(police_reference="").exists()


def test_enquiries_start_on_the_discussion_and_their_conference_is_due_15_working_days_later(
    protection: Any,
) -> None:
    enquiries = list(Section47.objects.select_related("strategy_child__discussion", "referral", "conference"))
    assert len(enquiries) == StrategyChild.objects.filter(decision__in=S47).count()
    concluded = with_conference = 0
    for enquiry in enquiries:
        held_at = enquiry.strategy_child.discussion.held_at
        assert enquiry.started_on == local_date(held_at)
        assert enquiry.referral_id == enquiry.strategy_child.referral_id
        assert enquiry.is_joint == (enquiry.strategy_child.decision == StrategyChild.Decision.S47_JOINT)
        assert enquiry.conference_due_on == services.conference_due(enquiry.referral, held_at)
        conference = getattr(enquiry, "conference", None)
        if enquiry.conference_not_required:
            assert conference is None and enquiry.not_required_reason and enquiry.outcome
            assert enquiry.completed_on is not None and enquiry.started_on <= enquiry.completed_on <= YESTERDAY
        elif conference is not None:
            assert enquiry.outcome in ("continuing", "not_continuing") and not enquiry.not_required_reason
            assert enquiry.completed_on is not None and enquiry.started_on <= enquiry.completed_on <= conference.held_on
        else:
            # Still open: recent, on an open referral.
            assert enquiry.referral.closed_on is None
            assert enquiry.started_on >= TODAY - timedelta(days=75)
            assert enquiry.outcome in ("", "continuing")
        concluded += not enquiry.is_open
        with_conference += conference is not None
    open_ = len(enquiries) - concluded
    assert 0 < open_ < 0.5 * len(enquiries)
    assert 0.25 <= share(with_conference, concluded) <= 0.65


def test_conferences_are_on_working_days_mostly_on_time_and_mostly_decide_a_plan(protection: Any) -> None:
    calendar = council_calendar()
    conferences = list(InitialConference.objects.select_related("section_47__referral").prefetch_related("attendees"))
    on_time = plans = 0
    for conference in conferences:
        enquiry = conference.section_47
        assert calendar.is_working_day(conference.held_on)
        assert enquiry.referral.referral_date <= enquiry.started_on <= conference.held_on <= YESTERDAY
        assert conference.needs_plan == (conference.category != "")
        assert conference.chaired_by and conference.summary
        assert {a.agency for a in conference.attendees.all()} >= {Agency.POLICE, Agency.HEALTH}
        assert enquiry.outcome != "not_substantiated"
        on_time += conference.held_on <= enquiry.conference_due_on
        plans += conference.needs_plan
    # Few conferences in the demo's three months: the shares of many are checked on the planner below.
    assert share(on_time, len(conferences)) >= 0.5
    assert share(plans, len(conferences)) >= 0.5
    assert not Section47.objects.filter(conference__isnull=False, conference_not_required=True).exists()


def test_a_plan_starts_on_its_conference_and_a_child_has_one_at_a_time(protection: Any) -> None:
    by_child: dict[int, list[ChildProtectionPlan]] = defaultdict(list)
    plans = ChildProtectionPlan.objects.select_related("conference__section_47", "referral").order_by("started_on")
    for plan in plans:
        conference = plan.conference
        assert plan.started_on == conference.held_on and conference.needs_plan
        assert plan.referral_id == conference.section_47.referral_id
        assert plan.initial_category == conference.category and plan.latest_category
        if plan.ended_on is None:
            assert plan.end_reason == "" and plan.referral.closed_on is None
        else:
            assert plan.started_on < plan.ended_on <= YESTERDAY and plan.end_reason
        by_child[plan.referral.person_id].append(plan)
    assert plans.exists() and plans.filter(ended_on=None).exists()
    for child_plans in by_child.values():
        assert sum(plan.ended_on is None for plan in child_plans) <= 1
        for n, plan in enumerate(child_plans):
            assert plan.previous_plans == n
        for earlier, later in pairwise(child_plans):
            assert earlier.ended_on is not None and earlier.ended_on < later.started_on
    categories = set(InitialConference.objects.exclude(category="").values_list("category", flat=True))
    assert categories <= set(CategoryOfAbuse.values)


def test_no_child_is_on_a_child_in_need_plan_during_a_child_protection_plan(protection: Any) -> None:
    """CIN census rules 4001, 4016 and 4017: a plan may start the day the other ends, never overlap it."""
    cin: dict[int, list[tuple[date, date]]] = defaultdict(list)
    for person, started, ended in CinPlan.objects.values_list("referral__person_id", "started_on", "ended_on"):
        cin[person].append((started, ended or date.max))
    for person, started, ended in ChildProtectionPlan.objects.values_list(
        "referral__person_id", "started_on", "ended_on"
    ):
        for cin_start, cin_end in cin[person]:
            assert cin_end <= started or (ended is not None and cin_start >= ended)


def test_reviews_core_groups_and_visits_run_from_the_plan_start_to_its_end(protection: Any) -> None:
    calendar = council_calendar()
    interval = LocalAuthority.load().cp_visit_interval_working_days
    gaps = first_core_groups = seen = alone = total = 0
    on_time_gaps = on_time_core_groups = 0
    plans = ChildProtectionPlan.objects.prefetch_related("reviews", "core_groups", "visits")
    for plan in plans:
        until = plan.ended_on or YESTERDAY
        for review in plan.reviews.all():
            assert plan.started_on < review.held_on <= until and review.summary
            assert review.continue_plan or review.held_on == plan.ended_on
        groups = [group.held_on for group in plan.core_groups.all()]
        assert all(plan.started_on <= day <= until for day in groups)
        if groups:
            first_core_groups += 1
            on_time_core_groups += calendar.working_days_between(plan.started_on, groups[0]) <= 10
        visits = list(plan.visits.all())
        days = [visit.visited_on for visit in visits]
        assert all(plan.started_on <= day <= until for day in days)
        for a, b in pairwise([plan.started_on, *days]):
            gaps += 1
            on_time_gaps += calendar.working_days_between(a, b) <= interval
        for visit in visits:
            total += 1
            seen += visit.child_seen
            alone += visit.seen_alone
            assert visit.child_seen or not visit.seen_alone
            assert visit.notes and visit.visited_by_id == plan.referral.worker_id
    assert total > 0 and first_core_groups > 0
    assert share(on_time_gaps, gaps) >= 0.8
    assert share(on_time_core_groups, first_core_groups) >= 0.5
    assert share(seen, total) >= 0.8 and alone <= seen


def test_conferences_visits_and_what_a_visit_sees_over_many_draws(db: None) -> None:
    calendar = council_calendar()
    days = WorkingDays(calendar, TODAY - timedelta(days=800), TODAY + timedelta(days=400))
    timeline = Timeline(random.Random(15), TODAY, days, 10)
    on_time = 0
    for n in range(2_000):
        started = TODAY - timedelta(days=700 - n % 600)
        due, held_on = timeline.conference(started)
        assert due == calendar.add_working_days(started, 15)
        assert calendar.is_working_day(held_on) and started < held_on
        on_time += held_on <= due
        assert started < timeline.concluded(started) <= calendar.add_working_days(started, 25)
    assert 0.75 <= on_time / 2_000 <= 0.85
    flags = [timeline.visit_flags(age) for age in (0.5, 2, 4, 7, 9, 11, 13, 15) * 500]
    seen = [f for f in flags if f[0]]
    assert 0.93 <= len(seen) / len(flags) <= 0.97
    assert 0.5 <= sum(f[1] for f in seen) / len(seen) <= 0.7
    assert 0.45 <= sum(f[2] for f in flags) / len(flags) <= 0.55
    assert not any(alone and not child_seen for child_seen, alone, _ in flags)
    rng = random.Random(5)
    categories = Counter(category(rng, [concern]) for concern in ("neglect", "physical_abuse", "other") * 1_000)
    assert [code for code, _ in categories.most_common()] == ["NEG", "EMO", "PHY", "SAB", "MUL"]


def test_a_closed_referral_has_nothing_open_and_nothing_after_its_closure(protection: Any) -> None:
    closed = Referral.objects.exclude(closed_on=None).filter(strategy_decisions__isnull=False).distinct()
    assert closed.exists()
    for referral in closed:
        assert open_work(referral) == []
        end = referral.closed_on
        assert end is not None and end <= TODAY
        for enquiry in referral.section_47s.all():
            assert enquiry.completed_on is not None and enquiry.completed_on <= end
        for plan in referral.cp_plans.all():
            assert plan.ended_on is not None and plan.ended_on <= end
        for cin_plan in referral.cin_plans.all():
            assert cin_plan.ended_on is not None and cin_plan.ended_on <= end
        for order in referral.protective_orders.all():
            assert order.ended_on is not None and referral.referral_date <= order.started_on <= order.ended_on <= end


def test_a_few_children_were_in_police_protection_or_under_an_emergency_protection_order(protection: Any) -> None:
    orders = list(ProtectiveOrder.objects.select_related("referral"))
    assert 0 < len(orders) <= 0.2 * Section47.objects.count()
    for order in orders:
        assert order.referral is not None and order.person_id == order.referral.person_id
        assert order.referral.referral_date <= order.started_on <= YESTERDAY
        assert order.ended_on is None or order.started_on <= order.ended_on <= YESTERDAY


def test_the_plan_timelines_follow_the_statutory_timescales_over_years(db: None) -> None:
    """The demo's three months are too short for reviews: the same planner over three years of plans."""
    calendar = council_calendar()
    days = WorkingDays(calendar, TODAY - timedelta(days=4 * 366), TODAY + timedelta(days=400))
    timeline = Timeline(random.Random(47), TODAY, days, 10)
    first_on_time = later_on_time = later = ended = at_review = reviewed = count = 0
    for n in range(400):
        start = days.add(TODAY - timedelta(days=3 * 365 - 2 * n), 0)
        start = start if calendar.is_working_day(start) else days.add(start, 1)
        latest = start + timedelta(days=200) if n % 5 == 0 else None
        dates = timeline.plan(start, latest_end=latest, adult_on=start + timedelta(days=300) if n % 50 == 0 else None)
        if dates is None:
            assert latest is not None
            continue
        count += 1
        if dates.reviews:
            reviewed += 1
            first_on_time += dates.reviews[0] <= add_months(start, 3)
            for a, b in pairwise(dates.reviews):
                later += 1
                later_on_time += b <= add_months(a, 6)
        assert all(start < day <= YESTERDAY for day in dates.reviews)
        assert dates.reviews == sorted(set(dates.reviews))
        if dates.end is None:
            assert latest is None and dates.end_reason == ""
        else:
            ended += 1
            assert start < dates.end <= (latest or YESTERDAY) and dates.end_reason
            assert all(day <= dates.end for day in dates.reviews)
            if dates.ended_at_review:
                at_review += 1
                assert dates.reviews[-1] == dates.end
        until = dates.end - timedelta(days=1) if dates.end else YESTERDAY
        assert all(start <= day <= until for day in dates.core_groups + dates.visits)
        for a, b in pairwise(dates.core_groups):
            assert 17 <= calendar.working_days_between(a, b) <= 24
    assert count > 300 and reviewed > 150 and later > 50
    assert first_on_time >= 0.8 * reviewed and later_on_time >= 0.8 * later
    assert 0.5 * count <= ended and at_review >= 0.6 * ended


def test_the_seed_writes_one_summary_event(protection: Any) -> None:
    event = Event.objects.get(kind="seed.protection")
    assert event.data["discussions"] == StrategyDiscussion.objects.count()
    assert event.data["enquiries"] == Section47.objects.count()
    assert event.data["conferences"] == InitialConference.objects.count()
    assert event.data["plans"] == ChildProtectionPlan.objects.count()
    assert event.data["reviews"] == ReviewConference.objects.count()
    assert event.data["core_groups"] == CoreGroup.objects.count()
    assert event.data["visits"] == Visit.objects.count()
    # Each record's own events are the history step's, written after every app's seed (records.seed_history).
    kinds = ["strategy.decided", "conference.held", "visit.recorded"]
    assert not Event.objects.filter(kind__in=kinds, pk__lt=last_app_seed_event()).exists()
    assert Event.objects.filter(kind__in=kinds).exists()


def test_the_same_seed_gives_the_same_protection_work(protection: list[list[tuple[Any, ...]]]) -> None:
    assert fingerprint() == protection


def test_every_seeded_text_fits_its_column(protection: Any) -> None:
    """SQLite does not enforce a CharField's length; PostgreSQL refuses the whole seed if one value is too long."""
    too_long = []
    for app in ("protection", "casework"):
        for model in apps.get_app_config(app).get_models():
            for field in model._meta.concrete_fields:
                if isinstance(field, models.CharField) and field.max_length:
                    over = model._default_manager.annotate(size=Length(field.name)).filter(size__gt=field.max_length)
                    too_long += [f"{model.__name__}.{field.name}"] if over.exists() else []
    assert too_long == []
