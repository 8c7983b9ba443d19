import csv
import io
from collections.abc import Callable
from datetime import date

import pytest
from django.db import connection, reset_queries
from django.test import Client
from django.test.utils import CaptureQueriesContext

from frontdoor.accounts.models import Team, User
from frontdoor.casework.models import Assessment
from frontdoor.people.models import RestrictionGrant
from tests.factories import PersonFactory, TeamFactory, UserFactory
from tests.returns import records

MARCH = "start_day=1&start_month=3&start_year=2026&end_day=31&end_month=3&end_year=2026"


def assessments(worker: User, count: int, **child: object) -> None:
    person = PersonFactory(**child)
    episode = records.referral(person, date(2026, 1, 5), worker)
    for n in range(count):
        made = records.assessment(episode, date(2026, 2, 2), worker, authorised=date(2026, 3, 2 + n % 20))
        Assessment.objects.filter(pk=made.pk).update(due_on=date(2026, 3, 9))


def test_an_analyst_sees_the_whole_council_with_every_definition(
    performance_analyst: User, client_for: Callable[[User], Client]
) -> None:
    page = client_for(performance_analyst).get(f"/insight/?{MARCH}")

    assert page.status_code == 200
    assert page.context["team"] is None
    text = page.content.decode()
    assert "Performance: the whole council" in text
    assert "Of assessments authorised in the period, the share authorised by their due date" in text
    assert "Caseloads" in text


def test_a_period_with_no_records_shows_zeros_with_the_definitions(
    performance_analyst: User, client_for: Callable[[User], Client]
) -> None:
    page = client_for(performance_analyst).get(f"/insight/?{MARCH}")

    board = page.context["board"]
    assert all(result.figure.total == 0 for result in board.results)
    assert page.content.decode().count("No data") >= len(board.results) - 2  # counts show 0, percentages no data


def test_a_team_manager_sees_their_own_team(team_manager: User, client_for: Callable[[User], Client]) -> None:
    page = client_for(team_manager).get("/insight/")

    assert page.status_code == 200
    assert page.context["team"] == team_manager.team
    slugs = {result.indicator.slug for result in page.context["board"].results}
    assert "assessments-in-time" in slugs
    assert "contacts" not in slugs  # the front door's figures are the access team's


def test_another_team_is_not_found_for_a_team_manager(team_manager: User, client_for: Callable[[User], Client]) -> None:
    other = TeamFactory(name="Locality team South", kind=Team.Kind.LOCALITY)

    assert client_for(team_manager).get(f"/insight/?team={other.pk}").status_code == 404


def test_the_access_team_manager_sees_the_front_door_figures(client_for: Callable[[User], Client]) -> None:
    access = TeamFactory(name="Access team", kind=Team.Kind.ACCESS)
    manager = UserFactory(role="team_manager", team=access)

    page = client_for(manager).get("/insight/")

    assert {"contacts", "decisions-in-time", "calls-answered"} <= {
        result.indicator.slug for result in page.context["board"].results
    }


@pytest.mark.parametrize("role", ["social_worker", "contact_officer", "partner", "administrator"])
def test_the_dashboard_is_for_managers_and_analysts(
    role: str, request: pytest.FixtureRequest, client_for: Callable[[User], Client]
) -> None:
    user = request.getfixturevalue(role)

    assert client_for(user).get("/insight/").status_code == 403


def test_a_period_that_ends_before_it_starts_is_an_error(
    performance_analyst: User, client_for: Callable[[User], Client]
) -> None:
    page = client_for(performance_analyst).get(
        "/insight/?start_day=1&start_month=3&start_year=2026&end_day=1&end_month=2&end_year=2026"
    )

    assert page.status_code == 200
    assert page.context["board"] is None
    assert "The end of the period must be the same as or after its start" in page.content.decode()


def test_the_dashboard_reads_the_same_number_of_queries_however_many_records(
    performance_analyst: User, social_worker: User, client_for: Callable[[User], Client]
) -> None:
    client = client_for(performance_analyst)
    assessments(social_worker, 1)
    client.get(f"/insight/?{MARCH}")  # warm the council and calendar caches

    def queries_read() -> int:
        reset_queries()
        with CaptureQueriesContext(connection) as read:
            assert client.get(f"/insight/?{MARCH}").status_code == 200
        return len(read)

    few = queries_read()
    assessments(social_worker, 30)
    assert queries_read() == few


def test_a_figure_links_to_the_children_behind_it(
    performance_analyst: User, social_worker: User, client_for: Callable[[User], Client]
) -> None:
    assessments(social_worker, 2, first_name="Ruby", last_name="Okafor")
    client = client_for(performance_analyst)

    dashboard = client.get(f"/insight/?{MARCH}").content.decode()
    link = f"/insight/indicators/assessments-in-time/?{MARCH}".replace("&", "&amp;")
    assert link in dashboard
    page = client.get(f"/insight/indicators/assessments-in-time/?{MARCH}")

    assert page.status_code == 200
    assert page.content.decode().count("Ruby Okafor") == 2


def test_the_list_can_show_only_the_late_ones(
    performance_analyst: User, social_worker: User, client_for: Callable[[User], Client]
) -> None:
    assessments(social_worker, 10)  # authorised 2 to 11 March, due 9 March: 2 late

    page = client_for(performance_analyst).get(f"/insight/indicators/assessments-in-time/?{MARCH}&met=no")

    assert page.context["page_obj"].paginator.count == 2
    assert all(row.met is False for row, _ in page.context["rows"])


def test_the_list_downloads_as_a_spreadsheet_safe_csv(
    performance_analyst: User, social_worker: User, client_for: Callable[[User], Client]
) -> None:
    assessments(social_worker, 3, first_name="=HYPERLINK(1)", last_name="Smith")

    response = client_for(performance_analyst).get(f"/insight/indicators/assessments-in-time/csv/?{MARCH}")

    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["Date", "Child ID", "Child", "Record", "Detail", "Met"]
    assert len(rows) == 4
    assert {row[2] for row in rows[1:]} == {"'=HYPERLINK(1) Smith"}


def test_a_restricted_child_is_not_named_in_the_list_without_a_grant(
    performance_analyst: User, social_worker: User, client_for: Callable[[User], Client]
) -> None:
    assessments(social_worker, 1, first_name="Hidden", last_name="Child", is_restricted=True)
    client = client_for(performance_analyst)

    page = client.get(f"/insight/indicators/assessments-in-time/?{MARCH}").content.decode()
    assert "Hidden Child" not in page
    assert "Restricted record" in page

    person = PersonFactory._meta.model.objects.get(first_name="Hidden")
    RestrictionGrant.objects.create(person=person, user=performance_analyst, granted_by=social_worker)
    assert "Hidden Child" in client.get(f"/insight/indicators/assessments-in-time/?{MARCH}").content.decode()


def test_a_list_for_a_team_the_user_may_not_see_is_not_found(
    team_manager: User, client_for: Callable[[User], Client]
) -> None:
    other = TeamFactory(name="Locality team East", kind=Team.Kind.LOCALITY)

    response = client_for(team_manager).get(f"/insight/indicators/child-seen/?team={other.pk}")

    assert response.status_code == 404


def test_an_indicator_that_does_not_exist_is_not_found(
    performance_analyst: User, client_for: Callable[[User], Client]
) -> None:
    assert client_for(performance_analyst).get("/insight/indicators/happiness/").status_code == 404


@pytest.mark.parametrize(
    "name", ['=HYPERLINK("http://evil.example","Click")', "+1+1", "-1+1", "@SUM(1+1)", "\t=1+1", "\r=1+1"]
)
def test_a_name_that_a_spreadsheet_would_run_as_a_formula_is_exported_as_text(
    name: str, performance_analyst: User, social_worker: User, client_for: Callable[[User], Client]
) -> None:
    assessments(social_worker, 1, first_name=name, last_name="Smith")

    response = client_for(performance_analyst).get(f"/insight/indicators/assessments-in-time/csv/?{MARCH}")

    rows = list(csv.reader(io.StringIO(response.content.decode(), newline="")))
    assert [row[2] for row in rows[1:]] == [f"'{name} Smith"]
