"""Receiving police notifications and confirming who is on them: each action in one transaction with its event."""

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import connections, router, transaction
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


# Checked for every line of a file: the allowed values once, not on each call.
KINDS = frozenset(PoliceNotification.Kind.values)
RISKS = frozenset(("", *PoliceNotification.Risk.values))
ROLES = frozenset(NotificationPerson.Role.values)
CHILD_ROLES = frozenset(NotificationPerson.CHILD_ROLES)


def problems_with(notification: Notification) -> list[str]:
    """What makes a notification unusable, in words for whoever sent it."""
    problems = []
    if not notification.police_reference.strip():
        problems.append("A police reference is required")
    elif len(notification.police_reference.strip()) > 40:
        problems.append("The police reference is longer than 40 characters")
    if notification.incident_at > timezone.now():
        problems.append("The incident time is in the future")
    if notification.kind not in KINDS:
        problems.append(f"Kind must be one of {', '.join(PoliceNotification.Kind.values)}")
    if notification.dash_risk not in RISKS:
        problems.append(f"DASH risk must be blank or one of {', '.join(PoliceNotification.Risk.values)}")
    if not notification.summary.strip():
        problems.append("A summary of the incident is required")
    if not any(p.role in CHILD_ROLES for p in notification.people):
        problems.append("A notification names at least one child")
    today = None
    for person in notification.people:
        if person.role not in ROLES:
            problems.append(f"Role must be one of {', '.join(NotificationPerson.Role.values)}")
        if not person.first_name.strip() or not person.last_name.strip():
            problems.append("Each person needs a first name and a last name")
        if person.date_of_birth is not None:
            today = today or timezone.localdate()
            if person.date_of_birth > today:
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
    _insert_people(
        (
            notification.pk,
            p.role,
            p.first_name.strip(),
            p.last_name.strip(),
            p.date_of_birth,
            p.postcode.strip().upper(),
            suggestions,
        )
        for (notification, p), suggestions in zip(people, likely, strict=True)
    )
    # Counted once: asking the list for each reference's count was quadratic in the file's length.
    times = Counter(references)
    repeated = sorted({r for r in references if r in held or times[r] > 1})
    record_event(
        kind="police.notifications_received",
        by=by,
        summary=f"Received {len(created)} police notification{'s' if len(created) != 1 else ''} naming "
        f"{len(people)} people" + (f"; {len(repeated)} already held" if repeated else ""),
        data={"source": source, "received": len(created), "people": len(people), "repeated": repeated[:100]},
    )
    return Received(created=created, repeated=repeated)


PEOPLE_COLUMNS = ("notification", "role", "first_name", "last_name", "date_of_birth", "postcode", "suggestions")


def _insert_people(rows: Iterable[tuple[int, str, str, str, date | None, str, list[dict[str, object]]]]) -> None:
    """The people named, a statement with many rows of parameters at a time.

    bulk_create prepares every value of every row through its field and builds a model for each, which was
    most of a file's import; this adapts the two values that need it as their fields would (the date of birth,
    the suggestions as JSON), and the columns not named keep their defaults (nobody is matched yet).
    """
    connection = connections[router.db_for_write(NotificationPerson)]
    ops = connection.ops
    fields = [NotificationPerson._meta.get_field(name) for name in PEOPLE_COLUMNS]
    encoder = NotificationPerson._meta.get_field("suggestions").encoder
    columns = [str(f.column) for f in fields]  # type: ignore[union-attr]
    # Only the model's own table and column names, quoted, go into the SQL; every value is a parameter.
    sql = "INSERT INTO {} ({}) VALUES ({})".format(  # noqa: S608
        ops.quote_name(NotificationPerson._meta.db_table),
        ", ".join(ops.quote_name(column) for column in columns),
        ", ".join(["%s"] * len(fields)),
    )
    params: list[tuple[Any, ...]] = [
        (
            notification,
            role,
            first,
            last,
            None if born is None else ops.adapt_datefield_value(born),
            postcode,
            ops.adapt_json_value(suggestions, encoder),
        )
        for notification, role, first, last, born, postcode, suggestions in rows
    ]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # COPY streams the rows; the driver quoting each value of a many-row INSERT took longer than the insert.
            copy_sql = "COPY {} ({}) FROM STDIN".format(
                ops.quote_name(NotificationPerson._meta.db_table), ", ".join(ops.quote_name(c) for c in columns)
            )
            with cursor.cursor.copy(copy_sql) as copy:
                for row in params:
                    copy.write_row(row)
            return
        for start in range(0, len(params), BATCH_SIZE):
            cursor.executemany(sql, params[start : start + BATCH_SIZE])


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
