"""The synthetic council's front door: three months of contacts, decided as the services would have.

The demo council is seeded twice for the module, the second time on an
emptied database, to show the same seed gives the same contacts; each test
then reads it inside its own transaction.
"""

import math
import random
from collections import Counter, defaultdict
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from itertools import pairwise
from typing import Any

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import models
from django.db.models.functions import Length
from django.utils import timezone
from pytest_django import DjangoDbBlocker

from frontdoor.accounts.models import LocalAuthority, User
from frontdoor.accounts.roles import MANAGER_ROLES, Role
from frontdoor.casework.models import Referral
from frontdoor.contacts.models import (
    CLOSING_OUTCOMES,
    REFERRAL_OUTCOMES,
    Call,
    Contact,
    ContactAdult,
    ContactChild,
    FrontDoorPolicy,
    Outcome,
    QualitySample,
    ThresholdDecision,
)
from frontdoor.earlyhelp.models import EarlyHelpRequest
from frontdoor.records.models import Event
from frontdoor.seeding import seed_council
from frontdoor.timescales.calendar import council_calendar, working_days_between
from frontdoor.timescales.clocks import add_months
from tests.records.seeding import last_app_seed_event

TODAY = date(2026, 11, 26)
SEED = 20261126
Status = ThresholdDecision.Status
FINAL = {Status.DECIDED, Status.AUTHORISED}


def fingerprint() -> list[tuple[Any, ...]]:
    """What the contacts are: when, from whom, about whom, and what was decided."""
    decisions: dict[int, list[tuple[Any, ...]]] = defaultdict(list)
    for row in ThresholdDecision.objects.order_by("decided_at", "id").values_list(
        "contact_child__contact_id", "contact_child__person_id", "level__number", "outcome", "status", "decided_at"
    ):
        decisions[row[0]].append(row[1:])
    contacts = Contact.objects.order_by("id").values_list(
        "id", "received_at", "source", "channel", "referrer_name", "concern", "status", "closed_at", "rag"
    )
    return [(*contact, tuple(decisions[contact[0]])) for contact in contacts]


@pytest.fixture(scope="module")
def first_seeding(django_db_setup: None, django_db_blocker: DjangoDbBlocker) -> Iterator[list[tuple[Any, ...]]]:
    with django_db_blocker.unblock():
        # From an empty database with fresh ID sequences both times: PostgreSQL does not roll its
        # sequences back with the earlier tests' transactions, so the first seeding's IDs would differ.
        call_command("flush", interactive=False, verbosity=0)
        seed_council(size="demo", seed=SEED, today=TODAY, say=lambda line: None)
        first = fingerprint()
        call_command("flush", interactive=False, verbosity=0)
        seed_council(size="demo", seed=SEED, today=TODAY, say=lambda line: None)
        yield first
        call_command("flush", interactive=False, verbosity=0)


@pytest.fixture
def front_door(first_seeding: list[tuple[Any, ...]], db: None) -> list[tuple[Any, ...]]:
    return first_seeding


def local(moment: datetime) -> datetime:
    return timezone.localtime(moment)


def seed_now() -> datetime:
    """Where the seed stops the clock: 08:50 on its last day, before the day team starts."""
    return datetime.combine(TODAY, time(8, 50), tzinfo=timezone.get_current_timezone())


def standing_decisions() -> dict[int, ThresholdDecision | None]:
    """Each child on a contact, and the decision that stands for them (None: undecided, or returned)."""
    latest: dict[int, ThresholdDecision] = {}
    for decision in ThresholdDecision.objects.order_by("decided_at", "id"):
        latest[decision.contact_child_id] = decision
    standing: dict[int, ThresholdDecision | None] = {}
    for child_id in ContactChild.objects.values_list("id", flat=True):
        decision = latest.get(child_id)
        standing[child_id] = None if decision is None or decision.status == Status.RETURNED else decision
    return standing


def final_decisions() -> list[ThresholdDecision]:
    return [d for d in standing_decisions().values() if d is not None and d.status in FINAL]


def test_the_demo_front_door_has_about_three_months_of_contacts(front_door: list[tuple[Any, ...]]) -> None:
    received = [local(moment) for moment in Contact.objects.values_list("received_at", flat=True)]
    assert 1_500 <= len(received) <= 2_000
    assert min(received).date() >= add_months(TODAY, -3)
    assert min(received).date() <= add_months(TODAY, -3) + timedelta(days=3)
    assert max(received) < seed_now()
    # Busier on weekdays, with a mid-morning peak.
    weekdays = sum(moment.weekday() < 5 for moment in received) / 5
    weekends = sum(moment.weekday() >= 5 for moment in received) / 2
    assert weekdays > 2.5 * weekends
    hours = Counter(moment.hour for moment in received)
    assert max(hours, key=lambda hour: hours[hour]) in (10, 11)


def test_contact_status_follows_the_decisions_of_every_child_on_it(front_door: list[tuple[Any, ...]]) -> None:
    standing = standing_decisions()
    children: dict[int, list[int]] = defaultdict(list)
    for child_id, contact_id in ContactChild.objects.values_list("id", "contact_id"):
        children[contact_id].append(child_id)
    for contact in Contact.objects.all():
        decisions = [standing[child_id] for child_id in children[contact.pk]]
        if any(decision is None for decision in decisions):
            assert contact.status == Contact.Status.OPEN
            assert contact.closed_at is None
        elif any(decision.status == Status.AWAITING_AUTHORISATION for decision in decisions if decision):
            assert contact.status == Contact.Status.AWAITING_AUTHORISATION
            assert contact.closed_at is None
        else:
            # Closed when the last child's decision became final: decided, or agreed by a manager.
            assert contact.status == Contact.Status.CLOSED
            final_times = [d.reviewed_at if d.status == Status.AUTHORISED else d.decided_at for d in decisions if d]
            assert contact.closed_at == max(t for t in final_times if t)
            assert contact.picked_up_by_id is None


def test_nothing_closed_has_a_decision_waiting_for_a_manager(front_door: list[tuple[Any, ...]]) -> None:
    waiting = ThresholdDecision.objects.filter(status=Status.AWAITING_AUTHORISATION)
    assert not waiting.filter(contact_child__contact__status=Contact.Status.CLOSED).exists()
    assert not waiting.filter(reviewed_by__isnull=False).exists()


def test_closing_outcomes_were_agreed_by_a_manager_who_did_not_make_them(front_door: list[tuple[Any, ...]]) -> None:
    closing = [d for d in final_decisions() if d.outcome in CLOSING_OUTCOMES]
    assert len(closing) > 300
    managers = set(User.objects.filter(role__in=MANAGER_ROLES).values_list("pk", flat=True))
    for decision in closing:
        assert decision.status == Status.AUTHORISED
        assert decision.reviewed_by_id in managers
        assert decision.reviewed_by_id != decision.decided_by_id
        assert decision.reviewed_at is not None and decision.reviewed_at > decision.decided_at
    assert not [d for d in final_decisions() if d.outcome not in CLOSING_OUTCOMES and d.status != Status.DECIDED]


def test_a_few_decisions_were_returned_and_decided_again(front_door: list[tuple[Any, ...]]) -> None:
    returned = list(ThresholdDecision.objects.filter(status=Status.RETURNED).select_related("reviewed_by"))
    closing = ThresholdDecision.objects.filter(outcome__in=CLOSING_OUTCOMES).count()
    assert 0.01 <= len(returned) / closing <= 0.06
    for decision in returned:
        assert decision.outcome in CLOSING_OUTCOMES
        assert decision.manager_comment
        assert decision.reviewed_by is not None and decision.reviewed_by.is_manager
        assert decision.reviewed_by_id != decision.decided_by_id
        later = ThresholdDecision.objects.filter(
            contact_child=decision.contact_child, decided_at__gt=decision.decided_at
        )
        assert later.exists() or decision.contact_child.contact.status == Contact.Status.OPEN


def test_every_decision_is_an_outcome_its_level_allows_with_criteria_from_that_level(
    front_door: list[tuple[Any, ...]],
) -> None:
    decisions = ThresholdDecision.objects.select_related("level", "decided_by").prefetch_related("criteria")
    for decision in decisions:
        assert decision.level.allows(decision.outcome)
        assert 1 <= len(decision.criteria.all()) <= 3
        assert all(criterion.level_id == decision.level_id for criterion in decision.criteria.all())
        assert decision.rationale
        assert decision.decided_by.role in {
            Role.CONTACT_OFFICER,
            Role.SOCIAL_WORKER,
            Role.SENIOR_PRACTITIONER,
            Role.TEAM_MANAGER,
            Role.SERVICE_MANAGER,
            Role.EDT_WORKER,
        }


def test_referral_and_early_help_outcomes_opened_exactly_one_record_each(front_door: list[tuple[Any, ...]]) -> None:
    final = {decision.contact_child_id: decision for decision in final_decisions()}
    referrals = Counter(Referral.objects.values_list("contact_child_id", flat=True))
    requests = Counter(EarlyHelpRequest.objects.values_list("contact_child_id", flat=True))
    referred = {pk for pk, d in final.items() if d.outcome in REFERRAL_OUTCOMES}
    assert set(referrals) <= referred
    # The rest were children with an episode already open, which the work continued in (rule 8815).
    children = dict(ContactChild.objects.filter(pk__in=referred - set(referrals)).values_list("pk", "person_id"))
    assert set(Referral.objects.filter(person_id__in=children.values()).values_list("person_id", flat=True)) == set(
        children.values()
    )
    assert set(requests) == {pk for pk, d in final.items() if d.outcome == Outcome.EARLY_HELP}
    assert set(referrals.values()) == set(requests.values()) == {1}
    for referral in Referral.objects.select_related("contact_child__contact"):
        assert referral.contact_child is not None
        contact = referral.contact_child.contact
        decision = final[referral.contact_child.pk]
        assert referral.person_id == referral.contact_child.person_id
        assert referral.referral_date == local(contact.received_at).date()
        assert referral.source == contact.source
        assert referral.created_by_id == decision.decided_by_id
        # Closed only by a manager, after the referral, and never in the future.
        if referral.closed_on is not None:
            assert referral.closure_authorised_by_id is not None and referral.closure_reason
            assert referral.referral_date <= referral.closed_on <= TODAY
    for request in EarlyHelpRequest.objects.select_related("contact_child__contact"):
        assert request.contact_child is not None
        assert request.requested_on == local(request.contact_child.contact.received_at).date()
        assert request.created_by_id == final[request.contact_child.pk].decided_by_id


def test_about_a_third_of_decided_children_went_to_referral(front_door: list[tuple[Any, ...]]) -> None:
    outcomes = Counter(decision.outcome for decision in final_decisions())
    decided = sum(outcomes.values())
    assert 0.30 <= (outcomes[Outcome.ASSESSMENT] + outcomes[Outcome.STRATEGY]) / decided <= 0.40
    assert 0.03 <= outcomes[Outcome.STRATEGY] / decided <= 0.08
    assert 0.14 <= outcomes[Outcome.EARLY_HELP] / decided <= 0.22
    assert 0.34 <= sum(outcomes[outcome] for outcome in CLOSING_OUTCOMES) / decided <= 0.47
    assert 0 < outcomes[Outcome.MARAC] / decided <= 0.05
    assert 0 < outcomes[Outcome.OPEN_CASE] / decided <= 0.10


def test_an_open_case_outcome_is_only_for_a_child_with_an_open_referral(front_door: list[tuple[Any, ...]]) -> None:
    for decision in ThresholdDecision.objects.filter(outcome=Outcome.OPEN_CASE).select_related("contact_child"):
        earlier = Referral.objects.filter(
            person_id=decision.contact_child.person_id, created_at__lte=decision.decided_at
        ).exclude(closed_on__lte=local(decision.decided_at).date())
        assert earlier.exists()


def test_out_of_hours_agrees_with_the_council_office_hours(front_door: list[tuple[Any, ...]]) -> None:
    council = LocalAuthority.load()
    contacts = list(Contact.objects.select_related("recorded_by"))
    for contact in contacts:
        assert contact.out_of_hours == (not council.is_office_hours(contact.received_at))
        if contact.out_of_hours:
            assert contact.recorded_by.role == Role.EDT_WORKER
        else:
            assert contact.recorded_by.role in (Role.CONTACT_OFFICER, Role.SOCIAL_WORKER)
    assert 0.15 <= sum(contact.out_of_hours for contact in contacts) / len(contacts) <= 0.21


def test_the_day_team_acknowledged_the_night_before_last_but_not_last_night(front_door: list[tuple[Any, ...]]) -> None:
    calendar = council_calendar()
    council = LocalAuthority.load()
    last_close = datetime.combine(
        date(2026, 11, 25), council.office_closes, tzinfo=timezone.get_current_timezone()
    )  # Wednesday 25 November, the last working day before the seed's Thursday morning
    assert calendar.is_working_day(date(2026, 11, 25))
    night = Contact.objects.filter(out_of_hours=True)
    assert night.filter(received_at__gte=last_close).exists()
    assert not night.filter(received_at__gte=last_close, handover_acknowledged_at__isnull=False).exists()
    earlier = list(
        night.filter(received_at__lt=last_close - timedelta(days=3)).select_related("handover_acknowledged_by")
    )
    assert earlier and all(contact.handover_acknowledged_by is not None for contact in earlier)
    on_time = 0
    for contact in earlier:
        assert contact.handover_acknowledged_at is not None and contact.handover_acknowledged_by is not None
        acknowledged = local(contact.handover_acknowledged_at)
        assert acknowledged > contact.received_at
        assert calendar.is_working_day(acknowledged.date())
        assert contact.handover_acknowledged_by.role != Role.EDT_WORKER
        on_time += (
            time(9) <= acknowledged.time() <= time(11)
            and working_days_between(local(contact.received_at).date(), acknowledged.date()) <= 1
        )
    assert on_time / len(earlier) >= 0.9


def test_the_duty_queue_has_contacts_waiting_and_some_being_worked_on(front_door: list[tuple[Any, ...]]) -> None:
    waiting = Contact.objects.exclude(status=Contact.Status.CLOSED)
    assert 20 <= waiting.count() <= 40
    assert waiting.filter(status=Contact.Status.AWAITING_AUTHORISATION).exists()
    # The queue is the last few days' work, and what fell behind.
    assert not waiting.filter(received_at__lt=seed_now() - timedelta(days=14)).exists()
    picked_up = list(waiting.filter(picked_up_by__isnull=False))
    assert picked_up
    policy = FrontDoorPolicy.load()
    for contact in picked_up:
        assert contact.picked_up_at is not None and contact.last_touched_at is not None
        assert contact.picked_up_at <= contact.last_touched_at <= seed_now()
        assert seed_now() - contact.last_touched_at < timedelta(minutes=policy.pick_up_idle_minutes)
    assert len({contact.picked_up_by_id for contact in picked_up}) == len(picked_up)


def test_phone_contacts_have_their_calls_and_some_calls_were_abandoned(front_door: list[tuple[Any, ...]]) -> None:
    phone = list(Contact.objects.filter(channel="phone").select_related("call"))
    assert phone and all(contact.call is not None for contact in phone)
    assert not Contact.objects.exclude(channel="phone").filter(call__isnull=False).exists()
    for contact in phone:
        call = contact.call
        assert call is not None and call.offered_at is not None and call.answered_at is not None
        assert call.offered_at < call.answered_at <= contact.received_at
        assert 5 <= (call.answered_at - call.offered_at).total_seconds() <= 900
        assert call.queue in ("Front door", "Professionals line")
    calls = Call.objects.count()
    assert 1.3 <= calls / len(phone) <= 1.7
    abandoned = Call.objects.filter(abandoned=True)
    assert 0.05 <= abandoned.count() / calls <= 0.11
    assert not abandoned.filter(answered_at__isnull=False).exists()
    assert not abandoned.filter(contacts__isnull=False).exists()
    assert Call.objects.filter(transfers__gt=0).exists()
    assert all(call_id.startswith("NB-2026-") for call_id in Call.objects.values_list("call_id", flat=True))


def test_contacts_come_from_realistic_sources_about_real_children(front_door: list[tuple[Any, ...]]) -> None:
    contacts = list(Contact.objects.all())
    sources = Counter(contact.source for contact in contacts)
    total = len(contacts)
    assert 0.22 <= sources["6"] / total <= 0.33
    assert 0.12 <= sources["2A"] / total <= 0.23
    assert 0.08 <= sum(n for source, n in sources.items() if source.startswith("3")) / total <= 0.17
    assert not Contact.objects.filter(source="6").exclude(channel__in=["police", "phone", "email", "out_of_hours"])
    rags = Counter(contact.rag for contact in contacts)
    assert 0.04 <= rags["red"] / total <= 0.11
    assert 0.25 <= rags["amber"] / total <= 0.36
    assert 0.015 <= sum(contact.immediate_danger for contact in contacts) / total <= 0.06
    children = Counter(ContactChild.objects.values_list("contact_id", flat=True))
    assert 0.2 <= sum(count > 1 for count in children.values()) / total <= 0.32
    for child in ContactChild.objects.select_related("person", "contact"):
        if child.person is None:
            assert child.unidentified_details and child.follow_up
            continue
        received = local(child.contact.received_at).date()
        person = child.person
        if person.date_of_birth is None:
            assert person.expected_date_of_birth is not None and person.expected_date_of_birth > received
        else:
            assert person.date_of_birth < received
            assert (person.age_on(received) or 0) < 18
            assert person.created_at < child.contact.received_at
    assert ContactChild.objects.filter(person__isnull=True).exists()
    # Siblings on one contact are brothers and sisters.
    for contact_id in [pk for pk, count in children.items() if count > 1][:50]:
        people = list(ContactChild.objects.filter(contact_id=contact_id).values_list("person_id", flat=True))
        assert len(set(people)) == len(people)


def test_parents_and_alleged_perpetrators_are_the_childrens_own_adults(front_door: list[tuple[Any, ...]]) -> None:
    from frontdoor.people.models import Relationship

    parents = defaultdict(set)
    for child, adult in Relationship.objects.filter(kind__in=["mother", "father", "step_parent"]).values_list(
        "person_id", "relative_id"
    ):
        parents[child].add(adult)
    adults = list(ContactAdult.objects.select_related("contact"))
    assert Counter(adult.role for adult in adults).keys() >= {"parent", "alleged_perpetrator"}
    for adult in adults:
        children = ContactChild.objects.filter(contact=adult.contact).values_list("person_id", flat=True)
        assert any(adult.person_id in parents[child] for child in children)
        if adult.role == "alleged_perpetrator":
            assert set(adult.contact.categories) & {"domestic_abuse", "physical_abuse"}


def test_most_referrers_were_told_the_outcome_within_a_working_day(front_door: list[tuple[Any, ...]]) -> None:
    closed = list(Contact.objects.filter(status=Contact.Status.CLOSED))
    told = [contact for contact in closed if contact.referrer_told_at]
    assert 0.8 <= len(told) / len(closed) <= 0.97
    prompt = 0
    for contact in told:
        assert contact.closed_at is not None and contact.referrer_told_at is not None
        assert contact.referrer_told_at >= contact.closed_at
        assert contact.referrer_told_how and contact.referrer_told_by_id
        prompt += working_days_between(local(contact.closed_at).date(), local(contact.referrer_told_at).date()) <= 1
    assert prompt / len(told) >= 0.85
    assert not Contact.objects.filter(source="9", referrer_told_at__isnull=False).exists()


def test_most_children_were_decided_within_a_working_day(front_door: list[tuple[Any, ...]]) -> None:
    first: dict[int, datetime] = {}
    for contact_id, decided_at in ThresholdDecision.objects.order_by("-decided_at").values_list(
        "contact_child__contact_id", "decided_at"
    ):
        first[contact_id] = decided_at
    received = dict(Contact.objects.filter(pk__in=first).values_list("pk", "received_at"))
    late = sum(
        working_days_between(local(received[pk]).date(), local(decided).date()) > 1 for pk, decided in first.items()
    )
    assert 0.04 <= late / len(first) <= 0.12


def test_every_complete_week_since_the_history_began_was_sampled(front_door: list[tuple[Any, ...]]) -> None:
    weeks = set(QualitySample.objects.values_list("week_starting", flat=True))
    monday = add_months(TODAY, -3) + timedelta(days=7 - add_months(TODAY, -3).weekday())
    assert weeks >= {monday + timedelta(days=7 * n) for n in range((date(2026, 11, 16) - monday).days // 7 + 1)}


def test_a_tenth_of_last_weeks_closed_contacts_were_sampled_for_quality(front_door: list[tuple[Any, ...]]) -> None:
    week = date(2026, 11, 16)
    start = datetime.combine(week, time(0), tzinfo=timezone.get_current_timezone())
    closed = sorted(
        Contact.objects.filter(
            status=Contact.Status.CLOSED, closed_at__gte=start, closed_at__lt=start + timedelta(days=7)
        ).values_list("pk", flat=True)
    )
    share = FrontDoorPolicy.load().qa_sample_percent / 100
    # The service's own draw, so drawing the week again finds the same contacts.
    expected = random.Random(week.toordinal()).sample(closed, math.ceil(len(closed) * share))
    samples = list(QualitySample.objects.filter(week_starting=week).select_related("reviewed_by"))
    assert sorted(sample.contact_id for sample in samples) == sorted(expected)
    reviewed = [sample for sample in samples if sample.reviewed_at]
    assert reviewed and len(reviewed) < len(samples)
    for sample in reviewed:
        assert sample.reviewed_by is not None and sample.reviewed_by.role == Role.QA_OFFICER
        assert sample.verdict in QualitySample.Verdict.values
        assert sample.drawn_at < sample.reviewed_at <= seed_now()


def test_the_seed_writes_one_summary_event_not_one_per_contact(front_door: list[tuple[Any, ...]]) -> None:
    event = Event.objects.get(kind="seed.contacts")
    assert event.data["contacts"] == Contact.objects.count()
    # Each contact's own events are the history step's, written after every app's seed (records.seed_history).
    assert not Event.objects.filter(kind__startswith="contact.", pk__lt=last_app_seed_event()).exists()


def test_the_same_seed_gives_the_same_contacts(front_door: list[tuple[Any, ...]]) -> None:
    assert fingerprint() == front_door


def test_every_seeded_text_fits_its_column(front_door: list[tuple[Any, ...]]) -> None:
    """SQLite does not enforce a CharField's length; PostgreSQL refuses the whole seed if one value is too long."""
    too_long = []
    for app in ("contacts", "casework", "earlyhelp", "people"):
        for model in apps.get_app_config(app).get_models():
            for field in model._meta.concrete_fields:
                if isinstance(field, models.CharField) and field.max_length:
                    over = model.objects.annotate(size=Length(field.name)).filter(size__gt=field.max_length)
                    too_long += [f"{model.__name__}.{field.name}"] if over.exists() else []
    assert too_long == []


def test_a_child_never_has_two_referrals_open_at_once(front_door: list[tuple[Any, ...]]) -> None:
    """CIN census rules 8815 and 8820: a child's episodes do not overlap."""
    spans: dict[int, list[tuple[date, date]]] = defaultdict(list)
    for person, opened, closed in Referral.objects.values_list("person_id", "referral_date", "closed_on"):
        spans[person].append((opened, closed or date.max))
    for person_spans in spans.values():
        person_spans.sort()
        for (_, end), (start, _) in pairwise(person_spans):
            assert start >= end
