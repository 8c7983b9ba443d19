"""The partner portal through the API: a school's system refers a child and reads back the status and feedback."""

from typing import Any

import pytest
from django.test import Client

from frontdoor.accounts.models import User
from frontdoor.contacts.models import Contact
from frontdoor.partners import portal
from frontdoor.partners.models import PartnerProfile, PortalReferral
from frontdoor.records.models import Event
from tests.conftest import api_client
from tests.factories import UserFactory
from tests.partners.decisions import decide_no_further_action
from tests.partners.test_portal import a_referral

REFERRAL = {
    "first_name": "Mia",
    "last_name": "Harrington",
    "date_of_birth": "2017-05-09",
    "address": "4 Mill Lane, Northbridge NB1 4QT",
    "school_or_setting": "Northbridge Primary",
    "concern": "Mia has come in hungry every day this week and said there is no food at home.",
    "categories": ["neglect"],
    "family_aware": "yes",
    "consent": "given",
}


@pytest.fixture
def school(partner: User) -> User:
    PartnerProfile.objects.create(user=partner, organisation="Northbridge Primary", agency="2A")
    return partner


def post(client: Client, path: str, body: object) -> Any:
    return client.post(path, body, content_type="application/json")


def test_a_school_refers_then_reads_the_status_and_the_front_doors_feedback(
    school: User, contact_officer: User, team_manager: User
) -> None:
    client = api_client(school)
    sent = post(client, "/api/v1/portal/referrals/", REFERRAL)
    assert sent.status_code == 201, sent.content
    made = sent.json()
    assert made["status"] == "Received" and made["feedback"] == "" and "hungry" in made["concern"]
    contact = Contact.objects.get()
    assert made["reference"] == contact.reference and (contact.channel, contact.source) == ("online", "2A")
    assert [r["id"] for r in client.get("/api/v1/portal/referrals/").json()] == [made["id"]]
    staff = api_client(contact_officer)
    path = f"/api/v1/portal/referrals/{made['id']}/feedback/"
    early = post(staff, path, {"feedback": "We are looking at it."})
    assert early.status_code == 400 and "Decide the contact" in early.json()["errors"]["feedback"][0]
    decide_no_further_action(contact, contact_officer, team_manager)
    assert post(staff, path, {"feedback": " "}).status_code == 400
    given = post(staff, path, {"feedback": "We have offered the family a food bank referral."})
    assert given.status_code == 200, given.content
    mine = client.get(f"/api/v1/portal/referrals/{made['id']}/").json()
    assert mine["status"] == "Decided" and "food bank" in mine["feedback"]
    assert mine["feedback_by"] == contact_officer.display_name
    contact.refresh_from_db()
    assert contact.referrer_told_at is not None


def test_a_referral_the_service_refuses_comes_back_as_a_problem(school: User) -> None:
    client = api_client(school)
    answer = post(client, "/api/v1/portal/referrals/", {**REFERRAL, "consent": "not_sought"})
    assert answer.status_code == 400 and "without the family's consent" in answer.json()["errors"]["consent_reason"][0]
    unknown = post(client, "/api/v1/portal/referrals/", {**REFERRAL, "consent": "not_known"})
    assert unknown.status_code == 400 and "consent" in unknown.json()["errors"]
    assert not PortalReferral.objects.exists()


def test_another_partners_referral_is_not_found_and_the_attempt_is_logged(school: User) -> None:
    other = UserFactory(role="partner", username="gp")
    PartnerProfile.objects.create(user=other, organisation="Mill Lane Surgery", agency="3A")
    theirs = portal.submit_referral(by=other, referral=a_referral())
    client = api_client(school)
    assert client.get(f"/api/v1/portal/referrals/{theirs.pk}/").status_code == 404
    assert Event.objects.filter(kind="portal.refused", actor=school).exists()
    assert client.get("/api/v1/portal/referrals/").json() == []
    assert api_client(other).get(f"/api/v1/portal/referrals/{theirs.pk}/").status_code == 200


def test_only_partners_use_the_portal_and_only_the_front_door_gives_feedback(
    school: User, contact_officer: User, performance_analyst: User
) -> None:
    made = portal.submit_referral(by=school, referral=a_referral())
    for user in (contact_officer, performance_analyst):
        client = api_client(user)
        assert client.get("/api/v1/portal/referrals/").status_code == 403
        assert post(client, "/api/v1/portal/referrals/", REFERRAL).status_code == 403
        assert client.get(f"/api/v1/portal/referrals/{made.pk}/").status_code == 403
    for user in (school, performance_analyst):
        # The role is refused before the body is read: an empty body is still a 403.
        assert post(api_client(user), f"/api/v1/portal/referrals/{made.pk}/feedback/", {}).status_code == 403


def test_a_partner_whose_organisation_is_not_set_up_cannot_refer(partner: User) -> None:
    answer = post(api_client(partner), "/api/v1/portal/referrals/", REFERRAL)
    assert answer.status_code == 403 and "not set up" in answer.json()["detail"]
