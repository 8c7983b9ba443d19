"""The UK day the database keeps beside each contact's, decision's and call's time, which figures count on."""

from datetime import UTC, date, datetime

import pytest

from frontdoor.accounts.models import User
from frontdoor.accounts.roles import Role
from frontdoor.contacts.calls import import_call_log
from frontdoor.contacts.models import Call, Contact, ContactChild, ThresholdDecision, ThresholdLevel
from tests.conftest import make_user
from tests.contacts.test_calls import log
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

# 23:30 UTC on 30 June is 00:30 on 1 July in the UK; in winter UTC and UK days are the same.
SUMMER_NIGHT = datetime(2026, 6, 30, 23, 30, tzinfo=UTC)
WINTER_NIGHT = datetime(2026, 1, 30, 23, 30, tzinfo=UTC)


def a_contact(received: datetime, by: User) -> Contact:
    return Contact.objects.create(received_at=received, channel="phone", source="6", concern="Worried.", recorded_by=by)


def test_a_contact_counts_on_the_day_it_was_received_in_the_uk() -> None:
    officer = make_user(Role.CONTACT_OFFICER)
    summer, winter = a_contact(SUMMER_NIGHT, officer), a_contact(WINTER_NIGHT, officer)

    days = dict(Contact.objects.values_list("pk", "received_on"))

    assert days == {summer.pk: date(2026, 7, 1), winter.pk: date(2026, 1, 30)}


def test_moving_a_contacts_time_moves_its_day() -> None:
    contact = a_contact(WINTER_NIGHT, make_user(Role.CONTACT_OFFICER))

    Contact.objects.filter(pk=contact.pk).update(received_at=SUMMER_NIGHT)

    assert Contact.objects.get(pk=contact.pk).received_on == date(2026, 7, 1)


def test_a_decision_counts_on_the_day_it_was_made_in_the_uk(levels: dict[int, ThresholdLevel]) -> None:
    officer = make_user(Role.CONTACT_OFFICER)
    child = ContactChild.objects.create(contact=a_contact(WINTER_NIGHT, officer), person=PersonFactory())
    decision = ThresholdDecision.objects.create(
        contact_child=child, level=levels[1], outcome="nfa",
        rationale="Why.", rag="green", status="decided", decided_by=officer, decided_at=SUMMER_NIGHT,
    )  # fmt: skip

    assert ThresholdDecision.objects.get(pk=decision.pk).decided_on == date(2026, 7, 1)


def test_a_call_from_the_telephony_log_counts_on_the_uk_day_it_was_offered() -> None:
    import_call_log(
        file=log("late,2026-06-30T23:30:00Z,2026-06-30T23:30:10Z,,Front door,Amira,0"),
        by=make_user(Role.PERFORMANCE_ANALYST),
    )

    assert Call.objects.get(call_id="late").offered_on == date(2026, 7, 1)
