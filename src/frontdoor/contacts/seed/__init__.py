"""The front door of the synthetic council: contacts, their decisions, and what the decisions set going.

Contacts arrive as at a real front door: more on weekdays and in term time,
a mid-morning peak, police notifications through the night. Each contact's
life is played out in Python (recorded, picked up, decided, agreed or
returned by a manager, handed over to the day team, the referrer told) and
stopped at the seed's "now", 08:50 on `context.today`: the day team is
about to start, last night's out-of-hours work is not yet acknowledged, and
whatever was still to happen is the duty queue.

Nothing goes through the services (far too slow for five years of a large
council), but every row is one they could have written: a contact is closed
exactly when every child on it has a final decision, closing outcomes were
agreed by a manager who did not make them, a decision's outcome is one its
level allows, referral and early help outcomes opened a referral or an early
help request, and `out_of_hours` follows the council's office hours and
working days. The months are built and inserted one at a time, so the large
council fits in memory.

The rows go in as the call log import puts calls in (contacts.calls): one
statement with many rows of parameters, each value adapted as the database
backend adapts it. bulk_create prepares every value through its model field,
which for the large council's three million rows was three quarters of the
seed's time. Rows that others point at are given their primary keys here,
counting on from the table's highest, so a month's contacts, children and
decisions go in without asking the database for the keys it chose.
"""

import math
import random
from datetime import datetime, time, timedelta

from frontdoor.contacts.models import (
    QualitySample,
)
from frontdoor.contacts.seed import data
from frontdoor.contacts.seed.arrivals import Arrivals
from frontdoor.contacts.seed.plans import CallPlan, ContactPlan
from frontdoor.contacts.seed.tools import BATCH_SIZE, is_school_holiday
from frontdoor.records.services import record_event
from frontdoor.seeding import SeedContext


class FrontDoorBuilder(Arrivals):
    def build(self) -> None:
        self.load()
        self.tables()
        say = self.context.say
        days = self.days()
        month: list[ContactPlan] = []
        calls: list[CallPlan] = []
        current = (self.start.year, self.start.month)
        next_report = 50_000
        for day, count in days:
            if (day.year, day.month) != current:
                self.insert(month, calls)
                month, calls = [], []
                current = (day.year, day.month)
                if self.counts["contacts"] >= next_report:
                    say(f"Contacts: {self.counts['contacts']:,} to {day:%B %Y}")
                    next_report += 50_000
            term = not is_school_holiday(day)
            day_calls_from = len(calls)
            for moment in self.moments(day, count):
                plan = self.contact(moment, term)
                if plan is None:
                    continue
                if plan.channel == "phone":
                    plan.call = len(calls)
                    calls.append(self.call_for(plan, len(month)))
                month.append(plan)
            if self.clock.is_working(day.toordinal()):
                calls += self.other_calls(day, len(calls) - day_calls_from)
        self.insert(month, calls)
        for table in self.all_tables:
            table.reset_sequence()
        self.counts["calls"] = self.calls_table.count
        self.counts["criteria"] = self.criteria_table.count
        self.sample_for_quality()
        counts = self.counts
        summary = (
            f"Seeded {counts['contacts']:,} contacts about {counts['children']:,} children, "
            f"{counts['decisions']:,} decisions, {counts['referrals']:,} referrals, "
            f"{counts['early_help']:,} early help requests and {counts['calls']:,} calls; "
            f"{counts['open'] + counts['awaiting_authorisation']:,} contacts waiting"
        )
        record_event(kind="seed.contacts", by=None, summary=summary, data=dict(counts))
        self.context.shared["contact_counts"] = dict(counts)
        say(
            f"Front door: {counts['contacts']:,} contacts ({counts['out_of_hours']:,} out of hours), "
            f"{counts['decisions']:,} decisions, {counts['referrals']:,} referrals, {counts['early_help']:,} early "
            f"help requests, {counts['calls']:,} calls ({counts['abandoned_calls']:,} abandoned), "
            f"{counts['open']} open and {counts['awaiting_authorisation']} waiting for a manager, "
            f"{counts['quality_samples']} quality samples"
        )

    def insert(self, plans: list[ContactPlan], calls: list[CallPlan]) -> None:
        """A month's calls, contacts and all that hangs from them."""
        call_ids: dict[int, int] = {}
        add_call = self.calls_table.add
        for i in sorted(range(len(calls)), key=lambda i: calls[i].offered):
            call = calls[i]
            year = call.offered.year
            serial = self.call_serials.get(year, 0) + 1
            self.call_serials[year] = serial
            call_ids[i] = add_call(
                f"NB-{year}-{serial:06d}",
                call.queue,
                call.agent,
                call.offered,
                call.answered,
                call.ended,
                call.transfers,
                call.answered is None,
                [],
            )
            self.counts["abandoned_calls"] += call.answered is None
        add_contact, add_child, add_adult = self.contacts_table.add, self.children_table.add, self.adults_table.add
        add_decision, add_criterion = self.decisions_table.add, self.criteria_table.add
        quality_from = self.quality_from
        for plan in plans:
            referrer = plan.referrer
            contact_id = add_contact(
                plan.received,
                plan.channel,
                plan.source,
                referrer.name,
                referrer.role,
                referrer.organisation,
                referrer.phone,
                referrer.email,
                plan.family_aware,
                plan.consent,
                plan.concern,
                plan.categories,
                plan.immediate_danger,
                plan.childs_views,
                plan.rag,
                plan.out_of_hours,
                plan.status,
                plan.closed_at,
                call_ids[plan.call] if plan.call >= 0 else None,
                None,
                plan.picked_up_by,
                plan.picked_up_at,
                plan.last_touched_at,
                plan.told_at,
                plan.told_how,
                plan.told_by,
                plan.acknowledged_at,
                plan.acknowledged_by,
                plan.recorded_by,
                plan.recorded,
            )
            if plan.closed_at is not None and plan.closed_at >= quality_from:
                self.quality_candidates.append((contact_id, plan.closed_at))
            for pid, role in plan.adults:
                add_adult(contact_id, pid, role)
            for child in plan.children:
                child_id = add_child(contact_id, child.pid, child.details, child.follow_up)
                for decision in child.decisions:
                    decision_id = add_decision(
                        child_id,
                        decision.level,
                        decision.outcome,
                        decision.rationale,
                        decision.rag,
                        decision.status,
                        decision.by,
                        decision.at,
                        decision.reviewed_by,
                        decision.reviewed_at,
                        decision.comment,
                    )
                    for criterion in decision.criteria:
                        add_criterion(decision_id, criterion)
                action = child.action
                if action is None or child.pid is None:
                    continue
                if action.kind == "referral":
                    self.referrals_table.add(
                        child.pid,
                        child_id,
                        action.day,
                        plan.source,
                        action.closed_on,
                        action.closure_reason,
                        action.by,
                        action.at,
                    )
                else:
                    self.requests_table.add(child.pid, child_id, action.day, action.status, action.by, action.at)
        for table in self.all_tables:
            table.flush()

    def sample_for_quality(self) -> None:
        """The weekly quality samples, drawn as draw_quality_sample draws them, most of them reviewed."""
        rng = self.rng
        share = self.policy.qa_sample_percent / 100
        samples: list[QualitySample] = []
        weeks = self.quality_weeks
        for number, week in enumerate(weeks):
            start = datetime.combine(week, time(0))
            end = start + timedelta(days=7)
            closed = sorted(pk for pk, closed_at in self.quality_candidates if start <= closed_at < end)
            # The service's own draw, so drawing this week again finds the same contacts.
            chosen = random.Random(week.toordinal()).sample(closed, math.ceil(len(closed) * share))
            drawn = end + timedelta(hours=7)
            weeks_ago = len(weeks) - number
            reviewed_share = 0.92 if weeks_ago > 2 else 0.7 if weeks_ago == 2 else 0.5
            for pk in sorted(chosen):
                sample = QualitySample(contact_id=pk, week_starting=week, drawn_at=drawn.replace(tzinfo=self.tz))
                reviewed = self.clock.add(drawn, 0.5 + rng.expovariate(1 / 10))
                if self.qa and rng.random() < reviewed_share and reviewed <= self.now:
                    agree = rng.random() < 0.85
                    sample.verdict = QualitySample.Verdict.AGREE if agree else QualitySample.Verdict.DISAGREE
                    sample.comment = rng.choice(data.QA_AGREE if agree else data.QA_DISAGREE)
                    sample.reviewed_by_id = rng.choice(self.qa).id
                    sample.reviewed_at = reviewed.replace(tzinfo=self.tz)
                samples.append(sample)
        QualitySample.objects.bulk_create(samples, batch_size=BATCH_SIZE)
        self.counts["quality_samples"] = len(samples)
        self.quality_candidates = []


def seed(context: SeedContext) -> None:
    FrontDoorBuilder(context).build()
