"""Annex A List 2 reads the early help episodes' assessments."""

from frontdoor.accounts.models import LocalAuthority, User
from frontdoor.earlyhelp import services
from frontdoor.earlyhelp.models import EarlyHelpEpisode
from frontdoor.people.models import Person
from tests.earlyhelp.conftest import days_ago
from tests.factories import PersonFactory
from tests.returns.test_annexa import export, rows


def test_list_2_gives_each_episodes_assessment_and_leaves_out_requests_not_taken_on(
    episode: EarlyHelpEpisode, practitioner: User, council: LocalAuthority
) -> None:
    services.record_assessment(
        episode=episode,
        by=practitioner,
        started_on=days_ago(45),
        completed_on=days_ago(20),
        organisation="Family hub",
        needs="N",
    )
    waiting: Person = PersonFactory()
    services.request_early_help(person=waiting, by=practitioner, requested_on=days_ago(3))
    _, sheets = export(days_ago(0))
    (row,) = rows(sheets, 2)
    assert row["Assessment start date"] == f"{days_ago(45):%d/%m/%Y}"
    assert row["Assessment completion date"] == f"{days_ago(20):%d/%m/%Y}"
    assert row["Organisation completing assessment"] == "Family hub"


def test_an_open_episode_not_yet_assessed_stands_on_its_start_with_the_council(
    episode: EarlyHelpEpisode, council: LocalAuthority
) -> None:
    _, sheets = export(days_ago(0))
    (row,) = rows(sheets, 2)
    assert row["Assessment start date"] == f"{days_ago(50):%d/%m/%Y}"
    assert row["Assessment completion date"] is None
    assert row["Organisation completing assessment"] == "Testshire County Council"


def test_an_assessment_completed_before_the_six_months_of_a_closed_episode_is_not_listed(
    episode: EarlyHelpEpisode, practitioner: User, council: LocalAuthority
) -> None:
    services.record_assessment(
        episode=episode,
        by=practitioner,
        started_on=days_ago(45),
        completed_on=days_ago(40),
        organisation="EH",
        needs="N",
    )
    services.close_episode(episode=episode, by=practitioner, closed_on=days_ago(30), outcome="needs_met")
    assert rows(export(days_ago(0))[1], 2)
    assert not rows(export(days_ago(-1).replace(year=days_ago(0).year + 1))[1], 2)
