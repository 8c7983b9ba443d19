"""The retention pages: the rules on the council settings page, the review queue and its three decisions."""

from collections.abc import Callable

from django.test import Client

from frontdoor.accounts.models import User
from frontdoor.people.models import Person
from frontdoor.records.models import Event
from frontdoor.retention.models import RecordClass, RetentionReview, RetentionRule
from frontdoor.retention.rules import current_rules
from tests.retention.conftest import Family

ClientFor = Callable[[User], Client]


def test_an_administrator_changes_a_retention_period_on_the_council_settings_page(
    administrator: User, client_for: ClientFor
) -> None:
    client = client_for(administrator)
    rule = current_rules()[RecordClass.CHILDRENS_SOCIAL_CARE]
    page = client.get("/council/")
    assert b"Retention of records" in page.content and b"25 years from the date of birth" in page.content
    response = client.post(f"/retention/rules/{rule.pk}/", {"years": "30", "version": rule.version})
    assert response.status_code == 302
    assert RetentionRule.objects.get(pk=rule.pk).years == 30
    assert Event.objects.get(kind="retention.rule_changed").data == {
        "record_class": "childrens_social_care",
        "from": 25,
        "to": 30,
    }


def test_a_statutory_period_cannot_be_shortened(administrator: User, client_for: ClientFor) -> None:
    rule = current_rules()[RecordClass.LOOKED_AFTER]
    response = client_for(administrator).post(f"/retention/rules/{rule.pk}/", {"years": "25", "version": rule.version})
    assert b"The law sets at least 75 years" in response.content
    assert RetentionRule.objects.get(pk=rule.pk).years == 75


def test_only_an_administrator_changes_retention_periods(service_manager: User, client_for: ClientFor) -> None:
    rule = current_rules()[RecordClass.CHILDRENS_SOCIAL_CARE]
    assert (
        client_for(service_manager).post(f"/retention/rules/{rule.pk}/", {"years": "1", "version": 1}).status_code
        == 403
    )
    assert RetentionRule.objects.get(pk=rule.pk).years == 25


def test_a_team_manager_cannot_see_the_review_queue(team_manager: User, client_for: ClientFor) -> None:
    assert client_for(team_manager).get("/retention/").status_code == 403


def test_a_service_manager_sees_the_records_due(
    due: RetentionReview, service_manager: User, client_for: ClientFor
) -> None:
    page = client_for(service_manager).get("/retention/")
    assert b"Records due for retention review" in page.content
    assert b"Zebedee Quarrington" in page.content and b"1 record to review" in page.content


def test_anonymising_asks_for_confirmation_first(
    due: RetentionReview, service_manager: User, client_for: ClientFor
) -> None:
    client = client_for(service_manager)
    url = f"/retention/{due.pk}/anonymise/"
    assert b"This cannot be undone" in client.get(url).content
    refused = client.post(url, {})
    assert b"Confirm that the record is to be anonymised" in refused.content
    assert Person.objects.get(pk=due.person_id).first_name == "Zebedee"
    assert client.post(url, {"confirmed": "on"}).status_code == 302
    assert Person.objects.get(pk=due.person_id).first_name == "Anonymised"


def test_a_manager_keeps_a_record_for_now_with_a_reason(
    due: RetentionReview, service_manager: User, client_for: ClientFor
) -> None:
    client = client_for(service_manager)
    refused = client.post(
        f"/retention/{due.pk}/keep/", {"keep-until_day": "1", "keep-until_month": "1", "keep-until_year": "2030"}
    )
    assert refused.status_code == 400 and b"Enter why the record is kept" in refused.content
    kept = client.post(
        f"/retention/{due.pk}/keep/",
        {
            "keep-until_day": "1",
            "keep-until_month": "1",
            "keep-until_year": "2030",
            "keep-reason": "His sister's proceedings",
        },
    )
    assert kept.status_code == 302
    assert RetentionReview.objects.get(pk=due.pk).status == RetentionReview.Status.DEFERRED


def test_a_manager_places_a_legal_hold(due: RetentionReview, administrator: User, client_for: ClientFor) -> None:
    response = client_for(administrator).post(f"/retention/{due.pk}/hold/", {"hold-reason": "Northshire inquiry"})
    assert response.status_code == 302
    review = RetentionReview.objects.get(pk=due.pk)
    assert (review.status, review.reason, review.decided_by) == ("held", "Northshire inquiry", administrator)


def test_opening_a_review_is_logged_as_an_access(
    due: RetentionReview, administrator: User, client_for: ClientFor
) -> None:
    from frontdoor.records.models import AccessLog

    client_for(administrator).get(f"/retention/{due.pk}/")
    assert AccessLog.objects.filter(child=due.person, user=administrator, viewed="retention review").exists()


def test_look_for_records_now_runs_the_review(family: Family, service_manager: User, client_for: ClientFor) -> None:
    response = client_for(service_manager).post("/retention/review-now/")
    assert response.status_code == 302
    assert RetentionReview.objects.filter(person=family.zebedee).exists()
