"""One named user per role, and helpers every test module shares."""

from collections.abc import Callable

import pytest
from django.test import Client

from frontdoor.accounts.models import LocalAuthority, Team, User
from frontdoor.accounts.roles import Role
from tests.factories import TeamFactory, UserFactory

# The cast: a username for every role, used by the fixtures below and the browser tests.
CAST = {
    Role.CONTACT_OFFICER: ("amira", "access"),
    Role.SOCIAL_WORKER: ("ben", "north"),
    Role.SENIOR_PRACTITIONER: ("chloe", "north"),
    Role.TEAM_MANAGER: ("daniel", "north"),
    Role.SERVICE_MANAGER: ("eleanor", None),
    Role.EDT_WORKER: ("femi", "edt"),
    Role.EARLY_HELP_PRACTITIONER: ("grace", "early_help"),
    Role.PARTNER: ("harriet", None),
    Role.QA_OFFICER: ("imran", "quality"),
    Role.PERFORMANCE_ANALYST: ("jess", "quality"),
    Role.ADMINISTRATOR: ("kit", None),
}

TEAMS = {
    "access": ("Access team", Team.Kind.ACCESS),
    "north": ("Locality team North", Team.Kind.LOCALITY),
    "edt": ("Emergency duty team", Team.Kind.EMERGENCY_DUTY),
    "early_help": ("Early help team", Team.Kind.EARLY_HELP),
    "quality": ("Quality and performance team", Team.Kind.QUALITY),
}


def make_user(role: Role) -> User:
    username, team_key = CAST[role]
    team = None
    if team_key:
        name, kind = TEAMS[team_key]
        team = TeamFactory(name=name, kind=kind)
    return UserFactory(username=username, role=role, team=team)


@pytest.fixture
def council(db: None) -> LocalAuthority:
    council = LocalAuthority.load()
    council.name = "Testshire County Council"
    council.la_code = "931"
    council.save()
    return council


@pytest.fixture
def contact_officer(db: None) -> User:
    return make_user(Role.CONTACT_OFFICER)


@pytest.fixture
def social_worker(db: None) -> User:
    return make_user(Role.SOCIAL_WORKER)


@pytest.fixture
def team_manager(db: None) -> User:
    return make_user(Role.TEAM_MANAGER)


@pytest.fixture
def partner(db: None) -> User:
    return make_user(Role.PARTNER)


@pytest.fixture
def qa_officer(db: None) -> User:
    return make_user(Role.QA_OFFICER)


@pytest.fixture
def performance_analyst(db: None) -> User:
    return make_user(Role.PERFORMANCE_ANALYST)


@pytest.fixture
def administrator(db: None) -> User:
    return make_user(Role.ADMINISTRATOR)


@pytest.fixture
def client_for(db: None) -> Callable[[User], Client]:
    """A test client signed in as the given user."""

    def make(user: User) -> Client:
        client = Client()
        client.force_login(user)
        return client

    return make


def api_client(user: User) -> Client:
    """A client that calls the API with a bearer token of the user's, as an integration would."""
    from frontdoor.accounts.services import create_api_token

    _, key = create_api_token(user=user, name="integration", by=None)
    return Client(headers={"authorization": f"Bearer {key}"})
