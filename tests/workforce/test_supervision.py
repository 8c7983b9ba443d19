"""Supervision: sessions on the council's standards, case directions on each child's record, private reflection."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from frontdoor.accounts.models import User
from frontdoor.casework.models import Referral
from frontdoor.records.models import Event
from frontdoor.workforce import directions
from frontdoor.workforce.models import CaseDirection, SupervisionPolicy, SupervisionSession, WorkerProfile
from frontdoor.workforce.supervision import next_due, statuses
from tests.factories import PersonFactory, UserFactory
from tests.returns.records import referral

TODAY = timezone.localdate()


def open_case(worker: User, first_name: str = "Zara") -> Referral:
    return referral(PersonFactory(first_name=first_name, last_name="Hill"), TODAY - timedelta(days=30), worker)


def test_a_newly_qualified_worker_is_supervised_weekly_then_fortnightly_then_monthly(db: None) -> None:
    policy = SupervisionPolicy.load()
    qualified = date(2026, 1, 5)
    assert next_due(date(2026, 1, 20), qualified, policy, TODAY) == date(2026, 1, 27)  # in the first 6 weeks
    assert next_due(date(2026, 3, 2), qualified, policy, TODAY) == date(2026, 3, 16)  # to 6 months
    assert next_due(date(2026, 8, 3), qualified, policy, TODAY) == date(2026, 9, 3)  # then monthly
    assert next_due(date(2026, 8, 3), None, policy, TODAY) == date(2026, 9, 3)
    assert next_due(None, None, policy, TODAY) == TODAY


def test_a_session_leaves_a_direction_on_each_discussed_childs_record(team_manager: User, social_worker: User) -> None:
    zara, adam = open_case(social_worker), open_case(social_worker, "Adam")
    action = directions.Action("Visit and see Zara alone", "Ben, social worker", TODAY + timedelta(days=5))
    session = directions.record_supervision(
        worker=social_worker,
        by=team_manager,
        held_on=TODAY,
        minutes=90,
        kind="case",
        summary="Caseload review.",
        reflective_notes="Ben is finding the Hill family hard going.",
        discussions=[directions.Discussion(zara, "Hold a core group within a week.", [action])],
    )
    direction = CaseDirection.objects.get()
    assert (direction.person, direction.referral, direction.session) == (zara.person, zara, session)
    assert direction.actions.get().owner == "Ben, social worker"
    assert Event.objects.filter(kind="case_direction.given", child=zara.person).exists()
    assert not CaseDirection.objects.filter(referral=adam).exists()


def test_supervision_in_the_future_or_of_someone_elses_case_is_refused(team_manager: User, social_worker: User) -> None:
    others = open_case(UserFactory(role="social_worker", team=social_worker.team))
    base = {"worker": social_worker, "by": team_manager, "minutes": 90, "kind": "case", "summary": "Review."}
    with pytest.raises(ValidationError, match="in the future"):
        directions.record_supervision(held_on=TODAY + timedelta(days=1), **base)
    with pytest.raises(ValidationError, match="worker's own open cases"):
        directions.record_supervision(held_on=TODAY, discussions=[directions.Discussion(others, "Visit.")], **base)
    assert not SupervisionSession.objects.exists()


def test_reflective_notes_are_seen_only_by_the_worker_and_the_supervisor(
    client_for, team_manager: User, social_worker: User
) -> None:
    session = directions.record_supervision(
        worker=social_worker,
        by=team_manager,
        held_on=TODAY,
        minutes=90,
        kind="reflective",
        summary="Reflective session.",
        reflective_notes="Feeling the weight of the Hill case.",
    )
    another_manager = UserFactory(role="service_manager")
    path = f"/workforce/supervision/{session.pk}/"
    assert "Feeling the weight" in client_for(team_manager).get(path).content.decode()
    assert "Reflective session." in client_for(another_manager).get(path).content.decode()
    assert "Feeling the weight" not in client_for(another_manager).get(path).content.decode()


def test_the_diary_shows_who_is_overdue_with_the_same_queries_for_a_bigger_team(
    client_for, team_manager: User, social_worker: User
) -> None:
    WorkerProfile.objects.create(user=social_worker, qualified_on=TODAY - timedelta(days=20))
    SupervisionSession.objects.create(
        worker=social_worker, supervisor=team_manager, held_on=TODAY - timedelta(days=10), minutes=90, summary="."
    )
    client = client_for(team_manager)
    client.get("/workforce/supervision/")
    with CaptureQueriesContext(connection) as small:
        page = client.get("/workforce/supervision/").content.decode()
    assert "Overdue 3 days" in page and "0% of the team" in page
    for n in range(4):
        UserFactory(role="social_worker", team=social_worker.team, username=f"sw{n}")
    with CaptureQueriesContext(connection) as big:
        client.get("/workforce/supervision/")
    assert len(big) == len(small)
    assert statuses([social_worker])[0].overdue_days == 3


def test_any_manager_gives_a_direction_and_the_referral_shows_the_last_oversight(
    client_for, team_manager: User, social_worker: User
) -> None:
    case = open_case(social_worker)
    client = client_for(team_manager)
    response = client.post(f"/workforce/referrals/{case.pk}/direction/", {"direction": "Strategy discussion today."})
    assert response.status_code == 302
    page = client.get(f"/casework/referrals/{case.pk}/").content.decode()
    assert "Last case direction" in page
    child_page = client.get(f"/people/{case.person_id}/").content.decode()
    assert "Strategy discussion today." in child_page
    assert (
        client_for(social_worker).post(f"/workforce/referrals/{case.pk}/direction/", {"direction": "x"}).status_code
        == 403
    )


def test_cases_without_a_managers_direction_for_the_councils_period_are_listed(
    client_for, team_manager: User, social_worker: User
) -> None:
    never = open_case(social_worker, "Never")
    stale = open_case(social_worker, "Stale")
    recent = open_case(social_worker, "Recent")
    for case, days_ago in ((stale, 40), (recent, 3)):
        CaseDirection.objects.create(
            person=case.person,
            referral=case,
            direction="Visit.",
            given_by=team_manager,
            given_on=TODAY - timedelta(days=days_ago),
        )
    Referral.objects.filter(pk__in=[never.pk, stale.pk, recent.pk]).update(team=team_manager.team)

    page = client_for(team_manager).get("/workforce/oversight/").content.decode()

    assert page.index("Never Hill") < page.index("Stale Hill")
    assert "Recent Hill" not in page
    assert f"/workforce/referrals/{never.pk}/direction/" in page


def test_an_administrator_cannot_read_a_session_that_names_children(
    client_for, administrator: User, team_manager: User, social_worker: User
) -> None:
    session = directions.record_supervision(
        worker=social_worker, by=team_manager, held_on=TODAY, minutes=90, kind="case", summary="Review."
    )
    assert client_for(administrator).get(f"/workforce/supervision/{session.pk}/").status_code == 403


def test_a_manager_books_supervision_and_the_session_held_keeps_the_booking(
    client_for, team_manager: User, social_worker: User
) -> None:
    client = client_for(team_manager)
    day = TODAY + timedelta(days=4)
    form = {"scheduled_for_day": day.day, "scheduled_for_month": day.month, "scheduled_for_year": day.year}
    assert client.post(f"/workforce/supervision/book/{social_worker.pk}/", form | {"kind": "case"}).status_code == 302
    assert statuses([social_worker])[0].booked == day
    assert f"{day:%-d %b %Y}" in client.get("/workforce/supervision/").content.decode()
    past = TODAY - timedelta(days=1)
    refused = client.post(
        f"/workforce/supervision/book/{social_worker.pk}/",
        {
            "scheduled_for_day": past.day,
            "scheduled_for_month": past.month,
            "scheduled_for_year": past.year,
            "kind": "case",
        },
    )
    assert "today or later" in refused.content.decode()

    session = directions.record_supervision(
        worker=social_worker, by=team_manager, held_on=TODAY, minutes=90, kind="case", summary="Review."
    )
    assert session.appointment.scheduled_for == day
    assert statuses([social_worker])[0].booked is None
