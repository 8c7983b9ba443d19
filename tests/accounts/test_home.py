import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from frontdoor.accounts.models import LocalAuthority
from frontdoor.accounts.roles import Role
from tests.conftest import make_user

HOME_HEADINGS = {
    Role.CONTACT_OFFICER: "Front door",
    Role.SOCIAL_WORKER: "My work",
    Role.SENIOR_PRACTITIONER: "My work",
    Role.TEAM_MANAGER: "My team",
    Role.SERVICE_MANAGER: "Service overview",
    Role.EDT_WORKER: "Out of hours",
    Role.EARLY_HELP_PRACTITIONER: "Early help",
    Role.PARTNER: "Partner portal",
    Role.QA_OFFICER: "Quality assurance",
    Role.PERFORMANCE_ANALYST: "Performance",
    Role.ADMINISTRATOR: "Administration",
}


@pytest.mark.parametrize("role", list(Role))
def test_each_role_has_its_own_home_page(client_for, council: LocalAuthority, role: Role) -> None:
    response = client_for(make_user(role)).get("/")
    assert response.status_code == 200
    assert f'<h1 class="govuk-heading-xl">{HOME_HEADINGS[role]}</h1>' in response.content.decode()


def test_the_navigation_shows_only_what_the_role_may_open(client_for, council: LocalAuthority) -> None:
    admin_page = client_for(make_user(Role.ADMINISTRATOR)).get("/").content.decode()
    worker_page = client_for(make_user(Role.SOCIAL_WORKER)).get("/").content.decode()
    assert 'href="/council/"' in admin_page
    assert 'href="/council/"' not in worker_page
    assert 'href="/timescales/"' in worker_page


def test_partners_see_how_to_reach_the_front_door(client_for, council: LocalAuthority) -> None:
    council.front_door_phone = "0300 555 0100"
    council.save()
    page = client_for(make_user(Role.PARTNER)).get("/").content.decode()
    assert "0300 555 0100" in page
    assert "phone the police on 999" in page


def test_administrators_are_told_what_setup_is_missing(client_for, council: LocalAuthority) -> None:
    council.la_code = ""
    council.save()
    page = client_for(make_user(Role.ADMINISTRATOR)).get("/").content.decode()
    assert "the DfE local authority code" in page


def test_managers_see_their_team(client_for, council: LocalAuthority) -> None:
    manager = make_user(Role.TEAM_MANAGER)
    worker = make_user(Role.SOCIAL_WORKER)
    assert worker.team == manager.team
    page = client_for(manager).get("/").content.decode()
    assert worker.display_name in page


def test_the_home_page_query_count_does_not_grow_with_the_team(client_for, council: LocalAuthority) -> None:
    from tests.factories import UserFactory

    manager = make_user(Role.TEAM_MANAGER)
    client = client_for(manager)
    client.get("/")
    with CaptureQueriesContext(connection) as small:
        client.get("/")
    UserFactory.create_batch(10, team=manager.team)
    with CaptureQueriesContext(connection) as large:
        client.get("/")
    assert len(large) == len(small)
