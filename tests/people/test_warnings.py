from datetime import date, timedelta

from django.utils import timezone

from frontdoor.accounts.models import User
from frontdoor.people.models import Warning
from frontdoor.people.safety import raise_warning
from tests.factories import PersonFactory


def future(days: int = 30) -> date:
    return timezone.localdate() + timedelta(days=days)


def test_a_warning_is_shown_at_the_top_of_every_page_and_in_search(client_for, social_worker: User) -> None:
    person = PersonFactory(first_name="Darren", last_name="Cole", date_of_birth=date(1980, 4, 4))
    raise_warning(person=person, by=social_worker, kind="risk_to_staff", details="Visit in pairs", review_on=future())
    client = client_for(social_worker)
    for path in (f"/people/{person.pk}/", f"/people/{person.pk}/family/", f"/people/{person.pk}/edit/"):
        assert "Risk to staff: Visit in pairs" in client.get(path).content.decode(), path
    assert "Warning: Risk to staff" in client.get("/people/?q=darren+cole").content.decode()


def test_a_warning_needs_a_review_date_in_the_future(client_for, social_worker: User) -> None:
    person = PersonFactory()
    page = (
        client_for(social_worker)
        .post(
            f"/people/{person.pk}/warnings/add/",
            {
                "kind": "dog",
                "details": "Large dog",
                "review_on_day": "1",
                "review_on_month": "1",
                "review_on_year": "2020",
            },
        )
        .content.decode()
    )
    assert "Review date must be in the future" in page
    assert not Warning.objects.exists()


def test_managers_see_warnings_overdue_for_review(client_for, team_manager: User, social_worker: User) -> None:
    person = PersonFactory(first_name="Darren", last_name="Cole")
    warning = raise_warning(person=person, by=social_worker, kind="dog", details="Large dog", review_on=future())
    Warning.objects.filter(pk=warning.pk).update(review_on=timezone.localdate() - timedelta(days=3))
    assert client_for(social_worker).get("/people/warnings/overdue/").status_code == 403
    page = client_for(team_manager).get("/people/warnings/overdue/").content.decode()
    assert "Darren Cole" in page
    assert "1 warning overdue for review" in client_for(team_manager).get("/").content.decode()


def test_reviewing_and_ending_a_warning(client_for, social_worker: User) -> None:
    person = PersonFactory()
    warning = raise_warning(person=person, by=social_worker, kind="dog", details="Large dog", review_on=future())
    client = client_for(social_worker)
    later = future(90)
    client.post(
        f"/people/{person.pk}/warnings/{warning.pk}/review/",
        {"next_review_on_day": later.day, "next_review_on_month": later.month, "next_review_on_year": later.year},
    )
    warning.refresh_from_db()
    assert warning.review_on == later
    client.post(f"/people/{person.pk}/warnings/{warning.pk}/end/", {"reason": "The dog has been rehomed"})
    warning.refresh_from_db()
    assert (warning.ended_by, warning.end_reason) == (social_worker, "The dog has been rehomed")
    assert "Large dog" not in client.get(f"/people/{person.pk}/family/").content.decode()
