"""Deciding a contact through the front door's own services, for the partner portal's tests."""

from frontdoor.accounts.models import User
from frontdoor.contacts import services
from frontdoor.contacts.defaults import install_default_threshold_model
from frontdoor.contacts.models import Contact, ThresholdCriterion, ThresholdLevel


def decide_no_further_action(contact: Contact, officer: User, manager: User) -> None:
    if not ThresholdLevel.objects.exists():
        install_default_threshold_model(ThresholdLevel, ThresholdCriterion)
    decision = services.decide(
        contact_child=contact.children.get(),
        by=officer,
        level=ThresholdLevel.objects.get(number=1),
        outcome="nfa",
        rationale="Universal services can meet this: the school is helping.",
        rag="green",
    )
    services.authorise_decision(decision=decision, by=manager)
