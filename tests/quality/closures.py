"""Contacts the front door closed without a service, for the audit programme's tests."""

from datetime import datetime, time, timedelta

from django.utils import timezone

from frontdoor.accounts.models import User
from frontdoor.contacts import services as contacts
from frontdoor.contacts.defaults import install_default_threshold_model
from frontdoor.contacts.models import Contact, ThresholdCriterion, ThresholdLevel
from frontdoor.timescales.clocks import add_months
from tests.factories import PersonFactory

LAST_MONTH = add_months(timezone.localdate().replace(day=1), -1)
# The first week that starts in last month; it has ended, whatever today is.
MONDAY = LAST_MONTH + timedelta(days=(7 - LAST_MONTH.weekday()) % 7)


def threshold_levels() -> dict[int, ThresholdLevel]:
    """The council's default levels of need (a reset database loses the migration's copy)."""
    if not ThresholdLevel.objects.exists():
        install_default_threshold_model(ThresholdLevel, ThresholdCriterion)
    return {level.number: level for level in ThresholdLevel.objects.all()}


def closed_contact(officer: User, manager: User, outcome: str = "nfa") -> Contact:
    """A contact decided by the officer, agreed by their manager where it closes without a service."""
    child = PersonFactory()
    contact = contacts.record_contact(
        by=officer,
        received_at=timezone.now(),
        channel="phone",
        source="2A",
        referrer=contacts.Referrer("Mrs Patel", "Designated safeguarding lead", "Northbridge Primary"),
        children=[contacts.ChildOnContact(person=child)],
        concern="Late to school twice this term; no other worries.",
    )
    levels = threshold_levels()
    level = levels[1] if outcome == "nfa" else levels[3]
    decision = contacts.decide(
        contact_child=contact.children.get(),
        by=officer,
        level=level,
        outcome=outcome,
        rationale="Universal services are meeting the need.",
        rag="green",
    )
    if outcome == "nfa":
        contacts.authorise_decision(decision=decision, by=manager)
    closed = timezone.make_aware(datetime.combine(MONDAY + timedelta(days=2), time(12)))
    Contact.objects.filter(pk=contact.pk).update(closed_at=closed)
    contact.refresh_from_db()
    return contact
