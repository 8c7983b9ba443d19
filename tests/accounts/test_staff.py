from django.conf import settings
from django.test import Client

from frontdoor.accounts.models import Team, User
from frontdoor.accounts.roles import Role
from frontdoor.records.models import Event
from tests.factories import PASSWORD, TeamFactory, UserFactory

NEW_PASSWORD = "a-long-temporary-passphrase"


def can_sign_in(username: str, password: str) -> bool:
    response = Client().post("/sign-in/", {"username": username, "password": password})
    return response.status_code == 302


def new_member(team: Team, **changes: str) -> dict[str, object]:
    data = {
        "username": "nadia.hussain",
        "password": NEW_PASSWORD,
        "first_name": "Nadia",
        "last_name": "Hussain",
        "email": "nadia.hussain@council.example",
        "job_title": "Social worker",
        "role": Role.SOCIAL_WORKER,
        "team": team.pk,
    }
    return {**data, **changes}


def test_an_administrator_adds_a_staff_member_who_can_then_sign_in(client_for, administrator: User) -> None:
    team = TeamFactory(name="Locality team South")
    response = client_for(administrator).post("/staff/add/", new_member(team))
    assert response["Location"] == "/staff/"
    member = User.objects.get(username="nadia.hussain")
    assert (member.role, member.team) == (Role.SOCIAL_WORKER, team)
    event = Event.objects.get(kind="staff.added")
    assert event.actor == administrator
    assert NEW_PASSWORD not in str(event.data)
    assert can_sign_in("nadia.hussain", NEW_PASSWORD)


def test_a_weak_password_or_taken_username_is_refused(client_for, administrator: User) -> None:
    team = TeamFactory()
    UserFactory(username="nadia.hussain")
    page = client_for(administrator).post("/staff/add/", new_member(team, password="password")).content.decode()
    assert "Someone already has that username" in page
    assert "This password is too short" in page
    assert not Event.objects.filter(kind="staff.added").exists()


def test_an_administrator_moves_someone_to_another_team_and_role(client_for, administrator: User) -> None:
    worker = UserFactory(role=Role.SOCIAL_WORKER)
    new_team = TeamFactory(name="Children with disabilities team", kind=Team.Kind.DISABILITIES)
    data = new_member(new_team, role=Role.SENIOR_PRACTITIONER, first_name=worker.first_name, version=worker.version)
    response = client_for(administrator).post(f"/staff/{worker.pk}/", data)
    assert response.status_code == 302
    worker.refresh_from_db()
    assert (worker.role, worker.team) == (Role.SENIOR_PRACTITIONER, new_team)
    changes = Event.objects.get(kind="staff.updated").data["changes"]
    assert set(changes) >= {"role", "team"}


def test_a_second_administrators_stale_save_of_an_account_is_refused(client_for, administrator: User) -> None:
    worker = UserFactory(role=Role.SOCIAL_WORKER)
    team = TeamFactory()
    form = new_member(team, first_name=worker.first_name, version=worker.version)
    first, second = client_for(administrator), client_for(administrator)
    assert first.post(f"/staff/{worker.pk}/", {**form, "role": Role.TEAM_MANAGER}).status_code == 302
    page = second.post(f"/staff/{worker.pk}/", {**form, "role": Role.CONTACT_OFFICER}).content.decode()
    assert "Someone else changed this staff account while you were editing it" in page
    worker.refresh_from_db()
    assert worker.role == Role.TEAM_MANAGER
    assert Event.objects.filter(kind="staff.updated").count() == 1


def test_a_closed_account_cannot_sign_in_and_keeps_its_records(client_for, administrator: User) -> None:
    worker = UserFactory(username="leaver")
    client_for(administrator).post(f"/staff/{worker.pk}/account/", {"open": "no"})
    worker.refresh_from_db()
    assert not worker.is_active
    assert not can_sign_in("leaver", PASSWORD)
    client_for(administrator).post(f"/staff/{worker.pk}/account/", {"open": "yes"})
    assert can_sign_in("leaver", PASSWORD)
    assert [e.kind for e in Event.objects.order_by("id")] == ["staff.closed", "staff.reopened"]


def test_administrators_cannot_close_their_own_account(client_for, administrator: User) -> None:
    client_for(administrator).post(f"/staff/{administrator.pk}/account/", {"open": "no"})
    administrator.refresh_from_db()
    assert administrator.is_active


def test_resetting_a_password_unlocks_a_locked_account(client_for, administrator: User) -> None:
    worker = UserFactory(username="forgetful")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        Client().post("/sign-in/", {"username": "forgetful", "password": "wrong"})
    assert Client().post("/sign-in/", {"username": "forgetful", "password": PASSWORD}).status_code == 429
    client_for(administrator).post(f"/staff/{worker.pk}/password/", {"password": NEW_PASSWORD})
    response = Client().post("/sign-in/", {"username": "forgetful", "password": NEW_PASSWORD})
    assert response.status_code == 302
    assert Event.objects.filter(kind="staff.password_reset").exists()


def test_only_administrators_manage_staff(client_for, team_manager: User) -> None:
    client = client_for(team_manager)
    me = team_manager.pk
    for path in ("/staff/", "/staff/add/", f"/staff/{me}/", f"/staff/{me}/password/"):
        assert client.get(path).status_code == 403, path


def test_the_staff_list_filters_by_team_and_role(client_for, administrator: User) -> None:
    north, south = TeamFactory(name="North"), TeamFactory(name="South")
    UserFactory(first_name="Nora", last_name="North", team=north, role=Role.SOCIAL_WORKER)
    UserFactory(first_name="Sam", last_name="South", team=south, role=Role.TEAM_MANAGER)
    client = client_for(administrator)
    page = client.get(f"/staff/?team={north.pk}").content.decode()
    assert "Nora North" in page
    assert "Sam South" not in page
    page = client.get(f"/staff/?role={Role.TEAM_MANAGER}").content.decode()
    assert "Sam South" in page
    assert "Nora North" not in page
