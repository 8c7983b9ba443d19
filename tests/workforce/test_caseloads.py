"""Caseloads: each open referral counted once as its heaviest work, weighed, against the worker's limit."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from frontdoor.accounts.models import User
from frontdoor.workforce import services
from frontdoor.workforce.caseloads import caseloads
from frontdoor.workforce.models import CaseloadPolicy, WorkerProfile
from tests.factories import PersonFactory
from tests.returns.records import cin_plan, cp_plan, referral, section_47


def holding(worker: User, *, assessments: int = 0, cin_plans: int = 0, cp_plans: int = 0) -> None:
    day = timezone.localdate() - timedelta(days=40)
    for _ in range(assessments):
        referral(PersonFactory(), day, worker)
    for _ in range(cin_plans):
        cin_plan(referral(PersonFactory(), day, worker), day, worker)
    for _ in range(cp_plans):
        episode = referral(PersonFactory(), day, worker)
        cin_plan(episode, day, worker, ended=day + timedelta(days=10))
        enquiry = section_47(episode, day, worker, day + timedelta(days=21), day + timedelta(days=10), plan=True)
        cp_plan(enquiry, worker)


def test_a_referral_counts_once_as_its_heaviest_work(social_worker: User) -> None:
    holding(social_worker, assessments=2, cin_plans=3, cp_plans=4)
    closed = referral(
        PersonFactory(), date(2026, 1, 5), social_worker, closed_on=date(2026, 2, 1), closure_reason="RC7"
    )
    assert closed.closed_on is not None

    (load,) = caseloads([social_worker])

    assert load.counts == {"assessment": 2, "cin_plan": 3, "cp_plan": 4}
    assert load.cases == 9 and load.weighted == Decimal("11.0")  # 2 + 3 + 4 x 1.5
    assert (load.limit, load.newly_qualified, load.is_over) == (Decimal("18.0"), False, False)


def test_a_newly_qualified_worker_has_the_protected_limit_for_their_first_year(social_worker: User) -> None:
    WorkerProfile.objects.create(user=social_worker, qualified_on=timezone.localdate() - timedelta(days=100))
    holding(social_worker, assessments=13)

    (load,) = caseloads([social_worker])

    assert (load.limit, load.newly_qualified, load.is_over) == (Decimal("12.0"), True, True)
    later = timezone.localdate() + timedelta(days=300)
    assert caseloads([social_worker], today=later)[0].limit == Decimal("18.0")


def test_a_worker_may_have_a_limit_of_their_own(social_worker: User) -> None:
    WorkerProfile.objects.create(user=social_worker, caseload_limit=Decimal("9.0"))
    assert caseloads([social_worker])[0].limit == Decimal("9.0")


def test_caseloads_take_the_same_queries_for_one_worker_or_many(social_worker: User, team_manager: User) -> None:
    holding(social_worker, assessments=1, cp_plans=1)
    CaseloadPolicy.load()  # made once, by the first reader
    with CaptureQueriesContext(connection) as one:
        caseloads([social_worker])
    others = [
        User.objects.create(username=f"worker{n}", role="social_worker", team=social_worker.team) for n in range(6)
    ]
    for worker in others:
        holding(worker, cin_plans=1)
    with CaptureQueriesContext(connection) as seven:
        loads = caseloads([social_worker, *others])
    assert len(seven) == len(one)
    assert [load.cases for load in loads] == [2, 1, 1, 1, 1, 1, 1]


def test_only_an_administrator_sets_the_weights_and_a_protected_limit_stays_below_the_other(
    administrator: User, team_manager: User
) -> None:
    policy = CaseloadPolicy.load()
    values = {
        "assessment_weight": Decimal("1.0"),
        "cin_plan_weight": Decimal("1.2"),
        "cp_plan_weight": Decimal("2.0"),
        "worker_limit": Decimal("16.0"),
        "newly_qualified_limit": Decimal("10.0"),
        "newly_qualified_months": 12,
    }
    with pytest.raises(PermissionDenied):
        services.set_caseload_policy(by=team_manager, expected_version=policy.version, **values)
    with pytest.raises(ValidationError, match="cannot be above"):
        services.set_caseload_policy(
            by=administrator, expected_version=policy.version, **(values | {"newly_qualified_limit": Decimal("20")})
        )
    services.set_caseload_policy(by=administrator, expected_version=policy.version, **values)
    assert CaseloadPolicy.load().cp_plan_weight == Decimal("2.0")


def test_a_manager_sets_a_workers_qualified_date_but_not_in_the_future(team_manager: User, social_worker: User) -> None:
    with pytest.raises(ValidationError, match="today or in the past"):
        services.set_worker_profile(
            worker=social_worker,
            by=team_manager,
            expected_version=1,
            qualified_on=timezone.localdate() + timedelta(days=1),
            caseload_limit=None,
        )
    services.set_worker_profile(
        worker=social_worker, by=team_manager, expected_version=1, qualified_on=date(2026, 9, 1), caseload_limit=None
    )
    assert WorkerProfile.objects.get(user=social_worker).qualified_on == date(2026, 9, 1)
