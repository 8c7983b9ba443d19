"""The casework of the synthetic council: what became of the referrals the front door opened.

The contacts seed opened a referral for every decision to assess a child not already open to social care, and
closed the older ones. Here each referral is allocated to a team and a
social worker in it, given its primary need and whether it is a
re-referral (another referral of the child in the 12 months before, the
DfE's definition), and either closed with no further action or assessed:
one single assessment under the current rules, or an initial and now and
then a core assessment under the 2010 rules, with the child's voice, the
Assessment Framework's dimensions, an analysis, the factors identified and
an outcome. Most are authorised on time; the rest late, with the reason.
An outcome of a child in need plan starts one, reviewed every three months.
The dates follow the CIN census rules (see `episodes`).

As in the contacts seed, nothing goes through the services: the referrals
are read a few thousand children at a time, in date order for each child,
and their new values and the rows that hang from them go in as one
statement with many rows of parameters (contacts.seed.tools.Table, and
`tools.Updates` for the referrals themselves), so the large council's
referrals never sit in memory at once.
"""

from datetime import date, datetime, time, timedelta
from itertools import groupby
from operator import attrgetter

from django.db.models import Max, Min
from django.utils import timezone

from frontdoor.accounts.models import LocalAuthority, Team, User
from frontdoor.accounts.roles import Role
from frontdoor.casework.models import Assessment, CinPlan, CinPlanReview, Referral
from frontdoor.casework.seed import texts
from frontdoor.casework.seed.episodes import Episode, EpisodePlanner, ReferralRow, Stage
from frontdoor.casework.seed.tools import Updates, WorkingDays
from frontdoor.casework.seed.writing import GRADES, WRITTEN, Writer, primary_need
from frontdoor.codes import Disability
from frontdoor.contacts.models import Outcome as DecisionOutcome
from frontdoor.contacts.models import ThresholdDecision
from frontdoor.contacts.seed.rates import SEED_TIME
from frontdoor.contacts.seed.tools import OfficeClock, Table, Weighted
from frontdoor.people.models import Person
from frontdoor.records.services import record_event
from frontdoor.seeding import SeedContext
from frontdoor.timescales.calendar import council_calendar

Status = Assessment.Status
PEOPLE_PER_CHUNK = 4_000  # children whose referrals are read, settled and written at a time
ACCESS_SHARE = 0.45  # of referrals that end without a plan, assessed by the access team rather than a locality team


class CaseworkBuilder:
    def __init__(self, context: SeedContext) -> None:
        self.context, self.rng, self.today = context, context.rng, context.today
        self.tz = timezone.get_current_timezone()
        self.now = datetime.combine(self.today, SEED_TIME)
        real_now = timezone.localtime().replace(tzinfo=None, second=0, microsecond=0)
        if real_now.date() == self.today and real_now < self.now:
            self.now = real_now  # seeding early in the morning: nothing after the real clock
        council = LocalAuthority.load()
        calendar = council_calendar()
        span = Referral.objects.aggregate(first=Min("referral_date"), low=Min("person_id"), high=Max("person_id"))
        self.people = (span["low"] or 0, span["high"] or -1)
        first = min(span["first"] or self.today, self.today)
        self.days = WorkingDays(calendar, first - timedelta(days=30), self.today + timedelta(days=3 * 366))
        self.clock = OfficeClock(council, calendar, first - timedelta(days=14), self.today + timedelta(days=60))
        self.planner = EpisodePlanner(
            self.rng, self.today, self.days, council.regime_on, council.cin_plan_review_interval_months
        )
        self.writer = Writer(self.rng, self.today, self.days)
        self.counts: dict[str, int] = dict.fromkeys(
            (
                "referrals",
                "re_referrals",
                "nfa",
                "closed",
                "assessments",
                "authorised",
                "on_time",
                "late",
                "open_assessments",
                "overdue",
                "cin_plans",
                "open_cin_plans",
                "reviews",
            ),
            0,
        )

    def load_staff(self) -> bool:
        users = User.objects.filter(
            is_active=True, team__kind__in=[Team.Kind.ACCESS, Team.Kind.LOCALITY], team__is_active=True
        ).order_by("pk")
        workers: dict[int, list[tuple[int, float]]] = {}
        self.team_managers: dict[int, list[int]] = {}
        kinds: dict[int, str] = {}
        for pk, role, team, kind in users.values_list("pk", "role", "team_id", "team__kind"):
            kinds[team] = kind
            if role in (Role.SOCIAL_WORKER, Role.SENIOR_PRACTITIONER):
                workers.setdefault(team, []).append((pk, 1.0 if role == Role.SOCIAL_WORKER else 0.6))
            elif role == Role.TEAM_MANAGER:
                self.team_managers.setdefault(team, []).append(pk)
        service = User.objects.filter(is_active=True, role=Role.SERVICE_MANAGER).order_by("pk")
        self.managers = [pk for team in self.team_managers.values() for pk in team]
        self.managers += list(service.values_list("pk", flat=True))
        self.workers = {team: Weighted(staff) for team, staff in workers.items()}
        access = [team for team in self.workers if kinds[team] == Team.Kind.ACCESS]
        localities = [team for team in self.workers if kinds[team] == Team.Kind.LOCALITY]
        self.access = access or localities
        self.localities = localities or access
        return bool(self.workers) and len(self.managers) >= 2

    def tables(self) -> None:
        self.referrals = Updates(
            Referral,
            (
                "is_re_referral",
                "team",
                "worker",
                "allocated_at",
                "primary_need",
                "is_nfa",
                "closed_on",
                "closure_reason",
                "closure_authorised_by",
                "version",
            ),
        )
        self.assessments = Table(
            Assessment,
            (
                "referral",
                "kind",
                "regime",
                "status",
                "started_on",
                "due_on",
                "worker",
                *WRITTEN,
                "outcome",
                "late_reason",
                "submitted_at",
                "completed_on",
                "authorised_on",
                "authorised_by",
                "grade",
                "manager_comment",
                "created_at",
                "updated_at",
                "version",
            ),
        )
        self.plans = Table(CinPlan, ("referral", "started_on", "ended_on", "created_by", "created_at"), ids=True)
        self.reviews = Table(CinPlanReview, ("plan", "held_on", "summary", "recorded_by", "recorded_at"))

    def build(self) -> None:
        if not self.load_staff():
            self.context.say("Casework: no social workers and managers in access or locality teams; nothing seeded")
            return
        self.tables()
        open_cases = self.open_cases()
        low, high = self.people
        for start in range(low, high + 1, PEOPLE_PER_CHUNK):
            for _, refs in groupby(self.read(start, start + PEOPLE_PER_CHUNK), key=attrgetter("person")):
                group = list(refs)
                for episode in self.planner.person(group, open_cases.get(group[0].person, [])):
                    self.write(episode)
            for table in (self.referrals, self.assessments, self.plans, self.reviews):
                table.flush()
        self.plans.reset_sequence()
        self.record_disabilities()
        self.report()

    def record_disabilities(self) -> None:
        """An assessment asks about disability, so every child with further action has an answer (CIN rule 8540)."""
        assessed = Referral.objects.filter(is_nfa=False).values("person_id")
        unrecorded = Person.objects.filter(pk__in=assessed, disabilities=[], date_of_birth__isnull=False)
        unrecorded.update(disabilities=[Disability.NONE.value])

    def open_cases(self) -> dict[int, list[datetime]]:
        """When the front door decided a child's case was already open, by child."""
        found: dict[int, list[datetime]] = {}
        decisions = ThresholdDecision.objects.filter(
            outcome=DecisionOutcome.OPEN_CASE, contact_child__person__isnull=False
        )
        for person, decided in decisions.order_by("pk").values_list("contact_child__person_id", "decided_at"):
            found.setdefault(person, []).append(timezone.localtime(decided, self.tz).replace(tzinfo=None))
        return found

    def read(self, low: int, high: int) -> list[ReferralRow]:
        rows = (
            Referral.objects.filter(person_id__gte=low, person_id__lt=high)
            .order_by("person_id", "referral_date", "id")
            .values_list(
                "id",
                "person_id",
                "referral_date",
                "created_at",
                "closed_on",
                "closure_reason",
                "source",
                "person__first_name",
                "person__sex",
                "person__date_of_birth",
                "person__expected_date_of_birth",
                "contact_child__contact__categories",
            )
        )
        tz = self.tz
        return [
            ReferralRow(
                pk,
                person,
                day,
                timezone.localtime(created, tz).replace(tzinfo=None),
                closed,
                reason,
                source,
                first,
                sex,
                born,
                expected,
                categories if isinstance(categories, list) else [],
            )
            for pk, person, day, created, closed, reason, source, first, sex, born, expected, categories in rows
        ]

    def at(self, day: date, earliest: int, latest: int) -> datetime:
        """A time in the working day (hours from 00:00), never after the seed's now."""
        moment = datetime.combine(day, time(0)) + timedelta(minutes=self.rng.randint(earliest * 60, latest * 60))
        return min(moment, self.now)

    def manager_for(self, team: int, worker: int | None) -> int:
        own = [pk for pk in self.team_managers.get(team, ()) if pk != worker]
        if own and self.rng.random() < 0.85:
            return self.rng.choice(own)
        return self.rng.choice([pk for pk in self.managers if pk != worker])

    def write(self, episode: Episode) -> None:
        rng, ref, counts = self.rng, episode.row, self.counts
        counts["referrals"] += 1
        counts["re_referrals"] += episode.re_referral
        counts["nfa"] += episode.nfa
        counts["closed"] += episode.closed is not None
        if episode.nfa:
            teams = self.access
        elif episode.outcome == Assessment.Outcome.CIN_PLAN:
            teams = self.localities
        else:
            teams = self.access if rng.random() < (ACCESS_SHARE if episode.closed else 0.5) else self.localities
        team = rng.choice(teams)
        worker = None if episode.nfa else self.workers[team].pick(rng)
        hours = min(16.0, 0.2 + rng.expovariate(1 / 3))
        allocated = min(self.now, max(ref.created, self.clock.add(ref.created, hours)))
        need = "" if episode.nfa else primary_need(rng, ref.categories)
        closed_by = self.manager_for(team, worker) if episode.closed is not None else None
        version = 2 + (need != "") + (episode.closed is not None)
        self.referrals.add(
            ref.id,
            episode.re_referral,
            team,
            worker,
            allocated,
            need,
            episode.nfa,
            episode.closed,
            episode.reason,
            closed_by,
            version,
        )
        if worker is None:
            return
        words = self.writer.words(ref)
        for stage in episode.stages:
            self.write_assessment(episode, stage, team, worker, words, allocated)
        if episode.plan is not None:
            start, end = episode.plan
            plan = self.plans.add(ref.id, start, end, worker, self.at(start, 10, 16))
            counts["cin_plans"] += 1
            counts["open_cin_plans"] += end is None
            for held in episode.reviews:
                recorded = self.at(held + timedelta(days=rng.choice((0, 0, 0, 1, 2))), 13, 17)
                summary = self.writer.pick(texts.REVIEW_SUMMARIES, words)
                self.reviews.add(plan, held, summary, worker, max(recorded, datetime.combine(held, time(12))))
                counts["reviews"] += 1

    def write_assessment(
        self, episode: Episode, stage: Stage, team: int, worker: int, words: dict[str, str], allocated: datetime
    ) -> None:
        rng, counts, today = self.rng, self.counts, self.today
        written = self.writer.compose(episode.row, stage, words)
        late = stage.completed is not None and stage.completed > stage.due
        overdue = stage.authorised is None and stage.due < today
        late_reason = ""
        if late or (overdue and stage.status != Status.SUBMITTED and rng.random() < 0.3):
            late_reason = rng.choice(texts.LATE_REASONS)
        created = max(allocated, self.at(stage.started, 9, 12)) if stage.started > allocated.date() else allocated
        submitted_at = self.at(stage.completed, 10, 17) if stage.completed is not None else None
        grade = comment = ""
        authorised_by: int | None = None
        if stage.status == Status.AUTHORISED:
            assert stage.authorised is not None
            authorised_by = self.manager_for(team, worker)
            grade = GRADES.pick(rng)
            comment = rng.choice(texts.AUTHORISE_COMMENTS) if rng.random() < 0.35 else ""
            updated = self.at(stage.authorised, 10, 17)
            if submitted_at is not None and updated < submitted_at:
                updated = submitted_at + timedelta(minutes=rng.randint(20, 180))
            version = rng.randint(3, 10)
            counts["authorised"] += 1
            counts["on_time"] += not late
            counts["late"] += late
        else:
            counts["open_assessments"] += 1
            counts["overdue"] += overdue
            if stage.status == Status.RETURNED:
                comment = rng.choice(texts.RETURN_COMMENTS)
                returned = max(stage.started, self.days.add(today, -rng.randint(1, 3)))
                updated = self.at(returned, 10, 17)
                version = rng.randint(3, 8)
            elif submitted_at is not None:
                updated, version = submitted_at, rng.randint(2, 7)
            else:
                saved = max(stage.started, today - timedelta(days=rng.randint(1, 4)))
                updated, version = self.at(saved, 9, 17), rng.randint(1, 6)
            updated = max(updated, created)
        counts["assessments"] += 1
        self.assessments.add(
            episode.row.id,
            stage.kind,
            stage.regime,
            stage.status,
            stage.started,
            stage.due,
            worker,
            *written,
            stage.outcome,
            late_reason,
            submitted_at,
            stage.completed,
            stage.authorised,
            authorised_by,
            grade,
            comment,
            created,
            max(updated, created),
            version,
        )

    def report(self) -> None:
        counts = self.counts
        judged = counts["authorised"] + counts["overdue"]
        share = counts["on_time"] / judged if judged else 0.0
        summary = (
            f"Seeded the casework of {counts['referrals']:,} referrals ({counts['nfa']:,} with no further action, "
            f"{counts['re_referrals']:,} re-referrals, {counts['closed']:,} closed): {counts['assessments']:,} "
            f"assessments ({counts['open_assessments']:,} open, {share:.0%} on time) and {counts['cin_plans']:,} "
            f"child in need plans ({counts['open_cin_plans']:,} open, {counts['reviews']:,} reviews)"
        )
        record_event(kind="seed.casework", by=None, summary=summary, data=dict(counts))
        self.context.shared["casework_counts"] = dict(counts)
        self.context.say(
            f"Casework: {counts['referrals']:,} referrals ({counts['nfa']:,} NFA, {counts['re_referrals']:,} "
            f"re-referrals, {counts['closed']:,} closed), {counts['assessments']:,} assessments "
            f"({counts['open_assessments']:,} open, {counts['overdue']:,} overdue, {share:.0%} on time), "
            f"{counts['cin_plans']:,} CIN plans ({counts['open_cin_plans']:,} open), {counts['reviews']:,} reviews"
        )


def seed(context: SeedContext) -> None:
    CaseworkBuilder(context).build()
