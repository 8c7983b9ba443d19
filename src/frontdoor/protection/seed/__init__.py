"""Child protection in the synthetic council: strategy discussions, section 47 enquiries, conferences and plans.

About one referral in sixteen has a strategy discussion (see `episodes` for which), on or soon after the
referral, with the police and health always and often the school; siblings on one contact share it. Most
discussions start section 47 enquiries, whose conference is due 15 working days later; about two in five
enquiries lead to an initial conference, most on time, and most conferences to a plan. A plan has review
conferences, core groups and visits on the statutory timescales (see `timeline`), and ends at a review or
for another reason. A few children were taken into police protection or under an emergency protection order.

The CIN census rules hold (../shared/reference/cin_census.md section 5.1): every date within its referral
(the referral's closure moves later when the work needs it, never past the child's next referral), a
conference on a working day on or after its enquiry, a plan starting on its conference's day, one plan at a
time per child, and never a child in need plan open during a child protection plan. The casework seed
started a child in need plan after the assessment: here, where a child protection plan ran, that plan starts
when the protection plan ends (the step down), with its reviews again every three months. Where a protection
plan on an open referral is still running, the child in need plan that came before it ended on the day of
the conference, as it does when a conference is recorded in Front Door; where the child in need plan would
only have started after the conference, it never starts: the protection plan takes its place.

As in the casework seed, rows go in through contacts.seed.tools.Table, many at a time.
"""

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Min
from django.utils import timezone

from frontdoor.accounts.models import LocalAuthority, User
from frontdoor.accounts.roles import Role
from frontdoor.casework.models import Assessment, CinPlan, CinPlanReview, Referral
from frontdoor.casework.seed import texts as casework_texts
from frontdoor.casework.seed.episodes import EpisodePlanner
from frontdoor.casework.seed.tools import WorkingDays
from frontdoor.contacts.seed.rates import SEED_TIME
from frontdoor.contacts.seed.tools import Weighted
from frontdoor.protection.models import Agency, ProtectiveOrder, Section47, StrategyChild, StrategyDiscussion
from frontdoor.protection.seed import texts
from frontdoor.protection.seed.agencies import Agencies, Person
from frontdoor.protection.seed.episodes import Case, candidates, choose, fill_details
from frontdoor.protection.seed.records import CATEGORY_LABELS, Tables, age_on, category, joined, pick, words
from frontdoor.protection.seed.timeline import PlanDates, Timeline
from frontdoor.records.services import record_event
from frontdoor.seeding import SeedContext
from frontdoor.timescales.calendar import council_calendar
from frontdoor.timescales.clocks import add_months

Decision = StrategyChild.Decision
Outcome = Section47.Outcome
CSC = Agency.CHILDRENS_SOCIAL_CARE.value
S47 = (Decision.S47_JOINT.value, Decision.S47_SINGLE.value)
DECISIONS = Weighted(
    [
        (Decision.S47_JOINT.value, 55.0),
        (Decision.S47_SINGLE.value, 28.0),
        (Decision.ASSESSMENT.value, 12.0),
        (Decision.NFA.value, 5.0),
    ]
)
SAME_DECISION = 0.85  # siblings given the discussion's decision
# Working days from the referral to the discussion: at once for the front door's strategy decisions.
LAG_STRATEGY = Weighted([(0, 62.0), (1, 28.0), (2, 10.0)])
LAG_ESCALATION = Weighted([(2, 20.0), (4, 25.0), (7, 25.0), (10, 18.0), (15, 12.0)])
MEETING_SHARE = 0.3
EDUCATION_SHARE = 0.8  # of school-age children, with their school in the discussion
OTHER_AGENCY_SHARE = 0.12
CONFERENCE_SHARE = 0.45  # of enquiries
NOT_CONTINUING_SHARE = 0.1  # of enquiries with a conference: harm substantiated, no continuing risk
PLAN_SHARE = 0.9  # of conferences on continuing risk
NOT_SUBSTANTIATED_SHARE = 0.55  # of enquiries without a conference
NO_ROOM_NO_CONFERENCE = 0.6  # of enquiries whose plan the casework leaves no room for, ended without a conference
RECORDED_WAITING_SHARE = 0.5  # of enquiries awaiting their conference, with the outcome recorded
KEEP_CATEGORY = 0.92  # at each review
ORDER_SHARE = 0.07  # of enquiries from the front door's strategy decisions: police protection or an EPO
POLICE_PROTECTION_SHARE = 0.65
STEP_DOWN_ROOM = 14  # days left for a child in need plan after a protection plan on a closed referral
OUTCOMES_ENDED = (Assessment.Outcome.NFA.value, Assessment.Outcome.EARLY_HELP.value)
COUNTS = (
    "discussions",
    "children",
    "enquiries",
    "open_enquiries",
    "not_required",
    "conferences",
    "conferences_on_time",
    "plans",
    "open_plans",
    "reviews",
    "core_groups",
    "visits",
    "orders",
    "closures_moved",
    "cin_plans_moved",
    "cin_plans_held",
    "cin_plans_replaced",
)


@dataclass(frozen=True, slots=True)
class Fate:
    """What became of a discussion's enquiries: the same for brothers and sisters, as a rule."""

    conference: bool
    due: date
    held_on: date
    concluded: date
    continuing: bool
    plan: bool
    substantiated: bool


class ProtectionBuilder:
    def __init__(self, context: SeedContext) -> None:
        self.context, self.rng, self.today = context, context.rng, context.today
        self.yesterday = self.today - timedelta(days=1)
        self.tz = timezone.get_current_timezone()
        self.now = datetime.combine(self.today, SEED_TIME)
        real_now = timezone.localtime().replace(tzinfo=None, second=0, microsecond=0)
        if real_now.date() == self.today and real_now < self.now:
            self.now = real_now
        council = LocalAuthority.load()
        first = Referral.objects.aggregate(first=Min("referral_date"))["first"] or self.today
        self.days = WorkingDays(
            council_calendar(), min(first, self.today) - timedelta(days=30), self.today + timedelta(days=400)
        )
        self.timeline = Timeline(self.rng, self.today, self.days, council.cp_visit_interval_working_days)
        self.cin = EpisodePlanner(
            self.rng, self.today, self.days, council.regime_on, council.cin_plan_review_interval_months
        )
        self.counts: Counter[str] = Counter(dict.fromkeys(COUNTS, 0))
        self.plans_of: Counter[int] = Counter()  # plans so far, by child
        self.moved_plans: list[int] = []  # child in need plans whose reviews are written again
        self.held_plans: list[tuple[int, date]] = []  # child in need plans ended by a conference, and its day
        self.replaced_plans: list[int] = []  # child in need plans a protection plan took the place of

    def build(self) -> None:
        groups, total = candidates(self.today)
        chosen = choose(self.rng, groups, total)
        cases = [case for group in chosen for case in group]
        fill_details(cases, self.tz)
        self.staff()
        self.agencies = Agencies(self.rng, self.context.faker, self.context.is_large)
        self.agencies.load(case.person for case in cases)
        self.tables = Tables()
        # In date order, so that a child's earlier plans are counted before a later one.
        for group in sorted(chosen, key=lambda g: (min(c.day for c in g), min(c.id for c in g))):
            group = [case for case in group if case.worker is not None]
            if group:
                self.discuss(group)
        for case in cases:
            if case.closing is not None and case.closing != case.closed:
                self.tables.referrals.add(case.id, case.closing)
                self.counts["closures_moved"] += 1
        for start in range(0, len(self.moved_plans), 1_000):
            CinPlanReview.objects.filter(plan_id__in=self.moved_plans[start : start + 1_000]).delete()
        for plan, conference_day in self.held_plans:
            CinPlanReview.objects.filter(plan_id=plan, held_on__gt=conference_day).delete()
        for start in range(0, len(self.replaced_plans), 1_000):
            batch = self.replaced_plans[start : start + 1_000]
            CinPlanReview.objects.filter(plan_id__in=batch).delete()
            CinPlan.objects.filter(pk__in=batch).delete()
        self.tables.flush()
        self.tables.reset_sequences()
        self.report()

    def staff(self) -> None:
        users = User.objects.filter(is_active=True).order_by("pk")
        self.names: dict[int, str] = {}
        self.managers: dict[int | None, list[int]] = {}
        for pk, first, last, role, team in users.values_list("pk", "first_name", "last_name", "role", "team_id"):
            self.names[pk] = f"{first} {last}".strip()
            if role == Role.TEAM_MANAGER:
                self.managers.setdefault(team, []).append(pk)
        self.any_manager = [pk for team in self.managers.values() for pk in team]

    def at(self, day: date, earliest: int, latest: int) -> datetime:
        moment = datetime.combine(day, time(0)) + timedelta(minutes=self.rng.randint(earliest * 60, latest * 60))
        return min(moment, self.now)

    def extend(self, case: Case, day: date) -> None:
        """Move a closed referral's closure on to `day` or a little after, if the work ran past it."""
        closing = case.closing or case.closed
        if closing is not None and day > closing:
            later = day + timedelta(days=self.rng.choice((0, 0, 1, 2, 5, 9)))
            case.closing = min(later, case.close_limit(self.today))

    # The strategy discussion ----------------------------------------------------------------------

    def discuss(self, group: list[Case]) -> None:
        rng, days = self.rng, self.days
        strategy = any(case.strategy for case in group)
        day = max(case.day for case in group)
        latest = min(case.last_day(self.today) for case in group)
        created = max(case.created or datetime.combine(case.day, time(9)) for case in group)
        lag = (LAG_STRATEGY if strategy else LAG_ESCALATION).pick(rng)
        held_on = max(days.add(day, lag) if lag else day, created.date())
        closing = min((case.closed for case in group if case.closed is not None), default=held_on)
        if held_on > closing >= max(day, created.date()):
            held_on = closing  # before the referral closed, where the casework closed it soon
        if held_on > latest:
            return
        if held_on == created.date():
            held_at = min(created + timedelta(minutes=rng.randint(20, 180)), datetime.combine(held_on, time(23, 45)))
            held_at = max(held_at, created)
        elif days.on_or_before(held_on) == held_on:
            held_at = self.at(held_on, 9, 16)
        else:
            held_at = self.at(held_on, 10, 20)  # out of hours, with the emergency duty team
        worker = group[0].worker
        assert worker is not None
        team_managers = [pk for pk in self.managers.get(group[0].team, []) if pk != worker]
        chair = rng.choice(team_managers or [pk for pk in self.any_manager if pk != worker] or [worker])
        police, first = self.agencies.police(), group[0]
        health = self.agencies.health(first.person, first.born, held_on)
        school = self.agencies.education(first.person, first.born, held_on)
        said = words(rng, first)
        names = joined([words(rng, case)["name"] for case in group])
        said |= {"names": names, "police": police[0], "worker": self.names[worker]}
        concern = first.categories[0] if first.categories else "other"
        shared = pick(rng, texts.INFORMATION_SHARED.get(concern, texts.INFORMATION_SHARED["other"]), said)
        decision = DECISIONS.pick(rng)
        decisions = [decision if rng.random() < SAME_DECISION else DECISIONS.pick(rng) for _ in group]
        reference = ""
        if Decision.S47_JOINT.value in decisions or rng.random() < 0.4:
            reference = f"NB/{held_on:%y}/{rng.randint(10_000, 99_999)}"
        discussion = self.tables.discussions.add(
            held_at,
            (
                StrategyDiscussion.Kind.MEETING if rng.random() < MEETING_SHARE else StrategyDiscussion.Kind.DISCUSSION
            ).value,
            shared,
            reference,
            chair,
            worker,
            min(held_at + timedelta(minutes=rng.randint(30, 240)), self.now),
        )
        self.counts["discussions"] += 1
        participants = [
            (CSC, self.names[worker], "Social worker"),
            (CSC, self.names[chair], "Team manager, chair"),
            (Agency.POLICE.value, *police),
            (Agency.HEALTH.value, *health),
        ]
        if school is not None and rng.random() < EDUCATION_SHARE:
            participants.append((Agency.EDUCATION.value, *school))
        if rng.random() < OTHER_AGENCY_SHARE and (other := self.agencies.other()) is not None:
            participants.append((other[0], *other[1]))
        for agency, name, role in participants:
            self.tables.participants.add(discussion, agency, name, role)
        owners = {
            "police": police[0] + ", police",
            "worker": self.names[worker] + ", social worker",
            "police+worker": f"{police[0]} and {self.names[worker]}",
            "health": f"{health[0]}, health",
            "school": f"{school[0]}, school" if school else "",
            "chair": "Child protection conference service",
        }
        any_s47 = any(d in S47 for d in decisions)
        for action, owner, earliest, latest_days in rng.sample(texts.ACTIONS, rng.randint(2, 4)):
            who = owners.get(owner, owner)
            if not who or (owner == "chair" and not any_s47):
                continue
            due = days.add(held_on, rng.randint(earliest, latest_days))
            self.tables.actions.add(discussion, pick(rng, (action,), said), who[:150], due)
        fate = self.fate(held_on)
        for case, choice in zip(group, decisions, strict=True):
            said = words(rng, case) | {"names": names}
            rationale = pick(rng, texts.RATIONALES[choice], said)
            child = self.tables.children.add(discussion, case.id, choice, rationale)
            self.counts["children"] += 1
            self.extend(case, held_on)
            if choice in S47:
                self.enquiry(case, child, held_on, choice == Decision.S47_JOINT, fate, said, (police, health, school))
                if strategy and rng.random() < ORDER_SHARE:
                    self.order(case, held_on)

    def fate(self, started: date) -> Fate:
        rng = self.rng
        due, held_on = self.timeline.conference(started)
        return Fate(
            conference=rng.random() < CONFERENCE_SHARE,
            due=due,
            held_on=held_on,
            concluded=self.timeline.concluded(started),
            continuing=rng.random() >= NOT_CONTINUING_SHARE,
            plan=rng.random() < PLAN_SHARE,
            substantiated=rng.random() >= NOT_SUBSTANTIATED_SHARE,
        )

    # The enquiry and its conference ---------------------------------------------------------------

    def enquiry(
        self,
        case: Case,
        child: int,
        started: date,
        joint: bool,
        fate: Fate,
        said: dict[str, str],
        agencies: tuple[Person, Person, Person | None],
    ) -> None:
        rng, days, worker = self.rng, self.days, case.worker
        assert worker is not None
        due, held_on, concluded = fate.due, fate.held_on, fate.concluded
        last_day = case.last_day(self.today)
        row = [child, case.id, started, due, joint, "", None, False, "", worker, 1]
        self.counts["enquiries"] += 1
        conference = fate.conference
        if conference and held_on > last_day:
            if case.is_open:
                # The conference is still to come; the outcome may be recorded already.
                done = days.add(held_on, -rng.randint(1, 3))
                if started <= done <= self.yesterday and rng.random() < RECORDED_WAITING_SHARE:
                    row[5:7], row[10] = [Outcome.SUBSTANTIATED_CONTINUING.value, done], 2
                self.tables.enquiries.add(*row)
                self.counts["open_enquiries"] += 1
                return
            conference = False  # the referral closed first: concluded without one
        plan: PlanDates | None = None
        substantiated = fate.substantiated
        if conference and fate.continuing and fate.plan:
            plan = self.plan_dates(case, held_on)
            if plan is None and rng.random() < NO_ROOM_NO_CONFERENCE:
                # No room for a plan beside the child in need plan: the risk is managed under that plan instead.
                conference, substantiated = False, True
        if not conference:
            if concluded > last_day:
                if case.is_open:
                    self.tables.enquiries.add(*row)
                    self.counts["open_enquiries"] += 1
                    return
                concluded = max(started, last_day)
            ended = Outcome.SUBSTANTIATED_NOT_CONTINUING if substantiated else Outcome.NOT_SUBSTANTIATED
            reason = pick(rng, texts.NOT_REQUIRED[ended.value], said)
            row[5:9], row[10] = [ended.value, concluded, True, reason], 2
            self.tables.enquiries.add(*row)
            self.counts["not_required"] += 1
            self.extend(case, concluded)
            return
        continuing = fate.continuing
        outcome = Outcome.SUBSTANTIATED_CONTINUING if continuing else Outcome.SUBSTANTIATED_NOT_CONTINUING
        done = max(started, days.add(held_on, -rng.choice((0, 0, 1, 1, 2, 3))))
        row[5:7], row[10] = [outcome.value, done], 2
        enquiry = self.tables.enquiries.add(*row)
        self.extend(case, held_on)
        code = category(rng, case.categories) if plan is not None else ""
        said = said | {"category": CATEGORY_LABELS.get(code, "")}
        summary = pick(rng, texts.CONFERENCE_PLAN if plan is not None else texts.CONFERENCE_NO_PLAN, said)
        conference_id = self.tables.conferences.add(
            enquiry,
            held_on,
            plan is not None,
            code,
            self.agencies.chair(),
            summary,
            worker,
            max(self.at(held_on, 12, 17), datetime.combine(held_on, time(12))),
        )
        self.counts["conferences"] += 1
        self.counts["conferences_on_time"] += held_on <= due
        police, health, school = agencies
        attendees = [(CSC, self.names[worker], True)]
        attendees += [(Agency.POLICE.value, police[0], rng.random() < 0.8)]
        attendees += [(Agency.HEALTH.value, health[0], rng.random() < 0.85)]
        if school is not None:
            attendees.append((Agency.EDUCATION.value, school[0], rng.random() < 0.75))
        for agency, name, attended in attendees:
            self.tables.attendees.add(conference_id, agency, name, attended)
        if plan is not None:
            self.write_plan(case, conference_id, plan, code, said)

    def plan_dates(self, case: Case, start: date) -> PlanDates | None:
        """The plan's dates, fitted around the casework: None where the casework leaves no room for one."""
        adult = add_months(case.born, 18 * 12) if case.born is not None else None
        if case.is_open:
            if case.last_outcome in OUTCOMES_ENDED and not case.still_assessing and case.cin is None:
                return None  # assessed as needing no plan at all
            # Still open: a child in need plan that would only start after the conference never starts,
            # as the protection plan takes its place (see `replace`).
            latest: date | None = None
        else:
            room = STEP_DOWN_ROOM if case.cin is not None else 1
            latest = case.close_limit(self.today) - timedelta(days=room)
        return self.timeline.plan(start, latest_end=latest, adult_on=adult)

    def write_plan(self, case: Case, conference: int, dates: PlanDates, code: str, said: dict[str, str]) -> None:
        rng, worker, counts = self.rng, case.worker, self.counts
        latest_code = code
        review_rows = []
        for n, held in enumerate(dates.reviews):
            if rng.random() >= KEEP_CATEGORY:
                latest_code = category(rng, case.categories)
            ending = dates.ended_at_review and n == len(dates.reviews) - 1
            said = said | {"category": CATEGORY_LABELS[latest_code]}
            summary = pick(rng, texts.REVIEW_END if ending else texts.REVIEW_CONTINUE, said)
            review_rows.append((held, not ending, latest_code, summary))
        plan = self.tables.plans.add(
            case.id, conference, dates.start, code, latest_code, self.plans_of[case.person], dates.end, dates.end_reason
        )
        self.plans_of[case.person] += 1
        counts["plans"] += 1
        counts["open_plans"] += dates.end is None
        for held, keep, review_code, summary in review_rows:
            self.tables.reviews.add(plan, held, keep, review_code, summary, worker)
        counts["reviews"] += len(review_rows)
        for held in dates.core_groups:
            self.tables.core_groups.add(plan, held, pick(rng, texts.CORE_GROUPS, said), worker)
        counts["core_groups"] += len(dates.core_groups)
        for visited in dates.visits:
            self.visit(case, plan, visited, said)
        counts["visits"] += len(dates.visits)
        if dates.end is not None:
            self.extend(case, dates.end)
            if case.cin is not None:
                self.step_down(case, dates.end)
        elif case.cin is not None and case.cin[1] < dates.start:
            self.hold(case, dates.start)
        elif case.cin is not None:
            self.replace(case)

    def visit(self, case: Case, plan: int, day: date, said: dict[str, str]) -> None:
        rng = self.rng
        seen, alone, bedroom = self.timeline.visit_flags(age_on(case.born, day))
        notes = texts.VISIT_ALONE if alone else texts.VISIT_SEEN if seen else texts.VISIT_NOT_SEEN
        visitor = case.worker
        self.tables.visits.add(plan, day, seen, alone, bedroom, pick(rng, notes, said), visitor)

    def step_down(self, case: Case, ended: date) -> None:
        """The child in need plan starts when the protection plan ends (CIN census rules 4001, 4016, 4017)."""
        assert case.cin is not None
        plan, started, finished = case.cin
        if started >= ended:
            return
        rng = self.rng
        end: date | None = None
        if not case.is_open:
            limit = case.close_limit(self.today)
            if finished is not None and finished >= ended + timedelta(days=28):
                end = finished
            else:
                end = min(limit, ended + timedelta(days=round(rng.triangular(28, 150, 70))))
            end = max(end, ended + timedelta(days=1))
            self.extend(case, end)
        self.tables.cin_plans.add(plan, ended, end, self.at(ended, 10, 16))
        self.moved_plans.append(plan)
        self.counts["cin_plans_moved"] += 1
        said = words(rng, case) | {"concern": "the concerns"}
        for held in self.cin.reviews(ended, end):
            summary = pick(rng, casework_texts.REVIEW_SUMMARIES, said)
            recorded = self.at(held + timedelta(days=rng.choice((0, 0, 0, 1, 2))), 13, 17)
            self.tables.cin_reviews.add(
                plan, held, summary, case.worker, max(recorded, datetime.combine(held, time(12)))
            )

    def hold(self, case: Case, conference_day: date) -> None:
        """The child in need plan ends on the day of the conference that starts a protection plan (rule 4001)."""
        assert case.cin is not None
        plan, started, _ = case.cin
        assert started < conference_day
        self.tables.cin_plans.add(plan, started, conference_day, self.at(started, 10, 16))
        self.held_plans.append((plan, conference_day))
        self.counts["cin_plans_held"] += 1

    def replace(self, case: Case) -> None:
        """The conference came before the child in need plan would have started: the protection plan is the plan."""
        assert case.cin is not None
        self.replaced_plans.append(case.cin[0])
        self.counts["cin_plans_replaced"] += 1

    def order(self, case: Case, held_on: date) -> None:
        """Police protection on the day of the referral, or an emergency protection order soon after the discussion."""
        rng = self.rng
        if rng.random() < POLICE_PROTECTION_SHARE:
            kind, start = ProtectiveOrder.Kind.POLICE_PROTECTION, case.day
            end = start + timedelta(days=rng.randint(0, 3))
        else:
            kind, start = ProtectiveOrder.Kind.EPO, self.days.add(held_on, rng.randint(0, 2))
            end = start + timedelta(days=rng.randint(2, 8))
        if start > case.last_day(self.today):
            return
        ended: date | None = min(end, case.last_day(self.today))
        if end > self.yesterday and case.is_open:
            ended = None
        if ended is not None:
            self.extend(case, ended)
        self.tables.orders.add(case.person, case.id, kind.value, start, ended, case.worker)
        self.counts["orders"] += 1

    def report(self) -> None:
        counts = self.counts
        on_time = counts["conferences_on_time"] / counts["conferences"] if counts["conferences"] else 0.0
        summary = (
            f"Seeded child protection: {counts['discussions']:,} strategy discussions about {counts['children']:,} "
            f"children, {counts['enquiries']:,} section 47 enquiries ({counts['open_enquiries']:,} open), "
            f"{counts['conferences']:,} initial conferences ({on_time:.0%} on time), {counts['plans']:,} plans "
            f"({counts['open_plans']:,} open) with {counts['reviews']:,} reviews, {counts['core_groups']:,} core "
            f"groups and {counts['visits']:,} visits; {counts['orders']:,} protective orders"
        )
        record_event(kind="seed.protection", by=None, summary=summary, data=dict(counts))
        self.context.shared["protection_counts"] = dict(counts)
        self.context.say(
            f"Protection: {counts['discussions']:,} strategy discussions ({counts['children']:,} children), "
            f"{counts['enquiries']:,} section 47s ({counts['open_enquiries']:,} open), {counts['conferences']:,} "
            f"conferences ({on_time:.0%} on time), {counts['plans']:,} plans ({counts['open_plans']:,} open), "
            f"{counts['reviews']:,} reviews, {counts['core_groups']:,} core groups, {counts['visits']:,} visits, "
            f"{counts['orders']:,} orders; {counts['closures_moved']:,} closures and "
            f"{counts['cin_plans_moved']:,} CIN plans moved, {counts['cin_plans_held']:,} ended by a conference "
            f"and {counts['cin_plans_replaced']:,} replaced by a protection plan"
        )


def seed(context: SeedContext) -> None:
    ProtectionBuilder(context).build()
