"""The police system sends notifications through the API; the front door reads and matches them there too."""

from datetime import date, timedelta

from django.utils import timezone

from frontdoor.accounts.models import User
from frontdoor.partners.models import NotificationPerson, PoliceNotification
from frontdoor.records.models import AccessLog
from tests.conftest import api_client
from tests.factories import PersonFactory


def body(reference: str = "PPN-7") -> dict[str, object]:
    return {
        "notifications": [
            {
                "police_reference": reference,
                "incident_at": (timezone.now() - timedelta(hours=8)).isoformat(),
                "kind": "domestic_abuse",
                "dash_risk": "high",
                "marac_referral": True,
                "summary": "Father threatened mother with a knife; both children present.",
                "people": [
                    {"role": "child_present", "first_name": "Leo", "last_name": "Shaw", "date_of_birth": "2015-03-02"},
                    {"role": "alleged_perpetrator", "first_name": "Carl", "last_name": "Shaw"},
                ],
            }
        ]
    }


def test_the_police_send_a_notification_and_sending_it_again_keeps_one(contact_officer: User) -> None:
    leo = PersonFactory(first_name="Leo", last_name="Shaw", date_of_birth=date(2015, 3, 2))
    client = api_client(contact_officer)
    sent = client.post("/api/v1/police-notifications/", body(), content_type="application/json")
    assert sent.status_code == 201, sent.content
    (notification_id,) = sent.json()["received"]
    again = client.post("/api/v1/police-notifications/", body(), content_type="application/json")
    assert again.json() == {"received": [], "repeated": ["PPN-7"]}
    assert PoliceNotification.objects.count() == 1
    read = client.get(f"/api/v1/police-notifications/{notification_id}/").json()
    child = next(p for p in read["people"] if p["role"] == "child_present")
    assert child["suggestions"][0]["person"] == leo.pk and child["person"] is None
    matched = client.post(
        f"/api/v1/police-notifications/people/{child['id']}/match/", {"person": leo.pk}, content_type="application/json"
    )
    assert matched.status_code == 200
    assert NotificationPerson.objects.get(pk=child["id"]).person == leo
    assert AccessLog.objects.filter(child=leo, viewed="police notification match (API)").exists()
    client.get(f"/api/v1/police-notifications/{notification_id}/")
    assert AccessLog.objects.filter(child=leo, viewed="police notification (API)").exists()


def test_a_notification_the_service_refuses_comes_back_as_a_problem(contact_officer: User) -> None:
    sent = body()
    sent["notifications"][0]["people"] = [{"role": "victim", "first_name": "Ann", "last_name": "Lee"}]  # type: ignore[index]
    answer = api_client(contact_officer).post("/api/v1/police-notifications/", sent, content_type="application/json")
    assert answer.status_code == 400 and "at least one child" in answer.content.decode()
    assert not PoliceNotification.objects.exists()


def test_a_partner_or_analyst_cannot_read_or_send_notifications(partner: User, performance_analyst: User) -> None:
    for user in (partner, performance_analyst):
        client = api_client(user)
        assert client.get("/api/v1/police-notifications/").status_code == 403
        assert client.post("/api/v1/police-notifications/", body(), content_type="application/json").status_code == 403
