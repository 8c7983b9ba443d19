"""What the police notification pages read: the list, the unmatched queue, and each person's likely matches."""

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from frontdoor.accounts.models import User
from frontdoor.partners.models import NotificationPerson, PoliceNotification
from frontdoor.people.access import restricted_ids_visible_to
from frontdoor.people.models import Person


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
