"""Two people taking the same one-way step at the same moment: one succeeds, the other is refused.

Steps guarded by a status (deciding a contact, agreeing a decision, concluding a
section 47 enquiry) re-read their row under `select_for_update()`
(frontdoor.records.concurrency.lock_for_update) before checking the status, so
the second person waits for the first to finish and then sees the step taken.

These tests need PostgreSQL, where two transactions really do run at once.
SQLite runs one writing transaction at a time (BEGIN IMMEDIATE), so the race
cannot happen there and there is nothing to test.
"""

import contextlib
import threading
from collections.abc import Callable
from datetime import date, timedelta

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone

from frontdoor.accounts.models import User
from frontdoor.accounts.roles import Role
from frontdoor.casework import services as casework
from frontdoor.contacts import services as contacts
from frontdoor.contacts.defaults import install_default_threshold_model
from frontdoor.contacts.models import Contact, ThresholdCriterion, ThresholdDecision, ThresholdLevel
from frontdoor.protection import services as protection
from frontdoor.protection.models import Section47, StrategyChild
from frontdoor.records.models import Event
from tests.conftest import make_user
from tests.factories import PersonFactory

pytestmark = [
    pytest.mark.skipif(
        settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
        reason="SQLite serialises writing transactions (BEGIN IMMEDIATE), so two saves never overlap: "
        "the race needs PostgreSQL",
    ),
    pytest.mark.django_db(transaction=True),
]

# How long the first to finish keeps its transaction open for the other to catch up.
HOLD_SECONDS = 2.0


def at_the_same_moment(*steps: Callable[[], object]) -> list[str]:
    """Run the steps in threads released together, each on its own connection; say how each ended.

    A thread that finishes its step keeps its transaction open until the other has
    finished too, or HOLD_SECONDS have passed. So the second always takes the step
    while the first is still uncommitted: the moment a missing lock lets both pass
    their status check (both then finish, and both commit).
    """
    start, finished = threading.Barrier(len(steps)), threading.Barrier(len(steps))
    outcomes: list[str] = []

    def take(step: Callable[[], object]) -> None:
        try:
            start.wait(timeout=10)
            with transaction.atomic():
                try:
                    step()
                except ValidationError as refusal:
                    outcomes.append(f"refused: {' '.join(refusal.messages)}")
                    return
                # Broken after HOLD_SECONDS when the other waits for our row lock: commit and let it go on.
                with contextlib.suppress(threading.BrokenBarrierError):
                    finished.wait(timeout=HOLD_SECONDS)
            outcomes.append("done")
        except Exception as error:  # reported by the test, not lost in the thread
            outcomes.append(f"failed: {error!r}")
        finally:
            connection.close()

    threads = [threading.Thread(target=take, args=(step,)) for step in steps]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in threads), "a thread never finished: a deadlock?"
    return sorted(outcomes)


def a_contact_about(by: User) -> Contact:
    if not ThresholdLevel.objects.exists():
        install_default_threshold_model(ThresholdLevel, ThresholdCriterion)
    return contacts.record_contact(
        by=by,
        received_at=timezone.now(),
        channel="phone",
        source="2A",
        referrer=contacts.Referrer("Mrs Patel", "Designated safeguarding lead", "Northbridge Primary"),
        children=[contacts.ChildOnContact(person=PersonFactory(first_name="Ruby", date_of_birth=date(2019, 2, 14)))],
        concern="Ruby came to school with bruises on her arm and said her dad had grabbed her.",
    )


def test_two_officers_deciding_one_child_at_once_make_one_decision() -> None:
    first, second = make_user(Role.CONTACT_OFFICER), make_user(Role.TEAM_MANAGER)
    child = a_contact_about(first).children.get()
    level = ThresholdLevel.objects.get(number=4)

    def decide(by: User) -> Callable[[], object]:
        return lambda: contacts.decide(
            contact_child=child, by=by, level=level, outcome="strategy", rationale="Injury and disclosure", rag="red"
        )

    outcomes = at_the_same_moment(decide(first), decide(second))

    assert outcomes[0] == "done"
    assert outcomes[1] == "refused: This contact is closed", outcomes
    assert ThresholdDecision.objects.filter(contact_child=child).count() == 1
    assert Event.objects.filter(kind="contact.decided").count() == 1
    assert child.person.referrals.count() == 1


def test_two_managers_agreeing_one_decision_at_once_agree_it_once() -> None:
    officer = make_user(Role.CONTACT_OFFICER)
    managers = make_user(Role.TEAM_MANAGER), make_user(Role.SERVICE_MANAGER)
    child = a_contact_about(officer).children.get()
    decision = contacts.decide(
        contact_child=child,
        by=officer,
        level=ThresholdLevel.objects.get(number=1),
        outcome="advice",
        rationale="Advice to the school on first aid and recording",
        rag="green",
    )

    outcomes = at_the_same_moment(
        *(lambda by=by: contacts.authorise_decision(decision=decision, by=by) for by in managers)
    )

    assert outcomes[0] == "done"
    assert outcomes[1] == "refused: This decision is not waiting for a manager", outcomes
    assert Event.objects.filter(kind="contact.decision_authorised").count() == 1
    assert Event.objects.filter(kind="contact.closed").count() == 1


def test_two_workers_concluding_one_section_47_at_once_conclude_it_once() -> None:
    worker, colleague = make_user(Role.SOCIAL_WORKER), make_user(Role.SENIOR_PRACTITIONER)
    today = timezone.localdate()
    referral = casework.open_referral(
        person=PersonFactory(), by=worker, referral_date=today - timedelta(days=3), source="5A"
    )
    protection.record_strategy_discussion(
        by=worker,
        held_at=timezone.now() - timedelta(days=2),
        kind="meeting",
        information_shared="Disclosure of physical harm at school.",
        children=[protection.ChildDecision(referral, StrategyChild.Decision.S47_JOINT, "Disclosure of harm.")],
        participants=[protection.Participant("police", "DC Sam Reid", "Child abuse investigation team")],
    )
    enquiry = Section47.objects.get(referral=referral)

    def conclude(by: User, outcome: str) -> Callable[[], object]:
        return lambda: protection.record_section_47_outcome(
            section_47=enquiry,
            by=by,
            outcome=outcome,
            completed_on=today,
            conference_needed=False,
            not_required_reason="Family working with the plan",
        )

    outcomes = at_the_same_moment(
        conclude(worker, Section47.Outcome.NOT_SUBSTANTIATED),
        conclude(colleague, Section47.Outcome.SUBSTANTIATED_NOT_CONTINUING),
    )

    assert outcomes[0] == "done"
    assert outcomes[1] == "refused: This enquiry is already concluded", outcomes
    assert Event.objects.filter(kind="section47.concluded").count() == 1
    enquiry.refresh_from_db()
    concluded = Event.objects.get(kind="section47.concluded").data["outcome"]
    assert enquiry.outcome == concluded
