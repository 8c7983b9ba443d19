"""Information sharing: each disclosure logged with its lawful basis; partners' requests answered on a clock."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from frontdoor.accounts.models import User
from frontdoor.partners import sharing
from frontdoor.partners.models import InformationRequest, InformationShare
from frontdoor.people.models import Person
from frontdoor.records.models import Event
from frontdoor.timescales.calendar import add_working_days
from tests.factories import PersonFactory

TODAY = timezone.localdate()


@pytest.fixture
def ruby(db: None) -> Person:
    return PersonFactory(first_name="Ruby", last_name="Okafor")


def asked(urgent: bool = False) -> sharing.Asked:
    return sharing.Asked(
        agency="health",
        requester="Jo Bell, health visitor",
        organisation="Northbridge Health Visiting",
        asked_for="Is the family known to children's services?",
        purpose="Mother disclosed domestic abuse at a new birth visit.",
        received_at=timezone.now(),
        urgent=urgent,
    )


def disclosure(**overrides: object) -> sharing.Disclosure:
    details: dict[str, object] = {
        "agency": "health",
        "recipient": "Jo Bell, health visitor",
        "organisation": "Northbridge Health Visiting",
        "shared_on": TODAY,
        "what": "Open to the front door since June; two police notifications this year.",
        "purpose": "To plan the health visitor's next contact safely.",
        "basis": "public_task",
        "condition": "safeguarding",
        "family_informed": True,
    }
    return sharing.Disclosure(**{**details, **overrides})  # type: ignore[arg-type]


def test_a_request_is_due_in_three_working_days_or_one_when_urgent(contact_officer: User, ruby: Person) -> None:
    usual = sharing.record_request(person=ruby, by=contact_officer, asked=asked())
    urgent = sharing.record_request(person=ruby, by=contact_officer, asked=asked(urgent=True))
    assert usual.due_on == add_working_days(TODAY, 3) and urgent.due_on == add_working_days(TODAY, 1)
    assert Event.objects.filter(kind="sharing.requested", child=ruby).count() == 2


def test_answering_a_request_logs_what_was_shared_and_closes_it(contact_officer: User, ruby: Person) -> None:
    request = sharing.record_request(person=ruby, by=contact_officer, asked=asked())
    share = sharing.record_share(person=ruby, by=contact_officer, disclosure=disclosure(), request=request)
    request.refresh_from_db()
    assert request.status == InformationRequest.Status.ANSWERED and share.request == request
    with pytest.raises(ValidationError, match="not open"):
        sharing.record_share(person=ruby, by=contact_officer, disclosure=disclosure(), request=request)


def test_sharing_without_telling_the_family_says_why(contact_officer: User, ruby: Person) -> None:
    with pytest.raises(ValidationError, match="why the family was not told"):
        sharing.record_share(person=ruby, by=contact_officer, disclosure=disclosure(family_informed=False))
    share = sharing.record_share(
        person=ruby,
        by=contact_officer,
        disclosure=disclosure(family_informed=False, not_informed_reason="Telling father would put Ruby at risk"),
    )
    assert share.not_informed_reason == "Telling father would put Ruby at risk"


def test_a_disclosure_in_the_future_or_without_a_basis_is_refused(contact_officer: User, ruby: Person) -> None:
    with pytest.raises(ValidationError) as refused:
        sharing.record_share(
            person=ruby, by=contact_officer, disclosure=disclosure(shared_on=TODAY + timedelta(days=1), basis="")
        )
    assert set(refused.value.message_dict) == {"shared_on", "basis"}
    assert not InformationShare.objects.exists()


def test_declining_a_request_needs_the_reason(contact_officer: User, ruby: Person) -> None:
    request = sharing.record_request(person=ruby, by=contact_officer, asked=asked())
    with pytest.raises(ValidationError, match="Say why"):
        sharing.decline_request(request=request, by=contact_officer, reason="")
    sharing.decline_request(request=request, by=contact_officer, reason="Not known to us; no consent to search")
    assert InformationRequest.objects.get().status == "declined"


def test_only_the_front_door_and_social_workers_share(partner: User, qa_officer: User, ruby: Person) -> None:
    for user in (partner, qa_officer):
        with pytest.raises(PermissionDenied):
            sharing.record_share(person=ruby, by=user, disclosure=disclosure())


def test_requests_are_answered_from_the_pages_and_shown_on_the_childs_record(
    client_for, contact_officer: User, ruby: Person
) -> None:
    client = client_for(contact_officer)
    client.post(
        f"/partners/sharing/people/{ruby.pk}/requests/new/",
        {
            "agency": "education",
            "organisation": "Northbridge Primary",
            "requester": "Mrs Patel, DSL",
            "asked_for": "Any police notifications?",
            "purpose": "Ruby disclosed at school.",
            "urgent": "on",
        },
    )
    request = InformationRequest.objects.get()
    listed = client.get("/partners/sharing/").content.decode()
    assert request.get_absolute_url() in listed and "Urgent" in listed
    answer = client.post(
        request.get_absolute_url(),
        {
            "agency": "education",
            "organisation": "Northbridge Primary",
            "recipient": "Mrs Patel, DSL",
            "shared_on_day": TODAY.day,
            "shared_on_month": TODAY.month,
            "shared_on_year": TODAY.year,
            "what": "One notification in May.",
            "purpose": "To support Ruby in school.",
            "basis": "public_task",
            "condition": "none",
            "family_informed": "yes",
        },
    )
    assert answer.status_code == 302
    person_page = client.get(f"/people/{ruby.pk}/").content.decode()
    assert "Shared with Mrs Patel, DSL, Northbridge Primary" in person_page


@pytest.mark.parametrize("path", ["/partners/sharing/"])
def test_partners_and_analysts_cannot_see_the_sharing_log(
    client_for, partner: User, performance_analyst: User, path: str
) -> None:
    assert client_for(partner).get(path).status_code == 403
    assert client_for(performance_analyst).get(path).status_code == 403
