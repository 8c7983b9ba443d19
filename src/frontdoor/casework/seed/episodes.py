"""When each referral's work happened: its assessments, its child in need plan, and when and why it closed.

The contacts seed opened the referrals and closed the older ones (no
further action after an assessment, or services ceased after months of
help). Here each child's referrals are taken in date order and their dates
settled so that the CIN census rules hold (../shared/reference/cin_census.md
section 5.1):

- a referral still open, or closed after the child's next referral, closes
  on the day the next one starts (episodes never overlap, 8820, 8815, 8816);
- an "open case" decision at the front door still finds the referral it saw
  open (the contacts seed chose the outcome because one was);
- a referral with no further action has no assessment or plan and closes the
  same or the next working day (8831, 4000);
- every assessment starts on or after the referral and is authorised on or
  after its start, never in the future, and before the referral closes
  (1103, 8608, 8565, 8867); at most one is open (8896), only on referrals
  still open, and none started more than a few months ago (8670Q);
- the closure reason follows the last assessment's outcome: no further action
  RC8, early help RC9, a child in need plan RC7 once the plan has ended;
- a plan starts on or after the authorisation, is reviewed about every three
  months, ends on or before the closure, and stays open on open referrals.
"""

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import lru_cache

from frontdoor.casework import assessments
from frontdoor.casework.models import Assessment, AssessmentKind
from frontdoor.casework.seed.tools import WorkingDays
from frontdoor.codes import ReasonForClosure
from frontdoor.contacts.seed.tools import Weighted
from frontdoor.timescales.clocks import add_months
from frontdoor.timescales.regimes import Regime

Status = Assessment.Status
Outcome = Assessment.Outcome

NFA_SHARE = 0.08  # referrals closed with no further action, without an assessment
CORE_SHARE = 0.45  # 2010 rules: initial assessments that led to a core assessment
OLD_DAYS = 365  # the contacts seed leaves older referrals open only for long-running work
PLAN_ROOM_DAYS = 28  # the least time a plan runs before the referral closes
OUTCOMES = Weighted([(Outcome.NFA.value, 34.0), (Outcome.EARLY_HELP.value, 21.0), (Outcome.CIN_PLAN.value, 45.0)])
REASON_FOR = {
    Outcome.NFA: ReasonForClosure.NFA_AFTER_ASSESSMENT.value,
    Outcome.EARLY_HELP: ReasonForClosure.EARLY_HELP_AFTER_ASSESSMENT.value,
    Outcome.CIN_PLAN: ReasonForClosure.CEASED.value,
}
# Working days from the referral to the start of the assessment.
START_LAG = Weighted([(0, 50.0), (1, 28.0), (2, 12.0), (3, 6.0), (4, 4.0)])
# Working days a manager takes to authorise a submitted assessment.
MANAGER_LAG = Weighted([(0, 30.0), (1, 30.0), (2, 17.0), (3, 10.0), (4, 6.0), (6, 4.0), (8, 3.0)])
# Working days from the authorisation to the closure, for no further action or early help.
CLOSURE_LAG = Weighted([(0, 25.0), (1, 25.0), (2, 15.0), (3, 10.0), (5, 10.0), (8, 8.0), (12, 7.0)])
# How many reviews before a plan ends (0: it runs on).
PLAN_REVIEWS = Weighted([(1, 18.0), (2, 25.0), (3, 20.0), (4, 12.0), (6, 8.0), (0, 17.0)])
OPEN_STATUS = Weighted([(Status.DRAFT.value, 60.0), (Status.SUBMITTED.value, 28.0), (Status.RETURNED.value, 12.0)])


@dataclass(frozen=True)
class Timing:
    """How an assessment of one kind runs: its statutory length and how long it really takes."""

    length: int  # working days (from the referral, or from the start of a core assessment)
    on_time_share: float
    soonest: int  # working days, when on time
    usual: int
    late_mean: float  # working days past the due date, when late


TIMINGS = {
    AssessmentKind.SINGLE: Timing(45, 0.8, 5, 32, 12.0),
    AssessmentKind.INITIAL: Timing(7, 0.8, 1, 5, 5.0),
    AssessmentKind.CORE: Timing(35, 0.8, 10, 27, 10.0),
}


@dataclass(slots=True)
class ReferralRow:
    id: int
    person: int
    day: date
    created: datetime  # naive local time
    closed: date | None
    reason: str
    source: str
    first_name: str
    sex: str
    born: date | None
    expected: date | None
    categories: list[str]


@dataclass(slots=True)
class Stage:
    """One assessment."""

    kind: str
    regime: str
    started: date
    due: date
    completed: date | None
    authorised: date | None
    status: str = Status.AUTHORISED.value
    outcome: str = ""


@dataclass(slots=True)
class Episode:
    row: ReferralRow
    re_referral: bool
    nfa: bool = False
    closed: date | None = None
    reason: str = ""
    stages: list[Stage] = field(default_factory=list)
    outcome: str = ""
    plan: tuple[date, date | None] | None = None
    reviews: list[date] = field(default_factory=list)


@lru_cache(maxsize=50_000)
def due_on(kind: str, regime: str, referral_date: date, started_on: date) -> date:
    return assessments.due_on(kind=kind, regime=regime, referral_date=referral_date, started_on=started_on)


class EpisodePlanner:
    def __init__(
        self,
        rng: random.Random,
        today: date,
        days: WorkingDays,
        regime_on: Callable[[date], str],
        review_months: int,
    ) -> None:
        self.rng, self.today, self.days = rng, today, days
        self.yesterday = today - timedelta(days=1)
        self.regime_on = regime_on  # the regime for work started on a day
        self.review_months = review_months

    def person(self, refs: list[ReferralRow], open_cases: list[datetime]) -> list[Episode]:
        """A child's referrals, oldest first, and the times the front door found one of them open."""
        floors: dict[int, date] = {}
        for moment in open_cases:
            # A referral the front door saw open then stays open past that day: the latest of them, so
            # that an earlier one can still close when the next starts.
            seen = [
                i
                for i, ref in enumerate(refs)
                if ref.created <= moment and (ref.closed is None or ref.closed > moment.date())
            ]
            if seen:
                floors[seen[-1]] = max(floors.get(seen[-1], date.min), moment.date() + timedelta(days=1))
        episodes = []
        for k, ref in enumerate(refs):
            following = refs[k + 1].day if k + 1 < len(refs) else None
            before = refs[k - 1].day if k else None
            episode = Episode(ref, re_referral=before is not None and before >= add_months(ref.day, -12))
            self.episode(episode, following, floors.get(k))
            episodes.append(episode)
        return episodes

    def close_on(self, wanted: date, floor: date | None, latest: date | None) -> date | None:
        """The closure nearest the wanted day, not after the next referral nor before an open-case decision."""
        day = min(wanted, latest) if latest is not None else wanted
        if floor is not None:
            day = max(day, floor)
        return day if day <= self.today else None

    def episode(self, episode: Episode, following: date | None, floor: date | None) -> None:
        rng, days, ref = self.rng, self.days, episode.row
        # The contacts seed's closure, kept unless the work needs longer; never after the next referral.
        wanted = ref.closed if ref.closed is not None and (following is None or ref.closed <= following) else None
        if rng.random() < NFA_SHARE and self.no_further_action(episode, following, floor):
            return
        started = min(days.add(ref.day, START_LAG.pick(rng)), following or self.today, self.today)
        if wanted is not None:
            if ref.reason == ReasonForClosure.NFA_AFTER_ASSESSMENT:
                outcome = Outcome.NFA.value if rng.random() < 0.65 else Outcome.EARLY_HELP.value
            else:
                outcome = Outcome.CIN_PLAN.value
        elif following is None and (self.today - ref.day).days > OLD_DAYS:
            outcome = Outcome.CIN_PLAN.value  # long-running work the contacts seed left open
        else:
            outcome = OUTCOMES.pick(rng)
        if wanted is None and following is None:
            self.open_ended(episode, started, outcome, floor)
            return
        latest = following or self.yesterday  # the work is done by then
        cap = latest
        if outcome == Outcome.CIN_PLAN:
            cap = latest - timedelta(days=PLAN_ROOM_DAYS)
            if cap < started:
                outcome, cap = Outcome.NFA.value, latest
        episode.stages = self.stages(ref.day, started, cap)
        authorised = episode.stages[-1].authorised
        assert authorised is not None
        if outcome == Outcome.CIN_PLAN:
            start = min(days.add(authorised, rng.randint(0, 5)), cap)
            if wanted is not None:
                end = max(wanted - timedelta(days=rng.randint(0, 14)), start + timedelta(days=PLAN_ROOM_DAYS))
            else:
                end = start + timedelta(days=round(rng.triangular(60, 540, 180)))
            end = max(start, min(end, latest - timedelta(days=rng.randint(0, 7))))
            closing = max(wanted, end) if wanted is not None else end + timedelta(days=rng.randint(0, 14))
            closed = self.close_on(min(closing, self.today), floor, following)
            episode.plan = (start, end if closed is not None else None)
            episode.reviews = self.reviews(start, end if closed is not None else None)
        else:
            closing = days.add(authorised, CLOSURE_LAG.pick(rng))
            closed = self.close_on(max(closing, wanted) if wanted is not None else closing, floor, following)
        self.finish(episode, outcome, closed)

    def open_ended(self, episode: Episode, started: date, outcome: str, floor: date | None) -> None:
        """A referral with no later one and no closure yet: the work goes on as far as today."""
        rng, days, ref = self.rng, self.days, episode.row
        episode.stages = self.stages(ref.day, started, None)
        last = episode.stages[-1]
        if last.authorised is None:
            # Still being assessed: the outcome is known once the worker has written it.
            if last.status != Status.DRAFT:
                last.outcome = outcome
            self.finish(episode, "", None)
            return
        authorised = last.authorised
        closed: date | None = None
        if outcome == Outcome.CIN_PLAN:
            start = min(days.add(authorised, rng.randint(0, 5)), self.yesterday)
            reviews = 0 if (self.today - ref.day).days > OLD_DAYS else PLAN_REVIEWS.pick(rng)
            held = self.reviews(start, None)
            end: date | None = None
            if reviews and len(held) >= reviews:
                # The plan ended at a review, and the referral closed soon after.
                end = held[reviews - 1]
                closed = self.close_on(end + timedelta(days=rng.randint(0, 14)), floor, None)
                if closed is None:
                    end = None
                else:
                    held = held[:reviews]
            episode.plan = (start, end)
            episode.reviews = held
        else:
            closed = self.close_on(days.add(authorised, CLOSURE_LAG.pick(rng)), floor, None)
        self.finish(episode, outcome, closed)

    def finish(self, episode: Episode, outcome: str, closed: date | None) -> None:
        episode.outcome = outcome
        if episode.stages and episode.stages[-1].authorised is not None:
            episode.stages[-1].outcome = outcome
        if closed is not None:
            episode.closed, episode.reason = closed, REASON_FOR[Outcome(outcome)]

    def no_further_action(self, episode: Episode, latest: date | None, floor: date | None) -> bool:
        """Closed at the referral stage, the same or the next working day, if that fits around the other referrals."""
        day = episode.row.day
        options = [day, self.days.add(day, 1)]
        if self.rng.random() < 0.4:
            options.reverse()
        for closed in options:
            if closed <= self.today and (latest is None or closed <= latest) and (floor is None or floor <= closed):
                episode.nfa, episode.closed, episode.reason = True, closed, ReasonForClosure.CEASED.value
                return True
        return False

    def stages(self, referral_date: date, started: date, cap: date | None) -> list[Stage]:
        """The assessments under the regime of their start: single; or initial and now and then a core one."""
        regime = self.regime_on(started)
        if regime == Regime.CURRENT:
            return [self.stage(AssessmentKind.SINGLE, regime, referral_date, started, cap)]
        initial = self.stage(AssessmentKind.INITIAL, regime, referral_date, started, cap)
        if initial.authorised is not None and self.rng.random() < CORE_SHARE:
            core_start = self.days.add(initial.authorised, self.rng.randint(0, 1))
            if (
                (cap is None or core_start <= cap)
                and core_start < self.today
                and self.regime_on(core_start) == Regime.WT2010
            ):
                initial.outcome = Outcome.CORE_ASSESSMENT.value
                return [initial, self.stage(AssessmentKind.CORE, regime, referral_date, core_start, cap)]
        return [initial]

    def stage(self, kind: str, regime: str, referral_date: date, started: date, cap: date | None) -> Stage:
        """One assessment: on time or late as they really are, fitted before `cap`; open if it is not done yet."""
        rng, days = self.rng, self.days
        timing = TIMINGS[AssessmentKind(kind)]
        due = due_on(kind, regime, referral_date, started)
        clock_from = started if kind == AssessmentKind.CORE else referral_date
        if rng.random() < timing.on_time_share:
            taken = round(rng.triangular(timing.soonest, timing.length, timing.usual))
            authorised = max(started, min(days.add(clock_from, taken), due))
            completed = max(started, days.add(authorised, -MANAGER_LAG.pick(rng)))
        else:
            completed = days.add(due, 1 + min(int(rng.expovariate(1 / timing.late_mean)), 5 * int(timing.late_mean)))
            authorised = days.add(completed, MANAGER_LAG.pick(rng))
        if cap is not None:
            if authorised > cap:
                authorised = max(started, days.add(cap, -rng.randint(0, 3)) if rng.random() < 0.7 else cap)
                completed = min(completed, authorised)
            return Stage(kind, regime, started, due, completed, authorised)
        if authorised <= self.yesterday:
            return Stage(kind, regime, started, due, completed, authorised)
        # Not finished yet: a draft, with a manager, or returned to the worker.
        status = Status.DRAFT.value if days.between(started, self.today) < 3 else OPEN_STATUS.pick(rng)
        submitted: date | None = None
        if status == Status.SUBMITTED:
            submitted = max(started, days.add(self.today, -rng.randint(1, 4)))
            if submitted >= self.today:
                status, submitted = Status.DRAFT.value, None
        return Stage(kind, regime, started, due, submitted, None, status)

    def reviews(self, start: date, end: date | None) -> list[date]:
        """Reviews about every three months (a little early, on a working day), up to the end or yesterday."""
        rng, days = self.rng, self.days
        until = min(end, self.yesterday) if end is not None else self.yesterday
        held: list[date] = []
        last = start
        while True:
            planned = add_months(last, self.review_months) - timedelta(days=rng.randint(0, 10))
            day = days.on_or_before(planned)
            if day <= last:
                day = planned
            if day > until:
                break
            held.append(day)
            last = day
        if end is not None and start < end <= self.yesterday and (not held or held[-1] < end) and rng.random() < 0.6:
            held.append(end)  # a closing review on the day the plan ended
        return held
