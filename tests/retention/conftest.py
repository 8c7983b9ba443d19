"""A family whose elder son's record is past its retention date: Zebedee, 31, and his sister Amy, 12."""

from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from django.utils import timezone

from frontdoor.accounts.models import User
from frontdoor.accounts.roles import Role
from frontdoor.casework import services as casework
from frontdoor.casework.models import Assessment, AssessmentKind, Referral
from frontdoor.contacts import services as contacts
from frontdoor.contacts.models import Contact
from frontdoor.people import services as people
from frontdoor.people.models import Person
from frontdoor.records.services import add_chronology_entry
from frontdoor.retention.models import RetentionReview
from frontdoor.retention.services import find_records_due
from tests.conftest import make_user
from tests.factories import PersonFactory


@pytest.fixture
def service_manager(db: None) -> User:
    return make_user(Role.SERVICE_MANAGER)


@dataclass
class Family:
    zebedee: Person
    amy: Person
    referral: Referral
    contact: Contact


@pytest.fixture
def family(social_worker: User, team_manager: User, contact_officer: User) -> Family:
    """Zebedee's episode closed in 2010; a contact about both children was decided last year."""
    zebedee = PersonFactory(first_name="Zebedee", last_name="Quarrington", date_of_birth=date(1995, 3, 4), sex="M")
    amy = PersonFactory(first_name="Amy", last_name="Quarrington", date_of_birth=date(2014, 6, 1), sex="F")
    home = people.AddressDetails(line_1="14 Quarry Lane", town="Northbridge", postcode="NB7 3QQ")
    people.move_person(person=zebedee, by=social_worker, address=home, moved_in=date(2009, 1, 1))
    people.move_person(person=amy, by=social_worker, address=home, moved_in=date(2014, 6, 1))
    people.add_relationship(person=zebedee, relative=amy, kind="sibling", by=social_worker)
    people.add_identifier(
        person=zebedee, by=social_worker, kind="police", value="POL-ZQ-0001", issuer="Northshire Police"
    )
    people.add_other_name(person=zebedee, by=social_worker, kind="alias", first_name="Zeb", last_name="Quarrington")
    contact = contacts.record_contact(
        by=contact_officer,
        received_at=timezone.now() - timedelta(days=400),
        channel="phone",
        source="2A",
        referrer=contacts.Referrer("Mrs Patel", "Neighbour", "", "01632 960123"),
        children=[contacts.ChildOnContact(person=zebedee), contacts.ChildOnContact(person=amy)],
        concern="Zebedee Quarrington and Amy were left alone overnight. Zebedee said he was scared.",
    )
    # Decided long ago: the decision workflow is the contacts app's to test.
    Contact.objects.filter(pk=contact.pk).update(status=Contact.Status.CLOSED)
    referral = casework.open_referral(person=zebedee, by=social_worker, referral_date=date(2010, 5, 1), source="2A")
    Assessment.objects.create(
        referral=referral,
        kind=AssessmentKind.INITIAL,
        status=Assessment.Status.AUTHORISED,
        regime="2010",
        started_on=date(2010, 5, 2),
        due_on=date(2010, 5, 12),
        worker=social_worker,
        childs_views="Zebedee said he likes living with his nan in Quarry Lane.",
        analysis="Zebedee Quarrington is safe; his sister Amy is not yet born.",
    )
    Referral.objects.filter(pk=referral.pk).update(primary_need="N1")
    referral.refresh_from_db()
    casework.close_referral(
        referral=referral,
        by=team_manager,
        closed_on=date(2010, 6, 1),
        reason="RC8",
        expected_version=referral.version,
    )
    add_chronology_entry(
        child=zebedee,
        by=social_worker,
        occurred_on=date(2010, 5, 2),
        what_happened="Zebedee's teacher rang about his bruises.",
        source="Zebedee's teacher",
    )
    return Family(zebedee=zebedee, amy=amy, referral=referral, contact=contact)


@pytest.fixture
def due(family: Family) -> RetentionReview:
    """The review the nightly job queues for Zebedee."""
    find_records_due(today=timezone.localdate())
    return RetentionReview.objects.get(person=family.zebedee)
