"""Object scoping: which records of a kind someone may open, beyond what their role allows.

The council's policy (people/access.py): any role that reads children's records
reads any child's, whatever team holds the case, except a restricted record,
which only the people and roles named on it open. Partners see only the
referrals they made themselves. Refusals are logged as well as reads.
"""

from collections.abc import Callable
from datetime import date

import pytest
from django.test import Client

from frontdoor.accounts.models import User
from frontdoor.accounts.roles import Role
from frontdoor.casework import services as casework
from frontdoor.casework.models import Referral
from frontdoor.partners import portal
from frontdoor.partners.models import PartnerProfile, PortalReferral
from frontdoor.people import safety
from frontdoor.people.models import Person, RestrictionReason
from frontdoor.records.models import AccessLog, Event
from frontdoor.workforce import directions
from tests.conftest import api_client
from tests.factories import PersonFactory, TeamFactory, UserFactory


@pytest.fixture
def south_worker(db: None) -> User:
    """A social worker in another locality team than the cast's North team."""
    return UserFactory(username="otto", role=Role.SOCIAL_WORKER, team=TeamFactory(name="Locality team South"))


@pytest.fixture
def leo(db: None) -> Person:
    return PersonFactory(first_name="Leo", last_name="Marsh", date_of_birth=date(2016, 5, 3))


@pytest.fixture
def north_referral(leo: Person, social_worker: User) -> Referral:
    """North team's case: Ben's referral for Leo."""
    return casework.open_referral(person=leo, by=social_worker, referral_date=date(2026, 10, 1), source="2A")


@pytest.fixture
def restricted(leo: Person, team_manager: User) -> Person:
    """Leo's record restricted by North's manager, who is named on it."""
    return safety.restrict_person(person=leo, by=team_manager, reason=RestrictionReason.STAFF_RELATIVE)


def refusals(user: User, child: Person) -> list[str]:
    return list(AccessLog.objects.filter(user=user, child=child, allowed=False).values_list("viewed", flat=True))


def test_a_worker_of_another_team_reads_an_unrestricted_childs_referral_and_the_read_is_logged(
    client_for: Callable[[User], Client], south_worker: User, north_referral: Referral
) -> None:
    response = client_for(south_worker).get(f"/casework/referrals/{north_referral.pk}/")
    assert response.status_code == 200
    assert AccessLog.objects.filter(user=south_worker, child=north_referral.person, allowed=True).exists()


@pytest.mark.parametrize(
    "page",
    [
        "/people/{person}/",
        "/people/{person}/chronology/",
        "/casework/referrals/{referral}/",
        "/api/v1/people/{person}/",
        "/api/v1/referrals/{referral}/",
    ],
)
def test_a_worker_of_another_team_cannot_open_a_restricted_child_and_the_attempt_is_logged(
    client_for: Callable[[User], Client],
    south_worker: User,
    north_referral: Referral,
    restricted: Person,
    page: str,
) -> None:
    path = page.format(person=restricted.pk, referral=north_referral.pk)
    response = client_for(south_worker).get(path)
    assert response.status_code == 403
    assert "restricted record" in response.content.decode()
    assert len(refusals(south_worker, restricted)) == 1


def test_a_restricted_child_is_refused_to_a_worker_of_the_same_team_who_is_not_named_on_it(
    client_for: Callable[[User], Client], social_worker: User, north_referral: Referral, restricted: Person
) -> None:
    """Restriction is by name, not by team: Ben holds the case, but his manager restricted it without naming him."""
    assert client_for(social_worker).get(f"/people/{restricted.pk}/").status_code == 403
    assert refusals(social_worker, restricted) == ["person page"]


def test_the_manager_who_restricted_a_record_and_the_people_they_name_can_open_it(
    client_for: Callable[[User], Client],
    team_manager: User,
    south_worker: User,
    north_referral: Referral,
    restricted: Person,
) -> None:
    safety.grant_access(person=restricted, by=team_manager, user=south_worker)
    assert client_for(team_manager).get(f"/people/{restricted.pk}/").status_code == 200
    assert client_for(south_worker).get(f"/casework/referrals/{north_referral.pk}/").status_code == 200
    assert refusals(south_worker, restricted) == []


def test_a_restricted_child_does_not_show_in_a_search_by_someone_not_named_on_it(
    client_for: Callable[[User], Client], south_worker: User, restricted: Person
) -> None:
    page = client_for(south_worker).get("/people/", {"q": "Leo Marsh"}).content.decode()
    assert f"/people/{restricted.pk}/" not in page


def test_a_supervision_session_directing_work_on_a_restricted_child_is_refused_to_someone_not_named_on_it(
    client_for: Callable[[User], Client],
    contact_officer: User,
    social_worker: User,
    team_manager: User,
    north_referral: Referral,
    restricted: Person,
) -> None:
    """The session's case directions name the child and say what is to be done: reading them reads the record."""
    assert social_worker.team is not None
    casework.allocate_referral(
        referral=north_referral,
        by=team_manager,
        team=social_worker.team,
        worker=social_worker,
        expected_version=north_referral.version,
    )
    session = directions.record_supervision(
        worker=social_worker,
        by=team_manager,
        held_on=date(2026, 10, 20),
        minutes=60,
        kind="case",
        summary="Caseload review",
        discussions=[directions.Discussion(referral=north_referral, direction="Visit Leo at school this week")],
    )
    page = client_for(contact_officer).get(f"/workforce/supervision/{session.pk}/")
    api = api_client(contact_officer).get(f"/api/v1/supervision/{session.pk}/")
    assert (page.status_code, api.status_code) == (403, 403)
    assert "Visit Leo" not in page.content.decode() + api.content.decode()
    assert sorted(refusals(contact_officer, restricted)) == ["supervision session", "supervision session (API)"]
    assert client_for(team_manager).get(f"/workforce/supervision/{session.pk}/").status_code == 200


# The partner portal


def partner_at(username: str, organisation: str) -> User:
    user = UserFactory(username=username, role=Role.PARTNER, team=None)
    PartnerProfile.objects.create(user=user, organisation=organisation, agency=PartnerProfile.Agency.SCHOOL)
    return user


@pytest.fixture
def harriets_referral(partner: User) -> PortalReferral:
    PartnerProfile.objects.create(user=partner, organisation="Northbridge Primary", agency=PartnerProfile.Agency.SCHOOL)
    child = portal.ChildDetails(first_name="Maya", last_name="Brook", date_of_birth=date(2017, 3, 1), address="")
    referral = portal.Referral(
        child=child, concern="Maya said she is scared to go home.", categories=(), family_aware="yes", consent="given"
    )
    return portal.submit_referral(by=partner, referral=referral)


@pytest.mark.parametrize(
    "someone_else",
    [("olu", "Northbridge Health Visiting"), ("hannah", "Northbridge Primary")],
    ids=["a partner of another organisation", "a colleague at the same school"],
)
def test_a_partner_cannot_read_someone_elses_portal_referral_and_the_attempt_is_logged(
    client_for: Callable[[User], Client], harriets_referral: PortalReferral, someone_else: tuple[str, str]
) -> None:
    """Partners see only what they submitted themselves: a colleague's referral is as unknown as another agency's."""
    other = partner_at(*someone_else)
    page = client_for(other).get(f"/partners/portal/{harriets_referral.pk}/")
    api = api_client(other).get(f"/api/v1/portal/referrals/{harriets_referral.pk}/")
    assert (page.status_code, api.status_code) == (404, 404)
    assert "Maya" not in page.content.decode() + api.content.decode()
    refused = Event.objects.filter(kind="portal.refused", actor=other)
    assert [event.data["asked_for"] for event in refused.order_by("pk")] == [
        f"portal referral {harriets_referral.pk}",
        f"portal referral {harriets_referral.pk} (API)",
    ]


def test_a_partner_reads_their_own_portal_referral(
    client_for: Callable[[User], Client], partner: User, harriets_referral: PortalReferral
) -> None:
    assert client_for(partner).get(f"/partners/portal/{harriets_referral.pk}/").status_code == 200
    assert api_client(partner).get(f"/api/v1/portal/referrals/{harriets_referral.pk}/").status_code == 200


def test_a_partner_cannot_open_the_contact_their_referral_became(
    client_for: Callable[[User], Client], partner: User, harriets_referral: PortalReferral
) -> None:
    """The front door's record of the contact holds what the council found out; the partner sees the portal's view."""
    assert client_for(partner).get(f"/contacts/{harriets_referral.contact_id}/").status_code == 403
    assert api_client(partner).get(f"/api/v1/contacts/{harriets_referral.contact_id}/").status_code == 403


def test_a_partners_list_holds_only_their_own_referrals(
    client_for: Callable[[User], Client], harriets_referral: PortalReferral
) -> None:
    other = partner_at("olu", "Northbridge Health Visiting")
    assert "Maya" not in client_for(other).get("/partners/portal/").content.decode()
    assert api_client(other).get("/api/v1/portal/referrals/").json() == []
