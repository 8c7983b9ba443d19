from dataclasses import dataclass
from datetime import date

import holidays

from frontdoor.timescales.models import ClosureDay


@dataclass(frozen=True)
class NonWorkingDay:
    date: date
    name: str
    is_closure: bool


def upcoming_non_working_days(*, today: date, count: int = 10) -> list[NonWorkingDay]:
    """The next bank holidays and council closure days on weekdays."""
    bank_holidays = holidays.UK(subdiv="ENG", years=[today.year, today.year + 1])
    days = [
        NonWorkingDay(day, name, False) for day, name in bank_holidays.items() if day >= today and day.weekday() < 5
    ]
    days += [
        NonWorkingDay(closure.date, closure.reason, True) for closure in ClosureDay.objects.filter(date__gte=today)
    ]
    return sorted(days, key=lambda d: d.date)[:count]
