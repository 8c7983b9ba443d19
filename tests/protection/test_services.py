from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from frontdoor.accounts.models import LocalAuthority, User
from frontdoor.casework import services as casework
from frontdoor.casework.models import Referral
from frontdoor.people.models import Person
from frontdoor.protection import services
from frontdoor.protection.models import ChildProtectionPlan, Section47, StrategyChild
from frontdoor.protection.queries import clocks_of, with_dates
from frontdoor.records.models import Event
from tests.factories import PersonFactory

LONDON = ZoneInfo("Europe/London")
POLICE = services.Participant("police", "DC Sam Reid", "Child abuse investigation team")
HEALTH = services.Participant("health", "Dr Anna Kerr", "Named doctor")
S47_JOINT = StrategyChild.Decision.S47_JOINT
POLICE_ATTENDING = services.Attendee("police", "DC Sam Reid")


@pytest.fixture
def siblings(db: None) -> tuple[Person, Person]:
    return PersonFactory(first_name="Mia", last_name="Cole"), PersonFactory(first_name="Noah", last_name="Cole")


def open_referral(person: Person, by: User, day: date) -> Referral:
    return casework.open_referral(person=person, by=by, referral_date=day, source="5A")


def discuss(by: User, referrals: list[Referral], held_at: datetime, decision: str = S47_JOINT) -> list[Section47]:
    discussion = services.record_strategy_discussion(
        by=by,
        held_at=held_at,
        kind="meeting",
        information_shared="Mia disclosed that her stepfather hit her with a belt; Noah was present.",
        children=[services.ChildDecision(r, decision, "Disclosure of physical harm.") for r in referrals],
        participants=[POLICE, HEALTH],
        actions=[services.Action("Joint visit and ABE interview", "DC Reid and the social worker", held_at.date())],
        police_reference="NB/26/11/4411",
    )
    return list(Section47.objects.filter(strategy_child__discussion=discussion).order_by("id"))


def test_a_strategy_discussion_for_two_siblings_starts_two_enquiries_with_conference_clocks(
    social_worker: User, siblings
) -> None:
    held_at = datetime(2026, 11, 2, 10, 0, tzinfo=LONDON)
    referrals = [open_referral(child, social_worker, date(2026, 11, 2)) for child in siblings]
    enquiries = discuss(social_worker, referrals, held_at)
    assert len(enquiries) == 2 and all(e.is_joint for e in enquiries)
    # 15 working days from Monday 2 November 2026.
    assert {e.conference_due_on for e in enquiries} == {date(2026, 11, 23)}
    assert Event.objects.filter(kind="strategy.decided").count() == 2


def test_the_police_take_part_in_every_strategy_discussion(social_worker: User, siblings) -> None:
    referral = open_referral(siblings[0], social_worker, date(2026, 11, 2))
    with pytest.raises(ValidationError, match="police"):
        services.record_strategy_discussion(
            by=social_worker,
            held_at=datetime(2026, 11, 2, 10, tzinfo=LONDON),
            kind="discussion",
            information_shared="Concerns shared.",
            children=[services.ChildDecision(referral, S47_JOINT, "Disclosure.")],
            participants=[HEALTH],
        )


def test_a_second_open_enquiry_for_the_same_child_is_refused(social_worker: User, siblings) -> None:
    referral = open_referral(siblings[0], social_worker, date(2026, 11, 2))
    discuss(social_worker, [referral], datetime(2026, 11, 2, 10, tzinfo=LONDON))
    with pytest.raises(ValidationError, match="already has a section 47"):
        discuss(social_worker, [referral], datetime(2026, 11, 3, 10, tzinfo=LONDON))


def test_the_conference_is_never_on_a_weekend_or_before_the_enquiry(social_worker: User, siblings) -> None:
    referral = open_referral(siblings[0], social_worker, date(2026, 11, 2))
    (enquiry,) = discuss(social_worker, [referral], datetime(2026, 11, 2, 10, tzinfo=LONDON))
    hold = dict(needs_plan=True, category="PHY", chaired_by="Jo Hart, IRO", attendees=[POLICE_ATTENDING])  # noqa: C408
    with pytest.raises(ValidationError, match="weekend"):
        services.hold_initial_conference(section_47=enquiry, by=social_worker, held_on=date(2026, 11, 14), **hold)
    with pytest.raises(ValidationError, match="before the enquiry"):
        services.hold_initial_conference(section_47=enquiry, by=social_worker, held_on=date(2026, 10, 30), **hold)


def test_a_conference_that_decides_a_plan_starts_it_that_day_and_ends_the_cin_plan(
    social_worker: User, siblings
) -> None:
    referral = open_referral(siblings[0], social_worker, date(2026, 10, 1))
    cin_plan = casework.start_cin_plan(referral=referral, by=social_worker, started_on=date(2026, 10, 5))
    (enquiry,) = discuss(social_worker, [referral], datetime(2026, 11, 2, 10, tzinfo=LONDON))
    services.record_section_47_outcome(
        section_47=enquiry,
        by=social_worker,
        outcome="continuing",
        completed_on=date(2026, 11, 12),
        conference_needed=True,
    )
    conference = services.hold_initial_conference(
        section_47=enquiry,
        by=social_worker,
        held_on=date(2026, 11, 20),
        needs_plan=True,
        category="PHY",
        chaired_by="Jo Hart, IRO",
        attendees=[services.Attendee("police", "DC Reid"), services.Attendee("education", "Mrs Patel", False)],
    )
    plan = ChildProtectionPlan.objects.get()
    assert plan.conference == conference and plan.started_on == conference.held_on
    assert (plan.initial_category, plan.latest_category, plan.previous_plans) == ("PHY", "PHY", 0)
    cin_plan.refresh_from_db()
    assert cin_plan.ended_on == date(2026, 11, 20)
    assert not enquiry.is_open


def test_an_enquiry_is_concluded_once(social_worker: User, siblings) -> None:
    referral = open_referral(siblings[0], social_worker, date(2026, 11, 2))
    (enquiry,) = discuss(social_worker, [referral], datetime(2026, 11, 2, 10, tzinfo=LONDON))
    conclude = dict(completed_on=date(2026, 11, 12), conference_needed=False, not_required_reason="Family engaging")  # noqa: C408
    services.record_section_47_outcome(section_47=enquiry, by=social_worker, outcome="not_substantiated", **conclude)
    with pytest.raises(ValidationError, match="already concluded"):
        services.record_section_47_outcome(section_47=enquiry, by=social_worker, outcome="continuing", **conclude)
    enquiry.refresh_from_db()
    assert enquiry.outcome == "not_substantiated"
    assert Event.objects.filter(kind="section47.concluded").count() == 1


def test_a_second_open_plan_for_the_same_child_is_refused(social_worker: User, siblings) -> None:
    referral = open_referral(siblings[0], social_worker, date(2026, 10, 1))
    (first,) = discuss(social_worker, [referral], datetime(2026, 10, 5, 10, tzinfo=LONDON))
    hold = dict(needs_plan=True, category="NEG", chaired_by="Jo Hart, IRO", attendees=[POLICE_ATTENDING])  # noqa: C408
    services.hold_initial_conference(section_47=first, by=social_worker, held_on=date(2026, 10, 20), **hold)
    (second,) = discuss(social_worker, [referral], datetime(2026, 11, 2, 10, tzinfo=LONDON))
    with pytest.raises(ValidationError, match="already has a child protection plan"):
        services.hold_initial_conference(section_47=second, by=social_worker, held_on=date(2026, 11, 16), **hold)


def plan_for(person: Person, by: User, started: date = date(2026, 9, 7)) -> ChildProtectionPlan:
    referral = open_referral(person, by, started - timedelta(days=7))
    (enquiry,) = discuss(by, [referral], datetime.combine(started - timedelta(days=7), datetime.min.time(), LONDON))
    services.hold_initial_conference(
        section_47=enquiry,
        by=by,
        held_on=started,
        needs_plan=True,
        category="EMO",
        chaired_by="Jo Hart, IRO",
        attendees=[POLICE_ATTENDING],
    )
    return ChildProtectionPlan.objects.get(referral=referral)


def test_reviews_core_groups_and_visits_run_after_the_plan_starts(social_worker: User, siblings) -> None:
    plan = plan_for(siblings[0], social_worker)
    with pytest.raises(ValidationError, match="after the plan started"):
        services.record_review_conference(
            plan=plan, by=social_worker, held_on=plan.started_on, continue_plan=True, category="EMO"
        )
    with pytest.raises(ValidationError, match="future"):
        services.record_visit(
            plan=plan,
            by=social_worker,
            visited_on=timezone.localdate() + timedelta(days=1),
            child_seen=True,
            seen_alone=True,
            bedroom_seen=True,
            notes="Seen at home.",
        )
    services.record_core_group(plan=plan, by=social_worker, held_on=date(2026, 9, 14), summary="Plan agreed.")
    visit = services.record_visit(
        plan=plan,
        by=social_worker,
        visited_on=date(2026, 9, 16),
        child_seen=True,
        seen_alone=True,
        bedroom_seen=False,
        notes="Mia showed me her drawings.",
    )
    assert visit.seen_alone
    services.record_review_conference(
        plan=plan, by=social_worker, held_on=date(2026, 11, 25), continue_plan=False, category="MUL"
    )
    plan.refresh_from_db()
    assert (plan.ended_on, plan.latest_category) == (date(2026, 11, 25), "MUL")


def test_a_childs_second_plan_counts_the_first(social_worker: User, team_manager: User, siblings) -> None:
    first = plan_for(siblings[0], social_worker, started=date(2025, 3, 3))
    services.end_plan(plan=first, by=team_manager, ended_on=date(2025, 9, 1), reason="no_longer_at_risk")
    first.referral.primary_need = "N1"
    first.referral.save()
    casework.close_referral(
        referral=first.referral, by=team_manager, closed_on=date(2025, 9, 1), reason="RC7", expected_version=1
    )
    assert plan_for(siblings[0], social_worker).previous_plans == 1


def test_only_a_manager_ends_a_plan_outside_a_review(social_worker: User, siblings) -> None:
    plan = plan_for(siblings[0], social_worker)
    with pytest.raises(PermissionDenied):
        services.end_plan(plan=plan, by=social_worker, ended_on=date(2026, 10, 1), reason="moved_away")


def test_a_referral_cannot_close_with_an_enquiry_or_plan_open(
    social_worker: User, team_manager: User, siblings
) -> None:
    plan = plan_for(siblings[0], social_worker)
    plan.referral.primary_need = "N1"
    plan.referral.save()
    with pytest.raises(ValidationError, match="Child protection plan from 7 September 2026"):
        casework.close_referral(
            referral=plan.referral, by=team_manager, closed_on=timezone.localdate(), reason="RC7", expected_version=1
        )


def test_a_visit_where_the_child_was_not_seen_does_not_reset_the_visit_clock(social_worker: User, siblings) -> None:
    plan = plan_for(siblings[0], social_worker)
    seen = dict(by=social_worker, seen_alone=False, bedroom_seen=False, notes="Visited.")  # noqa: C408
    services.record_visit(plan=plan, visited_on=date(2026, 9, 10), child_seen=True, **seen)
    services.record_visit(plan=plan, visited_on=date(2026, 9, 21), child_seen=False, **seen)
    loaded = with_dates(ChildProtectionPlan.objects.filter(pk=plan.pk)).get()
    # Ten working days from Thursday 10 September 2026, the last time the child was seen.
    assert clocks_of(loaded, council=LocalAuthority.load()).visit.due_date == date(2026, 9, 24)
