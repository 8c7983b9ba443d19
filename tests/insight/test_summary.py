"""The dashboards' daily summary: figures read from it are the figures counted live, to the last record.

A small council is built by hand with records of every indicator in March 2026 and in the month before it,
the period the dashboard compares March with. Refreshing "on 30 June 2026" settles every day up to 1 May.
"""

import io
from collections.abc import Callable
from datetime import date, timedelta
from statistics import median

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from frontdoor.accounts.models import LocalAuthority, Team, User
from frontdoor.casework.models import Assessment, Referral
from frontdoor.contacts.models import Call
from frontdoor.earlyhelp.models import EarlyHelpAssessment, EarlyHelpEpisode, EarlyHelpRequest
from frontdoor.insight.indicators import BY_SLUG, INDICATORS
from frontdoor.insight.models import DailyTally, SummaryRange
from frontdoor.insight.periods import Period
from frontdoor.insight.queries import Result, result
from frontdoor.insight.services import RECOUNT_DAYS, refresh_summary
from frontdoor.partners.models import PoliceNotification
from frontdoor.protection.models import Visit
from frontdoor.records.models import Event
from frontdoor.timescales.calendar import council_calendar
from tests.factories import PersonFactory, TeamFactory, UserFactory
from tests.insight.test_indicators import MARCH, a_contact, at, decide
from tests.returns import records

JUNE_30 = date(2026, 6, 30)
MONTHS = (date(2026, 2, 2), date(2026, 3, 2))  # a Monday in the previous period, and one in March


@pytest.fixture
def locality(db: None) -> Team:
    return TeamFactory(name="Locality team North", kind=Team.Kind.LOCALITY)


@pytest.fixture
def disabilities(db: None) -> Team:
    return TeamFactory(name="Children with disabilities team", kind=Team.Kind.DISABILITIES)


@pytest.fixture
def small_council(contact_officer: User, locality: Team, disabilities: Team) -> dict[str, User]:
    """Records for every indicator, in both months, with some meeting each condition and some not."""
    council = LocalAuthority.load()
    council.child_population = 40_000
    council.cp_visit_interval_working_days = 10
    council.save()
    north = UserFactory(role="social_worker", team=locality)
    disabled = UserFactory(role="social_worker", team=disabilities)
    for month in MONTHS:
        child, sibling = PersonFactory(), PersonFactory()
        # Contacts from three sources; decided on time, late, never; one becomes a referral.
        on_time = a_contact(at(month, 9), contact_officer, child, sibling, source="2A")
        decide(on_time, at(month, 15), contact_officer, outcome="assessment")
        late = a_contact(at(month + timedelta(days=1), 9), contact_officer, PersonFactory(), source="6")
        decide(late, at(month + timedelta(days=6), 9), contact_officer, outcome="nfa")
        a_contact(at(month + timedelta(days=2), 23), contact_officer, PersonFactory(), source="3A")
        a_contact(at(month + timedelta(days=5), 23), contact_officer, child, out_of_hours=True,
                  handover_acknowledged_at=at(month + timedelta(days=7), 9))  # fmt: skip
        a_contact(at(month + timedelta(days=5), 23), contact_officer, child, out_of_hours=True)
        records.referral(child, month, north, contact_child=on_time.children.get(person=child))
        # Referrals on both teams, some re-referrals, some ending in no further action.
        records.referral(sibling, month, north, is_re_referral=True, is_nfa=True)
        records.referral(sibling, month + timedelta(days=3), disabled, is_nfa=True)
        # Calls: answered in 10 s, in 40 s, abandoned.
        for n, wait in enumerate([10, 40, None]):
            offered = at(month + timedelta(days=n), 11)
            Call.objects.create(
                call_id=f"{month}-{n}", offered_at=offered, abandoned=wait is None,
                answered_at=offered + timedelta(seconds=wait) if wait is not None else None,
            )  # fmt: skip
        # Police notifications: triaged the same day, late, never.
        for n, triaged in enumerate([at(month, 16), at(month + timedelta(days=9), 9), None]):
            PoliceNotification.objects.create(
                police_reference=f"{month}-{n}", incident_at=at(month, 2), kind="domestic_abuse", summary="Call-out.",
                source="api", received_at=at(month, 7), received_by=contact_officer, triaged_at=triaged,
            )  # fmt: skip
        # Assessments on both teams: on time and late, seen and not, over different numbers of working days.
        for worker, days_taken in ((north, (9, 20, 30)), (disabled, (12, 44))):
            episode = records.referral(PersonFactory(), month - timedelta(days=70), worker)
            for n, taken in enumerate(days_taken):
                authorised = month + timedelta(days=n)
                made = records.assessment(episode, authorised - timedelta(days=taken), worker, authorised=authorised)
                Assessment.objects.filter(pk=made.pk).update(
                    due_on=authorised - timedelta(days=n % 2),
                    child_seen_on=authorised if n % 2 == 0 else None,
                    childs_views="I want to stay." if n == 0 else "",
                )
        # Protection: two enquiries, one conference on time with a second plan; reviews and visits.
        episode = records.referral(PersonFactory(), month - timedelta(days=120), north)
        target = month + timedelta(days=7)
        enquiry = records.section_47(episode, month - timedelta(days=14), north, target=target, conference=month,
                                     plan=True)  # fmt: skip
        records.section_47(episode, month - timedelta(days=14), north, target=target, conference=target + timedelta(1))
        plan = records.cp_plan(enquiry, north, previous=1, reviews=(month + timedelta(days=10),))
        for day in (month + timedelta(days=3), month + timedelta(days=14), month + timedelta(days=35)):
            Visit.objects.create(plan=plan, visited_on=day, child_seen=True, notes="Seen.", visited_by=north)
        older = records.cp_plan(records.section_47(episode, month - timedelta(days=140), north,
                                target=month - timedelta(days=120), conference=month - timedelta(days=121),
                                plan=True), north, reviews=(month + timedelta(days=4),))  # fmt: skip
        Visit.objects.create(plan=older, visited_on=month + timedelta(days=1), child_seen=True, notes=".",
                             visited_by=disabled)  # fmt: skip
        # Early help assessments.
        for started in (month, month + timedelta(days=8)):
            request = EarlyHelpRequest.objects.create(person=child, requested_on=started)
            help_episode = EarlyHelpEpisode.objects.create(request=request, person=child, accepted_on=started)
            EarlyHelpAssessment.objects.create(episode=help_episode, started_on=started, organisation="School",
                                               needs="Help.")  # fmt: skip
    return {"north": north, "disabled": disabled}


def records_read(slug: str, team: Team | None) -> tuple[Result, list[str]]:
    """The indicator's figures for March against February, and the SQL that read them."""
    with CaptureQueriesContext(connection) as read:
        found = result(BY_SLUG[slug], team=team, period=MARCH)
    return found, [query["sql"] for query in read.captured_queries]


@pytest.mark.parametrize("slug", [indicator.slug for indicator in INDICATORS])
def test_every_figure_read_from_the_summary_is_the_figure_counted_live(
    slug: str, small_council: dict[str, User], locality: Team
) -> None:
    indicator = BY_SLUG[slug]
    table = indicator.records().model._meta.db_table
    live = {team: records_read(slug, team)[0] for team in (None, locality)}
    assert live[None].figure.total > 0 and live[None].previous.total > 0

    refresh_summary(today=JUNE_30)

    for team in (None, locality):
        summarised, sql = records_read(slug, team)
        assert summarised == live[team], (slug, team)
        assert not [query for query in sql if f'"{table}"' in query], "read the records, not the summary"


def test_a_period_the_summary_holds_only_in_part_is_counted_live_for_the_rest(small_council: dict[str, User]) -> None:
    live = {slug: result(indicator, team=None, period=MARCH) for slug, indicator in BY_SLUG.items()}

    refresh_summary(today=JUNE_30, since=date(2026, 3, 4))  # the summary holds 4 March to 1 May settled

    assert {slug: result(indicator, team=None, period=MARCH) for slug, indicator in BY_SLUG.items()} == live


def test_a_record_changed_inside_the_recount_window_shows_at_once(
    contact_officer: User, social_worker: User, performance_analyst: User
) -> None:
    today = timezone.localdate()
    year = Period.last_twelve_months(today)
    ten_days_ago = today - timedelta(days=10)
    referral = records.referral(PersonFactory(), ten_days_ago, social_worker)
    a_contact(at(ten_days_ago, 10), contact_officer, PersonFactory())
    refresh_summary(today=today)
    assert result(BY_SLUG["referrals-nfa"], team=None, period=year).figure.hits == 0

    Referral.objects.filter(pk=referral.pk).update(is_nfa=True)
    a_contact(at(ten_days_ago, 11), contact_officer, PersonFactory())

    assert result(BY_SLUG["referrals-nfa"], team=None, period=year).figure.hits == 1
    assert result(BY_SLUG["contacts"], team=None, period=year).figure.total == 2


def test_refreshing_twice_changes_nothing(small_council: dict[str, User]) -> None:
    def summary() -> list[tuple[object, ...]]:
        rows = DailyTally.objects.values_list("indicator", "team", "day", "split", "hits", "total", "values")
        return sorted(rows, key=repr)

    refresh_summary(today=JUNE_30)
    first, ranges = summary(), list(SummaryRange.objects.values_list("indicator", "team", "settled_through"))
    refresh_summary(today=JUNE_30)
    refresh_summary(today=JUNE_30, rebuild=True)

    assert summary() == first
    assert list(SummaryRange.objects.values_list("indicator", "team", "settled_through")) == ranges
    assert len(first) > 100


def test_a_teams_figures_count_only_that_teams_records(
    small_council: dict[str, User], locality: Team, disabilities: Team
) -> None:
    refresh_summary(today=JUNE_30)

    totals = {
        team: result(BY_SLUG["assessments-in-time"], team=team, period=MARCH).figure.total
        for team in (None, locality, disabilities)
    }
    assert totals == {None: 5, locality: 3, disabilities: 2}
    days = result(BY_SLUG["assessment-days"], team=disabilities, period=MARCH)
    theirs = Assessment.objects.filter(referral__team=disabilities, authorised_on__gte=MARCH.start)
    calendar = council_calendar()
    assert days.figure.total == 2
    assert days.figure.value == median(calendar.working_days_between(a.started_on, a.authorised_on) for a in theirs)
    assert not DailyTally.objects.filter(indicator="contacts", team__isnull=False).exists()  # the same for any team


def test_a_refresh_after_missed_nights_recounts_every_day_not_yet_settled(
    contact_officer: User, social_worker: User
) -> None:
    refresh_summary(today=date(2026, 4, 30))  # settles the days up to 1 March
    referral = records.referral(PersonFactory(), date(2026, 3, 10), social_worker)  # recorded late
    refresh_summary(today=JUNE_30)  # the nights between were missed

    assert result(BY_SLUG["re-referrals"], team=None, period=MARCH).figure.total == 1
    Referral.objects.filter(pk=referral.pk).update(is_re_referral=True)  # a correction after the day settled
    refresh_summary(today=JUNE_30, rebuild=True)
    assert result(BY_SLUG["re-referrals"], team=None, period=MARCH).figure.hits == 1


def test_recounting_only_recent_days_after_a_gap_leaves_the_days_between_live(social_worker: User) -> None:
    refresh_summary(today=date(2026, 4, 30))  # settles the days up to 1 March
    records.referral(PersonFactory(), date(2026, 3, 10), social_worker)
    refresh_summary(today=JUNE_30, since=date(2026, 6, 1))  # 2 March to 31 May were last counted too soon

    assert SummaryRange.objects.get(indicator="re-referrals").settled_through == date(2026, 3, 1)
    assert result(BY_SLUG["re-referrals"], team=None, period=MARCH).figure.total == 1
    refresh_summary(today=JUNE_30)
    assert SummaryRange.objects.get(indicator="re-referrals").settled_through == JUNE_30 - timedelta(RECOUNT_DAYS)


def test_a_refresh_writes_one_event(small_council: dict[str, User], administrator: User) -> None:
    report = refresh_summary(today=JUNE_30, by=administrator)

    event = Event.objects.get(kind="insight.summary_refreshed")
    assert event.actor == administrator
    assert event.data["rows"] == report.rows == DailyTally.objects.count()
    assert "from the first record to 30/06/2026" in event.summary


def test_the_nightly_command_builds_the_summary_then_recounts_the_recent_days(small_council: dict[str, User]) -> None:
    call_command("refresh_insight", stdout=io.StringIO())
    built = Event.objects.get(kind="insight.summary_refreshed")
    assert built.data["first_day"] is None
    today = timezone.localdate()

    call_command("refresh_insight", "--queue", stdout=io.StringIO())  # the worker runs it at once in tests

    again = Event.objects.filter(kind="insight.summary_refreshed").exclude(pk=built.pk).get()
    assert again.data["first_day"] == (today - timedelta(days=RECOUNT_DAYS)).isoformat()
    assert SummaryRange.objects.filter(first_day__isnull=True).count() == SummaryRange.objects.count()


def test_the_dashboard_reads_as_many_queries_from_the_summary_however_many_records(
    small_council: dict[str, User], performance_analyst: User, client_for: Callable[[User], Client]
) -> None:
    client = client_for(performance_analyst)
    march = "start_day=1&start_month=3&start_year=2026&end_day=31&end_month=3&end_year=2026"
    refresh_summary(today=JUNE_30)
    client.get(f"/insight/?{march}")  # warm the council and calendar caches

    def queries_read() -> int:
        with CaptureQueriesContext(connection) as read:
            assert client.get(f"/insight/?{march}").status_code == 200
        return len(read)

    few = queries_read()
    for worker in small_council.values():
        episode = records.referral(PersonFactory(), date(2026, 1, 5), worker)
        for day in range(2, 20):
            records.assessment(episode, date(2026, 2, 2), worker, authorised=date(2026, 3, day))
    refresh_summary(today=JUNE_30)

    assert queries_read() == few
