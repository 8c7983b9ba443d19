"""Each indicator on a small council built by hand, its figure checked exactly.

March 2026 is the period throughout, compared with the 31 days before it (29 January to 28 February).
"""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from frontdoor.accounts.models import LocalAuthority, Team, User
from frontdoor.casework.models import Assessment, Referral
from frontdoor.contacts.models import Call, Contact, ContactChild, ThresholdDecision, ThresholdLevel
from frontdoor.earlyhelp.models import EarlyHelpAssessment, EarlyHelpEpisode, EarlyHelpRequest
from frontdoor.insight.indicators import BY_SLUG
from frontdoor.insight.periods import Period
from frontdoor.insight.queries import Result, result
from frontdoor.partners.models import PoliceNotification
from frontdoor.people.models import Person
from frontdoor.protection.models import Visit
from tests.factories import PersonFactory, TeamFactory, UserFactory
from tests.returns import records

LONDON = ZoneInfo("Europe/London")
MARCH = Period(date(2026, 3, 1), date(2026, 3, 31))


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=LONDON)


def figure_of(slug: str, team: Team | None = None, period: Period = MARCH) -> Result:
    return result(BY_SLUG[slug], team=team, period=period)


def a_contact(received: datetime, by: User, *children: Person, source: str = "2A", **overrides: object) -> Contact:
    contact = Contact.objects.create(
        received_at=received, channel="phone", source=source, concern="Worried.", recorded_by=by, **overrides
    )
    for child in children:
        ContactChild.objects.create(contact=contact, person=child)
    return contact


def decide(contact: Contact, when: datetime, by: User, outcome: str = "nfa", status: str = "authorised") -> None:
    level = ThresholdLevel.objects.order_by("number").first() or ThresholdLevel.objects.create(number=1, name="One")
    for child in contact.children.all():
        ThresholdDecision.objects.create(
            contact_child=child, level=level, outcome=outcome, rationale="Why.", rag="green", status=status,
            decided_by=by, decided_at=when,
        )  # fmt: skip


@pytest.fixture
def child(db: None) -> Person:
    return PersonFactory()


def test_contacts_are_counted_by_week_and_source_group(contact_officer: User, child: Person) -> None:
    a_contact(at(date(2026, 3, 2), 9), contact_officer, child, source="2A")
    a_contact(at(date(2026, 3, 3), 9), contact_officer, child, source="2B")
    a_contact(at(date(2026, 3, 10), 9), contact_officer, child, PersonFactory(), source="6")
    a_contact(at(date(2026, 2, 10), 9), contact_officer, child, source="6")
    # 00:30 on 1 April in the UK is still 31 March in UTC: it belongs to April.
    a_contact(at(date(2026, 4, 1), 0, 30), contact_officer, child, source="6")

    found = figure_of("contacts")

    assert (found.figure.value, found.previous.value) == (3, 1)
    assert found.splits == [("education", "Schools and education"), ("police", "Police")]
    week_of_2_march = next(point for point in found.points if point.bucket.start == date(2026, 3, 2))
    assert [figure.total for figure in week_of_2_march.by_split] == [2, 0]
    assert found.points[0].bucket.start == date(2026, 3, 1)  # the first week is cut to the period


def test_contact_outcomes_count_only_decisions_that_stand(contact_officer: User, child: Person) -> None:
    first = a_contact(at(date(2026, 3, 2), 9), contact_officer, child)
    decide(first, at(date(2026, 3, 2), 11), contact_officer, outcome="assessment", status="decided")
    second = a_contact(at(date(2026, 3, 4), 9), contact_officer, child)
    decide(second, at(date(2026, 3, 4), 10), contact_officer, outcome="nfa", status="returned")
    decide(second, at(date(2026, 3, 4), 12), contact_officer, outcome="nfa", status="awaiting_authorisation")

    found = figure_of("contact-outcomes")

    assert found.figure.value == 1
    assert found.splits == [("assessment", "Referral for a children's social care assessment")]


def test_contacts_leading_to_a_referral(contact_officer: User, child: Person) -> None:
    became = a_contact(at(date(2026, 3, 2), 9), contact_officer, child)
    a_contact(at(date(2026, 3, 3), 9), contact_officer, PersonFactory(), PersonFactory())
    Referral.objects.create(
        person=child, contact_child=became.children.get(), referral_date=date(2026, 3, 2), source="2A"
    )

    found = figure_of("contacts-to-referral")

    assert (found.figure.hits, found.figure.total, found.figure.value) == (1, 3, 33.3)


def test_decisions_within_one_working_day(contact_officer: User, child: Person) -> None:
    friday = date(2026, 3, 6)
    on_time = a_contact(at(friday, 16), contact_officer, child)  # due by the end of Monday
    decide(on_time, at(date(2026, 3, 9), 23, 59), contact_officer)
    late = a_contact(at(friday, 17), contact_officer, PersonFactory())
    decide(late, at(date(2026, 3, 10), 0, 1), contact_officer)
    a_contact(at(friday, 18), contact_officer, PersonFactory())  # never decided, long past due

    found = figure_of("decisions-in-time")

    assert (found.figure.hits, found.figure.total) == (1, 3)


def test_referrals_per_ten_thousand_children(social_worker: User, child: Person) -> None:
    council = LocalAuthority.load()
    council.child_population = 40_000
    council.save()
    for day in (date(2026, 3, 2), date(2026, 3, 9), date(2026, 3, 31)):
        records.referral(child, day, social_worker)
    records.referral(child, date(2026, 4, 1), social_worker)

    assert figure_of("referral-rate").figure.value == 0.8  # 3 / 40,000 x 10,000 = 0.75, to one place


def test_a_rate_without_the_child_population_is_not_set(social_worker: User, child: Person) -> None:
    records.referral(child, date(2026, 3, 2), social_worker)

    found = figure_of("referral-rate")

    assert (found.figure.total, found.figure.value) == (1, None)


def test_re_referrals_and_referrals_ending_in_no_further_action(social_worker: User, child: Person) -> None:
    records.referral(child, date(2026, 3, 2), social_worker, is_re_referral=True, is_nfa=True)
    records.referral(child, date(2026, 3, 3), social_worker)
    records.referral(child, date(2026, 3, 4), social_worker)
    records.referral(child, date(2026, 3, 5), social_worker, is_nfa=True)

    assert figure_of("re-referrals").figure.value == 25.0
    assert figure_of("referrals-nfa").figure.value == 50.0


def test_calls_answered_within_twenty_seconds_and_abandoned(db: None) -> None:
    offered = at(date(2026, 3, 2), 10)
    for n, wait in enumerate([5, 20, 21, None]):
        Call.objects.create(
            call_id=f"c{n}",
            offered_at=offered,
            answered_at=offered + timedelta(seconds=wait) if wait is not None else None,
            abandoned=wait is None,
        )

    assert figure_of("calls-answered").figure.value == 50.0
    assert figure_of("calls-abandoned").figure.value == 25.0


def test_handovers_acknowledged_by_ten_the_next_working_day(contact_officer: User, child: Person) -> None:
    saturday_night = at(date(2026, 3, 7), 23)
    a_contact(
        saturday_night, contact_officer, child, out_of_hours=True, handover_acknowledged_at=at(date(2026, 3, 9), 10)
    )
    a_contact(
        saturday_night, contact_officer, child, out_of_hours=True, handover_acknowledged_at=at(date(2026, 3, 9), 10, 1)
    )
    a_contact(saturday_night, contact_officer, child, out_of_hours=True)
    a_contact(saturday_night, contact_officer, child)  # in office hours: not a handover

    found = figure_of("handovers-acknowledged")

    assert (found.figure.hits, found.figure.total) == (1, 3)


def test_police_notifications_triaged_within_one_working_day(contact_officer: User) -> None:
    def notification(ref: str, triaged: datetime | None) -> None:
        PoliceNotification.objects.create(
            police_reference=ref, incident_at=at(date(2026, 3, 5), 2), kind="domestic_abuse", summary="Call-out.",
            source="api", received_at=at(date(2026, 3, 5), 7), received_by=contact_officer, triaged_at=triaged,
        )  # fmt: skip

    notification("on-time", at(date(2026, 3, 6), 17))
    notification("late", at(date(2026, 3, 9), 9))

    assert figure_of("police-triaged").figure.value == 50.0


def test_assessments_within_timescale_by_kind_and_the_median_days(social_worker: User, child: Person) -> None:
    episode = records.referral(child, date(2026, 1, 5), social_worker)
    for started, authorised in [
        (date(2026, 2, 2), date(2026, 3, 2)),  # 20 working days
        (date(2026, 2, 2), date(2026, 3, 9)),  # 25
        (date(2026, 1, 5), date(2026, 3, 16)),  # 50: late
    ]:
        made = records.assessment(episode, started, social_worker, authorised=authorised)
        Assessment.objects.filter(pk=made.pk).update(due_on=date(2026, 3, 9))

    assert figure_of("assessments-in-time").figure.value == 66.7
    assert figure_of("assessments-in-time").splits == [("single", "Single assessment")]
    assert figure_of("assessment-days").figure.value == 25


def test_child_seen_and_views_recorded(social_worker: User, child: Person) -> None:
    episode = records.referral(child, date(2026, 1, 5), social_worker)
    seen = records.assessment(episode, date(2026, 2, 2), social_worker, authorised=date(2026, 3, 2))
    Assessment.objects.filter(pk=seen.pk).update(child_seen_on=date(2026, 2, 10), childs_views="I want to stay.")
    records.assessment(episode, date(2026, 2, 2), social_worker, authorised=date(2026, 3, 3))
    for_baby = records.assessment(episode, date(2026, 2, 2), social_worker, authorised=date(2026, 3, 4))
    Assessment.objects.filter(pk=for_baby.pk).update(child_seen_on=date(2026, 2, 11), views_not_gathered="too_young")

    assert figure_of("child-seen").figure.value == 66.7
    assert figure_of("views-recorded").figure.value == 33.3


def test_conferences_within_fifteen_working_days_and_second_plans(social_worker: User, child: Person) -> None:
    episode = records.referral(child, date(2026, 2, 2), social_worker)
    on_time = records.section_47(
        episode, date(2026, 2, 16), social_worker, target=date(2026, 3, 9), conference=date(2026, 3, 9), plan=True
    )
    records.section_47(episode, date(2026, 2, 16), social_worker, target=date(2026, 3, 9), conference=date(2026, 3, 10))
    records.cp_plan(on_time, social_worker, previous=1)

    assert figure_of("conferences-in-time").figure.value == 50.0
    assert figure_of("second-plans").figure.value == 100.0


def test_reviews_and_visits_on_time(social_worker: User, child: Person) -> None:
    council = LocalAuthority.load()
    council.cp_visit_interval_working_days = 10
    council.save()
    episode = records.referral(child, date(2025, 9, 1), social_worker)
    enquiry = records.section_47(
        episode, date(2025, 9, 1), social_worker, target=date(2025, 9, 22), conference=date(2025, 9, 15), plan=True
    )
    # First review due 15 December, held then; the next due 15 June, not in March.
    plan = records.cp_plan(enquiry, social_worker, reviews=(date(2025, 12, 15), date(2026, 3, 2)))
    other = records.cp_plan(
        records.section_47(
            episode, date(2025, 11, 3), social_worker, target=date(2025, 11, 24), conference=date(2025, 11, 24),
            plan=True,
        ),
        social_worker,
        reviews=(date(2026, 3, 2),),  # first review due 24 February: late
    )  # fmt: skip
    for day in (date(2026, 2, 27), date(2026, 3, 13), date(2026, 3, 30)):  # 10 working days, then 11
        Visit.objects.create(plan=plan, visited_on=day, child_seen=True, notes="Seen.", visited_by=social_worker)
    Visit.objects.create(plan=other, visited_on=date(2026, 3, 3), child_seen=True, notes=".", visited_by=social_worker)

    reviews = figure_of("reviews-in-time")
    assert (reviews.figure.hits, reviews.figure.total) == (1, 2)
    visits = figure_of("visits-in-time")
    assert (visits.figure.hits, visits.figure.total) == (1, 3)


def test_early_help_assessments_started(social_worker: User, child: Person) -> None:
    for started in (date(2026, 3, 2), date(2026, 3, 20), date(2026, 4, 1)):
        request = EarlyHelpRequest.objects.create(person=child, requested_on=started)
        episode = EarlyHelpEpisode.objects.create(request=request, person=child, accepted_on=started)
        EarlyHelpAssessment.objects.create(episode=episode, started_on=started, organisation="School", needs="Help.")

    assert figure_of("early-help-assessments").figure.value == 2


def test_casework_figures_are_for_the_team_holding_the_referral(social_worker: User, child: Person) -> None:
    other_team = TeamFactory(kind=Team.Kind.LOCALITY)
    other_worker = UserFactory(role="social_worker", team=other_team)
    for worker in (social_worker, other_worker):
        episode = records.referral(child, date(2026, 1, 5), worker)
        records.assessment(episode, date(2026, 2, 2), worker, authorised=date(2026, 3, 2))

    assert figure_of("child-seen", team=other_team).figure.total == 1
    assert figure_of("child-seen").figure.total == 2


def test_a_period_with_no_records_has_zeros_and_no_percentages(db: None) -> None:
    for slug in BY_SLUG:
        found = figure_of(slug)
        assert found.figure.total == 0, slug
        assert found.figure.value in (0, None), slug
        assert all(point.figure.total == 0 for point in found.points), slug


def test_caseloads_average_the_weighted_cases_of_the_teams_case_holders(team_manager: User) -> None:
    from frontdoor.insight.indicators.workforce import Caseloads

    team = TeamFactory(name="Locality team Caseloads", kind=Team.Kind.LOCALITY)
    busy, quiet = (UserFactory(role="social_worker", team=team) for _ in range(2))
    for worker, open_cases in ((busy, 2), (quiet, 1)):
        for _ in range(open_cases):
            records.referral(PersonFactory(), date(2026, 3, 2), worker)
    records.referral(PersonFactory(), date(2026, 3, 2), busy, closed_on=date(2026, 3, 20), closure_reason="RC8")

    standing = Caseloads().standing(team)

    assert standing.value == 1.5
    assert {line.worker: line.value for line in standing.lines} == {busy: 2.0, quiet: 1.0}


def test_supervision_up_to_date_is_the_share_of_case_holders_within_their_standard(team_manager: User) -> None:
    from frontdoor.insight.indicators.workforce import SupervisionCompliance
    from frontdoor.workforce.models import SupervisionSession

    team = TeamFactory(name="Locality team Supervision", kind=Team.Kind.LOCALITY)
    recent, lapsed = (UserFactory(role="social_worker", team=team) for _ in range(2))
    today = timezone.localdate()
    for worker, days_ago in ((recent, 10), (lapsed, 100)):
        SupervisionSession.objects.create(
            worker=worker, supervisor=team_manager, held_on=today - timedelta(days=days_ago), minutes=90,
            summary="Cases discussed.",
        )  # fmt: skip

    standing = SupervisionCompliance().standing(team)

    assert standing.value == 50
    assert standing.text == "50%"
