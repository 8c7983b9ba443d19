"""What the police notification pages read: the list, the unmatched queue, and each person's likely matches."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from frontdoor.accounts.models import User
from frontdoor.accounts.roles import Capability
from frontdoor.casework.models import Referral
from frontdoor.partners.models import NotificationPerson, PoliceNotification, TriageDecision, TriageMeeting
from frontdoor.people.access import restricted_ids_visible_to
from frontdoor.people.models import Person
from frontdoor.timescales.calendar import add_working_days


def notifications_list() -> QuerySet[PoliceNotification]:
    return PoliceNotification.objects.annotate(
        named=Count("people"),
        children=Count("people", filter=Q(people__role__in=NotificationPerson.CHILD_ROLES)),
        unmatched=Count("people", filter=Q(people__person=None)),
    ).order_by("-received_at", "-id")


def unmatched_people() -> QuerySet[NotificationPerson]:
    """Everyone named on a notification not yet matched to the index, oldest first: children before adults."""
    return (
        NotificationPerson.objects.filter(person=None)
        .select_related("notification")
        .order_by("notification__received_at", "notification_id", "id")
    )


@dataclass(frozen=True)
class Likely:
    person: Person | None  # None: a restricted record this user has not been granted
    score: float
    reasons: list[str]


def likely_matches(user: User, people: list[NotificationPerson]) -> dict[int, list[Likely]]:
    """Each unmatched person's suggested records, read in one query; restricted ones shown only to those granted."""
    ids = {s["person"] for named in people for s in named.suggestions}
    found = Person.objects.in_bulk(ids)
    restricted = [pk for pk, person in found.items() if person.is_restricted]
    granted = restricted_ids_visible_to(user, restricted)
    result = {}
    for named in people:
        likely = []
        for suggestion in named.suggestions:
            person = found.get(suggestion["person"])
            if person is None or person.merged_into_id is not None:
                continue
            visible = not person.is_restricted or person.pk in granted
            likely.append(Likely(person if visible else None, suggestion["score"], suggestion["reasons"]))
        result[named.pk] = likely
    return result


@dataclass
class TriageRow:
    child: NotificationPerson
    adults: list[NotificationPerson]
    repeats: int  # other notifications naming this child in the last 12 months
    perpetrator_repeats: int  # other notifications naming the same alleged perpetrator in the last 12 months
    open_case: Referral | None
    late: bool  # not triaged within a working day of arriving

    @property
    def notification(self) -> PoliceNotification:
        return self.child.notification


RISK_ORDER = {"high": 0, "medium": 1, "standard": 2, "": 3}


def triage_rows(meeting: TriageMeeting) -> list[TriageRow]:
    """Every child waiting for a decision, and those decided at this meeting: highest risk first, oldest first.

    A fixed number of queries however many notifications are waiting: the meeting works through dozens.
    """
    # Children waiting are on notifications not yet triaged (one is triaged once all its children are decided):
    # the index on the notification's triage time finds them, where asking for children without a decision
    # read every child ever notified. The two sets are found apart and joined: an OR across them read it all.
    waiting = NotificationPerson.objects.filter(
        role__in=NotificationPerson.CHILD_ROLES, notification__triaged_at=None, triage__isnull=True
    ).values("pk")
    decided_here = TriageDecision.objects.filter(meeting=meeting).values("child_id")
    children = list(
        NotificationPerson.objects.filter(pk__in=waiting.union(decided_here))
        .select_related("notification", "person", "triage")
        .order_by("notification__received_at", "notification_id", "id")
    )
    notification_ids = {c.notification_id for c in children}
    adults: dict[int, list[NotificationPerson]] = {}
    for adult in NotificationPerson.objects.filter(notification_id__in=notification_ids).exclude(
        role__in=NotificationPerson.CHILD_ROLES
    ):
        adults.setdefault(adult.notification_id, []).append(adult)
    perpetrators = {
        a.notification_id: a.person_id
        for found in adults.values()
        for a in found
        if a.role == NotificationPerson.Role.ALLEGED_PERPETRATOR and a.person_id
    }
    people = {c.person_id for c in children if c.person_id} | set(perpetrators.values())
    year_ago = timezone.now() - timedelta(days=365)
    named = dict(
        NotificationPerson.objects.filter(person_id__in=people, notification__incident_at__gte=year_ago)
        .values_list("person_id")
        .annotate(n=Count("notification_id", distinct=True))
    )
    cases = {
        r.person_id: r for r in Referral.objects.filter(person_id__in=people, closed_on=None).select_related("worker")
    }
    today = timezone.localdate()
    rows = []
    for child in children:
        received = timezone.localtime(child.notification.received_at).date()
        decided = getattr(child, "triage", None)
        perpetrator = perpetrators.get(child.notification_id)
        rows.append(
            TriageRow(
                child=child,
                adults=adults.get(child.notification_id, []),
                repeats=max(0, named.get(child.person_id, 0) - 1) if child.person_id else 0,
                perpetrator_repeats=max(0, named.get(perpetrator, 0) - 1) if perpetrator else 0,
                open_case=cases.get(child.person_id) if child.person_id else None,
                late=decided is None and add_working_days(received, 1) < today,
            )
        )
    rows.sort(key=lambda r: (RISK_ORDER.get(r.notification.dash_risk, 3), r.notification.received_at))
    return rows


def open_tasks(user: User) -> QuerySet[TriageDecision]:
    """Encompass, MARAC and allocated-worker tasks still to do, soonest due first: the user's own, or all of them."""
    tasks = TriageDecision.objects.filter(outcome__in=TriageDecision.TASKS, done_at=None).select_related(
        "child__notification", "child__person", "assigned_to"
    )
    if not user.can(Capability.RECEIVE_POLICE_NOTIFICATIONS):
        tasks = tasks.filter(assigned_to=user)
    return tasks.order_by("due_at", "id")


def late_notifications() -> QuerySet[PoliceNotification]:
    """Not triaged, received before the start of the last working day: waiting longer than a working day."""
    today = timezone.localdate()
    cut = add_working_days(today, -1)
    start = timezone.make_aware(datetime.combine(cut, datetime.min.time()))
    return PoliceNotification.objects.filter(triaged_at=None, received_at__lt=start)
