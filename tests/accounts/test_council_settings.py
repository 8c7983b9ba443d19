from typing import Any

from django.test import Client

from frontdoor.accounts.models import LocalAuthority, User
from frontdoor.records.models import Event


def settings_form(council: LocalAuthority, **changes: Any) -> dict[str, Any]:
    data = {
        "name": council.name,
        "la_code": council.la_code,
        "regime": council.regime,
        "regime_changed_on_day": "1",
        "regime_changed_on_month": "4",
        "regime_changed_on_year": "2014",
        "office_opens": "09:00",
        "office_closes": "17:00",
        "office_closes_friday": "16:30",
        "front_door_phone": "0300 555 0100",
        "out_of_hours_phone": "0300 555 0199",
        "cp_visit_interval_working_days": "10",
        "cin_visit_interval_working_days": "20",
        "cin_plan_review_interval_months": "3",
        "version": council.version,
    }
    return {**data, **changes}


def test_an_administrator_changes_the_council_settings(
    client_for, administrator: User, council: LocalAuthority
) -> None:
    response = client_for(administrator).post(
        "/council/", settings_form(council, name="Northbridge City Council", la_code="201")
    )
    assert response.status_code == 302
    council.refresh_from_db()
    assert (council.name, council.la_code, str(council.regime_changed_on)) == (
        "Northbridge City Council",
        "201",
        "2014-04-01",
    )
    event = Event.objects.get(kind="council.updated")
    assert event.actor == administrator
    assert event.data["changes"]["la_code"] == {"from": "931", "to": "201"}


def test_other_roles_cannot_open_the_council_settings(client_for, team_manager: User, council: LocalAuthority) -> None:
    client = client_for(team_manager)
    assert client.get("/council/").status_code == 403
    assert client.post("/council/", settings_form(council, name="Hijacked")).status_code == 403
    council.refresh_from_db()
    assert council.name == "Testshire County Council"


def test_a_stale_save_is_refused_with_a_clear_message(client_for, administrator: User, council: LocalAuthority) -> None:
    client = client_for(administrator)
    first = settings_form(council, name="First change")
    second = settings_form(council, name="Second change")
    assert client.post("/council/", first).status_code == 302
    response = client.post("/council/", second)
    assert response.status_code == 200
    assert "Someone else changed this local authority while you were editing it" in response.content.decode()
    council.refresh_from_db()
    assert council.name == "First change"
    assert Event.objects.filter(kind="council.updated").count() == 1


def test_bad_settings_are_refused_field_by_field(client_for, administrator: User, council: LocalAuthority) -> None:
    response = client_for(administrator).post(
        "/council/",
        settings_form(
            council,
            la_code="93",
            office_closes="08:00",
            regime_changed_on_month="13",
            name="",
        ),
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert 'href="#id_la_code">Enter the 3-digit DfE local authority code' in page
    assert 'href="#id_office_closes">The office must close after it opens' in page
    assert 'href="#id_regime_changed_on_day">Date the council moved to this regime must be a real date' in page
    assert 'href="#id_name">Enter council name' in page
    council.refresh_from_db()
    assert council.la_code == "931"
    assert not Event.objects.filter(kind="council.updated").exists()


def test_the_settings_page_shows_the_saved_values(client_for, administrator: User, council: LocalAuthority) -> None:
    page = client_for(administrator).get("/council/").content.decode()
    assert 'value="Testshire County Council"' in page
    assert 'value="09:00"' in page


def test_signed_out_visitors_are_sent_to_sign_in(db: None) -> None:
    assert Client().get("/council/")["Location"] == "/sign-in/?next=/council/"
