"""The synthetic council's casework: what became of the referrals the front door opened.

The demo council is seeded twice for the module, the second time on an
emptied database, to show the same seed gives the same casework; each test
then reads it inside its own transaction. The checks are the CIN census
date rules (../shared/reference/cin_census.md section 5.1) and the shape
of real practice.
"""

import random
from collections import Counter, defaultdict
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from itertools import pairwise
from typing import Any

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import models
from django.db.models import Exists, OuterRef
from django.db.models.functions import Length
from django.utils import timezone
from pytest_django import DjangoDbBlocker

from frontdoor.accounts.models import User
from frontdoor.accounts.roles import MANAGER_ROLES, Capability, Role
from frontdoor.casework import assessments
from frontdoor.casework.framework import DIMENSIONS
from frontdoor.casework.models import Assessment, CinPlan, CinPlanReview, Referral
from frontdoor.casework.seed.episodes import EpisodePlanner, ReferralRow
from frontdoor.casework.seed.tools import WorkingDays
from frontdoor.codes import AssessmentFactor, PrimaryNeed
from frontdoor.contacts.models import Outcome, ThresholdDecision
from frontdoor.records.models import Event
from frontdoor.seeding import seed_council
from frontdoor.timescales.calendar import council_calendar
from frontdoor.timescales.clocks import add_months
from frontdoor.timescales.regimes import Regime
from tests.records.seeding import last_app_seed_event

TODAY = date(2026, 11, 26)
SEED = 20261126
Status = Assessment.Status


def fingerprint() -> list[list[tuple[Any, ...]]]:
    """What the casework is: each referral's allocation and closure, each assessment, each plan."""
    return [
        list(
            Referral.objects.order_by("id").values_list(
                "id", "is_re_referral", "team_id", "worker_id", "primary_need", "is_nfa", "closed_on", "closure_reason"
            )
        ),
        list(
            Assessment.objects.order_by("id").values_list(
                "referral_id", "kind", "status", "started_on", "authorised_on", "outcome", "factors", "analysis"
            )
        ),
        list(CinPlan.objects.order_by("id").values_list("referral_id", "started_on", "ended_on")),
        list(CinPlanReview.objects.order_by("id").values_list("plan_id", "held_on", "summary")),
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
def casework(first_seeding: list[list[tuple[Any, ...]]], db: None) -> list[list[tuple[Any, ...]]]:
    return first_seeding


def local_date(moment: datetime) -> date:
    return timezone.localtime(moment).date()


def test_the_demo_council_has_casework_for_every_referral(casework: Any) -> None:
    referrals = Referral.objects.count()
    assert referrals > 300
    assert Assessment.objects.count() > 0.8 * referrals
    assert CinPlan.objects.exists()
    assert 0.03 <= Referral.objects.filter(is_nfa=True).count() / referrals <= 0.15
    without = Referral.objects.filter(is_nfa=False).exclude(Exists(Assessment.objects.filter(referral=OuterRef("pk"))))
    assert not without.exists()


def test_a_referral_with_no_further_action_has_no_assessment_or_plan_and_closed_at_once(casework: Any) -> None:
    calendar = council_calendar()
    for referral in Referral.objects.filter(is_nfa=True):
        assert not referral.assessments.exists()
        assert not referral.cin_plans.exists()
        assert referral.closure_reason == "RC7"
        assert referral.closed_on in (referral.referral_date, calendar.next_working_day(referral.referral_date))
        assert referral.closure_authorised_by is not None


def test_assessments_start_after_the_referral_and_are_authorised_after_they_start(casework: Any) -> None:
    for a in Assessment.objects.select_related("referral"):
        assert a.referral.referral_date <= a.started_on <= TODAY
        if a.completed_on is not None:
            assert a.started_on <= a.completed_on <= TODAY
        if a.authorised_on is not None:
            assert a.completed_on is not None
            assert a.started_on <= a.completed_on <= a.authorised_on <= TODAY
        if a.child_seen_on is not None:
            assert a.started_on <= a.child_seen_on <= TODAY
            assert a.completed_on is None or a.child_seen_on <= a.completed_on
        assert a.due_on == assessments.due_on(
            kind=a.kind, regime=a.regime, referral_date=a.referral.referral_date, started_on=a.started_on
        )


def test_an_authorised_assessment_was_authorised_by_a_manager_who_did_not_write_it(casework: Any) -> None:
    users: dict[int | None, User] = {user.pk: user for user in User.objects.all()}
    for a in Assessment.objects.all():
        assert users[a.worker_id].can(Capability.DO_CASEWORK)
        if a.status == Status.AUTHORISED:
            assert a.authorised_on is not None and a.grade and a.outcome
            assert users[a.authorised_by_id].role in MANAGER_ROLES
            assert a.authorised_by_id != a.worker_id
        else:
            assert a.authorised_on is None and a.authorised_by_id is None and not a.grade
    grades = Counter(Assessment.objects.filter(status=Status.AUTHORISED).values_list("grade", flat=True))
    assert grades.most_common(1)[0][0] == Assessment.Grade.GOOD
    assert 0 < grades[Assessment.Grade.INADEQUATE] < grades[Assessment.Grade.REQUIRES_IMPROVEMENT]
    assert 0 < grades[Assessment.Grade.OUTSTANDING] < grades[Assessment.Grade.GOOD]


def test_a_closed_referral_has_nothing_open_and_nothing_after_its_closure(casework: Any) -> None:
    for referral in Referral.objects.exclude(closed_on=None).prefetch_related("assessments", "cin_plans"):
        closed = referral.closed_on
        assert closed is not None and referral.referral_date <= closed <= TODAY
        assert referral.closure_reason
        for a in referral.assessments.all():
            assert a.status == Status.AUTHORISED
            assert a.authorised_on is not None and a.authorised_on <= closed
        for plan in referral.cin_plans.all():
            assert plan.ended_on is not None and plan.ended_on <= closed


def test_at_most_one_open_assessment_per_referral_and_only_on_open_referrals(casework: Any) -> None:
    open_ = Assessment.objects.exclude(status=Status.AUTHORISED)
    counts = Counter(open_.values_list("referral_id", flat=True))
    assert counts and max(counts.values()) == 1
    assert not open_.filter(referral__closed_on__isnull=False).exists()
    statuses = Counter(open_.values_list("status", flat=True))
    assert statuses[Status.DRAFT] > statuses[Status.SUBMITTED] > statuses[Status.RETURNED] > 0
    # Still being assessed: recent referrals, and a few late ones.
    recent = open_.filter(referral__referral_date__gte=add_months(TODAY, -2)).count()
    assert recent > 0.8 * open_.count()
    for a in open_:
        assert not a.grade
        if a.status == Status.DRAFT:
            assert not a.outcome and not a.analysis and not a.factors
        elif a.status == Status.SUBMITTED:
            assert a.completed_on is not None and a.submitted_at is not None and a.outcome and a.analysis
        else:
            assert a.completed_on is None and a.manager_comment and a.outcome


def test_most_assessments_are_on_time_and_every_late_one_says_why(casework: Any) -> None:
    judged = Assessment.objects.filter(due_on__lt=TODAY)
    on_time = [a for a in judged if a.completed_on is not None and a.completed_on <= a.due_on]
    assert 0.7 <= len(on_time) / judged.count() <= 0.95
    for a in Assessment.objects.exclude(completed_on=None):
        assert a.completed_on is not None
        if a.completed_on > a.due_on:
            assert a.late_reason
        elif a.status == Status.AUTHORISED:
            assert not a.late_reason
    assert Assessment.objects.filter(status=Status.AUTHORISED, late_reason__gt="").exists()
    # The team overdue list has something to show.
    assert Assessment.objects.exclude(status=Status.AUTHORISED).filter(due_on__lt=TODAY).exists()


def test_re_referral_flags_match_a_recomputation(casework: Any) -> None:
    referrals = list(Referral.objects.order_by("referral_date", "id").values_list("person_id", "referral_date"))
    flags = list(Referral.objects.order_by("referral_date", "id").values_list("is_re_referral", flat=True))
    seen: dict[int, list[date]] = defaultdict(list)
    expected = []
    for person, day in referrals:
        earlier = seen[person]
        expected.append(any(add_months(day, -12) <= before <= day for before in earlier))
        earlier.append(day)
    assert flags == expected


def test_factors_are_census_codes_with_no_factors_only_alone_and_with_no_further_action(casework: Any) -> None:
    valid = set(AssessmentFactor.values)
    for a in Assessment.objects.filter(status=Status.AUTHORISED):
        assert 1 <= len(a.factors) <= 3
        assert len(set(a.factors)) == len(a.factors)
        assert set(a.factors) <= valid
        if "21" in a.factors:
            assert a.factors == ["21"] and a.outcome == Assessment.Outcome.NFA
    assert Assessment.objects.filter(factors=["21"]).exists()


def test_the_outcome_follows_the_closure(casework: Any) -> None:
    for referral in Referral.objects.filter(is_nfa=False).prefetch_related("assessments", "cin_plans"):
        last = max(referral.assessments.all(), key=lambda a: (a.started_on, a.pk))
        plans = list(referral.cin_plans.all())
        if referral.closure_reason == "RC8":
            assert last.outcome == Assessment.Outcome.NFA and not plans
        elif referral.closure_reason == "RC9":
            assert last.outcome == Assessment.Outcome.EARLY_HELP and not plans
        elif referral.closure_reason == "RC7":
            assert last.outcome == Assessment.Outcome.CIN_PLAN and len(plans) == 1
        if last.outcome == Assessment.Outcome.CIN_PLAN and last.status == Status.AUTHORISED:
            # Unless a protection plan began before the child in need plan would have, and took its place.
            replaced = not plans and referral.cp_plans.filter(ended_on=None, started_on__lte=TODAY).exists()
            assert len(plans) == 1 or replaced
        else:
            assert not plans


def test_referrals_are_allocated_to_a_social_worker_in_the_team(casework: Any) -> None:
    users: dict[int | None, User] = {user.pk: user for user in User.objects.all()}
    for referral in Referral.objects.all():
        assert referral.team_id is not None and referral.allocated_at is not None
        assert referral.allocated_at >= referral.created_at
        if referral.is_nfa:
            continue
        worker = users[referral.worker_id]
        assert worker.role in (Role.SOCIAL_WORKER, Role.SENIOR_PRACTITIONER)
        assert worker.team_id == referral.team_id
        assert set(referral.assessments.values_list("worker_id", flat=True)) == {worker.pk}
        if referral.closed_on is not None:
            assert users[referral.closure_authorised_by_id].role in MANAGER_ROLES
            assert referral.primary_need in PrimaryNeed.values
        else:
            assert referral.closure_authorised_by_id is None
    needs = Counter(
        Referral.objects.filter(is_nfa=False).exclude(primary_need="").values_list("primary_need", flat=True)
    )
    assert needs.most_common(1)[0][0] == PrimaryNeed.ABUSE_NEGLECT
    assert len(needs) >= 5


def test_child_in_need_plans_follow_the_authorisation_and_are_reviewed_every_three_months(casework: Any) -> None:
    for plan in CinPlan.objects.select_related("referral").prefetch_related("reviews", "referral__assessments"):
        referral = plan.referral
        authorised = max(a.authorised_on for a in referral.assessments.all() if a.authorised_on is not None)
        assert authorised <= plan.started_on < TODAY
        if referral.closed_on is None:
            # Open, unless a child protection plan took over on the day of its conference (CIN rule 4001).
            assert plan.ended_on is None or referral.cp_plans.filter(started_on=plan.ended_on, ended_on=None).exists()
        else:
            assert plan.ended_on is not None and plan.started_on <= plan.ended_on <= referral.closed_on
        previous = plan.started_on
        for review in plan.reviews.all():
            assert previous < review.held_on <= (plan.ended_on or TODAY)
            assert review.held_on <= add_months(previous, 3)
            assert review.summary
            assert review.recorded_by_id == referral.worker_id
            previous = review.held_on
        if plan.ended_on is None:
            # Open plans are reviewed on time.
            assert add_months(previous, 3) >= TODAY - timedelta(days=1)


def test_a_childs_episodes_do_not_overlap_unless_the_front_door_saw_one_open(casework: Any) -> None:
    """A referral closes by the day the child's next one starts (CIN rule 8820), and only the latest is open.

    The one exception: an "open case" decision between the next referral's
    date and the moment it was recorded, which found the earlier one open.
    """
    by_person: dict[int, list[Referral]] = defaultdict(list)
    for referral in Referral.objects.order_by("referral_date", "id"):
        by_person[referral.person_id].append(referral)
    open_cases: dict[int, list[datetime]] = defaultdict(list)
    for person, decided in ThresholdDecision.objects.filter(outcome=Outcome.OPEN_CASE).values_list(
        "contact_child__person_id", "decided_at"
    ):
        open_cases[person].append(decided)
    overlaps = 0
    for person, referrals in by_person.items():
        for earlier, later in pairwise(referrals):
            if earlier.closed_on is not None and earlier.closed_on <= later.referral_date:
                continue
            overlaps += 1
            until = earlier.closed_on or TODAY + timedelta(days=1)
            assert any(
                later.referral_date <= local_date(decided) < until and decided < later.created_at
                for decided in open_cases[person]
            )
    assert overlaps <= 0.01 * Referral.objects.count()


def test_an_open_case_decision_still_finds_a_referral_open(casework: Any) -> None:
    for decision in ThresholdDecision.objects.filter(outcome=Outcome.OPEN_CASE).select_related("contact_child"):
        person = decision.contact_child.person_id
        assert person is not None
        earlier = Referral.objects.filter(person_id=person, created_at__lte=decision.decided_at).exclude(
            closed_on__lte=local_date(decision.decided_at)
        )
        assert earlier.exists()


def test_the_childs_voice_is_heard_in_most_assessments(casework: Any) -> None:
    written = list(Assessment.objects.exclude(status=Status.DRAFT))
    seen = [a for a in written if a.child_seen_on is not None]
    assert 0.85 <= len(seen) / len(written) <= 0.97
    assert 0.5 <= sum(a.seen_alone == Assessment.SeenAlone.YES for a in written) / len(written) <= 0.7
    assert 0.7 <= sum(bool(a.childs_views) for a in written) / len(written) <= 0.92
    for a in written:
        if a.completed_on is not None:
            # What the service asked for before a manager saw it.
            assert assessments.missing_for_submission(a, today=a.completed_on) == {}
        assert a.parents_views and a.analysis and a.dimensions
        assert set(a.dimensions) <= set(DIMENSIONS)
        assert bool(a.childs_views) == bool(a.views_gathered_how)
        assert bool(a.childs_views) != bool(a.views_not_gathered)
        assert bool(a.views_not_gathered) == bool(a.views_not_gathered_detail)
        if a.seen_alone in (Assessment.SeenAlone.NO, Assessment.SeenAlone.NOT_APPROPRIATE):
            assert a.seen_alone_reason


def test_under_the_2010_rules_an_initial_assessment_comes_first_and_now_and_then_a_core_one(db: None) -> None:
    """The seeded council moved to the current rules in 2014; a council still on the 2010 rules gets these."""
    days = WorkingDays(council_calendar(), TODAY - timedelta(days=900), TODAY + timedelta(days=1200))
    planner = EpisodePlanner(random.Random(2010), TODAY, days, lambda day: Regime.WT2010, 3)
    kinds: Counter[tuple[str, ...]] = Counter()
    for n in range(600):
        day = TODAY - timedelta(days=n)
        closed = day + timedelta(days=40) if n % 2 and n > 60 else None
        row = ReferralRow(
            n,
            n,
            day,
            datetime.combine(day, time(11)),
            closed,
            "RC8" if closed else "",
            "2A",
            "Sam",
            "M",
            date(2016, 3, 1),
            None,
            ["neglect"],
        )
        for episode in planner.person([row], []):
            kinds[tuple(stage.kind for stage in episode.stages)] += 1
            if not episode.stages:
                assert episode.nfa
                continue
            first = episode.stages[0]
            assert first.kind == "initial" and first.started >= day
            assert first.due == assessments.due_on(
                kind="initial", regime="2010", referral_date=day, started_on=first.started
            )
            if len(episode.stages) == 2:
                core = episode.stages[1]
                assert first.outcome == Assessment.Outcome.CORE_ASSESSMENT and first.authorised is not None
                assert core.kind == "core" and core.started >= first.authorised
                assert core.due == assessments.due_on(
                    kind="core", regime="2010", referral_date=day, started_on=core.started
                )
            for stage in episode.stages[:-1]:
                assert stage.status == Status.AUTHORISED
            if episode.closed is not None:
                assert all(stage.authorised and stage.authorised <= episode.closed for stage in episode.stages)
    assert kinds[("initial",)] > kinds[("initial", "core")] > 0.2 * kinds[("initial",)]


def test_the_seed_writes_one_summary_event(casework: Any) -> None:
    event = Event.objects.get(kind="seed.casework")
    assert event.data["referrals"] == Referral.objects.count()
    assert event.data["assessments"] == Assessment.objects.count()
    replaced = Event.objects.get(kind="seed.protection").data["cin_plans_replaced"]
    assert event.data["cin_plans"] == CinPlan.objects.count() + replaced
    # Each assessment's own events are the history step's, written after every app's seed (records.seed_history).
    assert not Event.objects.filter(kind__startswith="assessment.", pk__lt=last_app_seed_event()).exists()


def test_the_same_seed_gives_the_same_casework(casework: list[list[tuple[Any, ...]]]) -> None:
    assert fingerprint() == casework


def test_every_seeded_text_fits_its_column(casework: Any) -> None:
    """SQLite does not enforce a CharField's length; PostgreSQL refuses the whole seed if one value is too long."""
    too_long = []
    for model in apps.get_app_config("casework").get_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, models.CharField) and field.max_length:
                over = model._default_manager.annotate(size=Length(field.name)).filter(size__gt=field.max_length)
                too_long += [f"{model.__name__}.{field.name}"] if over.exists() else []
    assert too_long == []
