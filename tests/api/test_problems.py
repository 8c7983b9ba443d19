from django.test import Client

from frontdoor.accounts.models import User

PROBLEM = "application/problem+json"


def test_an_anonymous_call_gets_a_401_problem(db: None) -> None:
    response = Client().get("/api/v1/me/")
    assert response.status_code == 401
    assert response["Content-Type"] == PROBLEM
    body = response.json()
    assert body["status"] == 401
    assert body["title"] == "You need to sign in or send an API token"
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_an_unknown_address_is_a_404_problem(client_for, social_worker: User) -> None:
    response = client_for(social_worker).get("/api/v1/nothing-here/")
    assert response.status_code == 404
    assert response["Content-Type"] == PROBLEM
    assert response.json()["detail"] == "There is nothing at this address"


def test_bad_input_names_each_field(client_for, social_worker: User) -> None:
    response = client_for(social_worker).get("/api/v1/calendar/working-days/?start=2025-13-01&days=x")
    assert response.status_code == 400
    assert response["Content-Type"] == PROBLEM
    errors = response.json()["errors"]
    assert set(errors) == {"start", "days"}


def test_a_role_without_access_gets_a_403_problem(client_for, administrator: User) -> None:
    response = client_for(administrator).get("/api/v1/people/1/")
    assert response.status_code == 403
    assert response.json()["title"] == "You do not have access to this"


def test_a_wrong_method_is_a_405_problem(client_for, social_worker: User) -> None:
    response = client_for(social_worker).post("/api/v1/me/", {}, content_type="application/json")
    assert response.status_code == 405
    assert response["Content-Type"] == PROBLEM


def test_session_writes_need_the_csrf_token(social_worker: User) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(social_worker)
    response = client.post("/api/v1/me/", {}, content_type="application/json")
    assert response.status_code == 403
    assert "CSRF" in response.json()["detail"]
