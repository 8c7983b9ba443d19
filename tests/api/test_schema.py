from django.test import Client

from frontdoor.accounts.models import User


def test_the_openapi_schema_describes_every_endpoint(client_for, social_worker: User) -> None:
    response = client_for(social_worker).get("/api/schema/", headers={"accept": "application/json"})
    assert response.status_code == 200
    schema = response.json()
    assert schema["info"]["title"] == "Front Door API"
    assert {"/api/v1/me/", "/api/v1/council/", "/api/v1/people/{person_id}/"} <= set(schema["paths"])
    assert schema["components"]["securitySchemes"]["apiToken"] == {"type": "http", "scheme": "bearer"}


def test_the_schema_and_docs_need_a_signed_in_user(db: None) -> None:
    assert Client().get("/api/schema/").status_code == 401
    assert Client().get("/api/docs/")["Location"] == "/sign-in/?next=/api/docs/"


def test_the_docs_are_served_without_a_cdn(client_for, social_worker: User) -> None:
    page = client_for(social_worker).get("/api/docs/").content.decode()
    assert "swagger-ui" in page
    assert "cdn." not in page
    assert "jsdelivr" not in page


def test_the_council_endpoint(client_for, social_worker: User, council: object) -> None:
    body = client_for(social_worker).get("/api/v1/council/").json()
    assert body["name"] == "Testshire County Council"
    assert body["regime"] == "current"


def test_working_days_through_the_api(client_for, social_worker: User) -> None:
    body = client_for(social_worker).get("/api/v1/calendar/working-days/?start=2025-12-19&days=7").json()
    assert body == {"start": "2025-12-19", "start_is_working_day": True, "days": 7, "date": "2026-01-02"}
