"""Police notifications from a CSV file: one line per person named, grouped into notifications by reference.

Every bad line is reported with its number and nothing is imported until the file is clean: a half-imported
day of notifications would leave children out of the triage meeting without anyone knowing.
"""

import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import IO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone

from frontdoor.accounts.models import User
from frontdoor.partners import notifications
from frontdoor.partners.models import NotificationPerson
from frontdoor.uploads import max_upload_bytes

COLUMNS = (
    "police_reference",
    "incident_at",
    "kind",
    "dash_risk",
    "marac_referral",
    "summary",
    "role",
    "first_name",
    "last_name",
    "date_of_birth",
    "postcode",
)
YES, NO = {"yes", "y", "true", "1"}, {"no", "n", "false", "0", ""}


@dataclass
class ImportReport:
    lines: int = 0
    received: int = 0
    repeated: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def import_notifications(*, file: IO[bytes], by: User) -> ImportReport:
    report = ImportReport()
    try:
        found = read(file, report)
    except ValueError as error:
        report.errors.append(str(error))
        return report
    if report.errors:
        return report
    try:
        received = notifications.receive_notifications(notifications=found, by=by, source="csv")
    except ValidationError as error:
        report.errors.extend(f"{reference}: {'; '.join(p)}" for reference, p in error.message_dict.items())
        return report
    report.received, report.repeated = len(received.created), received.repeated
    return report


def read(file: IO[bytes], report: ImportReport) -> list[notifications.Notification]:
    limit = max_upload_bytes()
    data = file.read(limit + 1)
    if len(data) > limit:
        raise ValueError(f"The file is larger than {settings.UPLOAD_MAX_MEGABYTES} MB: split it by day")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValueError("The file must be a CSV file saved as UTF-8 text") from None
    rows = csv.reader(io.StringIO(text))
    header = next(rows, [])
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        raise ValueError(f"Line 1: the header is missing {', '.join(missing)}")
    # A column named twice is read from its last place, as a dictionary of the line would have it.
    place = {name: n for n, name in enumerate(header)}
    reference_at, incident_at, kind_at, risk_at, marac_at, summary_at = (
        place[c] for c in ("police_reference", "incident_at", "kind", "dash_risk", "marac_referral", "summary")
    )
    role_at, first_at, last_at, born_at, postcode_at = (
        place[c] for c in ("role", "first_name", "last_name", "date_of_birth", "postcode")
    )
    needed = max(place[c] for c in COLUMNS) + 1
    now, today = timezone.now(), timezone.localdate()
    # A notification's lines repeat its incident, and a day's file has a few hundred incident times: each
    # text is read and each incident checked once.
    times: dict[str, tuple[datetime | None, str]] = {}
    birthdays: dict[str, tuple[date | None, str]] = {}
    checked: dict[Details, list[str]] = {}
    grouped: dict[str, tuple[Details, list[notifications.PersonOnNotification]]] = {}
    lines: dict[str, list[int]] = {}
    for row in rows:
        if not row:
            continue  # a blank line
        line = rows.line_num
        report.lines += 1
        if len(row) < needed:
            report.errors.append(f"Line {line}: {len(row)} values where the header names {len(header)} columns")
            continue
        problems: list[str] = []
        when = row[incident_at]
        if (incident_read := times.get(when)) is None:
            incident_read = times[when] = _when(when)
        incident, problem = incident_read
        if problem:
            problems.append(problem)
        born = None
        if (birthday := row[born_at]).strip():
            if (born_read := birthdays.get(birthday)) is None:
                born_read = birthdays[birthday] = _day(birthday)
            born, problem = born_read
            if problem:
                problems.append(problem)
        marac = row[marac_at].strip().lower()
        if marac not in YES and marac not in NO:
            problems.append("marac_referral must be yes or no")
        reference = row[reference_at].strip()
        details: Details = (
            reference,
            incident,
            row[kind_at].strip().lower(),
            row[risk_at].strip().lower(),
            marac in YES,
            row[summary_at].strip(),
        )
        person = notifications.PersonOnNotification(
            role=row[role_at].strip().lower(),
            first_name=row[first_at].strip(),
            last_name=row[last_at].strip(),
            date_of_birth=born,
            postcode=row[postcode_at].strip(),
        )
        if incident is not None:
            # The service's checks on one line, but for the rule that needs the whole notification.
            if (incident_problems := checked.get(details)) is None:
                incident_problems = checked[details] = notifications.incident_problems(_notification(details), now)
            problems += incident_problems
            problems += notifications.person_problems(person, today)
        earlier = grouped.get(reference)
        if earlier is not None and earlier[0] != details:
            problems.append(f"the incident details differ from an earlier line for {reference}")
        if problems:
            report.errors.append(f"Line {line}: {'; '.join(problems)}")
            continue
        grouped.setdefault(reference, (details, []))[1].append(person)
        lines.setdefault(reference, []).append(line)
    if not report.lines:
        raise ValueError("The file has no notifications in it")
    for reference, (_, people) in grouped.items():
        if not any(p.role in NotificationPerson.CHILD_ROLES for p in people):
            numbers = ", ".join(str(n) for n in lines[reference])
            report.errors.append(
                f"Line{'s' if len(lines[reference]) > 1 else ''} {numbers}: {reference} names no child"
            )
    return [_notification(details, people) for details, people in grouped.values()]


# A line's incident: police reference, time, kind, DASH risk, MARAC referral made, summary.
Details = tuple[str, datetime | None, str, str, bool, str]


def _notification(
    details: Details, people: Sequence[notifications.PersonOnNotification] = ()
) -> notifications.Notification:
    reference, incident, kind, risk, marac, summary = details
    assert incident is not None
    return notifications.Notification(
        police_reference=reference,
        incident_at=incident,
        kind=kind,
        dash_risk=risk,
        marac_referral=marac,
        summary=summary,
        people=people,
    )


UK_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


def _when(text: str) -> tuple[datetime | None, str]:
    """The incident's date and time, or what is wrong with it."""
    text = text.strip()
    day, _, clock = text.partition(" ")
    # The police's own layout (25/11/2026 22:40) is read directly: strptime costs more than the matching.
    if (found := UK_DATE.fullmatch(day)) and len(clock) == 5 and clock[2] == ":" and clock.replace(":", "").isdigit():
        d, m, y = (int(part) for part in found.groups())
        try:
            return datetime(y, m, d, int(clock[:2]), int(clock[3:]), tzinfo=timezone.get_current_timezone()), ""
        except ValueError:
            pass
    else:
        try:
            parsed = datetime.fromisoformat(text)
            return (parsed if parsed.tzinfo else timezone.make_aware(parsed)), ""
        except ValueError:
            pass
    return None, f"incident_at “{text}” is not a date and time like 25/11/2026 22:40"


def _day(text: str) -> tuple[date | None, str]:
    """A date of birth, or what is wrong with it."""
    text = text.strip()
    try:
        if found := UK_DATE.fullmatch(text):
            d, m, y = (int(part) for part in found.groups())
            return date(y, m, d), ""
        return date.fromisoformat(text), ""
    except ValueError:
        return None, f"date_of_birth “{text}” is not a date like 14/02/2019"
