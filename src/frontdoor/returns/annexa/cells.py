"""The reporting period and the cells every list shares: the child's columns, dates, yes/no, names."""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from django.utils import timezone

from frontdoor.returns.annexa.lists import ETHNICITY, GENDER, NO, UNALLOCATED, UNKNOWN, YES
from frontdoor.returns.identifiers import child_unique_id
from frontdoor.timescales.clocks import add_months

Cell = str | int | None
Row = tuple[Cell, ...]

REPORTING_MONTHS = 6  # Ofsted: "in the six months before the date of inspection"
COUNT_MONTHS = 12  # the "in the last 12 months" counts


@dataclass(frozen=True)
class Period:
    """The six months up to and including the inspection date; anything dated after it is not yet known."""

    inspection_date: date

    @property
    def start(self) -> date:
        return add_months(self.inspection_date, -REPORTING_MONTHS)

    @property
    def start_moment(self) -> datetime:
        return timezone.make_aware(datetime.combine(self.start, time.min))

    @property
    def end_moment(self) -> datetime:
        """Midnight after the inspection date: received before this is received on or before it."""
        return timezone.make_aware(datetime.combine(self.inspection_date + timedelta(days=1), time.min))

    def known(self, day: date | None) -> date | None:
        """The date if it had happened by the inspection date; a later one is left out as not yet known."""
        return day if day is not None and day <= self.inspection_date else None


def count_window_start(day: date) -> date:
    """The first day of the 12 months before `day`, as casework.services.is_re_referral counts them."""
    return add_months(day, -COUNT_MONTHS)


def dmy(day: date | None) -> str | None:
    return f"{day:%d/%m/%Y}" if day is not None else None


def local_day(moment: datetime | None) -> date | None:
    return timezone.localtime(moment).date() if moment is not None else None


def yes_no(value: bool | None) -> str | None:
    return None if value is None else (YES if value else NO)


def disability(codes: list[str] | None) -> str:
    """Empty means not recorded; the CIN census code NONE alone means no disability."""
    if not codes:
        return UNKNOWN
    return NO if list(codes) == ["NONE"] else YES


def age(born: date | None, expected: date | None, on: date) -> int | None:
    """Years at the last birthday on `on`; -1 for a child not yet born (Ofsted's instruction)."""
    if born is None:
        return -1 if expected is not None else None
    if born > on:
        return -1
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def person_fields(prefix: str) -> list[str]:
    """The person's columns for `.values()`, reached through `prefix` (e.g. "referral__person")."""
    names = ("id", "la_child_id", "sex", "ethnicity", "date_of_birth", "expected_date_of_birth", "disabilities")
    return [f"{prefix}__{name}" for name in names]


def child_cells(row: Mapping[str, Any], prefix: str, period: Period) -> Row:
    """Child Unique ID, Gender, Ethnicity, Date of Birth and Age, as at the inspection date."""
    born = row[f"{prefix}__date_of_birth"]
    return (
        child_unique_id(row[f"{prefix}__id"], row[f"{prefix}__la_child_id"]),
        GENDER.get(row[f"{prefix}__sex"], GENDER["U"]),
        ETHNICITY.get(row[f"{prefix}__ethnicity"], ETHNICITY["NOBT"]),
        dmy(born),
        age(born, row[f"{prefix}__expected_date_of_birth"], period.inspection_date),
    )


def worker_fields(prefix: str) -> list[str]:
    return [f"{prefix}__first_name", f"{prefix}__last_name", f"{prefix}__username"]


def worker_name(row: Mapping[str, Any], prefix: str) -> str | None:
    """The worker's full name as the rest of the system shows it (User.display_name)."""
    if row[f"{prefix}__username"] is None:
        return None
    full = f"{row[f'{prefix}__first_name']} {row[f'{prefix}__last_name']}".strip()
    return full or str(row[f"{prefix}__username"])


def allocated(team: str | None, worker: str | None) -> Row:
    """The cleaner refuses a blank team or worker, so work with no one allocated says so."""
    return (team or UNALLOCATED, worker or UNALLOCATED)
