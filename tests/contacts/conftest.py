from collections.abc import Callable
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from frontdoor.accounts.models import User
from frontdoor.contacts import services
from frontdoor.contacts.defaults import install_default_threshold_model
from frontdoor.contacts.models import Contact, ThresholdCriterion, ThresholdLevel
from frontdoor.people.models import Person
from tests.factories import PersonFactory

LONDON = ZoneInfo("Europe/London")


@pytest.fixture
def levels(db: None) -> dict[int, ThresholdLevel]:
    """The council's default levels of need (a reset database loses the migration's copy)."""
    if not ThresholdLevel.objects.exists():
        install_default_threshold_model(ThresholdLevel, ThresholdCriterion)
    return {level.number: level for level in ThresholdLevel.objects.all()}


@pytest.fixture
def ruby(db: None) -> Person:
    return PersonFactory(first_name="Ruby", last_name="Okafor", date_of_birth=date(2019, 2, 14), sex="F")


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=LONDON)


@pytest.fixture
def record(levels: dict[int, ThresholdLevel]) -> Callable[..., Contact]:
    """Record a contact through the service, with sensible details unless told otherwise."""

    def make(by: User, *children: Person, **overrides: Any) -> Contact:
        details: dict[str, Any] = {
            "received_at": timezone.now(),
            "channel": "phone",
            "source": "2A",
            "referrer": services.Referrer("Mrs Patel", "Designated safeguarding lead", "Northbridge Primary"),
            "children": [services.ChildOnContact(person=child) for child in children],
            "concern": "Ruby came to school with bruises on her arm and said her dad had grabbed her.",
        }
        return services.record_contact(by=by, **{**details, **overrides})

    return make
