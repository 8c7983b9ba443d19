import re
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from django.db import connection
from django.test.utils import CaptureQueriesContext

from frontdoor.accounts.models import User
from frontdoor.casework import services as casework
from frontdoor.people.models import RestrictionGrant
from frontdoor.people.services import add_relationship
from frontdoor.protection import services
from frontdoor.protection.models import ChildProtectionPlan, ProtectiveOrder, Section47, StrategyDiscussion, Visit
from tests.factories import PersonFactory
from tests.protection.test_services import plan_for

LONDON = ZoneInfo("Europe/London")


def date_fields(name: str, day: date) -> dict[str, str]:
    return {f"{name}_day": str(day.day), f"{name}_month": str(day.month), f"{name}_year": str(day.year)}


def test_a_strategy_discussion_for_two_siblings_is_recorded_on_one_page(client_for, social_worker: User) -> None:
    mia, noah = PersonFactory(first_name="Mia", last_name="Cole"), PersonFactory(first_name="Noah", last_name="Cole")
    add_relationship(person=mia, relative=noah, kind="sibling", by=social_worker)
    referrals = [
        casework.open_referral(person=child, by=social_worker, referral_date=date(2026, 11, 2), source="5A")
        for child in (mia, noah)
    ]
    client = client_for(social_worker)
    page = client.get(f"/protection/referrals/{referrals[0].pk}/strategy/").content.decode()
    assert "Decision for Mia Cole" in page and "Decision for Noah Cole" in page
    form: dict[str, Any] = {
        **date_fields("held_on", date(2026, 11, 2)),
        "held_time": "10:30",
        "kind": "meeting",
        "information_shared": "Mia disclosed that her stepfather hit her with a belt.",
        "police_reference": "NB/26/4411",
        "agency_1": "police",
        "name_1": "DC Sam Reid",
        "agency_2": "health",
        "name_2": "Dr Anna Kerr",
        f"decision_{referrals[0].pk}": "s47_joint",
        f"rationale_{referrals[0].pk}": "Disclosure of physical harm.",
        f"decision_{referrals[1].pk}": "s47_joint",
        f"rationale_{referrals[1].pk}": "Present during the incident.",
        "action_1": "Joint visit",
        "owner_1": "DC Reid and the social worker",
        **date_fields("due_1", date(2026, 11, 3)),
    }
    response = client.post(f"/protection/referrals/{referrals[0].pk}/strategy/", form)
    discussion = StrategyDiscussion.objects.get()
    assert response.url == f"/protection/strategy/{discussion.pk}/"
    assert Section47.objects.filter(conference_due_on=date(2026, 11, 23)).count() == 2
    assert "Noah Cole" in client.get(response.url).content.decode()


def test_brothers_and_sisters_with_no_open_referral_are_offered_a_contact_not_a_decision(
    client_for, social_worker: User, team_manager: User
) -> None:
    mia = PersonFactory(first_name="Mia", last_name="Cole", date_of_birth=date(2016, 3, 1))
    ivy = PersonFactory(first_name="Ivy", last_name="Cole", date_of_birth=date(2019, 5, 9))
    hidden = PersonFactory(first_name="Zac", last_name="Cole", date_of_birth=date(2020, 1, 4), is_restricted=True)
    RestrictionGrant.objects.create(person=hidden, user=team_manager, granted_by=team_manager)
    grown_up = PersonFactory(first_name="Lee", last_name="Cole", date_of_birth=date(2001, 7, 7))
    for sibling in (ivy, hidden, grown_up):
        add_relationship(person=mia, relative=sibling, kind="sibling", by=team_manager)
    referral = casework.open_referral(person=mia, by=social_worker, referral_date=date(2026, 11, 2), source="5A")
    page = client_for(social_worker).get(f"/protection/referrals/{referral.pk}/strategy/").content.decode()
    assert "Decision for Ivy Cole" not in page
    assert f'href="/contacts/new/?child={ivy.pk}">Record a contact about Ivy Cole' in page
    assert "Zac" not in page and "Lee Cole" not in page
    manager_page = client_for(team_manager).get(f"/protection/referrals/{referral.pk}/strategy/").content.decode()
    assert "Record a contact about Zac Cole" in manager_page


def test_a_strategy_discussion_without_the_police_is_refused_on_the_page(client_for, social_worker: User) -> None:
    referral = casework.open_referral(
        person=PersonFactory(), by=social_worker, referral_date=date(2026, 11, 2), source="5A"
    )
    response = client_for(social_worker).post(
        f"/protection/referrals/{referral.pk}/strategy/",
        {
            **date_fields("held_on", date(2026, 11, 2)),
            "held_time": "10:30",
            "kind": "discussion",
            "information_shared": "Concerns shared.",
            "agency_1": "health",
            "name_1": "Dr Anna Kerr",
            f"decision_{referral.pk}": "s47_single",
            f"rationale_{referral.pk}": "Injury.",
        },
    )
    assert response.status_code == 200 and "The police take part" in response.content.decode()
    assert not StrategyDiscussion.objects.exists()


def test_the_conference_page_starts_the_plan_and_the_child_page_shows_the_banner(
    client_for, social_worker: User
) -> None:
    child = PersonFactory(first_name="Ava")
    referral = casework.open_referral(person=child, by=social_worker, referral_date=date(2026, 11, 2), source="5A")
    services.record_strategy_discussion(
        by=social_worker,
        held_at=datetime(2026, 11, 2, 10, tzinfo=LONDON),
        kind="discussion",
        information_shared="Bruising.",
        children=[services.ChildDecision(referral, "s47_single", "Injury.")],
        participants=[services.Participant("police", "DC Reid")],
    )
    enquiry = Section47.objects.get()
    client = client_for(social_worker)
    client.post(
        f"/protection/section-47s/{enquiry.pk}/conference/",
        {
            **date_fields("held_on", date(2026, 11, 20)),
            "chaired_by": "Jo Hart, IRO",
            "needs_plan": "yes",
            "category": "PHY",
            "agency_1": "police",
            "name_1": "DC Reid",
            "attended_1": "on",
        },
    )
    plan = ChildProtectionPlan.objects.get()
    assert plan.started_on == date(2026, 11, 20)
    page = client.get(f"/people/{child.pk}/").content.decode()
    assert "Child protection plan</strong></a> since 20 November 2026" in page


def test_a_visit_is_recorded_on_the_plan_page(client_for, social_worker: User) -> None:
    plan = plan_for(PersonFactory(), social_worker)
    client = client_for(social_worker)
    client.post(
        f"/protection/plans/{plan.pk}/visit/",
        {**date_fields("visited_on", date(2026, 9, 16)), "child_seen": "yes", "seen_alone": "on", "notes": "Seen."},
    )
    assert Visit.objects.get().seen_alone
    assert "Next visit" in client.get(f"/protection/plans/{plan.pk}/").content.decode()


def test_the_children_on_plans_list_costs_the_same_queries_however_many(client_for, team_manager: User) -> None:
    client = client_for(team_manager)
    plan_for(PersonFactory(), team_manager)
    client.get("/protection/plans/")
    with CaptureQueriesContext(connection) as one:
        page = client.get("/protection/plans/").content.decode()
    assert "1 on plans" in page
    for _ in range(3):
        plan_for(PersonFactory(), team_manager)
    with CaptureQueriesContext(connection) as four:
        page = client.get("/protection/plans/").content.decode()
    assert "4 on plans" in page and len(four) == len(one)


def test_enquiries_awaiting_conference_are_listed_with_their_clock(client_for, social_worker: User) -> None:
    referral = casework.open_referral(
        person=PersonFactory(first_name="Leo"), by=social_worker, referral_date=date(2026, 11, 2), source="5A"
    )
    services.record_strategy_discussion(
        by=social_worker,
        held_at=datetime(2026, 11, 2, 10, tzinfo=LONDON),
        kind="discussion",
        information_shared="Bruising.",
        children=[services.ChildDecision(referral, "s47_single", "Injury.")],
        participants=[services.Participant("police", "DC Reid")],
    )
    page = client_for(social_worker).get("/protection/section-47s/").content.decode()
    assert "Leo" in page and "23 Nov 2026" in page


def test_an_emergency_protection_order_is_recorded_from_the_referral(client_for, social_worker: User) -> None:
    referral = casework.open_referral(
        person=PersonFactory(), by=social_worker, referral_date=date(2026, 11, 2), source="5A"
    )
    client = client_for(social_worker)
    client.post(
        f"/protection/referrals/{referral.pk}/orders/", {"kind": "epo", **date_fields("started_on", date(2026, 11, 3))}
    )
    order = ProtectiveOrder.objects.get()
    assert (order.person, order.kind, order.started_on) == (referral.person, "epo", date(2026, 11, 3))
    assert (
        "Emergency protection order from 3 November 2026"
        in client.get(f"/casework/referrals/{referral.pk}/").content.decode()
    )
    refused = client.post(
        f"/protection/referrals/{referral.pk}/orders/", {"kind": "epo", **date_fields("started_on", date(2026, 10, 1))}
    )
    assert "cannot start before the referral" in refused.content.decode()


def test_the_children_on_plans_list_shows_fifty_at_a_time_the_next_due_first(client_for, team_manager: User) -> None:
    for _ in range(51):
        plan_for(PersonFactory(), team_manager)
    client = client_for(team_manager)
    first = client.get("/protection/plans/").content.decode()
    assert "51 on plans" in first and "Page 1 of 2" in first
    assert (
        len(re.findall(r'href="/protection/plans/\d+/"', client.get("/protection/plans/?page=2").content.decode())) == 1
    )
