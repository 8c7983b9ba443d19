"""Police notifications: received by API or CSV, kept once per reference, matched to the index by a person."""

from datetime import date, datetime, timedelta
from io import BytesIO

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from frontdoor.accounts.models import User
from frontdoor.partners import notifications
from frontdoor.partners.imports import import_notifications
from frontdoor.partners.models import NotificationPerson, PoliceNotification
from frontdoor.people.models import Person
from frontdoor.records.models import Event
from tests.factories import PersonFactory

YESTERDAY_NIGHT = timezone.make_aware(datetime.combine(timezone.localdate() - timedelta(days=1), datetime.min.time()))
HEADER = (
    "police_reference,incident_at,kind,dash_risk,marac_referral,summary,role,first_name,last_name,date_of_birth,"
    "postcode\n"
)


@pytest.fixture
def mia(db: None) -> Person:
    return PersonFactory(first_name="Mia", last_name="Harrington", date_of_birth=date(2017, 5, 9))


def incident(reference: str = "PPN-2026-0001", **people: tuple[str, str, date | None]) -> notifications.Notification:
    named = people or {"child_present": ("Mia", "Harrington", date(2017, 5, 9))}
    return notifications.Notification(
        police_reference=reference,
        incident_at=YESTERDAY_NIGHT + timedelta(hours=22),
        kind="domestic_abuse",
        dash_risk="medium",
        summary="Verbal argument; mother reports pushing. Child was upstairs and heard it.",
        people=[notifications.PersonOnNotification(role, *details) for role, details in named.items()],
    )


def test_a_notification_suggests_who_each_person_is_and_matches_nobody_by_itself(
    contact_officer: User, mia: Person
) -> None:
    received = notifications.receive_notifications(
        notifications=[
            incident(
                child_present=("Mia", "Harington", date(2017, 5, 9)),  # misspelt, as the police often do
                victim=("Nobody", "Known", date(1990, 1, 1)),
            )
        ],
        by=contact_officer,
        source="api",
    )
    (notification,) = received.created
    child, adult = notification.people.order_by("id")
    assert [s["person"] for s in child.suggestions] == [mia.pk]
    assert adult.suggestions == []
    assert not NotificationPerson.objects.exclude(person=None).exists()
    assert Person.objects.count() == 1  # nobody created


def test_a_notification_repeated_with_the_same_reference_is_kept_once(contact_officer: User, mia: Person) -> None:
    notifications.receive_notifications(notifications=[incident()], by=contact_officer, source="api")
    again = notifications.receive_notifications(
        notifications=[incident(), incident()], by=contact_officer, source="api"
    )
    assert again.created == [] and again.repeated == ["PPN-2026-0001"]
    assert PoliceNotification.objects.count() == 1 and NotificationPerson.objects.count() == 1


@pytest.mark.parametrize("reference", ['PPN "7", {B}', "PPN\\2026\\1", "ppn 1; drop"])
def test_a_reference_written_with_quotes_or_slashes_is_recognised_when_it_comes_again(
    contact_officer: User, mia: Person, reference: str
) -> None:
    notifications.receive_notifications(notifications=[incident(reference)], by=contact_officer, source="api")
    again = notifications.receive_notifications(notifications=[incident(reference)], by=contact_officer, source="api")
    assert again.created == [] and again.repeated == [reference]
    assert PoliceNotification.objects.get().police_reference == reference


def test_a_notification_without_a_child_or_from_the_future_is_refused(contact_officer: User) -> None:
    with pytest.raises(ValidationError, match="at least one child"):
        notifications.receive_notifications(
            notifications=[incident(victim=("Ann", "Lee", None))], by=contact_officer, source="api"
        )
    future = incident()
    future = notifications.Notification(**{**future.__dict__, "incident_at": timezone.now() + timedelta(hours=2)})
    with pytest.raises(ValidationError, match="in the future"):
        notifications.receive_notifications(notifications=[future], by=contact_officer, source="api")
    assert not PoliceNotification.objects.exists()


def test_only_the_front_door_receives_notifications(partner: User, qa_officer: User) -> None:
    for user in (partner, qa_officer):
        with pytest.raises(PermissionDenied):
            notifications.receive_notifications(notifications=[incident()], by=user, source="api")


def test_confirming_a_match_puts_the_notification_on_the_childs_record(contact_officer: User, mia: Person) -> None:
    (notification,) = notifications.receive_notifications(
        notifications=[incident()], by=contact_officer, source="api"
    ).created
    named = notification.people.get()
    notifications.confirm_match(named=named, person=mia, by=contact_officer)
    named.refresh_from_db()
    assert (named.person, named.matched_by) == (mia, contact_officer)
    assert Event.objects.filter(kind="police.person_matched", child=mia).exists()
    with pytest.raises(ValidationError, match="Already matched"):
        notifications.confirm_match(named=named, person=PersonFactory(), by=contact_officer)


def upload(text: str) -> BytesIO:
    return BytesIO(text.encode())


def test_a_csv_groups_its_lines_into_notifications(contact_officer: User, mia: Person) -> None:
    report = import_notifications(
        file=upload(
            HEADER
            + "PPN-1,25/11/2026 22:40,domestic_abuse,high,yes,Assault,child_present,Mia,Harrington,09/05/2017,NB1 4QT\n"
            + "PPN-1,25/11/2026 22:40,domestic_abuse,high,yes,Assault,alleged_perpetrator,Dean,Harrington,,NB1 4QT\n"
            + "PPN-2,25/11/2026 23:05,missing,,no,Missing overnight,child_linked,Ola,Bright,02/02/2012,\n"
        ),
        by=contact_officer,
    )
    assert report.ok and (report.lines, report.received) == (3, 2)
    first = PoliceNotification.objects.get(police_reference="PPN-1")
    assert (first.dash_risk, first.marac_referral, first.source, first.people.count()) == ("high", True, "csv", 2)
    assert first.people.get(role="child_present").suggestions[0]["person"] == mia.pk


def test_every_bad_line_is_reported_with_its_number_and_nothing_is_imported(contact_officer: User) -> None:
    report = import_notifications(
        file=upload(
            HEADER
            + "PPN-1,25/11/2026 22:40,domestic_abuse,high,yes,Assault,child_present,Mia,Harrington,09/05/2017,\n"
            + "PPN-2,yesterday,domestic_abuse,high,yes,Assault,child_present,Ola,Bright,02/02/2012,\n"
            + "PPN-3,25/11/2026 22:40,burglary,high,maybe,Assault,child_present,Sam,Cole,31/02/2012,\n"
            + "PPN-4,25/11/2026 22:40,domestic_abuse,,no,Argument,victim,Ann,Lee,,\n"
        ),
        by=contact_officer,
    )
    assert not report.ok and not PoliceNotification.objects.exists()
    assert [error.split(":")[0] for error in report.errors] == ["Line 3", "Line 4", "Line 5"]
    assert "burglary" not in report.errors[1] and "Kind must be one of" in report.errors[1]
    assert "marac_referral" in report.errors[1] and "date_of_birth" in report.errors[1]
    assert "PPN-4 names no child" in report.errors[2]


def test_a_line_cut_short_is_reported_with_its_number_and_nothing_is_imported(contact_officer: User) -> None:
    report = import_notifications(
        file=upload(
            HEADER
            + "PPN-1,25/11/2026 22:40,domestic_abuse,high,yes,Assault,child_present,Mia,Harrington,09/05/2017,\n"
            + "\n"  # a blank line is skipped, not counted
            + "PPN-2,25/11/2026 23:05,missing,,no,Missing overnight\n"
        ),
        by=contact_officer,
    )
    assert report.errors == ["Line 4: 6 values where the header names 11 columns"]
    assert report.lines == 2 and not PoliceNotification.objects.exists()


def test_a_file_that_is_not_a_notifications_csv_is_refused(client_for, contact_officer: User) -> None:
    client = client_for(contact_officer)
    page = client.post("/partners/police/import/", {"file": upload("hello")}).content.decode()
    assert "Select a notifications file" in page or "must be a CSV" in page
    wrong = BytesIO(b"name,age\nMia,9\n")
    wrong.name = "list.csv"
    page = client.post("/partners/police/import/", {"file": wrong}).content.decode()
    assert "the header is missing police_reference" in page
    assert not PoliceNotification.objects.exists()


def test_the_front_door_matches_from_the_notification_page(client_for, contact_officer: User, mia: Person) -> None:
    (notification,) = notifications.receive_notifications(
        notifications=[incident()], by=contact_officer, source="api"
    ).created
    named = notification.people.get()
    client = client_for(contact_officer)
    assert "Mia Harrington" in client.get("/partners/police/unmatched/").content.decode()
    page = client.get(f"/partners/police/{notification.pk}/").content.decode()
    assert "This is them" in page and f'name="person" value="{mia.pk}"' in page
    client.post(f"/partners/police/people/{named.pk}/match/", {"person": mia.pk})
    named.refresh_from_db()
    assert named.person == mia
    assert (
        "Everyone named on a notification has been matched"
        in client.get("/partners/police/unmatched/").content.decode()
    )
    assert "All 1" in client.get("/partners/police/").content.decode()


def test_a_restricted_record_is_suggested_without_its_details(client_for, contact_officer: User) -> None:
    hidden = PersonFactory(first_name="Mia", last_name="Harrington", date_of_birth=date(2017, 5, 9), is_restricted=True)
    (notification,) = notifications.receive_notifications(
        notifications=[incident()], by=contact_officer, source="api"
    ).created
    page = client_for(contact_officer).get(f"/partners/police/{notification.pk}/").content.decode()
    assert "A restricted record may be this person" in page
    assert f'href="/people/{hidden.pk}/"' not in page and f'value="{hidden.pk}"' not in page


@pytest.mark.parametrize("path", ["/partners/police/", "/partners/police/import/", "/partners/police/unmatched/"])
def test_police_notifications_are_for_the_front_door(client_for, partner: User, qa_officer: User, path: str) -> None:
    assert client_for(partner).get(path).status_code == 403
    assert client_for(qa_officer).get(path).status_code == 403


def test_a_persons_suggestions_do_not_depend_on_who_else_is_in_the_file(mia: Person) -> None:
    from frontdoor.partners.matching import Named, suggest
    from frontdoor.people.matching import PartialDate

    PersonFactory(first_name="Mia", last_name="Okafor", date_of_birth=date(2017, 5, 9))  # same name and birthday
    alone = suggest([Named("Mia", "Harrington", PartialDate.of(date(2017, 5, 9)))])
    among_others = suggest(
        [
            Named("Zed", "Okafor", PartialDate.of(date(2017, 5, 9))),
            Named("Mia", "Harrington", PartialDate.of(date(2017, 5, 9))),
        ]
    )[1]
    assert among_others == alone[0] and alone[0][0]["person"] == mia.pk


def test_importing_costs_the_same_queries_however_many_lines(contact_officer: User, mia: Person) -> None:
    def queries_for(count: int, prefix: str) -> int:
        lines = "".join(
            f"{prefix}-{n},25/11/2026 22:40,domestic_abuse,high,no,Assault,child_present,Mia,Harrington,09/05/2017,\n"
            f"{prefix}-{n},25/11/2026 22:40,domestic_abuse,high,no,Assault,victim,Kim,Harrington{n},14/02/1990,\n"
            for n in range(count)
        )
        with CaptureQueriesContext(connection) as made:
            report = import_notifications(file=upload(HEADER + lines), by=contact_officer)
        assert report.ok and report.received == count
        return len(made)

    assert queries_for(2, "FEW") == queries_for(40, "MANY")
    assert (
        NotificationPerson.objects.get(notification__police_reference="MANY-39", role="child_present").suggestions[0][
            "person"
        ]
        == mia.pk
    )
