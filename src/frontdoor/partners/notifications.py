"""Receiving police notifications and confirming who is on them: each action in one transaction with its event."""

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from frontdoor.accounts.access import require_capability
from frontdoor.accounts.models import User
from frontdoor.accounts.roles import Capability
from frontdoor.partners.matching import Named, suggest
from frontdoor.partners.models import NotificationPerson, PoliceNotification
from frontdoor.people.matching import PartialDate
from frontdoor.people.models import Person
from frontdoor.records.services import record_event

BATCH_SIZE = 1_000


@dataclass(frozen=True)
class PersonOnNotification:
    role: str
    first_name: str
    last_name: str
    date_of_birth: date | None = None
    postcode: str = ""


@dataclass(frozen=True)
class Notification:
    police_reference: str
    incident_at: datetime
    kind: str
    summary: str
    dash_risk: str = ""
    marac_referral: bool = False
    people: Sequence[PersonOnNotification] = field(default_factory=tuple)


@dataclass
class Received:
    created: list[PoliceNotification]
    repeated: list[str]  # police references already held: the notification is kept once


def problems_with(notification: Notification) -> list[str]:
    """What makes a notification unusable, in words for whoever sent it."""
    problems = []
    if not notification.police_reference.strip():
        problems.append("A police reference is required")
    elif len(notification.police_reference.strip()) > 40:
        problems.append("The police reference is longer than 40 characters")
    if notification.incident_at > timezone.now():
        problems.append("The incident time is in the future")
    if notification.kind not in PoliceNotification.Kind.values:
        problems.append(f"Kind must be one of {', '.join(PoliceNotification.Kind.values)}")
    if notification.dash_risk not in ("", *PoliceNotification.Risk.values):
        problems.append(f"DASH risk must be blank or one of {', '.join(PoliceNotification.Risk.values)}")
    if not notification.summary.strip():
        problems.append("A summary of the incident is required")
    if not any(p.role in NotificationPerson.CHILD_ROLES for p in notification.people):
        problems.append("A notification names at least one child")
    for person in notification.people:
        if person.role not in NotificationPerson.Role.values:
            problems.append(f"Role must be one of {', '.join(NotificationPerson.Role.values)}")
        if not person.first_name.strip() or not person.last_name.strip():
            problems.append("Each person needs a first name and a last name")
        if person.date_of_birth is not None and person.date_of_birth > timezone.localdate():
            problems.append("A date of birth is in the future")
    return problems


@transaction.atomic
def receive_notifications(*, notifications: Sequence[Notification], by: User, source: str) -> Received:
    """Keep each notification once (by police reference) with the index's likely matches for everyone on it.

    All or nothing: one unusable notification refuses the lot, so a file is never half imported.
    """
    require_capability(by, Capability.RECEIVE_POLICE_NOTIFICATIONS, "Your role cannot receive police notifications")
    refused = {n.police_reference: problems for n in notifications if (problems := problems_with(n))}
    if refused:
        raise ValidationError({reference or "notification": "; ".join(p) for reference, p in refused.items()})
    references = [n.police_reference.strip() for n in notifications]
    held = set(
        PoliceNotification.objects.filter(police_reference__in=references).values_list("police_reference", flat=True)
    )
    fresh: dict[str, Notification] = {}
    for notification in notifications:
        reference = notification.police_reference.strip()
        if reference not in held:
            fresh.setdefault(reference, notification)
    now = timezone.now()
    created = PoliceNotification.objects.bulk_create(
        (
            PoliceNotification(
                police_reference=reference,
                incident_at=n.incident_at,
                kind=n.kind,
                dash_risk=n.dash_risk,
                summary=n.summary.strip(),
                marac_referral=n.marac_referral,
                source=source,
                received_at=now,
                received_by=by,
            )
            for reference, n in fresh.items()
        ),
        batch_size=BATCH_SIZE,
    )
    by_reference = {n.police_reference: n for n in created}
    people = [(by_reference[reference], person) for reference, n in fresh.items() for person in n.people]
    likely = suggest(
        [Named(p.first_name.strip(), p.last_name.strip(), PartialDate.of(p.date_of_birth)) for _, p in people]
    )
    NotificationPerson.objects.bulk_create(
        (
            NotificationPerson(
                notification=notification,
                role=p.role,
                first_name=p.first_name.strip(),
                last_name=p.last_name.strip(),
                date_of_birth=p.date_of_birth,
                postcode=p.postcode.strip().upper(),
                suggestions=suggestions,
            )
            for (notification, p), suggestions in zip(people, likely, strict=True)
        ),
        batch_size=BATCH_SIZE,
    )
    repeated = sorted({r for r in references if r in held or references.count(r) > 1})
    record_event(
        kind="police.notifications_received",
        by=by,
        summary=f"Received {len(created)} police notification{'s' if len(created) != 1 else ''} naming "
        f"{len(people)} people" + (f"; {len(repeated)} already held" if repeated else ""),
        data={"source": source, "received": len(created), "people": len(people), "repeated": repeated[:100]},
    )
    return Received(created=created, repeated=repeated)


@transaction.atomic
def confirm_match(*, named: NotificationPerson, person: Person, by: User) -> NotificationPerson:
    """A person at the front door says who this is in the index; the notification goes on their record."""
    require_capability(by, Capability.RECEIVE_POLICE_NOTIFICATIONS, "Your role cannot match police notifications")
    named = NotificationPerson.objects.select_for_update().select_related("notification").get(pk=named.pk)
    if named.person_id is not None:
        raise ValidationError({"person": f"Already matched to {named.person}"})
    if person.merged_into_id is not None:
        raise ValidationError({"person": "That record was merged into another: choose the record it was merged into"})
    named.person, named.matched_by, named.matched_at = person, by, timezone.now()
    named.save(update_fields=["person", "matched_by", "matched_at"])
    record_event(
        kind="police.person_matched",
        by=by,
        child=person,
        record=named.notification,
        summary=f"Matched {named.first_name} {named.last_name} ({named.get_role_display().lower()}) on police "
        f"notification {named.notification.police_reference} to this record",
    )
    return named
