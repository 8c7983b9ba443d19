"""What the front door's pages read: the duty queue, history at the point of decision, the trays."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import cast

from django.core.paginator import Page, Paginator
from django.db.models import Case, Exists, OuterRef, Prefetch, Q, QuerySet, Value, When, prefetch_related_objects
from django.utils import timezone

from frontdoor.accounts.models import LocalAuthority, User
from frontdoor.casework.models import Referral
from frontdoor.contacts.models import Contact, ContactChild, FrontDoorPolicy, Rag, ThresholdDecision
from frontdoor.earlyhelp.models import EarlyHelpRequest
from frontdoor.people.models import SIBLING_KINDS, Person, Relationship
from frontdoor.timescales.calendar import working_hours_between
from frontdoor.timescales.clocks import Clock, add_months, clock_for, due_for
from frontdoor.timescales.regimes import Step, timescale_for

RAG_ORDER = {Rag.RED: 0, Rag.AMBER: 1, Rag.GREEN: 2}


def with_children(contacts: QuerySet[Contact]) -> QuerySet[Contact]:
    """Contacts with their children, their people and every decision, in three queries."""
    return contacts.prefetch_related(children_and_decisions())


def children_and_decisions() -> Prefetch:
    decisions = ThresholdDecision.objects.select_related("decided_by", "level").order_by("-decided_at", "-id")
    children = ContactChild.objects.select_related("person").prefetch_related(
        Prefetch("decisions", queryset=decisions, to_attr="all_decisions")
    )
    return Prefetch("children", queryset=children, to_attr="all_children")


def children_with_decisions(contact: Contact) -> list[ContactChild]:
    """One contact's children, each with all its decisions loaded, newest first."""
    loaded = with_children(Contact.objects.filter(pk=contact.pk)).get()
    return list(getattr(loaded, "all_children"))  # noqa: B009


def standing_decision(child: ContactChild) -> ThresholdDecision | None:
    """The decision that stands, from decisions already loaded by with_children."""
    loaded = getattr(child, "all_decisions", None)
    latest = loaded[0] if loaded else None if loaded is not None else child.decisions.first()
    return None if latest is None or latest.status == ThresholdDecision.Status.RETURNED else latest


def decision_clock(contact: Contact, *, council: LocalAuthority, now: datetime) -> Clock:
    received = timezone.localtime(contact.received_at)
    return clock_for(
        Step.CONTACT_DECISION,
        started=received,
        regime=council.regime_on(received.date()),
        completed=timezone.localtime(contact.closed_at).date() if contact.closed_at else None,
        now=now,
    )


@dataclass
class QueueRow:
    contact: Contact
    clock: Clock
    hours_waiting: float
    days_waiting: int
    working_on_it: User | None
    response_due: datetime
    response_overdue: bool


@dataclass
class QueueFilters:
    rag: str = ""
    status: str = ""
    who: str = ""  # "", "free" or "mine"
    overdue: bool = False


def duty_queue(*, user: User, filters: QueueFilters, now: datetime | None = None) -> list[QueueRow]:
    """Every contact waiting at the front door, most urgent first, with its clocks."""
    now, policy = now or timezone.now(), FrontDoorPolicy.load()
    rows = queue_rows(waiting_contacts(user=user, filters=filters, now=now, policy=policy), now=now, policy=policy)
    return [row for row in rows if row.clock.state == row.clock.state.OVERDUE] if filters.overdue else rows


def duty_queue_page(*, user: User, filters: QueueFilters, number: str | None, size: int) -> Page[QueueRow]:
    """One page of the duty queue. Clocks are worked out for the page's rows alone unless the filter needs them all."""
    now = timezone.now()
    if filters.overdue:
        return Paginator(duty_queue(user=user, filters=filters, now=now), size).get_page(number)
    policy = FrontDoorPolicy.load()
    contacts = Paginator(waiting_contacts(user=user, filters=filters, now=now, policy=policy), size).get_page(number)
    # The page keeps the contacts' paginator for its count and links; only its rows change kind.
    paginator = cast("Paginator[QueueRow]", contacts.paginator)
    return Page(queue_rows(contacts.object_list, now=now, policy=policy), contacts.number, paginator)


def waiting_contacts(*, user: User, filters: QueueFilters, now: datetime, policy: FrontDoorPolicy) -> QuerySet[Contact]:
    """The contacts waiting, most urgent first: immediate danger, then red, amber, green, then the longest waiting."""
    # "status IN (...)" rather than "NOT closed": the queue index then reads only the waiting few.
    waiting = [Contact.Status.OPEN, Contact.Status.AWAITING_AUTHORISATION]
    contacts = Contact.objects.filter(status__in=waiting).select_related("picked_up_by")
    if filters.rag:
        contacts = contacts.filter(rag=filters.rag)
    if filters.status:
        contacts = contacts.filter(status=filters.status)
    idle_since = now - timedelta(minutes=policy.pick_up_idle_minutes)
    working = Q(picked_up_by__isnull=False, last_touched_at__gte=idle_since)
    if filters.who == "mine":
        contacts = contacts.filter(working, picked_up_by=user)
    elif filters.who == "free":
        contacts = contacts.exclude(working)
    rag_order = Case(*(When(rag=rag, then=Value(order)) for rag, order in RAG_ORDER.items()), default=Value(3))
    return contacts.order_by("-immediate_danger", rag_order, "received_at", "pk")


def queue_rows(contacts: Iterable[Contact], *, now: datetime, policy: FrontDoorPolicy) -> list[QueueRow]:
    """The queue's rows for these contacts, in the order given, with their children, decisions and clocks."""
    council = LocalAuthority.load()
    idle_since = now - timedelta(minutes=policy.pick_up_idle_minutes)
    contacts = list(contacts)
    prefetch_related_objects(contacts, children_and_decisions())
    rows = []
    for contact in contacts:
        clock = decision_clock(contact, council=council, now=now)
        hours = working_hours_between(
            contact.received_at,
            now,
            opens=council.office_opens,
            closes=council.office_closes,
            friday_closes=council.office_closes_friday,
        )
        response_due = contact.received_at + timedelta(hours=policy.response_hours(contact.rag))
        is_working = (
            contact.picked_up_by_id is not None
            and contact.last_touched_at is not None
            and (contact.last_touched_at >= idle_since)
        )
        rows.append(
            QueueRow(
                contact=contact,
                clock=clock,
                hours_waiting=hours,
                days_waiting=clock.working_days_elapsed,
                working_on_it=contact.picked_up_by if is_working else None,
                response_due=response_due,
                response_overdue=now > response_due,
            )
        )
    return rows


def authorisation_tray() -> QuerySet[ThresholdDecision]:
    """Decisions that would close a contact without a service, waiting for a manager."""
    return (
        ThresholdDecision.objects.filter(status=ThresholdDecision.Status.AWAITING_AUTHORISATION)
        .select_related("contact_child__contact", "contact_child__person", "decided_by", "level")
        .order_by("decided_at")
    )


def returned_to(user: User) -> QuerySet[ThresholdDecision]:
    """Decisions a manager sent back to this user that nobody has decided again yet."""
    decided_again = ThresholdDecision.objects.filter(
        contact_child=OuterRef("contact_child"), decided_at__gt=OuterRef("decided_at")
    )
    return (
        ThresholdDecision.objects.filter(status=ThresholdDecision.Status.RETURNED, decided_by=user)
        .exclude(Exists(decided_again))
        .select_related("contact_child__contact", "contact_child__person", "reviewed_by")
        .order_by("-reviewed_at")
    )


@dataclass
class PastContact:
    contact: Contact
    person: Person
    outcome: str
    is_sibling: bool


@dataclass
class History:
    """What is known about the child and their brothers and sisters, at the point of decision."""

    person: Person
    contacts: list[PastContact] = field(default_factory=list)
    referrals: list[Referral] = field(default_factory=list)
    early_help: list[EarlyHelpRequest] = field(default_factory=list)
    repeat_contacts: int = 0
    repeat_months: int = 12


def history_for(person: Person, *, before: Contact | None = None, today: date | None = None) -> History:
    policy = FrontDoorPolicy.load()
    today = today or timezone.localdate()
    siblings = set(
        Relationship.objects.filter(person=person, kind__in=SIBLING_KINDS).values_list("relative_id", flat=True)
    )
    family = [person.pk, *siblings]
    earlier = ContactChild.objects.filter(person_id__in=family).select_related("contact", "person")
    if before is not None:
        earlier = earlier.exclude(contact=before).filter(contact__received_at__lte=before.received_at)
    earlier = earlier.prefetch_related(
        Prefetch(
            "decisions", queryset=ThresholdDecision.objects.order_by("-decided_at", "-id"), to_attr="all_decisions"
        )
    ).order_by("-contact__received_at")[:50]
    history = History(person=person, repeat_months=policy.repeat_contact_months)
    window_start = add_months(today, -policy.repeat_contact_months)
    for child in earlier:
        decision = standing_decision(child)
        assert child.person is not None
        history.contacts.append(
            PastContact(
                child.contact,
                child.person,
                decision.get_outcome_display() if decision else "Not decided yet",
                child.person_id != person.pk,
            )
        )
        if child.person_id == person.pk and timezone.localdate(child.contact.received_at) >= window_start:
            history.repeat_contacts += 1
    history.referrals = list(Referral.objects.filter(person_id__in=family).select_related("person")[:20])
    history.early_help = list(EarlyHelpRequest.objects.filter(person_id__in=family).select_related("person")[:20])
    return history


@dataclass
class HandoverRow:
    contact: Contact
    due: datetime
    overdue: bool


def handover_list(*, now: datetime | None = None) -> list[HandoverRow]:
    """Out-of-hours contacts for the day team: everything not yet acknowledged, and today's acknowledgements."""
    now = now or timezone.now()
    council = LocalAuthority.load()
    start_of_today = timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0)
    contacts = Contact.objects.filter(out_of_hours=True).filter(
        Q(handover_acknowledged_at__isnull=True) | Q(handover_acknowledged_at__gte=start_of_today)
    )
    rows = []
    for contact in with_children(
        contacts.select_related("recorded_by", "handover_acknowledged_by").order_by("received_at")
    ):
        received = timezone.localtime(contact.received_at)
        timescale = timescale_for(Step.EDT_ACKNOWLEDGEMENT, regime=council.regime_on(received.date()))
        due = due_for(timescale, received)
        rows.append(HandoverRow(contact, due, contact.handover_acknowledged_at is None and now > due))
    return rows


def front_door_counts(user: User) -> dict[str, int] | None:
    """For a home page: contacts waiting, and decisions waiting for this user as a manager."""
    from frontdoor.accounts.roles import Capability

    if not user.can(Capability.DECIDE_CONTACTS):
        return None
    counts = {"waiting": Contact.objects.filter(status=Contact.Status.OPEN).count()}
    if user.can(Capability.AUTHORISE_DECISIONS):
        counts["to_authorise"] = authorisation_tray().exclude(decided_by=user).count()
    return counts
