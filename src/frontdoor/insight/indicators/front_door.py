"""The front door's indicators: contacts, decisions, referrals, calls, out-of-hours handover and police triage."""

from collections.abc import Iterable, Iterator
from datetime import date, datetime, timedelta
from typing import Any

from django.db.models import Count, F, Min, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import TruncDate
from django.urls import reverse
from django.utils import timezone

from frontdoor.accounts.models import LocalAuthority, Team
from frontdoor.casework.models import Referral
from frontdoor.contacts.call_queries import ANSWER_TARGET_SECONDS
from frontdoor.contacts.models import Call, Contact, ContactChild, Outcome, ThresholdDecision
from frontdoor.insight.indicators.base import FRONT_DOOR, DrillRow, Fact, Indicator, Measure, Tally
from frontdoor.insight.periods import Period
from frontdoor.partners.models import PoliceNotification
from frontdoor.timescales.clocks import due_for
from frontdoor.timescales.regimes import Step, timescale_for

GROUP = "Front door"

# The CIN census source codes in their groups: two dozen sources would make a chart no one can read.
SOURCE_GROUPS: dict[str, tuple[str, list[str]]] = {
    "individual": ("Individuals", ["1A", "1B", "1C", "1D"]),
    "education": ("Schools and education", ["2A", "2B"]),
    "health": ("Health services", ["3A", "3B", "3C", "3D", "3E", "3F"]),
    "housing": ("Housing", ["4"]),
    "la": ("Local authority services", ["5A", "5B", "5C", "5D"]),
    "police": ("Police", ["6"]),
    "legal": ("Other legal agencies", ["7"]),
    "other": ("Other organisations", ["8"]),
    "anonymous": ("Anonymous", ["9"]),
    "unknown": ("Unknown", ["10"]),
}


GROUP_OF_SOURCE = {source: code for code, (_, sources) in SOURCE_GROUPS.items() for source in sources}


class DueTimes:
    """When a step started on each day falls due: worked out once per day, not once per record."""

    def __init__(self, step: Step) -> None:
        self.step = step
        self.council = LocalAuthority.load()
        self.zone = timezone.get_current_timezone()
        self.found: dict[date, datetime] = {}

    def of(self, started: datetime) -> datetime:
        return self.on(started.astimezone(self.zone).date())

    def on(self, day: date) -> datetime:
        if day not in self.found:
            timescale = timescale_for(self.step, regime=self.council.regime_on(day))
            self.found[day] = due_for(timescale, day, zone=self.zone)
        return self.found[day]


def timely_facts(rows: Iterable[tuple[int, datetime, datetime | None]], step: Step) -> Iterator[Fact]:
    """Each record's part in a share done by its due time, from (pk, started, done): counted on its UK day."""
    due, now, zone = DueTimes(step), timezone.now(), timezone.get_current_timezone()
    for pk, started, done in rows:
        day = started.astimezone(zone).date()
        met = in_time(due.on(day), done, now)
        if met is not None:
            yield Fact(pk, day, hit=met)


def in_time(due: datetime, done: datetime | None, now: datetime) -> bool | None:
    """Done by the due time; None while it is not done and not yet due, so it counts neither way."""
    if done is not None:
        return done <= due
    return None if now <= due else False


def contact_row(contact: Contact, person: Any, detail: str, met: bool | None) -> DrillRow:
    return DrillRow(
        day=timezone.localdate(contact.received_at),
        person=person,
        reference=contact.reference,
        url=reverse("contacts:detail", args=[contact.pk]),
        detail=detail,
        met=met,
    )


class ContactsReceived(Indicator):
    slug = "contacts"
    title = "Contacts received"
    group = GROUP
    measure = Measure.COUNT
    higher_is_better = None
    team_kinds = FRONT_DOOR
    bucket = "week"
    definition = (
        "Contacts received by the front door, counted in the week they were received (weeks run Monday to "
        "Sunday), by the group of the source the referrer was recorded under (the CIN census source codes: "
        "individuals, schools, health services and so on). A contact about several children counts once."
    )
    day_field = "received_on"
    time_field = "received_at"
    split_field = "source"
    split_title = "Source"
    split_labels = {code: label for code, (label, _) in SOURCE_GROUPS.items()}
    counted = "Contacts"

    def records(self) -> QuerySet[Contact]:
        return Contact.objects.all()

    def split_of(self, value: str) -> str:
        # Grouped by the source itself, in the order of the index on the day and source, then put in its group
        # here: a few thousand rows, where grouping in SQL would work out each contact's group.
        return GROUP_OF_SOURCE.get(value, "unknown")

    def split_filter(self, code: str) -> Q:
        return Q(source__in=SOURCE_GROUPS.get(code, ("", []))[1])

    def describe(self, record: Contact) -> DrillRow:
        return contact_row(record, None, record.get_source_display(), None)


class ContactOutcomes(Indicator):
    slug = "contact-outcomes"
    title = "Contact decisions by outcome"
    group = GROUP
    measure = Measure.COUNT
    higher_is_better = None
    team_kinds = FRONT_DOOR
    bucket = "week"
    definition = (
        "Decisions on the children named in contacts, counted in the week the decision was made, by outcome. "
        "Only decisions that stand are counted: a decision a manager returned is replaced by the next one, and "
        "one still waiting for a manager to agree it is not counted until they do."
    )
    day_field = "decided_on"
    time_field = "decided_at"
    split_field = "outcome"
    split_title = "Outcome"
    split_labels = dict(Outcome.choices)
    counted = "Decisions"
    related = ("contact_child__contact", "contact_child__person")

    def records(self) -> QuerySet[ThresholdDecision]:
        final = [ThresholdDecision.Status.DECIDED, ThresholdDecision.Status.AUTHORISED]
        return ThresholdDecision.objects.filter(status__in=final)

    def describe(self, record: ThresholdDecision) -> DrillRow:
        row = contact_row(record.contact_child.contact, record.contact_child.person, record.get_outcome_display(), None)
        return DrillRow(timezone.localdate(record.decided_at), row.person, row.reference, row.url, row.detail, None)


class ContactsToReferral(Indicator):
    slug = "contacts-to-referral"
    title = "Contacts leading to a referral"
    group = GROUP
    team_kinds = FRONT_DOOR
    higher_is_better = None
    definition = (
        "Of the children named in contacts received in the period, the share whose contact became a referral to "
        "children's social care (a decision for an assessment or a strategy discussion). Each child on a contact "
        "counts once; a child named on two contacts counts twice."
    )
    day_field = "contact__received_on"
    time_field = "contact__received_at"
    condition = Q(referral__isnull=False)
    counted = "Children on contacts"
    met_label = "Became a referral"
    not_met_label = "Did not"
    related = ("contact", "person", "referral")

    def records(self) -> QuerySet[ContactChild]:
        return ContactChild.objects.all()

    def describe(self, record: ContactChild) -> DrillRow:
        referral = getattr(record, "referral", None)
        detail = f"Referral on {referral.referral_date:%d/%m/%Y}" if referral else "No referral"
        return contact_row(record.contact, record.person, detail, getattr(record, "met", None))


class DecisionsInTime(Indicator):
    slug = "decisions-in-time"
    title = "Contact decisions within 1 working day"
    group = GROUP
    team_kinds = FRONT_DOOR
    definition = (
        "Of the children named in contacts received in the period, the share whose first threshold decision was "
        "recorded by the end of the next working day after the contact arrived (the council's working-day "
        "calendar, with bank holidays and closure days). A child still waiting once that time has passed counts "
        "as late; one still within it is left out until decided."
    )
    day_field = "contact__received_on"
    time_field = "contact__received_at"
    counted = "Children on contacts"
    met_label = "Within 1 working day"
    not_met_label = "Later"
    related = ("contact", "person")

    def records(self) -> QuerySet[ContactChild]:
        return ContactChild.objects.all()

    def count(self, *, team: Team | None, days: Period) -> Tally:
        """Counted by the day received and the day first decided: a decision is due by the end of a day, so the
        days decide it, and two years of contacts come back as a few thousand pairs of days, not a row each."""
        records = self.in_days(self.scoped(team), days).order_by()
        first = (
            ThresholdDecision.objects.filter(contact_child=OuterRef("pk")).order_by("decided_at").values("decided_at")
        )
        pairs = records.annotate(first=Subquery(first[:1])).values(
            received=F("contact__received_on"), decided=TruncDate("first")
        )
        due, today = DueTimes(Step.CONTACT_DECISION), timezone.localdate()
        found = Tally()
        for row in pairs.annotate(n=Count("pk")):
            due_day = due.on(row["received"]).date()
            if row["decided"] is None and today <= due_day:
                continue  # still within its time
            met = row["decided"] is not None and row["decided"] <= due_day
            found.add(row["received"], "", hits=row["n"] if met else 0, total=row["n"])
        return found

    def facts(self, records: QuerySet[Any]) -> Iterable[Fact]:
        rows = records.order_by().annotate(first=Min("decisions__decided_at"))
        return timely_facts(rows.values_list("pk", "contact__received_at", "first"), Step.CONTACT_DECISION)

    def for_list(self, records: QuerySet[Any]) -> QuerySet[Any]:
        return records.annotate(first=Min("decisions__decided_at"))

    def describe(self, record: Any) -> DrillRow:
        first = record.first
        detail = f"First decided {timezone.localtime(first):%d/%m/%Y %H:%M}" if first else "Not decided yet"
        return contact_row(record.contact, record.person, detail, getattr(record, "met", None))


class ReferralIndicator(Indicator):
    group = GROUP
    team_kinds = FRONT_DOOR
    day_field = "referral_date"
    counted = "Referrals"
    related = ("person",)

    def records(self) -> QuerySet[Referral]:
        return Referral.objects.all()

    def describe(self, record: Referral) -> DrillRow:
        return DrillRow(
            day=record.referral_date,
            person=record.person,
            reference=f"Referral {record.pk}",
            url=reverse("casework:referral", args=[record.pk]),
            detail=record.get_source_display(),
            met=getattr(record, "met", None),
        )


class ReferralRate(ReferralIndicator):
    slug = "referral-rate"
    title = "Referrals per 10,000 children"
    measure = Measure.RATE
    higher_is_better = None
    definition = (
        "Referrals to children's social care in the period for every 10,000 children aged under 18 in the area "
        "(the council's setting, from the ONS mid-year estimate), to one decimal place as the DfE publishes it. "
        "Over a period shorter than a year the rate is for that period, not a yearly rate."
    )


class ReReferrals(ReferralIndicator):
    slug = "re-referrals"
    title = "Re-referrals within 12 months"
    higher_is_better = False
    definition = (
        "Of referrals in the period, the share about a child referred before within the 12 months up to the "
        "referral (the CIN census definition)."
    )
    condition = Q(is_re_referral=True)
    met_label = "Re-referral"
    not_met_label = "First in 12 months"


class ReferralsNfa(ReferralIndicator):
    slug = "referrals-nfa"
    title = "Referrals ending in no further action"
    higher_is_better = False
    definition = (
        "Of referrals in the period, the share that ended with no further action: closed without an assessment "
        "or any other service (the CIN census 'referral NFA' flag)."
    )
    condition = Q(is_nfa=True)
    met_label = "No further action"
    not_met_label = "Went on"


class CallIndicator(Indicator):
    group = GROUP
    team_kinds = FRONT_DOOR
    day_field = "offered_on"
    time_field = "offered_at"
    counted = "Calls offered"

    def records(self) -> QuerySet[Call]:
        return Call.objects.filter(offered_on__isnull=False)

    def describe(self, record: Call) -> DrillRow:
        assert record.offered_at is not None
        if record.abandoned or record.answered_at is None:
            detail = "Abandoned" if record.abandoned else "Not answered"
        else:
            detail = f"Answered after {(record.answered_at - record.offered_at).total_seconds():.0f} seconds"
        return DrillRow(
            day=timezone.localdate(record.offered_at),
            person=None,
            reference=record.call_id,
            url="",
            detail=f"{record.queue or 'No queue'}: {detail}",
            met=getattr(record, "met", None),
        )


class CallsAnswered(CallIndicator):
    slug = "calls-answered"
    title = f"Calls answered within {ANSWER_TARGET_SECONDS} seconds"
    definition = (
        f"Of calls offered to the front door's telephone queues in the period, the share answered within "
        f"{ANSWER_TARGET_SECONDS} seconds of reaching the queue. An abandoned call counts against it. The figures "
        "come from the telephony system's call log."
    )
    condition = Q(
        abandoned=False,
        answered_at__gte=F("offered_at"),
        answered_at__lte=F("offered_at") + timedelta(seconds=ANSWER_TARGET_SECONDS),
    )
    met_label = f"Within {ANSWER_TARGET_SECONDS} seconds"
    not_met_label = "Later or not answered"


class CallsAbandoned(CallIndicator):
    slug = "calls-abandoned"
    title = "Calls abandoned"
    higher_is_better = False
    definition = (
        "Of calls offered to the front door's telephone queues in the period, the share the caller ended before "
        "an answer."
    )
    condition = Q(abandoned=True)
    met_label = "Abandoned"
    not_met_label = "Answered"


class HandoversAcknowledged(Indicator):
    slug = "handovers-acknowledged"
    title = "Emergency duty handovers acknowledged on time"
    group = GROUP
    team_kinds = frozenset({Team.Kind.ACCESS, Team.Kind.EMERGENCY_DUTY})
    definition = (
        "Of contacts the emergency duty team took out of hours in the period, the share the day team acknowledged "
        "by 10:00 on the next working day. One still waiting once that time has passed counts as late."
    )
    day_field = "received_on"
    time_field = "received_at"
    counted = "Out-of-hours contacts"
    met_label = "Acknowledged on time"
    not_met_label = "Late"

    def records(self) -> QuerySet[Contact]:
        return Contact.objects.filter(out_of_hours=True)

    def facts(self, records: QuerySet[Any]) -> Iterable[Fact]:
        rows = records.order_by().values_list("pk", "received_at", "handover_acknowledged_at")
        return timely_facts(rows, Step.EDT_ACKNOWLEDGEMENT)

    def describe(self, record: Contact) -> DrillRow:
        done = record.handover_acknowledged_at
        detail = f"Acknowledged {timezone.localtime(done):%d/%m/%Y %H:%M}" if done else "Not acknowledged"
        return contact_row(record, None, detail, getattr(record, "met", None))


class PoliceTriaged(Indicator):
    slug = "police-triaged"
    title = "Police notifications triaged within 1 working day"
    group = GROUP
    team_kinds = FRONT_DOOR
    definition = (
        "Of police notifications received in the period, the share triaged at the daily meeting by the end of the "
        "next working day after they arrived. One still waiting once that time has passed counts as late."
    )
    day_field = "received_at"
    day_is_datetime = True
    counted = "Notifications"
    met_label = "Triaged on time"
    not_met_label = "Late"

    def records(self) -> QuerySet[PoliceNotification]:
        return PoliceNotification.objects.all()

    def facts(self, records: QuerySet[Any]) -> Iterable[Fact]:
        return timely_facts(records.order_by().values_list("pk", "received_at", "triaged_at"), Step.CONTACT_DECISION)

    def describe(self, record: PoliceNotification) -> DrillRow:
        done = record.triaged_at
        detail = f"Triaged {timezone.localtime(done):%d/%m/%Y %H:%M}" if done else "Not triaged"
        return DrillRow(
            day=timezone.localdate(record.received_at),
            person=None,
            reference=record.police_reference,
            url=reverse("partners:notification", args=[record.pk]),
            detail=f"{record.get_kind_display()}: {detail}",
            met=getattr(record, "met", None),
        )
