"""What the seed knows of the council before the first contact: levels, staff, families, the calendar, and the tables rows go into."""

from collections import deque
from datetime import date, datetime, time, timedelta

from django.db.models import Q
from django.utils import timezone

from frontdoor.accounts.models import LocalAuthority, Team, User
from frontdoor.accounts.roles import Role
from frontdoor.casework.models import Referral
from frontdoor.contacts.defaults import install_default_threshold_model
from frontdoor.contacts.models import (
    Call,
    Contact,
    ContactAdult,
    ContactChild,
    FrontDoorPolicy,
    Outcome,
    ThresholdCriterion,
    ThresholdDecision,
    ThresholdLevel,
)
from frontdoor.contacts.seed import data
from frontdoor.contacts.seed.plans import Kid, Referrer, Staff
from frontdoor.contacts.seed.rates import (
    CONTACTS_PER_YEAR_LARGE,
    DAY_OFF_HOURS,
    DEMO_CONTACTS,
    DEMO_MONTHS,
    FAMILY_SPREAD,
    LARGE_YEARS,
    LATE_DECISION_SHARE,
    QA_WEEKS,
    REPEAT_SHARE,
    SEED_TIME,
    WORKING_DAY_HOURS,
    YEAR,
)
from frontdoor.contacts.seed.tools import (
    OfficeClock,
    Table,
    Weighted,
    is_christmas,
    is_school_holiday,
    local_ordinal,
    poisson,
)
from frontdoor.earlyhelp.models import EarlyHelpRequest
from frontdoor.people.models import Involvement, Person, Professional, Relationship, RelationshipKind
from frontdoor.seeding import SeedContext
from frontdoor.timescales.calendar import council_calendar
from frontdoor.timescales.clocks import add_months


class SeedCouncil:
    """The state every later step of the seed works on."""

    def __init__(self, context: SeedContext) -> None:
        self.context = context
        self.rng = context.rng
        self.today = context.today
        self.tz = timezone.get_current_timezone()
        if context.is_large:
            self.start = add_months(self.today, -12 * LARGE_YEARS)
            self.target = CONTACTS_PER_YEAR_LARGE * LARGE_YEARS
        else:
            self.start = add_months(self.today, -DEMO_MONTHS)
            self.target = DEMO_CONTACTS
        self.now = datetime.combine(self.today, SEED_TIME)
        real_now = timezone.localtime().replace(tzinfo=None, second=0, microsecond=0)
        if real_now.date() == self.today and real_now < self.now:
            # Seeding early in the morning: nothing may be recorded after the real clock.
            self.now = real_now
        council = LocalAuthority.load()
        self.clock = OfficeClock(
            council, council_calendar(), self.start - timedelta(days=14), self.today + timedelta(days=120)
        )
        self.policy = FrontDoorPolicy.load()
        self.counts: dict[str, int] = dict.fromkeys(
            (
                "contacts",
                "children",
                "adults",
                "decisions",
                "returned",
                "criteria",
                "open",
                "awaiting_authorisation",
                "closed",
                "out_of_hours",
                "unacknowledged",
                "siblings",
                "unidentified",
                "unborn",
                "referrals",
                "referrals_closed",
                "early_help",
                "calls",
                "abandoned_calls",
                "quality_samples",
            ),
            0,
        )
        self.referral_state: dict[int, tuple[datetime, int | None]] = {}  # person: (opened, closed on ordinal)
        self.recent: deque[tuple[int, int]] = deque()  # (day ordinal, family) contacted lately
        self.call_serials: dict[int, int] = {}
        self.quality_candidates: list[tuple[int, datetime]] = []
        self.unborn_contacts: dict[int, int] = {}
        self.repeat_share = REPEAT_SHARE[context.size]
        self.category_cache: dict[
            tuple[str, bool, int, int], tuple[Weighted[str], dict[str, list[tuple[str, str]]]]
        ] = {}
        self.late_share = LATE_DECISION_SHARE[context.size]
        self.busy: set[int] = set()  # staff working on a contact at the seed's now
        self.quality_weeks = self.weeks_to_sample()
        self.quality_from = datetime.combine(self.quality_weeks[0], time(0))

    def load(self) -> None:
        if not ThresholdLevel.objects.exists():
            install_default_threshold_model(ThresholdLevel, ThresholdCriterion)
        self.load_thresholds()
        self.load_staff()
        self.load_people()
        self.load_professionals()
        faker = self.context.faker
        self.names = {
            "F": [(str(faker.first_name_female()), str(faker.last_name())) for _ in range(750)],
            "M": [(str(faker.first_name_male()), str(faker.last_name())) for _ in range(750)],
        }

    def load_thresholds(self) -> None:
        levels = list(ThresholdLevel.objects.filter(is_active=True).order_by("number"))
        criteria: dict[int, list[tuple[int, str]]] = {level.pk: [] for level in levels}
        for pk, level_id, text in ThresholdCriterion.objects.filter(is_active=True, level__in=levels).values_list(
            "pk", "level_id", "text"
        ):
            criteria[level_id].append((pk, text.lower()))
        self.levels = {level.number: level for level in levels}
        self.criteria = criteria
        # For each level and category, the criteria whose words fit the category.
        self.fitting: dict[tuple[int, str], list[int]] = {}
        for level in levels:
            for category, words in data.CRITERIA_WORDS.items():
                self.fitting[(level.pk, category)] = [
                    pk for pk, text in criteria[level.pk] if any(word in text for word in words)
                ]
        self.level_choices: dict[str, Weighted[ThresholdLevel]] = {}
        for outcome in Outcome.values:
            preferred = dict(data.LEVELS_FOR_OUTCOME.get(outcome, ()))
            allowed = [level for level in levels if level.allows(outcome)]
            if allowed:
                weights = [(level, float(preferred.get(level.number, 0))) for level in allowed]
                if not any(weight for _, weight in weights):
                    weights = [(level, 1.0) for level in allowed]
                self.level_choices[outcome] = Weighted([(level, w) for level, w in weights if w])

    def load_staff(self) -> None:
        users = list(User.objects.filter(is_active=True).select_related("team").order_by("pk"))

        def staff(role: str, *, access: bool | None = None) -> list[Staff]:
            return [
                Staff(user.pk, user.get_full_name())
                for user in users
                if user.role == role
                and (access is None or (user.team is not None and user.team.kind == Team.Kind.ACCESS) == access)
            ]

        self.officers = staff(Role.CONTACT_OFFICER)
        self.social_workers = staff(Role.SOCIAL_WORKER, access=True) or staff(Role.SOCIAL_WORKER)
        self.seniors = staff(Role.SENIOR_PRACTITIONER, access=True) or staff(Role.SENIOR_PRACTITIONER)
        access_managers = staff(Role.TEAM_MANAGER, access=True)
        self.managers = access_managers + staff(Role.SERVICE_MANAGER)
        if len(self.managers) < 2:
            self.managers = staff(Role.TEAM_MANAGER) + staff(Role.SERVICE_MANAGER)
        self.deciding_managers = access_managers or self.managers
        self.edt = staff(Role.EDT_WORKER)
        self.qa = staff(Role.QA_OFFICER)
        if not (self.officers and self.social_workers and self.seniors and len(self.managers) >= 2 and self.edt):
            raise RuntimeError("The front door needs contact officers, social workers, managers and EDT workers")
        self.recorders = Weighted([(s, 65.0) for s in self.officers] + [(s, 35.0) for s in self.social_workers])
        self.day_team = self.officers + self.social_workers + self.seniors
        self.day_team_ids = {member.id for member in self.day_team}
        self.names_by_id = {member.id: member.name for member in self.day_team}
        # Who decides, by the kind of outcome: contact officers close, social workers refer.
        self.deciders = {
            "closing": self._team_weights(55, 30, 10, 5),
            "early_help": self._team_weights(25, 50, 20, 5),
            "referral": self._team_weights(0, 55, 30, 15),
        }
        self.acknowledgers = self._team_weights(55, 30, 10, 5)

    def _team_weights(self, officers: float, social_workers: float, seniors: float, managers: float) -> Weighted[Staff]:
        items: list[tuple[Staff, float]] = []
        for group, share in (
            (self.officers, officers),
            (self.social_workers, social_workers),
            (self.seniors, seniors),
            (self.deciding_managers, managers),
        ):
            items += [(member, share / len(group)) for member in group if share]
        return Weighted(items)

    def load_people(self) -> None:
        """Children under 18 and unborn children, grouped into families by their brother and sister links."""
        adult_born = add_months(self.today, -12 * 18)
        rows = (
            Person.objects.filter(merged_into__isnull=True, date_of_death__isnull=True)
            .filter(
                Q(date_of_birth__gt=adult_born) | Q(date_of_birth__isnull=True, expected_date_of_birth__isnull=False)
            )
            .order_by("pk")
            .values_list("pk", "first_name", "sex", "date_of_birth", "expected_date_of_birth", "created_at")
        )
        kids: dict[int, Kid] = {}
        for pk, first, sex, born, expected, created in rows:
            if born is not None:
                try:
                    adult = born.replace(year=born.year + 18)
                except ValueError:  # born on 29 February
                    adult = date(born.year + 18, 3, 1)
                kids[pk] = Kid(pk, first, sex, born.toordinal(), adult.toordinal(), local_ordinal(created), False, 0)
            elif expected is not None:
                kids[pk] = Kid(pk, first, sex, expected.toordinal(), 0, 0, True, 0)
        # Families: brothers and sisters (whole or half) joined together.
        parent_of = {pk: pk for pk in kids}

        def root(pk: int) -> int:
            while parent_of[pk] != pk:
                parent_of[pk] = parent_of[parent_of[pk]]
                pk = parent_of[pk]
            return pk

        siblings = Relationship.objects.filter(
            kind__in=[RelationshipKind.SIBLING, RelationshipKind.HALF_SIBLING], ended_on__isnull=True
        ).values_list("person_id", "relative_id")
        for a, b in siblings.iterator(chunk_size=20_000):
            if a in kids and b in kids:
                ra, rb = root(a), root(b)
                if ra != rb:
                    parent_of[max(ra, rb)] = min(ra, rb)
        parents = Relationship.objects.filter(
            kind__in=[RelationshipKind.MOTHER, RelationshipKind.FATHER, RelationshipKind.STEP_PARENT],
            ended_on__isnull=True,
        ).values_list("person_id", "relative_id", "kind")
        for child, parent, kind in parents.iterator(chunk_size=20_000):
            kid = kids.get(child)
            if kid is None:
                continue
            if kind == RelationshipKind.MOTHER:
                kid.mother = parent
            elif kind == RelationshipKind.FATHER:
                kid.father = parent
            else:
                kid.step = parent
        families: dict[int, list[Kid]] = {}
        for pk, kid in kids.items():
            families.setdefault(root(pk), []).append(kid)
        self.families: list[list[Kid]] = []
        weights: list[tuple[int, float]] = []
        rng = self.rng
        for members in families.values():
            index = len(self.families)
            for kid in members:
                kid.family = index
            members.sort(key=lambda kid: kid.born)
            self.families.append(members)
            # A minority of families account for many contacts.
            spread = FAMILY_SPREAD[self.context.size]
            weights.append((index, rng.lognormvariate(0, spread) * (1 + 0.25 * (len(members) - 1))))
        self.family_choice = Weighted(weights)
        self.unborn = [kid for kid in kids.values() if kid.unborn]
        self.kids = kids

    def load_professionals(self) -> None:
        """Schools, GPs, health visitors and midwives from the people records, and whom each child sees."""
        roles = set(data.PROFESSIONAL_FOR_SOURCE.values())
        self.professionals: list[Referrer] = []
        index: dict[int, int] = {}
        by_role: dict[str, list[int]] = {}
        for pk, name, role, organisation, phone, email in (
            Professional.objects.filter(role__in=roles)
            .order_by("pk")
            .values_list("pk", "name", "role", "organisation", "phone", "email")
        ):
            index[pk] = len(self.professionals)
            by_role.setdefault(role, []).append(len(self.professionals))
            self.professionals.append(Referrer(name, role, organisation, phone, email))
        self.professionals_by_role = by_role
        involvements = Involvement.objects.filter(professional_id__in=list(index)).values_list(
            "person_id", "professional_id", "professional__role"
        )
        for person, professional, role in involvements.iterator(chunk_size=20_000):
            kid = self.kids.get(person)
            if kid is not None:
                kid.professionals[role] = index[professional]

    def day_weight(self, day: date) -> float:
        ordinal = day.toordinal()
        if day.weekday() == 5:
            weight = 0.25
        elif day.weekday() == 6:
            weight = 0.2
        elif not self.clock.is_working(ordinal):
            weight = 0.3
        else:
            weight = 1.08 if day.weekday() == 0 else 1.0
        if day.month == 8:
            weight *= 0.72
        elif is_christmas(day):
            weight *= 0.55
        elif is_school_holiday(day):
            weight *= 0.88
        # A few more contacts each year.
        return weight * (1 + 0.03 * (ordinal - self.start.toordinal()) / YEAR)

    def days(self) -> list[tuple[date, int]]:
        """Every day from the start to today, with how many contacts it has."""
        days: list[date] = []
        day = self.start
        while day <= self.today:
            days.append(day)
            day += timedelta(days=1)
        weights = [self.day_weight(day) for day in days]
        total = sum(weights)
        return [
            (day, poisson(self.rng, self.target * weight / total)) for day, weight in zip(days, weights, strict=True)
        ]

    def moments(self, day: date, count: int) -> list[datetime]:
        rng = self.rng
        hours = Weighted(
            list(enumerate(WORKING_DAY_HOURS if self.clock.is_working(day.toordinal()) else DAY_OFF_HOURS))
        )
        start = datetime.combine(day, time(0))
        found = []
        for _ in range(count):
            moment = start + timedelta(hours=hours.pick(rng), seconds=rng.randrange(3600))
            if moment < self.now:
                found.append(moment)
        found.sort()
        return found

    def weeks_to_sample(self) -> list[date]:
        """The Mondays of the last complete weeks, since the history began: the audit programme draws from them."""
        this_week = self.today - timedelta(days=self.today.weekday())
        weeks = [this_week - timedelta(days=7 * n) for n in range(QA_WEEKS[self.context.size], 0, -1)]
        return [week for week in weeks if week >= self.start] or weeks[-1:]

    def tables(self) -> None:
        self.calls_table = Table(
            Call,
            ("call_id", "queue", "agent", "offered_at", "answered_at", "ended_at", "transfers", "abandoned", "flags"),
            ids=True,
        )
        self.contacts_table = Table(
            Contact,
            (
                "received_at",
                "channel",
                "source",
                "referrer_name",
                "referrer_role",
                "referrer_organisation",
                "referrer_phone",
                "referrer_email",
                "family_aware",
                "consent",
                "concern",
                "categories",
                "immediate_danger",
                "childs_views",
                "rag",
                "out_of_hours",
                "status",
                "closed_at",
                "call",
                "idempotency_key",
                "picked_up_by",
                "picked_up_at",
                "last_touched_at",
                "referrer_told_at",
                "referrer_told_how",
                "referrer_told_by",
                "handover_acknowledged_at",
                "handover_acknowledged_by",
                "recorded_by",
                "recorded_at",
            ),
            ids=True,
        )
        self.children_table = Table(ContactChild, ("contact", "person", "unidentified_details", "follow_up"), ids=True)
        self.adults_table = Table(ContactAdult, ("contact", "person", "role"))
        self.decisions_table = Table(
            ThresholdDecision,
            (
                "contact_child",
                "level",
                "outcome",
                "rationale",
                "rag",
                "status",
                "decided_by",
                "decided_at",
                "reviewed_by",
                "reviewed_at",
                "manager_comment",
            ),
            ids=True,
        )
        self.criteria_table = Table(ThresholdDecision.criteria.through, ("thresholddecision", "thresholdcriterion"))
        self.referrals_table = Table(
            Referral,
            (
                "person",
                "contact_child",
                "referral_date",
                "source",
                "closed_on",
                "closure_reason",
                "created_by",
                "created_at",
            ),
        )
        self.requests_table = Table(
            EarlyHelpRequest, ("person", "contact_child", "requested_on", "status", "created_by", "created_at")
        )

    @property
    def all_tables(self) -> list[Table]:
        """In the order rows point at each other."""
        return [
            self.calls_table,
            self.contacts_table,
            self.children_table,
            self.adults_table,
            self.decisions_table,
            self.criteria_table,
            self.referrals_table,
            self.requests_table,
        ]
