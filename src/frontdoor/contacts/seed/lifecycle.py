"""What happens to a contact once it is recorded: acknowledged, decided, agreed or returned, acted on, the referrer told."""

from datetime import datetime, timedelta

from frontdoor.codes import ReasonForClosure
from frontdoor.contacts.models import (
    Contact,
    Outcome,
    Rag,
)
from frontdoor.contacts.seed import data, texts
from frontdoor.contacts.seed.council import SeedCouncil
from frontdoor.contacts.seed.plans import Action, ChildPlan, ContactPlan, DecisionPlan, Staff
from frontdoor.contacts.seed.rates import (
    CATEGORY_LABELS,
    CLOSING,
    CRITERIA_COUNTS,
    LATE_ACKNOWLEDGEMENT_SHARE,
    PICKED_UP_SHARE,
    REFERRING,
    RETURNED_SHARE,
    TOLD_SHARE,
    DecisionStatus,
    outcome_weights,
)
from frontdoor.earlyhelp.models import EarlyHelpRequest


class Lifecycle(SeedCouncil):
    def acknowledge(self, plan: ContactPlan) -> None:
        """The day team acknowledges out-of-hours work by 10:00 the next working day, or a little after."""
        rng = self.rng
        opens = self.clock.next_open(plan.received)
        roll = rng.random()
        if roll < LATE_ACKNOWLEDGEMENT_SHARE:
            at = self.clock.add(opens, rng.uniform(2, 7))
        elif roll < 0.2:
            at = opens + timedelta(minutes=rng.uniform(60, 120))
        else:
            at = opens + timedelta(minutes=rng.uniform(0, 60))
        if at <= self.now:
            plan.acknowledged_at = at
            plan.acknowledged_by = self.acknowledgers.pick(rng).id
        else:
            self.counts["unacknowledged"] += 1

    def decide(self, plan: ContactPlan, tier: str, category: str, recorder: Staff) -> None:
        rng, clock, now = self.rng, self.clock, self.now
        urgent = plan.rag == Rag.RED or tier == "strategy"
        # When a decision-maker starts on it: the night team decides what cannot wait.
        if plan.out_of_hours and urgent:
            decider = recorder
            first_at = plan.recorded + timedelta(minutes=rng.uniform(10, 90))
        else:
            kind = "closing" if tier in CLOSING else "early_help" if tier == "early_help" else "referral"
            decider = self.deciders[kind].pick(rng)
            start = plan.acknowledged_at or plan.recorded
            if plan.out_of_hours and plan.acknowledged_at is None:
                start = clock.next_open(plan.received) + timedelta(minutes=rng.uniform(0, 60))
            if plan.rag == Rag.RED:
                hours = min(3.0, 0.1 + rng.expovariate(1 / 0.7))
            elif plan.rag == Rag.AMBER:
                hours = min(7.5, 0.3 + rng.expovariate(1 / 3.0))
            else:
                hours = min(7.5, 0.5 + rng.expovariate(1 / 5.5))
            if plan.rag != Rag.RED and rng.random() < self.late_share:
                hours += rng.uniform(7.5, 28)
            if plan.children[0].pid is None:
                # Checks with the police, schools and health to find out who the child is.
                hours += rng.uniform(4, 20)
            first_at = clock.add(start, hours)
        if first_at <= now:
            plan.picked_up_at = max(plan.recorded, first_at - timedelta(minutes=rng.uniform(5, 40)))
        labels = " and ".join(CATEGORY_LABELS[c] for c in plan.categories)
        group = data.SOURCE_GROUPS[plan.source]
        needs_manager: list[tuple[ChildPlan, DecisionPlan]] = []
        for position, child in enumerate(plan.children):
            at = first_at + timedelta(minutes=position * rng.uniform(1, 4))
            outcome = tier
            if position and rng.random() < 0.1:
                outcome = outcome_weights(data.OUTCOMES[category]).pick(rng)
            if child.pid is None and outcome not in CLOSING and outcome != "marac":
                outcome = "advice"
            if child.pid is not None:
                state = self.referral_state.get(child.pid)
                has_open_case = state is not None and state[0] <= at and (state[1] is None or state[1] > at.toordinal())
                if has_open_case and rng.random() < (0.1 if outcome in CLOSING else 0.3):
                    outcome = "open_case"
            decision = self.decision(child, outcome, tier, category, plan.rag, decider.id, at, labels, group)
            child.decisions.append(decision)
            if decision.status == DecisionStatus.AWAITING_AUTHORISATION:
                needs_manager.append((child, decision))
        if needs_manager:
            self.authorise(plan, needs_manager, decider, category, labels)
        self.settle(plan, decider)

    def decision(
        self,
        child: ChildPlan,
        outcome: str,
        tier: str,
        category: str,
        rag: str,
        by: int,
        at: datetime,
        labels: str,
        group: str,
    ) -> DecisionPlan:
        rng = self.rng
        choice = self.level_choices.get(outcome)
        if outcome == "open_case":
            preferred = self.level_choices.get(tier)
            if preferred is not None and all(level.allows("open_case") for level in preferred.items):
                choice = preferred
        if choice is None:
            outcome = "nfa"
            choice = self.level_choices["nfa"]
        level = choice.pick(rng)
        # The criteria that fit the concern, and now and then another from the level.
        fitting = self.fitting.get((level.pk, category), [])
        everything = [pk for pk, _ in self.criteria[level.pk]]
        wanted = min(len(everything), CRITERIA_COUNTS.pick(rng))
        criteria = rng.sample(fitting, min(len(fitting), wanted))
        others = [pk for pk in everything if pk not in criteria]
        if others and len(criteria) < wanted and (not criteria or rng.random() < 0.4):
            criteria.append(rng.choice(others))
        if child.pid is None:
            rationale = rng.choice(texts.UNIDENTIFIED_RATIONALES)
        else:
            name = self.kids[child.pid].first
            options = [text for tags, text in texts.RATIONALES[outcome] if not tags or f"@{group}" in tags.split()]
            rationale = rng.choice(options).format(
                child="the unborn baby" if name == "Unborn" else name,
                category=labels,
                service=rng.choice(data.SIGNPOST_SERVICES),
            )
            rationale = rationale[0].upper() + rationale[1:]
        if outcome in CLOSING and rag == Rag.AMBER and rng.random() < 0.5:
            rag = Rag.GREEN
        needs_manager = outcome in CLOSING
        return DecisionPlan(
            level=level.pk,
            outcome=outcome,
            rationale=rationale,
            rag=rag,
            status=DecisionStatus.AWAITING_AUTHORISATION if needs_manager else DecisionStatus.DECIDED,
            by=by,
            at=at,
            criteria=criteria,
        )

    def authorise(
        self,
        plan: ContactPlan,
        waiting: list[tuple[ChildPlan, DecisionPlan]],
        decider: Staff,
        category: str,
        labels: str,
    ) -> None:
        """A manager agrees the closing decisions, or now and then returns them to be decided again."""
        rng, clock = self.rng, self.clock
        # Never the manager who made the decision.
        managers = [m for m in self.managers if m.id != decider.id]
        manager = rng.choice(managers)
        latest = max(decision.at for _, decision in waiting)
        hours = min(14.0, 0.25 + rng.expovariate(1 / 3.0))
        if rng.random() < 0.04:
            hours += rng.uniform(7.5, 22)
        reviewed = clock.add(latest, hours)
        if rng.random() < RETURNED_SHARE:
            comment = rng.choice(data.RETURN_COMMENTS)
            again_at = clock.add(reviewed, min(7.0, 0.5 + rng.expovariate(1 / 2.0)))
            again_waiting = []
            for position, (child, decision) in enumerate(waiting):
                decision.status = DecisionStatus.RETURNED
                decision.reviewed_by, decision.reviewed_at = manager.id, reviewed + timedelta(seconds=30 * position)
                decision.comment = comment
                # Decided again: early help (or an assessment) as the manager suggested, or closed after all.
                outcome = decision.outcome
                if child.pid is not None and rng.random() < 0.5:
                    outcome = "early_help" if rng.random() < 0.8 else "assessment"
                elif rng.random() < 0.3:
                    outcome = rng.choice(("nfa", "advice", "signpost"))
                at = again_at + timedelta(minutes=position)
                group = data.SOURCE_GROUPS[plan.source]
                again = self.decision(child, outcome, outcome, category, decision.rag, decider.id, at, labels, group)
                child.decisions.append(again)
                if again.status == DecisionStatus.AWAITING_AUTHORISATION:
                    again_waiting.append((child, again))
            if not again_waiting:
                return
            waiting = again_waiting
            reviewed = clock.add(again_at, min(14.0, 0.2 + rng.expovariate(1 / 2.0)))
            manager = rng.choice(managers)
        comment = rng.choice(data.AUTHORISE_COMMENTS) if rng.random() < 0.2 else ""
        for position, (_, decision) in enumerate(waiting):
            decision.status = DecisionStatus.AUTHORISED
            decision.reviewed_by, decision.reviewed_at = manager.id, reviewed + timedelta(seconds=30 * position)
            decision.comment = comment

    def settle(self, plan: ContactPlan, decider: Staff) -> None:
        """Stop the contact's life at the seed's now, and work out its status as _settle would have."""
        now = self.now
        statuses: list[str | None] = []
        final_times: list[datetime] = []
        for child in plan.children:
            happened: list[DecisionPlan] = []
            for decision in child.decisions:
                if decision.at > now:
                    continue
                if decision.reviewed_at is not None and decision.reviewed_at > now:
                    # The manager has not got to it yet.
                    decision.status = DecisionStatus.AWAITING_AUTHORISATION
                    decision.reviewed_by, decision.reviewed_at, decision.comment = None, None, ""
                happened.append(decision)
            child.decisions = happened
            self.counts["decisions"] += len(happened)
            self.counts["returned"] += sum(1 for d in happened if d.status == DecisionStatus.RETURNED)
            standing = happened[-1] if happened else None
            if standing is None or standing.status == DecisionStatus.RETURNED:
                statuses.append(None)
            elif standing.status == DecisionStatus.AUTHORISED:
                assert standing.reviewed_at is not None
                statuses.append(standing.status)
                final_times.append(standing.reviewed_at)
            else:
                statuses.append(standing.status)
                if standing.status == DecisionStatus.DECIDED:
                    final_times.append(standing.at)
                    self.act(plan, child, standing)
        decided = [decision for child in plan.children for decision in child.decisions]
        if decided:
            # decide() gives the contact the priority of its latest decision.
            plan.rag = max(decided, key=lambda decision: decision.at).rag
            plan.last_touched_at = max(decision.at for decision in decided if decision.by == decided[0].by)
        else:
            plan.picked_up_at = None
            self.pick_up_now(plan)
        if any(status is None for status in statuses):
            plan.status = Contact.Status.OPEN
            self.counts["open"] += 1
        elif DecisionStatus.AWAITING_AUTHORISATION in statuses:
            plan.status = Contact.Status.AWAITING_AUTHORISATION
            self.counts["awaiting_authorisation"] += 1
        else:
            plan.status = Contact.Status.CLOSED
            plan.closed_at = max(final_times)
            self.counts["closed"] += 1
            self.tell_referrer(plan, decider)

    def pick_up_now(self, plan: ContactPlan) -> None:
        """Some of the undecided contacts are being worked on as the day team starts, one each."""
        rng = self.rng
        if not self.clock.is_working(self.today.toordinal()) or rng.random() > PICKED_UP_SHARE:
            return
        free = [member for member in self.day_team if member.id not in self.busy]
        if not free:
            return
        officer = rng.choice(free)
        self.busy.add(officer.id)
        plan.picked_up_by = officer.id
        plan.picked_up_at = max(plan.recorded, self.now - timedelta(minutes=rng.uniform(2, 25)))
        plan.last_touched_at = plan.picked_up_at + (self.now - plan.picked_up_at) * rng.random()

    def act(self, plan: ContactPlan, child: ChildPlan, decision: DecisionPlan) -> None:
        """A referral or an early help request, as _act opens one when a decision is final."""
        rng = self.rng
        if child.pid is None:
            return
        day = plan.received.date()
        if decision.outcome in REFERRING:
            state = self.referral_state.get(child.pid)
            if state is not None and (state[1] is None or state[1] > day.toordinal()):
                # One open episode per child (CIN census rule 8815): as _act does, the work continues in it.
                return
            action = Action("referral", decision.by, decision.at, day)
            closed: int | None = None
            # Older referrals: an assessment and no further action, or months of help and then closed.
            # Some recent ones close quickly too, so a child can come back within the year (a re-referral).
            if (self.today - day).days > 365 or rng.random() < 0.3:
                if rng.random() < 0.55 or (self.today - day).days <= 365:
                    length = rng.randint(15, 70)
                    reason = ReasonForClosure.NFA_AFTER_ASSESSMENT if rng.random() < 0.65 else ReasonForClosure.CEASED
                else:
                    length = rng.randint(90, 720)
                    reason = ReasonForClosure.CEASED
                closed_on = day + timedelta(days=length)
                if closed_on < self.today:
                    action.closed_on, action.closure_reason = closed_on, reason
                    closed = closed_on.toordinal()
                    self.counts["referrals_closed"] += 1
            self.referral_state[child.pid] = (decision.at, closed)
            self.counts["referrals"] += 1
        elif decision.outcome == Outcome.EARLY_HELP:
            action = Action("early_help", decision.by, decision.at, day)
            age = (self.today - day).days
            if age > 365:
                action.status = EarlyHelpRequest.Status.CLOSED
            elif age > 14:
                action.status = (
                    EarlyHelpRequest.Status.ACCEPTED if rng.random() < 0.85 else EarlyHelpRequest.Status.CLOSED
                )
            self.counts["early_help"] += 1
        else:
            return
        child.action = action

    def tell_referrer(self, plan: ContactPlan, decider: Staff) -> None:
        rng = self.rng
        if plan.source in ("9", "10") or not plan.referrer.name or rng.random() > TOLD_SHARE:
            return
        assert plan.closed_at is not None
        hours = min(7.0, 0.1 + rng.expovariate(1 / 1.5))
        if rng.random() < 0.08:
            hours += rng.uniform(7.5, 20)
        told = self.clock.add(plan.closed_at, hours)
        if told > self.now:
            return
        group = data.SOURCE_GROUPS[plan.source]
        plan.told_at = told
        plan.told_how = rng.choice(data.TOLD_HOW.get(group, data.TOLD_HOW["other"]))
        plan.told_by = decider.id if decider.id in self.day_team_ids else rng.choice(self.officers).id
