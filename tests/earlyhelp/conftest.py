from datetime import date, timedelta

import pytest
from django.utils import timezone

from frontdoor.accounts.models import LocalAuthority, User
from frontdoor.accounts.roles import Role
from frontdoor.earlyhelp import services
from frontdoor.earlyhelp.models import EarlyHelpEpisode
from frontdoor.people.models import Person
from tests.conftest import make_user
from tests.factories import PersonFactory


def days_ago(n: int) -> date:
    return timezone.localdate() - timedelta(days=n)


@pytest.fixture
def practitioner(db: None) -> User:
    return make_user(Role.EARLY_HELP_PRACTITIONER)


@pytest.fixture
def child(db: None) -> Person:
    return PersonFactory(first_name="Ruby", last_name="Hart")


@pytest.fixture
def waiting(council: LocalAuthority, practitioner: User, child: Person) -> EarlyHelpEpisode:
    """An accepted request: the episode waits for the family's consent."""
    request = services.request_early_help(person=child, by=practitioner, requested_on=days_ago(60))
    return services.accept_request(request=request, by=practitioner)


@pytest.fixture
def episode(waiting: EarlyHelpEpisode, practitioner: User) -> EarlyHelpEpisode:
    """Under way since 50 days ago, with the mother's consent."""
    return services.start_episode(
        episode=waiting,
        by=practitioner,
        started_on=days_ago(50),
        consent_given_by="Mother",
        consent_given_on=days_ago(50),
    )
