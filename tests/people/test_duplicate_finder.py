from datetime import date

from frontdoor.accounts.models import User
from frontdoor.people.duplicates import find_duplicates
from frontdoor.people.models import DuplicateCandidate
from frontdoor.records.models import Event
from tests.factories import PersonFactory, live_at


def pairs() -> set[frozenset[str]]:
    return {
        frozenset(
            (c.person_a.first_name + " " + c.person_a.last_name, c.person_b.first_name + " " + c.person_b.last_name)
        )
        for c in DuplicateCandidate.objects.select_related("person_a", "person_b")
    }


def test_the_finder_queues_near_duplicates_and_not_twins(db: None) -> None:
    born = date(2015, 3, 7)
    PersonFactory(first_name="Jayden", last_name="Smith", date_of_birth=born, sex="M")
    PersonFactory(first_name="Jaydne", last_name="Smith", date_of_birth=born, sex="M")  # typo
    PersonFactory(first_name="Elizabeth", last_name="Jones", date_of_birth=date(2012, 4, 9), sex="F")
    PersonFactory(first_name="Liz", last_name="Jones", date_of_birth=date(2012, 9, 4), sex="F")  # nickname, swapped
    twin_a = PersonFactory(first_name="Mason", last_name="Reid", date_of_birth=date(2018, 1, 5), sex="M")
    twin_b = PersonFactory(first_name="Noah", last_name="Reid", date_of_birth=date(2018, 1, 5), sex="M")
    live_at(twin_a)
    live_at(twin_b)
    PersonFactory(first_name="Olivia", last_name="Brown", date_of_birth=born, sex="F")

    report = find_duplicates()
    assert pairs() == {frozenset(("Jayden Smith", "Jaydne Smith")), frozenset(("Elizabeth Jones", "Liz Jones"))}
    assert report.new_pairs == 2
    assert Event.objects.get(kind="duplicates.found").data["new_pairs"] == 2


def test_decided_pairs_are_not_queued_again(db: None, social_worker: User) -> None:
    born = date(2015, 3, 7)
    a = PersonFactory(first_name="Jayden", last_name="Smith", date_of_birth=born, sex="M")
    b = PersonFactory(first_name="Jaydne", last_name="Smith", date_of_birth=born, sex="M")
    DuplicateCandidate.objects.create(
        person_a=a, person_b=b, score=0.9, status="not_duplicate", decided_by=social_worker
    )
    assert find_duplicates().new_pairs == 0
    assert DuplicateCandidate.objects.get().status == "not_duplicate"


def test_a_data_officer_runs_the_finder_from_the_queue(client_for, db: None) -> None:
    from frontdoor.accounts.roles import Role
    from tests.conftest import make_user

    analyst = make_user(Role.PERFORMANCE_ANALYST)
    born = date(2015, 3, 7)
    PersonFactory(first_name="Jayden", last_name="Smith", date_of_birth=born, sex="M")
    PersonFactory(first_name="Jayden", last_name="Smyth", date_of_birth=born, sex="M")
    client = client_for(analyst)
    client.post("/people/duplicates/find/")
    page = client.get("/people/duplicates/").content.decode()
    assert "Jayden Smith and Jayden Smyth" in page
    assert "queued 1 new likely duplicates" in page
