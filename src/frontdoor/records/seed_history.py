"""The synthetic council's history in the event log, so every seeded child has a chronology.

The other apps' seeds make their records in bulk without the events their
services would have written one at a time. This step runs after all of them
(seeding.seed_council calls it last) and writes those events at the records'
own dates, with who did it where the record says: contacts and decisions,
referrals, allocations, assessments, strategy discussions, section 47s,
conferences, plans, visits, case directions, police notifications, early help
and moves. A few children get added entries and significance marks too.

Rows are read as value tuples a chunk at a time and written in batches, so the
large council's millions of events never sit in memory at once. The order of
every read is fixed, so the same seed writes the same history.
"""

from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime, time, timedelta
from itertools import batched

from django.db.models import Model
from django.utils import timezone

from frontdoor.accounts.models import User
from frontdoor.accounts.roles import MANAGER_ROLES
from frontdoor.casework.models import Assessment, AssessmentKind, CinPlan, CinPlanReview, Referral
from frontdoor.codes import CategoryOfAbuse, ReasonForClosure, ReferralSource
from frontdoor.contacts.models import ContactChild, Outcome, ThresholdDecision
from frontdoor.earlyhelp.models import EarlyHelpEpisode, EarlyHelpRequest, TafMeeting
from frontdoor.partners.models import NotificationPerson, PoliceNotification, TriageDecision
from frontdoor.people.models import Residence
from frontdoor.protection.models import (
    ChildProtectionPlan,
    CoreGroup,
    InitialConference,
    ProtectiveOrder,
    ReviewConference,
    Section47,
    StrategyChild,
    Visit,
)
from frontdoor.records.models import ChronologyEntry, Event, SignificanceMark
from frontdoor.records.services import record_event
from frontdoor.seeding import SeedContext
from frontdoor.workforce.models import Allocation, CaseDirection

BATCH = 5000
CHUNK = 5000
# Allocated children whose workers added what others told them.
ADDED_FOR = {"demo": 40, "large": 2000}
ADDED = [
    (
        "Mother told the health visitor she had left the family home with the children for two nights.",
        "Health visitor, by phone",
    ),
    (
        "Admitted to A&E with a bruise to the cheek; the explanation given was a fall from a bike.",
        "Hospital discharge letter",
    ),
    ("School attendance 78% this term; three late arrivals after weekends with father.", "School attendance report"),
    (
        "Father arrested after an incident at the home; released on bail with conditions not to attend.",
        "Police officer in the case",
    ),
    (
        "Maternal grandmother says the children stayed with her for a week over half-term.",
        "Maternal grandmother, in person",
    ),
    ("Missed two dental appointments; the surgery has written to the family.", "Dental practice letter"),
]
Row = tuple[int | None, int | None, str, datetime, str, str, int | str]


def seed(context: SeedContext) -> None:
    written = 0
    for source in SOURCES:
        for batch in batched(source(), BATCH):
            Event.objects.bulk_create(
                [
                    Event(
                        child_id=child,
                        actor_id=actor,
                        kind=kind,
                        occurred_at=at,
                        summary=summary[:300],
                        record_type=record_type,
                        record_id=str(record_id),
                    )
                    for child, actor, kind, at, summary, record_type, record_id in batch
                ]
            )
            written += len(batch)
    added, marked = worked_by_hand(context)
    summary = f"History: {written:,} events on children's chronologies, {added:,} added entries, {marked:,} marked"
    record_event(kind="seed.history", by=None, summary=summary, data={"events": written, "added": added})
    context.say(summary)


def at(day: date, hour: int) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


def rows(model: type[Model], *fields: str, **where: object) -> Iterator[tuple]:
    return model._default_manager.filter(**where).order_by("pk").values_list(*fields).iterator(chunk_size=CHUNK)


def label(choices: Iterable[tuple[str, str]]) -> Callable[[str], str]:
    labels = dict(choices)
    return lambda code: labels.get(code, code).lower()


def contacts() -> Iterator[Row]:
    source = label(ReferralSource.choices)
    # A contact's reference is its ID, as Contact.reference writes it.
    fields = ("contact_id", "person_id", "contact__recorded_by_id", "contact__received_at", "contact__source")
    for contact, person, by, received, code in rows(ContactChild, *fields, person__isnull=False):
        summary = f"Contact C{contact:07d} from {source(code)}"
        yield person, by, "contact.recorded", received, summary, "contacts.Contact", contact
    fields = ("contact_child__person_id", "decided_by_id", "decided_at", "outcome", "level__number")
    outcome = label(Outcome.choices)
    for pk, person, by, decided, code, level, contact in rows(
        ThresholdDecision, "pk", *fields, "contact_child__contact_id", contact_child__person__isnull=False
    ):
        summary = f"Decided {outcome(code)} at level {level} on contact C{contact:07d}"
        yield person, by, "contact.decided", decided, summary, "contacts.ThresholdDecision", pk


def referrals() -> Iterator[Row]:
    reason = label(ReasonForClosure.choices)
    fields: tuple[str, ...] = (
        "pk",
        "person_id",
        "created_by_id",
        "referral_date",
        "closed_on",
        "closure_authorised_by_id",
    )
    for pk, person, by, opened, closed, closer, code, nfa in rows(Referral, *fields, "closure_reason", "is_nfa"):
        yield person, by, "referral.opened", at(opened, 9), "Referral opened", "casework.Referral", pk
        if closed:
            said = "no further action" if nfa else reason(code)
            yield person, closer, "referral.closed", at(closed, 16), f"Referral closed: {said}", "casework.Referral", pk
    fields = ("referral_id", "referral__person_id", "allocated_by_id", "started_at", "team__name")
    for referral, person, by, started, team, first, last in rows(
        Allocation, *fields, "worker__first_name", "worker__last_name"
    ):
        to = f"{first} {last} in {team}" if first else team
        yield (
            person,
            by,
            "referral.allocated",
            started,
            f"Allocated the referral to {to}",
            "casework.Referral",
            referral,
        )


def assessments() -> Iterator[Row]:
    kind = label(AssessmentKind.choices)
    fields = ("pk", "referral__person_id", "worker_id", "kind", "started_on", "completed_on")
    for pk, person, worker, code, started, completed, authorised, manager in rows(
        Assessment, *fields, "authorised_on", "authorised_by_id"
    ):
        name = kind(code).capitalize()
        yield person, worker, "assessment.started", at(started, 10), f"{name} started", "casework.Assessment", pk
        if completed:
            yield (
                person,
                worker,
                "assessment.submitted",
                at(completed, 15),
                f"{name} submitted",
                "casework.Assessment",
                pk,
            )
        if authorised:
            yield (
                person,
                manager,
                "assessment.authorised",
                at(authorised, 16),
                f"{name} authorised",
                "casework.Assessment",
                pk,
            )


def plans() -> Iterator[Row]:
    for pk, person, by, started, ended in rows(
        CinPlan, "pk", "referral__person_id", "created_by_id", "started_on", "ended_on"
    ):
        yield person, by, "cin_plan.started", at(started, 11), "Child in need plan started", "casework.CinPlan", pk
        if ended:
            yield person, by, "cin_plan.ended", at(ended, 11), "Child in need plan ended", "casework.CinPlan", pk
    for plan, person, by, held in rows(
        CinPlanReview, "plan_id", "plan__referral__person_id", "recorded_by_id", "held_on"
    ):
        yield person, by, "cin_plan.reviewed", at(held, 14), "Child in need plan reviewed", "casework.CinPlan", plan


def protection() -> Iterator[Row]:
    decision = label(StrategyChild.Decision.choices)
    fields: tuple[str, ...] = (
        "discussion_id",
        "referral__person_id",
        "discussion__chaired_by_id",
        "discussion__held_at",
        "decision",
    )
    for discussion, person, by, held, code in rows(StrategyChild, *fields):
        summary = f"Strategy discussion: {decision(code)}"
        yield person, by, "strategy.decided", held, summary, "protection.StrategyDiscussion", discussion
    outcome = label(Section47.Outcome.choices)
    fields = ("pk", "referral__person_id", "recorded_by_id", "completed_on", "outcome")
    for pk, person, by, completed, code in rows(Section47, *fields, completed_on__isnull=False):
        summary = f"Section 47 enquiry concluded: {outcome(code)}"
        yield person, by, "section47.concluded", at(completed, 15), summary, "protection.Section47", pk
    category = label(CategoryOfAbuse.choices)
    fields = ("pk", "section_47__referral__person_id", "recorded_by_id", "held_on", "needs_plan", "category")
    for pk, person, by, held, needs_plan, code in rows(InitialConference, *fields):
        said = f"child protection plan under {category(code)}" if needs_plan else "no plan needed"
        summary = f"Initial child protection conference: {said}"
        yield person, by, "conference.held", at(held, 10), summary, "protection.InitialConference", pk
    yield from plan_meetings()


def plan_meetings() -> Iterator[Row]:
    for plan, person, by, held in rows(
        ReviewConference, "plan_id", "plan__referral__person_id", "recorded_by_id", "held_on"
    ):
        summary = "Review child protection conference"
        yield person, by, "conference.reviewed", at(held, 10), summary, "protection.ChildProtectionPlan", plan
    for plan, person, by, held in rows(CoreGroup, "plan_id", "plan__referral__person_id", "recorded_by_id", "held_on"):
        yield person, by, "core_group.held", at(held, 13), "Core group meeting", "protection.ChildProtectionPlan", plan
    fields = ("plan_id", "plan__referral__person_id", "visited_by_id", "visited_on", "child_seen", "seen_alone")
    for plan, person, by, visited, seen, alone in rows(Visit, *fields):
        said = "child seen alone" if alone else "child seen" if seen else "child not seen"
        yield person, by, "visit.recorded", at(visited, 15), f"Visit: {said}", "protection.ChildProtectionPlan", plan
    for pk, person, ended in rows(ChildProtectionPlan, "pk", "referral__person_id", "ended_on", ended_on__isnull=False):
        yield (
            person,
            None,
            "cp_plan.ended",
            at(ended, 12),
            "Child protection plan ended",
            "protection.ChildProtectionPlan",
            pk,
        )
    kind = label(ProtectiveOrder.Kind.choices)
    for pk, person, by, started, code in rows(
        ProtectiveOrder, "pk", "person_id", "recorded_by_id", "started_on", "kind"
    ):
        yield (
            person,
            by,
            "protective_order.recorded",
            at(started, 12),
            f"{kind(code).capitalize()} made",
            "protection.ProtectiveOrder",
            pk,
        )


def oversight_and_partners() -> Iterator[Row]:
    for pk, person, by, given, text in rows(CaseDirection, "pk", "person_id", "given_by_id", "given_on", "direction"):
        yield (
            person,
            by,
            "case_direction.given",
            at(given, 12),
            f"Case direction: {text}",
            "workforce.CaseDirection",
            pk,
        )
    kind = label(PoliceNotification.Kind.choices)
    fields = ("notification_id", "person_id", "matched_by_id", "matched_at", "notification__received_at")
    for notification, person, by, matched, received, reference, code in rows(
        NotificationPerson, *fields, "notification__police_reference", "notification__kind", person__isnull=False
    ):
        summary = f"Police notification {reference} ({kind(code)}) matched to this record"
        yield (
            person,
            by,
            "police.person_matched",
            matched or received,
            summary,
            "partners.PoliceNotification",
            notification,
        )
    outcome = label(TriageDecision.Outcome.choices)
    fields = ("child__notification_id", "child__person_id", "decided_by_id", "decided_at", "outcome")
    for notification, person, by, decided, code, reference in rows(
        TriageDecision, *fields, "child__notification__police_reference", child__person__isnull=False
    ):
        summary = f"Police notification {reference} at the triage meeting: {outcome(code)}"
        yield person, by, "police.triage_decided", decided, summary, "partners.PoliceNotification", notification


def early_help() -> Iterator[Row]:
    for pk, person, by, requested in rows(EarlyHelpRequest, "pk", "person_id", "created_by_id", "requested_on"):
        yield (
            person,
            by,
            "early_help.requested",
            at(requested, 12),
            "Early help requested",
            "earlyhelp.EarlyHelpRequest",
            pk,
        )
    outcome = label(EarlyHelpEpisode.Outcome.choices)
    fields = ("pk", "person_id", "accepted_by_id", "started_on", "closed_on", "closed_by_id", "outcome")
    for pk, person, by, started, closed, closer, code in rows(EarlyHelpEpisode, *fields):
        if started:
            yield (
                person,
                by,
                "early_help.started",
                at(started, 10),
                "Early help started",
                "earlyhelp.EarlyHelpEpisode",
                pk,
            )
        if closed:
            yield (
                person,
                closer,
                "early_help.closed",
                at(closed, 16),
                f"Early help closed: {outcome(code)}",
                "earlyhelp.EarlyHelpEpisode",
                pk,
            )
    for episode, person, by, held in rows(TafMeeting, "episode_id", "episode__person_id", "recorded_by_id", "held_on"):
        yield (
            person,
            by,
            "early_help.taf_meeting",
            at(held, 14),
            "Team around the family meeting",
            "earlyhelp.EarlyHelpEpisode",
            episode,
        )


def moves() -> Iterator[Row]:
    """Moves of children the front door has heard about; the rest of the people index has no chronology to read."""
    known = ContactChild.objects.filter(person__isnull=False).values("person_id")
    fields = ("pk", "person_id", "moved_in", "address__line_1", "address__postcode")
    for pk, person, moved_in, line_1, postcode in rows(Residence, *fields, moved_in__isnull=False, person__in=known):
        yield person, None, "person.moved", at(moved_in, 12), f"Moved to {line_1}, {postcode}", "people.Residence", pk


SOURCES = [contacts, referrals, assessments, plans, protection, oversight_and_partners, early_help, moves]


def worked_by_hand(context: SeedContext) -> tuple[int, int]:
    """Added entries for some allocated children, and marks on their strategy discussions and conferences."""
    rng = context.rng
    managers = list(
        User.objects.filter(role__in=MANAGER_ROLES, is_active=True).order_by("pk").values_list("pk", flat=True)
    )
    referrals = list(
        Referral.objects.filter(worker__isnull=False)
        .order_by("pk")
        .values_list("person_id", "referral_date", "worker_id")
    )
    chosen = rng.sample(referrals, min(len(referrals), ADDED_FOR[context.size])) if managers else []
    entries = []
    for person, started, worker in chosen:
        what, source = rng.choice(ADDED)
        by = worker or rng.choice(managers)
        day = min(started - timedelta(days=rng.randint(5, 60)), context.today)
        entries.append(
            ChronologyEntry(child_id=person, occurred_on=day, what_happened=what, source=source, recorded_by_id=by)
        )
    made = ChronologyEntry.objects.bulk_create(entries, batch_size=BATCH)
    children = [person for person, _, _ in chosen]
    key_events = Event.objects.filter(child_id__in=children, kind__in=["strategy.decided", "conference.held"])
    marks = [
        SignificanceMark(child_id=person, event_id=event, marked_by_id=rng.choice(managers), reason="Key decision")
        for event, person in key_events.order_by("pk").values_list("pk", "child_id")
    ]
    marks += [
        SignificanceMark(child_id=entry.child_id, entry_id=entry.pk, marked_by_id=entry.recorded_by_id)
        for entry in made[::3]
    ]
    SignificanceMark.objects.bulk_create(marks, batch_size=BATCH)
    return len(made), len(marks)
