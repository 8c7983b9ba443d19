"""When the child protection work happened: conferences, and each plan's reviews, core groups and visits.

Pure date arithmetic on the council's working days (casework.seed.tools.WorkingDays), so the tests can run
it over years of made-up plans without a database. The timescales are those of the protection pages
(timescales.regimes): the initial conference 15 working days from the strategy discussion, the first core
group within 10 working days of it, the first review within 3 months and each later one within 6, a visit
at least every `visit_interval` working days (the council's cp_visit_interval_working_days).
"""

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from frontdoor.casework.seed.tools import WorkingDays
from frontdoor.contacts.seed.tools import Weighted
from frontdoor.protection.models import ChildProtectionPlan
from frontdoor.timescales.clocks import add_months

EndReason = ChildProtectionPlan.EndReason

CONFERENCE_WORKING_DAYS = 15
FIRST_CORE_GROUP_WORKING_DAYS = 10
CONFERENCE_ON_TIME = 0.8
FIRST_REVIEW_MONTHS, LATER_REVIEW_MONTHS = 3, 6
REVIEW_ON_TIME = 0.9
CORE_GROUP_ON_TIME = 0.9
VISIT_ON_TIME = 0.93
CHILD_SEEN = 0.95
SEEN_ALONE = 0.66  # of children seen who are old enough to be seen alone (3 or more)
BEDROOM_SEEN = (0.53, 0.15)  # when the child is seen, and when not
# How many reviews a plan runs to before a review ends it; some end between reviews instead.
REVIEWS_BEFORE_END = Weighted([(1, 20.0), (2, 38.0), (3, 22.0), (4, 10.0), (5, 6.0), (6, 4.0)])
ENDS_BETWEEN_REVIEWS = 0.12
NO_LONGER_AT_RISK = EndReason.NO_LONGER_AT_RISK.value
BETWEEN_REASONS = Weighted(
    [(EndReason.LOOKED_AFTER.value, 60.0), (EndReason.MOVED_AWAY.value, 30.0), (EndReason.OTHER.value, 10.0)]
)


@dataclass(slots=True)
class PlanDates:
    start: date
    end: date | None = None
    end_reason: str = ""
    reviews: list[date] = field(default_factory=list)  # the last one ended the plan when `ended_at_review`
    ended_at_review: bool = False
    core_groups: list[date] = field(default_factory=list)
    visits: list[date] = field(default_factory=list)


class Timeline:
    def __init__(self, rng: random.Random, today: date, days: WorkingDays, visit_interval: int) -> None:
        self.rng, self.today, self.days = rng, today, days
        self.yesterday = today - timedelta(days=1)
        self.visit_interval = visit_interval

    def conference(self, started: date) -> tuple[date, date]:
        """The conference's due date and the day it is held: mostly on time, now and then some days late."""
        rng, days = self.rng, self.days
        due = days.add(started, CONFERENCE_WORKING_DAYS)
        if rng.random() < CONFERENCE_ON_TIME:
            return due, days.add(started, round(rng.triangular(6, CONFERENCE_WORKING_DAYS, 13)))
        return due, days.add(due, 1 + min(int(rng.expovariate(1 / 6)), 30))

    def concluded(self, started: date) -> date:
        """The day an enquiry that needs no conference is concluded."""
        return self.days.add(started, round(self.rng.triangular(2, 25, 10)))

    def plan(self, start: date, *, latest_end: date | None, adult_on: date | None = None) -> PlanDates | None:
        """A plan from its conference: its reviews and how it ended, with its core groups and visits.

        `latest_end`: the plan must have ended by then (at its last review before it), or there is no plan;
        None: it may still be open. `adult_on`: the child's 18th birthday, which ends any plan.
        """
        rng = self.rng
        horizon = self.yesterday if latest_end is None else min(latest_end, self.yesterday)
        if horizon <= start or (adult_on is not None and adult_on <= start):
            return None
        reviews = self.reviews(start, horizon)
        dates = PlanDates(start)
        if rng.random() < ENDS_BETWEEN_REVIEWS:
            day = start + timedelta(days=round(rng.triangular(21, 600, 150)))
            if day <= horizon:
                dates.end, dates.end_reason = day, BETWEEN_REASONS.pick(rng)
        else:
            k = REVIEWS_BEFORE_END.pick(rng)
            if k <= len(reviews):
                dates.end, dates.end_reason, dates.ended_at_review = reviews[k - 1], NO_LONGER_AT_RISK, True
        if adult_on is not None and adult_on <= (dates.end or horizon):
            dates.end, dates.end_reason, dates.ended_at_review = adult_on, EndReason.ADULT.value, False
        if dates.end is None and latest_end is not None:
            if not reviews:
                return None
            dates.end, dates.end_reason, dates.ended_at_review = reviews[-1], NO_LONGER_AT_RISK, True
        end = dates.end
        if end is None:
            dates.reviews = reviews
            until = self.yesterday
        else:
            dates.reviews = [day for day in reviews if day < end] + ([end] if dates.ended_at_review else [])
            until = end - timedelta(days=1)
        dates.core_groups = self.core_groups(start, until)
        dates.visits = self.visits(start, until)
        return dates

    def reviews(self, start: date, until: date) -> list[date]:
        """Review conferences up to `until`: the first within 3 months, then within 6 of the last; a few late."""
        rng, days = self.rng, self.days
        held: list[date] = []
        last, due = start, add_months(start, FIRST_REVIEW_MONTHS)
        while True:
            if rng.random() < REVIEW_ON_TIME:
                early = rng.randint(0, 42 if held else 21)
                day = days.on_or_before(due - timedelta(days=early))
                if day <= last:
                    day = days.on_or_before(due)
            else:
                day = days.add(due, rng.randint(1, 20))
            if day <= last or day > until:
                break
            held.append(day)
            last, due = day, add_months(day, LATER_REVIEW_MONTHS)
        return held

    def core_groups(self, start: date, until: date) -> list[date]:
        """The first within 10 working days of the conference (mostly), then about every four weeks."""
        rng, days = self.rng, self.days
        if rng.random() < CORE_GROUP_ON_TIME:
            day = days.add(start, rng.randint(3, FIRST_CORE_GROUP_WORKING_DAYS))
        else:
            day = days.add(start, rng.randint(FIRST_CORE_GROUP_WORKING_DAYS + 1, FIRST_CORE_GROUP_WORKING_DAYS + 8))
        held = []
        while day <= until:
            held.append(day)
            day = days.add(day, rng.randint(17, 24))
        return held

    def visits(self, start: date, until: date) -> list[date]:
        """Statutory visits from the conference: at least every `visit_interval` working days, a few late."""
        rng, days, interval = self.rng, self.days, self.visit_interval
        day = days.add(start, rng.choice((0, 1, 1, 2, 2, 3, 4)))
        held = []
        while day <= until:
            held.append(day)
            if rng.random() < VISIT_ON_TIME:
                gap = round(rng.triangular(min(3, interval), interval, max(1, interval - 1)))
            else:
                gap = interval + rng.randint(1, 8)
            day = days.add(day, max(1, gap))
        return held

    def visit_flags(self, age: float) -> tuple[bool, bool, bool]:
        """Whether the child was seen, seen alone, and their bedroom seen, for a child of this age (-1: unborn)."""
        rng = self.rng
        seen = rng.random() < CHILD_SEEN
        alone = seen and age >= 3 and rng.random() < SEEN_ALONE
        bedroom = rng.random() < BEDROOM_SEEN[0 if seen else 1]
        return seen, alone, bedroom
