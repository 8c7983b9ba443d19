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
from frontdoor.partners.matching import Named, array_literal, suggest
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
    return _problems(notification, timezone.now(), timezone.localdate())


NO_CHILD = "A notification names at least one child"


def _problems(notification: Notification, now: datetime, today: date) -> list[str]:
    problems = incident_problems(notification, now)
    if not any(p.role in CHILD_ROLES for p in notification.people):
        problems.append(NO_CHILD)
    for person in notification.people:
        problems += person_problems(person, today)
    return problems


def incident_problems(notification: Notification, now: datetime) -> list[str]:
    """What is wrong with the incident itself, whoever is named on it."""
    problems = []
    if not notification.police_reference.strip():
        problems.append("A police reference is required")
    elif len(notification.police_reference.strip()) > 40:
        problems.append("The police reference is longer than 40 characters")
    if notification.incident_at > now:
        problems.append("The incident time is in the future")
    if notification.kind not in KINDS:
        problems.append(f"Kind must be one of {', '.join(PoliceNotification.Kind.values)}")
    if notification.dash_risk not in RISKS:
        problems.append(f"DASH risk must be blank or one of {', '.join(PoliceNotification.Risk.values)}")
    if not notification.summary.strip():
        problems.append("A summary of the incident is required")
    return problems


def person_problems(person: PersonOnNotification, today: date) -> list[str]:
    problems = []
    if person.role not in ROLES:
        problems.append(f"Role must be one of {', '.join(NotificationPerson.Role.values)}")
    if not person.first_name.strip() or not person.last_name.strip():
        problems.append("Each person needs a first name and a last name")
    if person.date_of_birth is not None and person.date_of_birth > today:
        problems.append("A date of birth is in the future")
    return problems


@transaction.atomic
def receive_notifications(*, notifications: Sequence[Notification], by: User, source: str) -> Received:
    """Keep each notification once (by police reference) with the index's likely matches for everyone on it.

    All or nothing: one unusable notification refuses the lot, so a file is never half imported.
    """
    require_capability(by, Capability.RECEIVE_POLICE_NOTIFICATIONS, "Your role cannot receive police notifications")
    now, today = timezone.now(), timezone.localdate()
    refused = {n.police_reference: problems for n in notifications if (problems := _problems(n, now, today))}
    if refused:
        raise ValidationError({reference or "notification": "; ".join(p) for reference, p in refused.items()})
    references = [n.police_reference.strip() for n in notifications]
    held = _held(set(references))
    fresh: dict[str, Notification] = {}
    for notification in notifications:
        reference = notification.police_reference.strip()
        if reference not in held:
            fresh.setdefault(reference, notification)
    created = _insert_notifications(
        [
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
        ]
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


def _held(references: set[str]) -> set[str]:
    """Which of these police references are already held."""
    connection = connections[router.db_for_read(PoliceNotification)]
    if connection.vendor != "postgresql":
        return set(
            PoliceNotification.objects.filter(police_reference__in=references).values_list(
                "police_reference", flat=True
            )
        )
    # One array parameter: a day's thousands of references as IN (%s, ...) took the ORM and the driver longer
    # to build and quote than the database took to answer. The table and column are the model's own.
    column = connection.ops.quote_name(str(PoliceNotification._meta.get_field("police_reference").column))
    table = connection.ops.quote_name(PoliceNotification._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM {table} WHERE {column} = ANY(%s::text[])", [array_literal(references)])  # noqa: S608
        return {row[0] for row in cursor.fetchall()}


NOTIFICATION_COLUMNS = (
    "id",
    "police_reference",
    "incident_at",
    "kind",
    "dash_risk",
    "summary",
    "marac_referral",
    "source",
    "received_at",
    "received_by",
)


def _insert_notifications(made: list[PoliceNotification]) -> list[PoliceNotification]:
    """The notifications, saved with their IDs: on PostgreSQL the IDs come first and the rows go in by COPY.

    bulk_create builds and quotes a statement with every value of every row, which took longer than the rest of
    receiving a file; COPY streams the rows, and taking the IDs from the table's own sequence first gives each
    notification its ID for the people named on it. The columns not named keep their defaults (not triaged).
    """
    connection = connections[router.db_for_write(PoliceNotification)]
    if connection.vendor != "postgresql" or not made:
        return PoliceNotification.objects.bulk_create(made, batch_size=BATCH_SIZE)
    ops, meta = connection.ops, PoliceNotification._meta
    columns = [str(meta.get_field(name).column) for name in NOTIFICATION_COLUMNS]  # type: ignore[union-attr]
    table = ops.quote_name(meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [table, str(meta.pk.column), len(made)],
        )
        ids = sorted(row[0] for row in cursor.fetchall())
        copy_sql = f"COPY {table} ({', '.join(ops.quote_name(c) for c in columns)}) FROM STDIN"
        with cursor.cursor.copy(copy_sql) as copy:
            for pk, n in zip(ids, made, strict=True):
                n.pk = pk
                n._state.adding, n._state.db = False, connection.alias
                copy.write_row(
                    (
                        pk,
                        n.police_reference,
                        n.incident_at,
                        n.kind,
                        n.dash_risk,
                        n.summary,
                        n.marac_referral,
                        n.source,
                        n.received_at,
                        n.received_by_id,
                    )
                )
    return made


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
