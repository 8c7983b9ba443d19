"""Police notifications from a CSV file: one line per person named, grouped into notifications by reference.

Every bad line is reported with its number and nothing is imported until the file is clean: a half-imported
day of notifications would leave children out of the triage meeting without anyone knowing.
"""

import csv
import io
import re
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
    rows = csv.DictReader(io.StringIO(text))
    missing = [c for c in COLUMNS if c not in (rows.fieldnames or [])]
    if missing:
        raise ValueError(f"Line 1: the header is missing {', '.join(missing)}")
    grouped: dict[str, tuple[dict[str, object], list[notifications.PersonOnNotification]]] = {}
    lines: dict[str, list[int]] = {}
    for row in rows:
        line = rows.line_num
        report.lines += 1
        problems: list[str] = []
        incident = _when(row["incident_at"], problems)
        born = _day(row["date_of_birth"], problems) if row["date_of_birth"].strip() else None
        marac = row["marac_referral"].strip().lower()
        if marac not in YES | NO:
            problems.append("marac_referral must be yes or no")
        reference = row["police_reference"].strip()
        details: dict[str, object] = {
            "police_reference": reference,
            "incident_at": incident,
            "kind": row["kind"].strip().lower(),
            "dash_risk": row["dash_risk"].strip().lower(),
            "marac_referral": marac in YES,
            "summary": row["summary"].strip(),
        }
        person = notifications.PersonOnNotification(
            role=row["role"].strip().lower(),
            first_name=row["first_name"].strip(),
            last_name=row["last_name"].strip(),
            date_of_birth=born,
            postcode=row["postcode"].strip(),
        )
        if incident is not None:
            problems += _row_problems(details, person)
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
    return [notifications.Notification(**details, people=people) for details, people in grouped.values()]  # type: ignore[arg-type]


def _row_problems(details: dict[str, object], person: notifications.PersonOnNotification) -> list[str]:
    """The service's checks on one line, but for the rule that needs the whole notification."""
    one = notifications.Notification(**details, people=[person])  # type: ignore[arg-type]
    return [p for p in notifications.problems_with(one) if p != "A notification names at least one child"]


UK_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


def _when(text: str, problems: list[str]) -> datetime | None:
    text = text.strip()
    day, _, clock = text.partition(" ")
    # The police's own layout (25/11/2026 22:40) is read directly: strptime costs more than the matching.
    if (found := UK_DATE.fullmatch(day)) and len(clock) == 5 and clock[2] == ":" and clock.replace(":", "").isdigit():
        d, m, y = (int(part) for part in found.groups())
        try:
            return datetime(y, m, d, int(clock[:2]), int(clock[3:]), tzinfo=timezone.get_current_timezone())
        except ValueError:
            pass
    else:
        try:
            parsed = datetime.fromisoformat(text)
            return parsed if parsed.tzinfo else timezone.make_aware(parsed)
        except ValueError:
            pass
    problems.append(f"incident_at “{text}” is not a date and time like 25/11/2026 22:40")
    return None


def _day(text: str, problems: list[str]) -> date | None:
    text = text.strip()
    try:
        if found := UK_DATE.fullmatch(text):
            d, m, y = (int(part) for part in found.groups())
            return date(y, m, d)
        return date.fromisoformat(text)
    except ValueError:
        problems.append(f"date_of_birth “{text}” is not a date like 14/02/2019")
        return None
