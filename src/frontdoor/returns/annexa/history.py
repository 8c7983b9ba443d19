"""Each child's events over a stretch of time, for the "in the last 12 months" counts.

The counts need, for every row, the child's other events in the 12 months before it. A correlated
subquery would need date arithmetic in SQL that SQLite and PostgreSQL spell differently, so one query
loads the (child, date, record) triples for the months that matter and the counts are looked up here:
memory grows with the council's events in about 18 months, never with its whole history.
"""

import sys
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from frontdoor.returns.annexa.cells import count_window_start


class History:
    """The dates of one kind of event, child by child."""

    def __init__(self, events: Iterable[tuple[int, date, int]]) -> None:
        by_child: dict[int, list[tuple[date, int]]] = defaultdict(list)
        for person, day, record in events:
            by_child[person].append((day, record))
        self._by_child = {person: sorted(days) for person, days in by_child.items()}

    def count_before(self, *, person: int, day: date, excluding: int | None = None) -> int:
        """Events of the child from 12 months before `day` up to and including `day`, less `excluding`."""
        days = self._by_child.get(person, [])
        lo = bisect_left(days, (count_window_start(day), -1))
        hi = bisect_right(days, (day, sys.maxsize))
        within = days[lo:hi]
        return len(within) - sum(1 for _, record in within if record == excluding)
