from django.test import Client

from frontdoor.accounts.models import User
from frontdoor.records.models import AccessLog
from tests.factories import PersonFactory


def test_reading_a_child_writes_an_access_log_row(client_for, social_worker: User) -> None:
    child = PersonFactory(first_name="Jayden", last_name="Smith")
    response = client_for(social_worker).get(f"/people/{child.pk}/")
    assert response.status_code == 200
    assert "Jayden Smith" in response.content.decode()
    row = AccessLog.objects.get()
    assert (row.user, row.child, row.viewed, row.path) == (
        social_worker,
        child,
        "person page",
        f"/people/{child.pk}/",
    )


def test_reading_a_child_through_the_api_is_logged_too(client_for, social_worker: User) -> None:
    child = PersonFactory()
    response = client_for(social_worker).get(f"/api/v1/people/{child.pk}/")
    assert response.status_code == 200
    assert response.json()["last_name"] == child.last_name
    assert AccessLog.objects.get().viewed == "person (API)"


def test_administrators_and_partners_cannot_read_children(client_for, administrator: User, partner: User) -> None:
    child = PersonFactory()
    for user in (administrator, partner):
        assert client_for(user).get(f"/people/{child.pk}/").status_code == 403
        assert client_for(user).get(f"/api/v1/people/{child.pk}/").status_code == 403
        # Whether a record exists is not given away either.
        assert client_for(user).get("/people/999999/").status_code == 403
    refused = AccessLog.objects.filter(allowed=False)
    assert refused.count() == 4
    assert set(refused.values_list("user", flat=True)) == {administrator.pk, partner.pk}


def test_a_missing_child_is_not_found_and_not_logged(client_for, social_worker: User) -> None:
    assert client_for(social_worker).get("/people/999999/").status_code == 404
    assert not AccessLog.objects.exists()


def test_a_signed_out_visitor_is_sent_to_sign_in_and_sees_nothing(db: None) -> None:
    child = PersonFactory()
    response = Client().get(f"/people/{child.pk}/")
    assert response.status_code == 302
    assert response["Location"] == f"/sign-in/?next=/people/{child.pk}/"
    assert not AccessLog.objects.exists()
