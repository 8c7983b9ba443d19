"""The police's notifications to the synthetic council: domestic abuse, missing children and a few other incidents.

The large council hears of about 15,000 incidents a year, as police forces notify councils of its size; the seed
gives it the last twelve months, which is what the triage screens and the repeat-incident checks look at. The
demo gets as many for its three months, in proportion to its contacts. Incidents happen mostly in the evening and
at night, more at weekends, and reach the front door a few hours later.

Each notification is about one family of the people index: its children (a few not yet known to the council) and,
for domestic abuse, a victim and an alleged perpetrator, mostly the children's parents or a parent's partner. The
police spell names their own way now and then, or swap a day and month, and the index's likely matches are worked
out by the service's own matcher (partners.matching.suggest) a batch at a time, so they are what receiving the
notifications would have stored. A contact officer confirmed who each person is within a working day, but for the
last couple of days' notifications, still in the queue, and the people the index has never heard of.
"""

import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from itertools import groupby

from django.db.models import Q
from django.utils import timezone

from frontdoor.accounts.models import LocalAuthority, User
from frontdoor.accounts.roles import Role
from frontdoor.contacts.seed.rates import CONTACTS_PER_YEAR_LARGE, DEMO_CONTACTS, DEMO_MONTHS, SEED_TIME
from frontdoor.contacts.seed.tools import OfficeClock, Weighted, is_christmas, poisson
from frontdoor.partners import seed_work
from frontdoor.partners.matching import Named, suggest
from frontdoor.partners.models import NotificationPerson, PoliceNotification
from frontdoor.people.matching import PartialDate
from frontdoor.people.models import Person, Relationship, RelationshipKind, Residence
from frontdoor.people.seed import typo
from frontdoor.records.services import record_event
from frontdoor.seeding import SeedContext
from frontdoor.timescales.calendar import council_calendar
from frontdoor.timescales.clocks import add_months

Kind, Risk, As = PoliceNotification.Kind, PoliceNotification.Risk, NotificationPerson.Role

NOTIFICATIONS_PER_YEAR_LARGE = 15_000
LARGE_MONTHS = 12
# The demo's share of police notifications is the large council's share of its contacts.
DEMO_NOTIFICATIONS = round(DEMO_CONTACTS * NOTIFICATIONS_PER_YEAR_LARGE / CONTACTS_PER_YEAR_LARGE)
KINDS = Weighted([(Kind.DOMESTIC_ABUSE, 80.0), (Kind.MISSING, 15.0), (Kind.OTHER, 5.0)])
# DASH grades domestic abuse only; about one notification in ten is high risk.
RISKS = Weighted([(Risk.STANDARD, 62.0), (Risk.MEDIUM, 26.0), (Risk.HIGH, 12.0)])
MARAC_SHARE = {Risk.HIGH: 0.85, Risk.MEDIUM: 0.06, Risk.STANDARD: 0.0}
CHILD_COUNTS = Weighted([(1, 55.0), (2, 30.0), (3, 15.0)])
PRESENT_SHARE = 0.6
STRANGER_CHILD_SHARE = 0.05  # children the index has never heard of
NEW_PARTNER_SHARE = 0.1  # an alleged perpetrator the index does not know: a new partner
FATHER_AS_VICTIM_SHARE = 0.1
# Domestic abuse is between adults the index mostly knows: a family with one known adult is often passed over.
LONE_PARENT_REDRAW = 0.8
REPORTING_PARENT_SHARE = 0.7  # missing and other incidents name the parent who called the police
MISSPELT_SHARE = 0.08
SWAPPED_SHARE = 0.03
CAPITALS_SHARE = 0.15  # some force systems send surnames in capitals
ADULT_BORN_UNKNOWN_SHARE = 0.05
API_SHARE = 0.85
UNMATCHED_DAYS = 2  # notifications this recent are still in the queue to be matched
FAMILY_SPREAD = {"demo": 0.5, "large": 1.0}  # how unevenly incidents fall on families: some have many
INSERT_BATCH = 1_000
# Incidents by hour of the day: evenings and nights.
HOURS = (
    5.0, 4.5, 3.5, 2.5, 1.5, 1.0, 0.8, 0.8, 1.0, 1.2, 1.4, 1.6,
    1.8, 2.0, 2.2, 2.5, 3.0, 3.5, 4.5, 5.5, 6.5, 7.0, 7.0, 6.0,
)  # fmt: skip
INCIDENT_HOURS = Weighted(list(enumerate(HOURS)))

SUMMARIES: dict[str, list[str]] = {
    Risk.STANDARD: [
        "Verbal argument between {victim} and {perpetrator} reported by a neighbour. No injuries and no "
        "offences disclosed.",
        "{perpetrator} returned to the address intoxicated and shouted at {victim}. Left when asked; no assault "
        "disclosed.",
        "Argument between {victim} and {perpetrator} over contact arrangements, by phone and on the doorstep. "
        "Words only.",
        "{victim} called police after {perpetrator} refused to leave the address. Both calm on arrival; "
        "{perpetrator} stayed with family elsewhere.",
    ],
    Risk.MEDIUM: [
        "{victim} reports {perpetrator} pushed them against a wall during an argument about money. "
        "{perpetrator} left before police arrived.",
        "Third call to the address this year. {perpetrator} damaged a door and a phone; {victim} frightened to stay.",
        "{victim} reports controlling behaviour by {perpetrator}: money taken, phone checked, friends stopped. "
        "Slapped across the face tonight.",
        "{perpetrator} arrested for criminal damage after smashing a window. {victim} declined to support a "
        "prosecution.",
    ],
    Risk.HIGH: [
        "{victim} reports being strangled by {perpetrator}; marks visible to the neck. {perpetrator} arrested.",
        "{perpetrator} breached a non-molestation order and threatened to kill {victim}. Knife recovered at the scene.",
        "{victim} assaulted while pregnant; {perpetrator} arrested and remanded. Incidents escalating this year.",
        "{perpetrator} released from prison last month and found at the address. {victim} fearful, with injuries "
        "to the face.",
    ],
    Kind.MISSING: [
        "{child} reported missing by {adult} after not returning from school. Found safe at a friend's address "
        "at 02:10. Return home interview requested.",
        "{child} missing overnight; located in the town centre with older males. Concerns of exploitation.",
        "{child} left home after an argument with {adult} and was found at a bus station. Third missing episode "
        "this year.",
        "{child} reported missing by {adult}; returned home by themselves in the early hours and would not say "
        "where they had been.",
    ],
    Kind.OTHER: [
        "Concern for welfare: {child} found alone at home late at night; {adult} returned at 23:30 intoxicated.",
        "{child} arrested for possession of cannabis at a park; {adult} informed and collected them.",
        "Police called to a disturbance at a party; {child} found under the influence of alcohol and taken home.",
        "{child} disclosed to officers at an unrelated incident that they are often hungry and left alone.",
    ],
}


# What the police say of the children on a domestic abuse notification, present or not.
CHILDREN_PRESENT = [
    " {children} present and upset.",
    " {children} in the house and heard it from upstairs.",
    " {children} witnessed the incident and were spoken to by officers.",
    " {children} woken by the shouting.",
]
CHILDREN_AWAY = [
    " {children} staying with grandparents at the time.",
    " {children} live at the address but were out.",
    " {children} with the other parent that night.",
]


@dataclass
class Known:
    pk: int
    first: str
    last: str
    born: date
    sex: str
    created: int  # the day the record was made, as an ordinal
    postcode: str


@dataclass
class Family:
    children: list[Known]
    mother: Known | None = None
    father: Known | None = None
    others: list[Known] = field(default_factory=list)  # step-parents and the parents' partners

    @property
    def adults(self) -> list[Known]:
        return [a for a in (self.mother, self.father, *self.others) if a is not None]


@dataclass
class Written:
    """Someone on the form as the police wrote them down."""

    role: str
    first: str
    last: str
    born: date | None
    postcode: str
    person: int | None  # who they are in the index; None for someone it has never heard of


@dataclass
class Incident:
    kind: str
    risk: str
    marac: bool
    at: datetime  # naive local times, as the contacts seed keeps them
    received: datetime
    summary: str
    source: str
    people: list[Written]


def seed(context: SeedContext) -> None:
    rng, today = context.rng, context.today
    officers = list(User.objects.filter(role=Role.CONTACT_OFFICER, is_active=True).order_by("pk"))
    if not officers:
        return
    families = load_families(today)
    if not families:
        return
    if context.is_large:
        start, target = add_months(today, -LARGE_MONTHS), NOTIFICATIONS_PER_YEAR_LARGE * LARGE_MONTHS / 12
    else:
        start, target = add_months(today, -DEMO_MONTHS), DEMO_NOTIFICATIONS
    now = datetime.combine(today, SEED_TIME)
    real_now = timezone.localtime().replace(tzinfo=None, second=0, microsecond=0)
    if real_now.date() == today and real_now < now:
        # Seeding early in the morning: nothing may be received after the real clock.
        now = real_now
    weights = [
        (i, rng.lognormvariate(0, FAMILY_SPREAD[context.size]) * len(f.children)) for i, f in enumerate(families)
    ]
    choice = Weighted(weights)
    incidents = []
    for day, count in days(rng, start, today, target):
        for _ in range(count):
            incident = make_incident(context, families, choice, day, now)
            if incident is not None:
                incidents.append(incident)
    incidents.sort(key=lambda i: i.received)
    clock = OfficeClock(
        LocalAuthority.load(), council_calendar(), start - timedelta(days=14), today + timedelta(days=14)
    )
    counts = insert(context, incidents, officers, clock, now)
    counts |= seed_work.seed(context)
    summary = (
        f"Seeded {counts['notifications']:,} police notifications naming {counts['children']:,} children and "
        f"{counts['adults']:,} adults; {counts['unmatched']:,} people waiting to be matched"
    )
    record_event(kind="seed.partners", by=None, summary=summary, data=counts)
    context.say(
        f"Police notifications: {counts['notifications']:,} ({counts['domestic_abuse']:,} domestic abuse, "
        f"{counts['high_risk']:,} high risk, {counts['marac']:,} to MARAC, {counts['missing']:,} missing children) "
        f"naming {counts['children']:,} children and {counts['adults']:,} adults; {counts['matched']:,} matched, "
        f"{counts['unmatched']:,} waiting ({counts['strangers']:,} not in the index)"
    )
    context.say(
        f"Multi-agency: {counts['meetings']:,} triage meetings with {counts['decisions']:,} decisions, "
        f"{counts['portal_referrals']:,} portal referrals, {counts['requests']:,} requests for information "
        f"({counts['shares']:,} answered)"
    )


def load_families(today: date) -> list[Family]:
    """Children of the index grouped by their mother (or father), with the adults around them."""
    people: dict[int, Known] = {}
    rows = Person.objects.filter(merged_into__isnull=True, date_of_death__isnull=True, date_of_birth__isnull=False)
    for pk, first, last, born, sex, created in (
        rows.order_by("pk")
        .values_list("pk", "first_name", "last_name", "date_of_birth", "sex", "created_at")
        .iterator(chunk_size=20_000)
    ):
        assert born is not None
        people[pk] = Known(pk, first, last, born, sex, timezone.localtime(created).date().toordinal(), "")
    living = Residence.objects.filter(moved_out__isnull=True, is_confidential=False).order_by("pk")
    for pk, postcode in living.values_list("person_id", "address__postcode").iterator(chunk_size=20_000):
        if pk in people:
            people[pk].postcode = postcode
    # Under 18 at some point in the last year.
    child_from = add_months(today, -12 * 19)
    parents: dict[int, dict[str, int]] = {}
    partners: dict[int, list[int]] = {}
    links = Relationship.objects.filter(
        Q(kind__in=(RelationshipKind.MOTHER, RelationshipKind.FATHER, RelationshipKind.STEP_PARENT))
        | Q(kind=RelationshipKind.PARTNER),
        ended_on__isnull=True,
    )
    for person, relative, kind in (
        links.order_by("pk").values_list("person_id", "relative_id", "kind").iterator(chunk_size=20_000)
    ):
        if relative not in people or person not in people:
            continue
        if kind == RelationshipKind.PARTNER:
            partners.setdefault(person, []).append(relative)
        elif people[person].born > child_from:
            parents.setdefault(person, {}).setdefault(kind, relative)
    by_parent: dict[int, Family] = {}
    families: list[Family] = []
    for pk, known in people.items():
        if known.born <= child_from:
            continue
        mine = parents.get(pk, {})
        mother, father = mine.get(RelationshipKind.MOTHER), mine.get(RelationshipKind.FATHER)
        step = mine.get(RelationshipKind.STEP_PARENT)
        key = mother or father or step
        family = by_parent.get(key) if key is not None else None
        if family is None:
            family = Family([], people[mother] if mother else None, people[father] if father else None)
            others = [step] if step else []
            for parent in (mother, father):
                others += [p for p in partners.get(parent or 0, []) if p not in (mother, father, *others)]
            family.others = [people[p] for p in others]
            families.append(family)
            if key is not None:
                by_parent[key] = family
        family.children.append(known)
    for family in families:
        family.children.sort(key=lambda child: (child.born, child.pk))
    return families


def days(rng: random.Random, start: date, today: date, target: float) -> list[tuple[date, int]]:
    """Each day of the history with its number of incidents: more at weekends and over Christmas."""
    every = [start + timedelta(days=n) for n in range((today - start).days + 1)]
    weights = [(1.3 if day.weekday() >= 5 else 1.0) * (1.25 if is_christmas(day) else 1.0) for day in every]
    total = sum(weights)
    return [(day, poisson(rng, target * weight / total)) for day, weight in zip(every, weights, strict=True)]


def make_incident(
    context: SeedContext, families: list[Family], choice: Weighted[int], day: date, now: datetime
) -> Incident | None:
    rng = context.rng
    at = datetime.combine(day, time(0)) + timedelta(hours=INCIDENT_HOURS.pick(rng), seconds=rng.randrange(3600))
    received = at + timedelta(minutes=round(30 + rng.lognormvariate(5.2, 0.6)))  # a median of about 3 hours
    if received >= now:
        return None
    kind = KINDS.pick(rng)
    for _ in range(20):
        family = families[choice.pick(rng)]
        children = [c for c in family.children if c.born < day and c.created <= day.toordinal() and age(c, day) < 18]
        if kind == Kind.MISSING:
            children = [c for c in children if age(c, day) >= 11]
        elif kind == Kind.DOMESTIC_ABUSE and len(family.adults) < 2 and rng.random() < LONE_PARENT_REDRAW:
            continue
        if children:
            break
    else:
        return None
    if kind == Kind.MISSING:
        chosen = [rng.choice(children)]
    else:
        chosen = sorted(rng.sample(children, min(len(children), CHILD_COUNTS.pick(rng))), key=lambda c: c.born)
    present = kind != Kind.DOMESTIC_ABUSE or rng.random() < PRESENT_SHARE
    role = As.CHILD_PRESENT if present else As.CHILD_LINKED
    capitals = rng.random() < CAPITALS_SHARE
    people = [as_police_give(rng, child, role, capitals) for child in chosen]
    if rng.random() < STRANGER_CHILD_SHARE * len(chosen):
        # A child the council has never heard of: usually a half-brother or sister living with the other parent.
        people[rng.randrange(len(people))] = stranger_child(context, chosen[0], day, role, capitals)
    risk, marac, words = "", False, {"children": join([p.first for p in people]), "child": people[0].first}
    if kind == Kind.DOMESTIC_ABUSE:
        risk = RISKS.pick(rng)
        marac = rng.random() < MARAC_SHARE[risk]
        victim, perpetrator = adults_in(context, family, chosen[0], capitals)
        people += [victim, perpetrator]
        words |= {"victim": victim.first, "perpetrator": perpetrator.first}
        template = rng.choice(SUMMARIES[risk]) + rng.choice(CHILDREN_PRESENT if present else CHILDREN_AWAY)
    else:
        parent = family.mother or family.father
        words["adult"] = "their mother" if family.mother else "their father" if family.father else "a relative"
        if parent is not None and rng.random() < REPORTING_PARENT_SHARE:
            people.append(as_police_give(rng, parent, As.OTHER, capitals))
        template = rng.choice(SUMMARIES[kind])
    source = PoliceNotification.Source.API if rng.random() < API_SHARE else PoliceNotification.Source.CSV
    return Incident(kind, risk, marac, at, received, template.format(**words), source, people)


def adults_in(context: SeedContext, family: Family, child: Known, capitals: bool) -> tuple[Written, Written]:
    """The victim and the alleged perpetrator: most often the mother and the father or a partner."""
    rng = context.rng
    victim: Known | None
    perpetrator: Known | None
    if family.mother is not None and family.father is not None and rng.random() < FATHER_AS_VICTIM_SHARE:
        victim, perpetrator = family.father, family.mother
    else:
        victim = family.mother or family.father
        partners = [a for a in (family.father, *family.others) if a is not None and a is not victim]
        perpetrator = rng.choice(partners) if partners and rng.random() >= NEW_PARTNER_SHARE else None
    victim_named = (
        as_police_give(rng, victim, As.VICTIM, capitals)
        if victim
        else stranger_adult(context, "F", child, As.VICTIM, capitals)
    )
    perpetrator_named = (
        as_police_give(rng, perpetrator, As.ALLEGED_PERPETRATOR, capitals)
        if perpetrator
        else stranger_adult(context, "M", child, As.ALLEGED_PERPETRATOR, capitals)
    )
    return victim_named, perpetrator_named


def as_police_give(rng: random.Random, known: Known, role: str, capitals: bool) -> Written:
    """A person of the index as a police officer wrote them down: now and then misspelt or with the date muddled."""
    first, last, born = known.first, known.last, known.born
    if rng.random() < MISSPELT_SHARE:
        if rng.random() < 0.6:
            last = typo(last, rng)
        else:
            first = typo(first, rng)
    if rng.random() < SWAPPED_SHARE and born.day <= 12 and born.day != born.month:
        born = born.replace(month=born.day, day=born.month)
    adult = role not in NotificationPerson.CHILD_ROLES
    return Written(
        role,
        first,
        last.upper() if capitals else last,
        None if adult and rng.random() < ADULT_BORN_UNKNOWN_SHARE else born,
        known.postcode,
        known.pk,
    )


def stranger_child(context: SeedContext, sibling: Known, day: date, role: str, capitals: bool) -> Written:
    rng, faker = context.rng, context.faker
    first = str(faker.first_name_female() if rng.random() < 0.5 else faker.first_name_male())
    born = day - timedelta(days=rng.randint(200, 16 * 365))
    return Written(role, first, sibling.last.upper() if capitals else sibling.last, born, sibling.postcode, None)


def stranger_adult(context: SeedContext, sex: str, child: Known, role: str, capitals: bool) -> Written:
    rng, faker = context.rng, context.faker
    first = str(faker.first_name_female() if sex == "F" else faker.first_name_male())
    last = str(faker.last_name())
    born = child.born - timedelta(days=rng.randint(18 * 365, 40 * 365))
    return Written(role, first, last.upper() if capitals else last, born, child.postcode, None)


def insert(
    context: SeedContext, incidents: list[Incident], officers: list[User], clock: OfficeClock, now: datetime
) -> dict[str, int]:
    rng = context.rng
    counts = dict.fromkeys(
        (
            "notifications",
            "domestic_abuse",
            "missing",
            "high_risk",
            "marac",
            "children",
            "adults",
            "matched",
            "unmatched",
            "strangers",
        ),
        0,
    )
    suggestions: list[list[dict[str, object]]] = []
    # A day's notifications at a time, as a day's file or the police system's day of sending is matched: the
    # matcher's candidates depend on the whole batch, and a batch of a day is quick even for the large council.
    for _, received in groupby(incidents, key=lambda incident: incident.received.date()):
        day = [p for incident in received for p in incident.people]
        suggestions += suggest([Named(p.first.strip(), p.last.strip(), PartialDate.of(p.born)) for p in day])
    serials: dict[int, int] = {}
    notifications = []
    for incident in incidents:
        year = incident.received.year
        # The force numbers every public protection notice, not only this council's: the serials jump.
        serials[year] = serials.get(year, incident.received.timetuple().tm_yday * 10) + rng.randint(1, 5)
        notifications.append(
            PoliceNotification(
                police_reference=f"PPN-{year}-{serials[year]:06d}",
                incident_at=aware(incident.at),
                kind=incident.kind,
                dash_risk=incident.risk,
                summary=incident.summary,
                marac_referral=incident.marac,
                source=incident.source,
                received_at=aware(incident.received),
                received_by=rng.choice(officers),
            )
        )
        counts["domestic_abuse"] += incident.kind == Kind.DOMESTIC_ABUSE
        counts["missing"] += incident.kind == Kind.MISSING
        counts["high_risk"] += incident.risk == Risk.HIGH
        counts["marac"] += incident.marac
    PoliceNotification.objects.bulk_create(notifications, batch_size=INSERT_BATCH)
    counts["notifications"] = len(notifications)
    waiting_from = now - timedelta(days=UNMATCHED_DAYS)
    rows = []
    strangers = []
    found = iter(suggestions)
    for incident, notification in zip(incidents, notifications, strict=True):
        for named in incident.people:
            row = NotificationPerson(
                notification=notification,
                role=named.role,
                first_name=named.first,
                last_name=named.last,
                date_of_birth=named.born,
                postcode=named.postcode.strip().upper(),
                suggestions=next(found),
            )
            matched_at = clock.add(incident.received, rng.uniform(0.1, 7.5))
            if named.person is not None and incident.received < waiting_from and matched_at <= now:
                row.person_id, row.matched_by, row.matched_at = named.person, rng.choice(officers), aware(matched_at)
                counts["matched"] += 1
            else:
                counts["unmatched"] += 1
            if named.person is None:
                strangers.append(row)
            counts["children" if named.role in NotificationPerson.CHILD_ROLES else "adults"] += 1
            rows.append(row)
    NotificationPerson.objects.bulk_create(rows, batch_size=INSERT_BATCH)
    counts["strangers"] = len(strangers)
    # For the seed's tests: who the police named that the index has never heard of.
    context.shared["police_strangers"] = [row.pk for row in strangers]
    return counts


def age(child: Known, day: date) -> int:
    return day.year - child.born.year - ((day.month, day.day) < (child.born.month, child.born.day))


def join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def aware(local: datetime) -> datetime:
    return timezone.make_aware(local)
