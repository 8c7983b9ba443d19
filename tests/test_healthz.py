import pytest
from django.db import OperationalError, connection
from django.test import Client


def test_the_health_check_answers_ok_to_anyone_without_a_login(db: None) -> None:
    response = Client().get("/healthz")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain"
    assert response.content == b"ok"
    # Monitoring probes every few seconds: no session, and nothing about anyone, comes back.
    assert "sessionid" not in response.cookies


def test_the_health_check_says_unavailable_when_the_database_does_not_answer(
    db: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise OperationalError("connection refused")

    # What Django does when the database server is down: connecting raises.
    with monkeypatch.context() as patch:
        patch.setattr(type(connection._connections[connection._alias]), "ensure_connection", refuse)
        response = Client().get("/healthz")

    assert response.status_code == 503
    assert response.content == b"database unavailable"


def test_the_health_check_only_answers_get(db: None) -> None:
    assert Client().post("/healthz").status_code == 405
