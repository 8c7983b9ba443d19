from collections.abc import Callable, Sequence
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from frontdoor.accounts.models import User
from frontdoor.accounts.services import create_api_token
from frontdoor.casework import services as casework
from frontdoor.casework.models import Referral
from frontdoor.people.models import Person, RestrictionGrant
from frontdoor.protection import services
from frontdoor.protection.models import ChildProtectionPlan, InitialConference, Section47, StrategyDiscussion, Visit
from frontdoor.records.models import AccessLog
from frontdoor.timescales.calendar import council_calendar
from frontdoor.timescales.clocks import add_months
from tests.factories import PersonFactory

LONDON = ZoneInfo("Europe/London")
PROBLEM = "application/problem+json"
JSON = "application/json"
POLICE = {"agency": "police", "name": "DC Sam Reid", "role": "Child abuse investigation team"}
HEALTH = {"agency": "health", "name": "Dr Anna Kerr", "role": "Named doctor"}
ATTENDEES = [services.Attendee("police", "DC Sam Reid")]


def monday_weeks_ago(weeks: int) -> date:
    today = timezone.localdate()
    return today - timedelta(days=today.weekday() + 7 * weeks)


def working_days_after(day: date, n: int) -> date:
    return council_calendar().add_working_days(day, n)


def at_ten(day: date) -> datetime:
    return datetime.combine(day, time(10), LONDON)


@pytest.fixture
def siblings(db: None) -> tuple[Person, Person]:
    return PersonFactory(first_name="Mia", last_name="Cole"), PersonFactory(first_name="Noah", last_name="Cole")


def open_referral(person: Person, by: User, day: date) -> Referral:
    return casework.open_referral(person=person, by=by, referral_date=day, source="5A")


def discussion_body(referrals: Sequence[Referral], held_at: datetime, **overrides: Any) -> dict[str, Any]:
    return {
        "held_at": held_at.isoformat(),
        "kind": "meeting",
        "information_shared": "Mia disclosed that her stepfather hit her with a belt; Noah was present.",
        "police_reference": "NB/26/11/4411",
        "participants": [POLICE, HEALTH],
        "children": [
            {"referral": referral.pk, "decision": "s47_joint", "rationale": "Disclosure of physical harm."}
            for referral in referrals
        ],
        "actions": [
            {
                "action": "Joint visit and ABE interview",
                "owner": "DC Reid and the social worker",
                "due_on": str(held_at.date()),
            }
        ],
        **overrides,
    }


def discuss(by: User, referrals: Sequence[Referral], held_on: date) -> list[Section47]:
    discussion = services.record_strategy_discussion(
        by=by,
        held_at=at_ten(held_on),
        kind="discussion",
        information_shared="Concerns shared by the school.",
        children=[services.ChildDecision(r, "s47_single", "Bruising seen at school.") for r in referrals],
        participants=[services.Participant(**POLICE), services.Participant(**HEALTH)],
    )
    return list(Section47.objects.filter(strategy_child__discussion=discussion).order_by("id"))


def plan_from(enquiry: Section47, by: User, held_on: date) -> ChildProtectionPlan:
    conference = services.hold_initial_conference(
        section_47=enquiry,
        by=by,
        held_on=held_on,
        needs_plan=True,
        category="PHY",
        chaired_by="Jo Hart, IRO",
        attendees=ATTENDEES,
    )
    return ChildProtectionPlan.objects.get(conference=conference)


def plan_for(person: Person, by: User, started: date) -> ChildProtectionPlan:
    referral = open_referral(person, by, started - timedelta(days=7))
    (enquiry,) = discuss(by, [referral], started - timedelta(days=7))
    return plan_from(enquiry, by, started)


def test_a_strategy_discussion_for_two_siblings_with_police_and_health_starts_two_enquiries(
    social_worker: User, siblings: tuple[Person, Person]
) -> None:
    monday = monday_weeks_ago(4)
    referrals = [open_referral(child, social_worker, monday) for child in siblings]
    _, key = create_api_token(user=social_worker, name="mobile app", by=None)
    client = Client(headers={"authorization": f"Bearer {key}"})
    made = client.post("/api/v1/strategy-discussions/", discussion_body(referrals, at_ten(monday)), content_type=JSON)
    assert made.status_code == 201
    body = made.json()
    assert sorted(p["agency"] for p in body["participants"]) == ["health", "police"]
    assert (body["kind"], body["chaired_by"], body["police_reference"]) == ("meeting", "ben", "NB/26/11/4411")
    assert [a["owner"] for a in body["actions"]] == ["DC Reid and the social worker"]
    assert [(c["person"], c["decision"]) for c in body["children"]] == [(c.pk, "s47_joint") for c in siblings]
    due = working_days_after(monday, 15).isoformat()
    for child in body["children"]:
        enquiry = child["section_47"]
        assert (enquiry["started_on"], enquiry["conference_due_on"], enquiry["is_joint"]) == (str(monday), due, True)
    assert client.get(f"/api/v1/strategy-discussions/{body['id']}/").json() == body
    enquiry = client.get(f"/api/v1/section-47s/{body['children'][0]['section_47']['id']}/").json()
    assert (enquiry["strategy_discussion"], enquiry["is_open"], enquiry["conference"]) == (body["id"], True, None)


def test_a_strategy_discussion_without_the_police_is_refused(
    client_for: Callable[[User], Client], social_worker: User, siblings: tuple[Person, Person]
) -> None:
    monday = monday_weeks_ago(2)
    referral = open_referral(siblings[0], social_worker, monday)
    body = discussion_body([referral], at_ten(monday), participants=[HEALTH])
    refused = client_for(social_worker).post("/api/v1/strategy-discussions/", body, content_type=JSON)
    assert refused.status_code == 400
    assert refused["Content-Type"] == PROBLEM
    assert refused.json()["errors"] == {"participants": ["The police take part in every strategy discussion"]}
    assert not StrategyDiscussion.objects.exists()


def test_a_strategy_discussion_naming_an_unknown_referral_is_refused_with_the_field(
    client_for: Callable[[User], Client], social_worker: User
) -> None:
    body = discussion_body([], at_ten(monday_weeks_ago(2)))
    body["children"] = [{"referral": 987654, "decision": "nfa", "rationale": "Nothing to add."}]
    refused = client_for(social_worker).post("/api/v1/strategy-discussions/", body, content_type=JSON)
    assert refused.status_code == 400
    assert refused.json()["errors"] == {"children[0].referral": ["No referral with that ID"]}


def test_a_conference_on_a_saturday_is_refused_with_the_field(
    client_for: Callable[[User], Client], social_worker: User, siblings: tuple[Person, Person]
) -> None:
    monday = monday_weeks_ago(3)
    (enquiry,) = discuss(social_worker, [open_referral(siblings[0], social_worker, monday)], monday)
    body = {
        "held_on": str(monday + timedelta(days=5)),
        "needs_plan": True,
        "category": "PHY",
        "chaired_by": "Jo Hart, IRO",
        "attendees": [{"agency": "police", "name": "DC Sam Reid", "attended": True}],
    }
    refused = client_for(social_worker).post(f"/api/v1/section-47s/{enquiry.pk}/conference/", body, content_type=JSON)
    assert refused.status_code == 400
    assert refused["Content-Type"] == PROBLEM
    [message] = refused.json()["errors"]["held_on"]
    assert "weekend" in message
    assert not InitialConference.objects.exists()


def test_a_conference_that_decides_a_plan_starts_it_the_same_day(
    client_for: Callable[[User], Client], social_worker: User, siblings: tuple[Person, Person]
) -> None:
    monday = monday_weeks_ago(3)
    (enquiry,) = discuss(social_worker, [open_referral(siblings[0], social_worker, monday)], monday)
    client = client_for(social_worker)
    outcome = {"outcome": "continuing", "completed_on": str(working_days_after(monday, 3)), "conference_needed": True}
    concluded = client.post(f"/api/v1/section-47s/{enquiry.pk}/outcome/", outcome, content_type=JSON)
    assert concluded.status_code == 200
    assert (concluded.json()["outcome"], concluded.json()["version"]) == ("continuing", 2)
    held_on = working_days_after(monday, 4)
    body = {
        "held_on": str(held_on),
        "needs_plan": True,
        "category": "PHY",
        "chaired_by": "Jo Hart, IRO",
        "attendees": [
            {"agency": "police", "name": "DC Sam Reid", "attended": True},
            {"agency": "education", "name": "Mrs Patel", "attended": False},
        ],
        "summary": "Mia is at continuing risk of physical harm.",
    }
    held = client.post(f"/api/v1/section-47s/{enquiry.pk}/conference/", body, content_type=JSON)
    assert held.status_code == 201
    conference = held.json()
    assert [(a["name"], a["attended"]) for a in conference["attendees"]] == [
        ("Mrs Patel", False),
        ("DC Sam Reid", True),
    ]
    plan = conference["plan"]
    assert (plan["started_on"], plan["initial_category"], plan["previous_plans"]) == (str(held_on), "PHY", 0)
    enquiry_now = client.get(f"/api/v1/section-47s/{enquiry.pk}/").json()
    assert (enquiry_now["is_open"], enquiry_now["conference"]["plan"]["id"]) == (False, plan["id"])


def test_a_plan_shows_when_its_next_review_first_core_group_and_next_visit_are_due(
    client_for: Callable[[User], Client], social_worker: User, siblings: tuple[Person, Person]
) -> None:
    started = working_days_after(monday_weeks_ago(4), 1)
    plan = plan_for(siblings[0], social_worker, started)
    client = client_for(social_worker)
    url = f"/api/v1/cp-plans/{plan.pk}/"
    assert client.get(url).json()["due"] == {
        "next_review_on": str(add_months(started, 3)),
        "first_core_group_on": str(working_days_after(started, 10)),
        "next_visit_on": str(working_days_after(started, 10)),
    }
    visited_on, reviewed_on = working_days_after(started, 3), working_days_after(started, 5)
    visit = {"visited_on": str(visited_on), "child_seen": True, "seen_alone": True, "notes": "Mia showed me her room."}
    assert client.post(f"{url}visits/", visit, content_type=JSON).status_code == 201
    group = {"held_on": str(working_days_after(started, 4)), "summary": "Plan agreed."}
    assert client.post(f"{url}core-groups/", group, content_type=JSON).status_code == 201
    review = {"held_on": str(reviewed_on), "category": "MUL", "summary": "Continue."}
    assert client.post(f"{url}reviews/", review, content_type=JSON).status_code == 201
    read = client.get(url).json()
    assert read["due"]["next_review_on"] == str(add_months(reviewed_on, 6))
    assert read["due"]["next_visit_on"] == str(working_days_after(visited_on, 10))
    assert read["latest_category"] == "MUL"
    assert [v["visited_by"] for v in read["visits"]] == ["ben"]
    assert [g["summary"] for g in read["core_groups"]] == ["Plan agreed."]


def test_a_visit_in_the_future_is_refused(
    client_for: Callable[[User], Client], social_worker: User, siblings: tuple[Person, Person]
) -> None:
    plan = plan_for(siblings[0], social_worker, working_days_after(monday_weeks_ago(3), 1))
    tomorrow = timezone.localdate() + timedelta(days=1)
    body = {"visited_on": str(tomorrow), "child_seen": True, "notes": "Seen at home."}
    refused = client_for(social_worker).post(f"/api/v1/cp-plans/{plan.pk}/visits/", body, content_type=JSON)
    assert refused.status_code == 400
    assert refused.json()["errors"] == {"visited_on": ["A visit cannot be in the future"]}
    assert not Visit.objects.exists()


def test_only_a_manager_ends_a_plan_outside_a_review(
    client_for: Callable[[User], Client], social_worker: User, team_manager: User, siblings: tuple[Person, Person]
) -> None:
    plan = plan_for(siblings[0], social_worker, working_days_after(monday_weeks_ago(3), 1))
    body = {"ended_on": str(timezone.localdate()), "reason": "moved_away"}
    url = f"/api/v1/cp-plans/{plan.pk}/end/"
    assert client_for(social_worker).post(url, body, content_type=JSON).status_code == 403
    ended = client_for(team_manager).post(url, body, content_type=JSON)
    assert ended.status_code == 200
    read = ended.json()
    assert (read["ended_on"], read["end_reason"], read["is_open"]) == (body["ended_on"], "moved_away", False)
    assert (read["due"]["next_review_on"], read["due"]["next_visit_on"]) == (None, None)


def test_a_partner_cannot_read_anything(
    client_for: Callable[[User], Client], social_worker: User, partner: User, siblings: tuple[Person, Person]
) -> None:
    plan = plan_for(siblings[0], social_worker, working_days_after(monday_weeks_ago(3), 1))
    enquiry = plan.conference.section_47
    client = client_for(partner)
    for url in [
        f"/api/v1/strategy-discussions/{enquiry.strategy_child.discussion_id}/",
        f"/api/v1/section-47s/{enquiry.pk}/",
        f"/api/v1/cp-plans/{plan.pk}/",
        f"/api/v1/cp-plans/?person={siblings[0].pk}",
        "/api/v1/cp-plans/",
    ]:
        response = client.get(url)
        assert (url, response.status_code, response["Content-Type"]) == (url, 403, PROBLEM)
    body = discussion_body([plan.referral], at_ten(timezone.localdate()))
    assert client.post("/api/v1/strategy-discussions/", body, content_type=JSON).status_code == 403
    visit = {"visited_on": str(timezone.localdate()), "child_seen": True, "notes": "Seen."}
    assert client.post(f"/api/v1/cp-plans/{plan.pk}/visits/", visit, content_type=JSON).status_code == 403
    assert not Visit.objects.exists()


def test_a_restricted_child_s_plan_is_refused_to_others(
    client_for: Callable[[User], Client], social_worker: User, team_manager: User, siblings: tuple[Person, Person]
) -> None:
    hidden = PersonFactory(is_restricted=True, restriction_reason="high_profile")
    RestrictionGrant.objects.create(person=hidden, user=team_manager, granted_by=team_manager)
    monday = monday_weeks_ago(3)
    referrals = [open_referral(child, team_manager, monday) for child in (hidden, siblings[0])]
    enquiry, _ = discuss(team_manager, referrals, monday)
    plan = plan_from(enquiry, team_manager, working_days_after(monday, 4))
    refused = client_for(social_worker)
    assert refused.get(f"/api/v1/cp-plans/{plan.pk}/").status_code == 403
    assert refused.get(f"/api/v1/cp-plans/?person={hidden.pk}").status_code == 403
    assert refused.get(f"/api/v1/section-47s/{enquiry.pk}/").status_code == 403
    visit = {"visited_on": str(timezone.localdate()), "child_seen": True, "notes": "Seen."}
    assert refused.post(f"/api/v1/cp-plans/{plan.pk}/visits/", visit, content_type=JSON).status_code == 403
    assert AccessLog.objects.filter(user=social_worker, child=hidden, allowed=False).count() == 4
    # The discussion is about both children: refused, and the attempt logged against each.
    discussion = refused.get(f"/api/v1/strategy-discussions/{enquiry.strategy_child.discussion_id}/")
    assert discussion.status_code == 403
    assert AccessLog.objects.filter(user=social_worker, child=siblings[0], allowed=False).count() == 1
    body = discussion_body(referrals[:1], at_ten(timezone.localdate()))
    assert refused.post("/api/v1/strategy-discussions/", body, content_type=JSON).status_code == 403
    assert not Visit.objects.exists()
    assert StrategyDiscussion.objects.count() == 1
    assert client_for(team_manager).get(f"/api/v1/cp-plans/{plan.pk}/").status_code == 200


def test_reading_a_plan_logs_access(
    client_for: Callable[[User], Client], social_worker: User, siblings: tuple[Person, Person]
) -> None:
    plan = plan_for(siblings[0], social_worker, working_days_after(monday_weeks_ago(3), 1))
    assert client_for(social_worker).get(f"/api/v1/cp-plans/{plan.pk}/").status_code == 200
    logged = AccessLog.objects.get(user=social_worker, child=siblings[0])
    assert (logged.viewed, logged.allowed) == ("child protection plan (API)", True)
    assert logged.path == f"/api/v1/cp-plans/{plan.pk}/"


def test_the_plans_list_needs_the_child(client_for: Callable[[User], Client], social_worker: User) -> None:
    response = client_for(social_worker).get("/api/v1/cp-plans/")
    assert response.status_code == 400
    assert response["Content-Type"] == PROBLEM
    assert "person" in response.json()["errors"]


def test_the_plans_list_costs_the_same_queries_however_many_plans(
    client_for: Callable[[User], Client], social_worker: User, siblings: tuple[Person, Person]
) -> None:
    child = siblings[0]
    first = monday_weeks_ago(12)
    referral = open_referral(child, social_worker, first)

    def episode(number: int) -> None:
        """A plan with a core group and a visit, ended by its review, so the next can start."""
        day = working_days_after(first, 5 * number + 1)
        (enquiry,) = discuss(social_worker, [referral], day)
        plan = plan_from(enquiry, social_worker, day)
        later = working_days_after(day, 1)
        services.record_core_group(plan=plan, by=social_worker, held_on=later, summary="Plan agreed.")
        services.record_visit(
            plan=plan,
            by=social_worker,
            visited_on=later,
            child_seen=True,
            seen_alone=True,
            bedroom_seen=True,
            notes="Seen at home.",
        )
        services.record_review_conference(
            plan=plan, by=social_worker, held_on=working_days_after(day, 2), continue_plan=False, category="PHY"
        )

    client = client_for(social_worker)
    url = f"/api/v1/cp-plans/?person={child.pk}"
    episode(0)
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for number in range(1, 6):
        episode(number)
    with CaptureQueriesContext(connection) as many:
        response = client.get(url)
    listed = response.json()
    assert len(listed) == 6
    assert [plan["previous_plans"] for plan in listed] == [5, 4, 3, 2, 1, 0]
    assert len(many) == len(few)
