from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from frontdoor.accounts.models import LocalAuthority, User
from frontdoor.accounts.roles import Role
from frontdoor.casework import services
from frontdoor.casework.models import Referral
from frontdoor.people.models import Person
from tests.conftest import make_user
from tests.factories import PersonFactory


@pytest.fixture
def senior_practitioner(db: None) -> User:
    return make_user(Role.SENIOR_PRACTITIONER)


@pytest.fixture
def service_manager(db: None) -> User:
    return make_user(Role.SERVICE_MANAGER)


@pytest.fixture
def leo(db: None) -> Person:
    return PersonFactory(first_name="Leo", last_name="Marsh", date_of_birth=date(2016, 5, 3), sex="M")


@pytest.fixture
def refer(social_worker: User) -> Callable[..., Referral]:
    def make(person: Person, referral_date: date, **overrides: Any) -> Referral:
        return services.open_referral(
            person=person, by=overrides.pop("by", social_worker), referral_date=referral_date, source="2A", **overrides
        )

    return make


@pytest.fixture
def regime_2010(db: None) -> LocalAuthority:
    """A council that moved to the current rules on 1 April 2026: work started before keeps the 2010 rules."""
    council = LocalAuthority.load()
    council.regime, council.regime_changed_on = "current", date(2026, 4, 1)
    council.save()
    return council
