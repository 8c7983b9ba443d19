"""Census years: 1 April to 31 March, named by the year they end in (2026 is the 2025-26 collection)."""

from dataclasses import dataclass
from datetime import date

# The years whose XML structure Front Door writes: Sex replaced GenderCurrent in 2024-25, and 2026-27 is
# the collection in progress (its new pre-proceedings module is still a draft, so it is not written).
KNOWN_YEARS = (2025, 2026, 2027)


class UnknownCensusYear(ValueError):
    pass


@dataclass(frozen=True)
class CensusYear:
    year: int
    today: date

    @classmethod
    def of(cls, year: int, *, today: date) -> "CensusYear":
        if year not in KNOWN_YEARS:
            known = ", ".join(str(y) for y in KNOWN_YEARS)
            raise UnknownCensusYear(f"No census year {year}: Front Door writes the census years ending in {known}")
        return cls(year, today)

    @property
    def start(self) -> date:
        return date(self.year - 1, 4, 1)

    @property
    def reference_date(self) -> date:
        return date(self.year, 3, 31)

    @property
    def as_at(self) -> date:
        """The last day whose work the return shows: the reference date, or today for the year in progress."""
        return min(self.reference_date, self.today)

    @property
    def label(self) -> str:
        return f"{self.year - 1}-{self.year % 100:02d}"

    @property
    def is_in_progress(self) -> bool:
        return self.today < self.reference_date

    def contains(self, day: date | None) -> bool:
        return day is not None and self.start <= day <= self.reference_date
