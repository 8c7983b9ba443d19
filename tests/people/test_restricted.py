from frontdoor.accounts.models import User
from frontdoor.accounts.roles import Role
from frontdoor.people.models import Person, RestrictionGrant
from frontdoor.records.models import AccessLog, Event
from tests.factories import PersonFactory


def test_a_manager_restricts_a_record_and_is_named_on_it(client_for, team_manager: User) -> None:
    person = PersonFactory()
    client_for(team_manager).post(f"/people/{person.pk}/restriction/", {"reason": "staff_relative"})
    person.refresh_from_db()
    assert person.is_restricted
    assert RestrictionGrant.objects.get(person=person).user == team_manager
    assert Event.objects.filter(kind="person.restricted").exists()


def test_only_managers_restrict_records(client_for, social_worker: User) -> None:
    person = PersonFactory()
    assert (
        client_for(social_worker).post(f"/people/{person.pk}/restriction/", {"reason": "staff_relative"}).status_code
        == 403
    )
    person.refresh_from_db()
    assert not person.is_restricted


def restricted(by: User) -> Person:
    person = PersonFactory(is_restricted=True, restriction_reason="high_profile")
    RestrictionGrant.objects.create(person=person, user=by, granted_by=by)
    return person


def test_everyone_not_named_is_refused_and_the_attempt_logged(
    client_for, team_manager: User, social_worker: User
) -> None:
    person = restricted(team_manager)
    response = client_for(social_worker).get(f"/people/{person.pk}/")
    assert response.status_code == 403
    assert "restricted record" in response.content.decode()
    refused = AccessLog.objects.get(user=social_worker)
    assert (refused.child, refused.allowed) == (person, False)
    assert client_for(team_manager).get(f"/people/{person.pk}/").status_code == 200
    assert AccessLog.objects.get(user=team_manager).allowed


def test_a_role_can_be_named(client_for, team_manager: User, social_worker: User) -> None:
    person = restricted(team_manager)
    client_for(team_manager).post(f"/people/{person.pk}/restriction/", {"role": Role.SOCIAL_WORKER})
    assert client_for(social_worker).get(f"/people/{person.pk}/").status_code == 200


def test_withdrawn_access_is_refused_again(client_for, team_manager: User, social_worker: User) -> None:
    person = restricted(team_manager)
    grant = RestrictionGrant.objects.create(person=person, user=social_worker, granted_by=team_manager)
    client_for(team_manager).post(f"/people/{person.pk}/restriction/{grant.pk}/revoke/")
    assert client_for(social_worker).get(f"/people/{person.pk}/").status_code == 403


def test_restricted_records_are_hidden_in_search_results(client_for, team_manager: User, social_worker: User) -> None:
    person = restricted(team_manager)
    page = client_for(social_worker).get(f"/people/?q={person.first_name}+{person.last_name}").content.decode()
    results = page.split('class="govuk-list fd-results"')[1].split("</ol>")[0]
    assert "Restricted record" in results
    assert person.last_name not in results
