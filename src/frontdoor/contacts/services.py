"""Contacts and their decisions: every change is one transaction with its event.

A contact closes only here, in _settle, when every child on it has a final
decision: one that needs no authorisation, or one a manager has agreed. No
page or endpoint can close a contact any other way.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from frontdoor.accounts.models import LocalAuthority, User
from frontdoor.accounts.roles import Capability
from frontdoor.casework.queries import open_referrals_of
from frontdoor.casework.services import open_referral
from frontdoor.codes import ReferralSource
from frontdoor.contacts.models import (
    CLOSING_OUTCOMES,
    REFERRAL_OUTCOMES,
    Call,
    Channel,
    ConcernCategory,
    Consent,
    Contact,
    ContactAdult,
    ContactChild,
    FamilyAware,
    FrontDoorPolicy,
    Outcome,
    Rag,
    ThresholdCriterion,
    ThresholdDecision,
    ThresholdLevel,
)
from frontdoor.earlyhelp.services import request_early_help
from frontdoor.people.models import Person
from frontdoor.records.concurrency import lock_for_update
from frontdoor.records.services import record_event

# A clock a few minutes fast should not stop someone recording a contact just received.
CLOCK_SKEW = timedelta(minutes=5)


@dataclass(frozen=True)
class Referrer:
    name: str = ""
    role: str = ""
    organisation: str = ""
    phone: str = ""
    email: str = ""


@dataclass(frozen=True)
class ChildOnContact:
    person: Person | None = None
    unidentified_details: str = ""
    follow_up: str = ""


@dataclass(frozen=True)
class AdultOnContact:
    person: Person
    role: str


def _require(by: User, capability: Capability, message: str) -> None:
    if not by.can(capability):
        raise PermissionDenied(message)


def _check_contact(
    *,
    received_at: datetime,
    channel: str,
    source: str,
    concern: str,
    categories: Iterable[str],
    children: Sequence[ChildOnContact],
    rag: str,
    family_aware: str,
    consent: str,
) -> None:
    problems: dict[str, str] = {}
    if received_at > timezone.now() + CLOCK_SKEW:
        problems["received_at"] = "When it was received must be now or in the past"
    if channel not in Channel.values:
        problems["channel"] = "Choose how the contact came in"
    if source not in ReferralSource.values:
        problems["source"] = "Choose who the contact is from"
    if not concern.strip():
        problems["concern"] = "Enter the concern in the referrer's words"
    if unknown := set(categories) - set(ConcernCategory.values):
        problems["categories"] = f"Unknown concern categories: {', '.join(sorted(unknown))}"
    if not children:
        problems["children"] = "Add at least one child: find them, add them, or describe a child not yet identified"
    for child in children:
        if child.person is None and not child.unidentified_details.strip():
            problems["children"] = "Describe each child not yet identified: name, age, school or address"
    people = [c.person.pk for c in children if c.person is not None]
    if len(people) != len(set(people)):
        problems["children"] = "A child is on the contact twice"
    if rag not in Rag.values:
        problems["rag"] = "Choose a priority"
    if family_aware not in FamilyAware.values:
        problems["family_aware"] = "Choose whether the family knows about the contact"
    if consent not in Consent.values:
        problems["consent"] = "Choose whether the family consents"
    if problems:
        raise ValidationError(problems)


@transaction.atomic
def record_contact(
    *,
    by: User,
    received_at: datetime,
    channel: str,
    source: str,
    referrer: Referrer,
    children: Sequence[ChildOnContact],
    concern: str,
    adults: Sequence[AdultOnContact] = (),
    categories: Sequence[str] = (),
    immediate_danger: bool = False,
    childs_views: str = "",
    rag: str = Rag.GREEN,
    family_aware: str = FamilyAware.NOT_KNOWN,
    consent: str = Consent.NOT_KNOWN,
    call_id: str = "",
    idempotency_key: str | None = None,
) -> Contact:
    """Record a contact about one or more children. The same idempotency key twice gives one contact."""
    if not (channel == Channel.ONLINE and by.can(Capability.SUBMIT_REFERRALS)):
        _require(by, Capability.RECORD_CONTACTS, "Your role cannot record contacts")
    elif any(c.person is not None for c in children):
        # A partner cannot see the people index, so cannot name a record in it: the front door matches.
        raise PermissionDenied("A partner describes the child; the front door finds them in the people index")
    if idempotency_key and (existing := Contact.objects.filter(idempotency_key=idempotency_key).first()):
        return existing
    _check_contact(
        received_at=received_at,
        channel=channel,
        source=source,
        concern=concern,
        categories=categories,
        children=children,
        rag=rag,
        family_aware=family_aware,
        consent=consent,
    )
    council = LocalAuthority.load()
    call = Call.objects.get_or_create(call_id=call_id.strip())[0] if call_id.strip() else None
    contact = Contact(
        received_at=received_at,
        channel=channel,
        source=source,
        referrer_name=referrer.name.strip(),
        referrer_role=referrer.role.strip(),
        referrer_organisation=referrer.organisation.strip(),
        referrer_phone=referrer.phone.strip(),
        referrer_email=referrer.email.strip(),
        family_aware=family_aware,
        consent=consent,
        concern=concern.strip(),
        categories=list(categories),
        immediate_danger=immediate_danger,
        childs_views=childs_views.strip(),
        rag=rag,
        out_of_hours=not council.is_office_hours(received_at),
        call=call,
        idempotency_key=idempotency_key or None,
        recorded_by=by,
    )
    try:
        # A savepoint: a retry racing this one wins, and we return its contact.
        with transaction.atomic():
            contact.save()
    except IntegrityError:
        if idempotency_key:
            return Contact.objects.get(idempotency_key=idempotency_key)
        raise
    ContactChild.objects.bulk_create(
        ContactChild(
            contact=contact,
            person=c.person,
            unidentified_details=c.unidentified_details.strip(),
            follow_up=c.follow_up.strip(),
        )
        for c in children
    )
    ContactAdult.objects.bulk_create(ContactAdult(contact=contact, person=a.person, role=a.role) for a in adults)
    who = ", ".join(c.person.full_name if c.person else "a child not yet identified" for c in children)
    subjects: list[Person | None] = [c.person for c in children if c.person]
    for child in subjects or [None]:
        record_event(
            kind="contact.recorded",
            by=by,
            child=child,
            record=contact,
            occurred_at=received_at,
            summary=f"Contact {contact.reference} about {who} from {contact.get_source_display().lower()}",
            data={"channel": channel, "rag": rag, "immediate_danger": immediate_danger},
        )
    return contact


def current_decision(contact_child: ContactChild) -> ThresholdDecision | None:
    """The decision that stands: the latest, unless a manager returned it."""
    latest = contact_child.decisions.order_by("-decided_at", "-id").first()
    return None if latest is None or latest.status == ThresholdDecision.Status.RETURNED else latest


def _settle(contact: Contact, *, by: User) -> None:
    """Work out the contact's status from its children's decisions; close it when all are final."""
    statuses = []
    for child in contact.children.all():
        decision = current_decision(child)
        statuses.append(decision.status if decision else None)
    if any(status is None for status in statuses):
        status = Contact.Status.OPEN
    elif ThresholdDecision.Status.AWAITING_AUTHORISATION in statuses:
        status = Contact.Status.AWAITING_AUTHORISATION
    else:
        status = Contact.Status.CLOSED
    if status == contact.status:
        return
    contact.status = status
    contact.closed_at = timezone.now() if status == Contact.Status.CLOSED else None
    if status == Contact.Status.CLOSED:
        contact.picked_up_by = None
    contact.save(update_fields=["status", "closed_at", "picked_up_by"])
    if status == Contact.Status.CLOSED:
        record_event(kind="contact.closed", by=by, record=contact, summary=f"Contact {contact.reference} closed")


def _check_decision(
    contact_child: ContactChild,
    level: ThresholdLevel,
    criteria: Sequence[ThresholdCriterion],
    outcome: str,
    rationale: str,
    rag: str,
) -> None:
    problems: dict[str, str] = {}
    if contact_child.contact.is_closed:
        problems["outcome"] = "This contact is closed"
    elif current_decision(contact_child) is not None:
        problems["outcome"] = "This child already has a decision; a manager can return it to be decided again"
    if not level.is_active:
        problems["level"] = "Choose a level the council uses"
    if outcome not in Outcome.values:
        problems["outcome"] = "Choose an outcome"
    elif not level.allows(outcome):
        allowed = ", ".join(Outcome(o).label.lower() for o in level.allowed_outcomes)
        problems["outcome"] = (
            f"{level} does not allow '{Outcome(outcome).label.lower()}'. At this level the outcome can be: {allowed}"
        )
    if any(criterion.level_id != level.pk for criterion in criteria):
        problems["criteria"] = "Choose criteria from the level you decided"
    if not rationale.strip():
        problems["rationale"] = "Enter the reasons for the decision"
    if rag not in Rag.values:
        problems["rag"] = "Choose a priority"
    has_open_case = contact_child.person is not None and open_referrals_of([contact_child.person.pk]).exists()
    if outcome == Outcome.OPEN_CASE and not has_open_case:
        problems["outcome"] = "This child has no open case to pass the contact to"
    if outcome in (Outcome.ASSESSMENT, Outcome.STRATEGY, Outcome.EARLY_HELP) and contact_child.person is None:
        problems["outcome"] = "Identify the child first: this outcome opens a record of work with them"
    if problems:
        raise ValidationError(problems)


def _act(decision: ThresholdDecision, *, by: User) -> None:
    """What a final decision sets going: a referral, or a request to the early help team."""
    child = decision.contact_child
    contact = child.contact
    if child.person is None:
        return
    day = timezone.localdate(contact.received_at)
    if decision.outcome in REFERRAL_OUTCOMES:
        if open_referrals_of([child.person.pk]).exists():
            # One open episode per child (CIN census rule 8815): the work continues in the open one.
            return
        open_referral(person=child.person, by=by, referral_date=day, source=contact.source, contact_child=child)
    elif decision.outcome == Outcome.EARLY_HELP:
        request_early_help(person=child.person, by=by, requested_on=day, contact_child=child)


@transaction.atomic
def decide(
    *,
    contact_child: ContactChild,
    by: User,
    level: ThresholdLevel,
    outcome: str,
    rationale: str,
    rag: str,
    criteria: Sequence[ThresholdCriterion] = (),
) -> ThresholdDecision:
    """Decide what happens for one child on a contact. Closing outcomes wait for a manager."""
    _require(by, Capability.DECIDE_CONTACTS, "Your role cannot decide contacts")
    # The contact's row lock makes deciders of one contact take turns: a child is decided
    # once, and the contact's status is worked out from every child's committed decision.
    lock_for_update(contact_child.contact)
    _check_decision(contact_child, level, criteria, outcome, rationale, rag)
    needs_manager = Outcome(outcome) in CLOSING_OUTCOMES
    decision = ThresholdDecision.objects.create(
        contact_child=contact_child,
        level=level,
        outcome=outcome,
        rationale=rationale.strip(),
        rag=rag,
        status=ThresholdDecision.Status.AWAITING_AUTHORISATION if needs_manager else ThresholdDecision.Status.DECIDED,
        decided_by=by,
    )
    decision.criteria.set(criteria)
    contact = contact_child.contact
    contact.rag = rag
    contact.save(update_fields=["rag"])
    record_event(
        kind="contact.decided",
        by=by,
        child=contact_child.person,
        record=decision,
        summary=f"Decided {decision.get_outcome_display().lower()} at level {level.number} on contact "
        f"{contact.reference}" + (", waiting for a manager to agree" if needs_manager else ""),
        data={"level": level.number, "outcome": outcome, "rag": rag, "criteria": [c.pk for c in criteria]},
    )
    if not needs_manager:
        _act(decision, by=by)
    _settle(contact, by=by)
    return decision


@transaction.atomic
def authorise_decision(*, decision: ThresholdDecision, by: User, comment: str = "") -> ThresholdDecision:
    """A manager agrees a decision that closes a contact without a service."""
    _require(by, Capability.AUTHORISE_DECISIONS, "Only a team manager or service manager can agree this decision")
    lock_for_update(decision.contact_child.contact)  # the contact first, as deciding does
    lock_for_update(decision)
    if decision.status != ThresholdDecision.Status.AWAITING_AUTHORISATION:
        raise ValidationError("This decision is not waiting for a manager")
    if decision.decided_by_id == by.pk:
        raise PermissionDenied("Another manager must agree your own decision")
    decision.status, decision.reviewed_by, decision.reviewed_at = (
        ThresholdDecision.Status.AUTHORISED,
        by,
        timezone.now(),
    )
    decision.manager_comment = comment.strip()
    decision.save(update_fields=["status", "reviewed_by", "reviewed_at", "manager_comment"])
    record_event(
        kind="contact.decision_authorised",
        by=by,
        child=decision.contact_child.person,
        record=decision,
        summary=f"Agreed {decision.get_outcome_display().lower()} on contact "
        f"{decision.contact_child.contact.reference}",
    )
    _settle(decision.contact_child.contact, by=by)
    return decision


@transaction.atomic
def return_decision(*, decision: ThresholdDecision, by: User, comment: str) -> ThresholdDecision:
    """A manager sends a decision back, with what to reconsider; the child is decided again."""
    _require(by, Capability.AUTHORISE_DECISIONS, "Only a team manager or service manager can return a decision")
    lock_for_update(decision.contact_child.contact)
    lock_for_update(decision)
    if decision.status != ThresholdDecision.Status.AWAITING_AUTHORISATION:
        raise ValidationError("This decision is not waiting for a manager")
    if not comment.strip():
        raise ValidationError({"comment": "Enter what the decision-maker should reconsider"})
    decision.status, decision.reviewed_by, decision.reviewed_at = ThresholdDecision.Status.RETURNED, by, timezone.now()
    decision.manager_comment = comment.strip()
    decision.save(update_fields=["status", "reviewed_by", "reviewed_at", "manager_comment"])
    record_event(
        kind="contact.decision_returned",
        by=by,
        child=decision.contact_child.person,
        record=decision,
        summary=f"Returned the decision on contact {decision.contact_child.contact.reference}: {comment.strip()}",
    )
    _settle(decision.contact_child.contact, by=by)
    return decision


def pick_up_is_current(contact: Contact, *, now: datetime | None = None) -> bool:
    """Whether someone is working on it: a pick-up lapses after the council's idle time."""
    if contact.picked_up_by_id is None or contact.last_touched_at is None:
        return False
    idle = timedelta(minutes=FrontDoorPolicy.load().pick_up_idle_minutes)
    return (now or timezone.now()) - contact.last_touched_at < idle


@transaction.atomic
def pick_up(*, contact: Contact, by: User) -> Contact:
    _require(by, Capability.DECIDE_CONTACTS, "Your role cannot work on contacts")
    contact = Contact.objects.select_for_update().get(pk=contact.pk)
    if contact.is_closed:
        raise ValidationError("This contact is closed")
    if contact.picked_up_by_id not in (None, by.pk) and pick_up_is_current(contact):
        raise ValidationError(f"{contact.picked_up_by} is working on this contact")
    now = timezone.now()
    contact.picked_up_by, contact.picked_up_at, contact.last_touched_at = by, now, now
    contact.save(update_fields=["picked_up_by", "picked_up_at", "last_touched_at"])
    record_event(kind="contact.picked_up", by=by, record=contact, summary=f"Picked up contact {contact.reference}")
    return contact


@transaction.atomic
def release(*, contact: Contact, by: User) -> Contact:
    if contact.picked_up_by_id != by.pk and not by.can(Capability.AUTHORISE_DECISIONS):
        raise PermissionDenied("Only the person working on it, or a manager, can release a contact")
    contact.picked_up_by = None
    contact.save(update_fields=["picked_up_by"])
    record_event(kind="contact.released", by=by, record=contact, summary=f"Released contact {contact.reference}")
    return contact


def touch(contact: Contact, *, by: User) -> None:
    """Keep a pick-up alive while its officer works on the contact (not an event: nothing changes)."""
    if contact.picked_up_by_id == by.pk:
        Contact.objects.filter(pk=contact.pk).update(last_touched_at=timezone.now())


@transaction.atomic
def release_idle_contacts(*, now: datetime | None = None) -> int:
    """Release every pick-up that has lapsed, so the queue shows it as free (run every few minutes)."""
    idle = timedelta(minutes=FrontDoorPolicy.load().pick_up_idle_minutes)
    lapsed = Contact.objects.filter(picked_up_by__isnull=False, last_touched_at__lt=(now or timezone.now()) - idle)
    count = lapsed.update(picked_up_by=None)
    if count:
        record_event(kind="contact.idle_released", by=None, summary=f"Released {count} idle contact(s)")
    return count


@transaction.atomic
def tell_referrer(*, contact: Contact, by: User, how: str, told_at: datetime) -> Contact:
    """Record that the referrer has been told the outcome (due within a working day of the decision)."""
    _require(by, Capability.RECORD_CONTACTS, "Your role cannot record this")
    if not contact.children.filter(decisions__isnull=False).exists():
        raise ValidationError("Decide the contact before telling the referrer the outcome")
    if not how.strip():
        raise ValidationError({"how": "Enter how the referrer was told"})
    if told_at > timezone.now() + CLOCK_SKEW:
        raise ValidationError({"told_at": "When they were told must be now or in the past"})
    contact.referrer_told_at, contact.referrer_told_how, contact.referrer_told_by = told_at, how.strip(), by
    contact.save(update_fields=["referrer_told_at", "referrer_told_how", "referrer_told_by"])
    record_event(
        kind="contact.referrer_told",
        by=by,
        record=contact,
        summary=f"Told {contact.referrer_name or 'the referrer'} the outcome of contact {contact.reference} ({how})",
    )
    return contact


@transaction.atomic
def acknowledge_handover(*, contacts: Sequence[Contact], by: User) -> int:
    """The day team takes over the night's work: a named officer acknowledges each out-of-hours contact."""
    _require(by, Capability.ACKNOWLEDGE_HANDOVER, "Your role cannot acknowledge the handover")
    now, count = timezone.now(), 0
    for contact in contacts:
        if not contact.out_of_hours or contact.handover_acknowledged_at:
            continue
        contact.handover_acknowledged_at, contact.handover_acknowledged_by = now, by
        contact.save(update_fields=["handover_acknowledged_at", "handover_acknowledged_by"])
        record_event(
            kind="contact.handover_acknowledged",
            by=by,
            record=contact,
            summary=f"Acknowledged out-of-hours contact {contact.reference}",
        )
        count += 1
    return count
