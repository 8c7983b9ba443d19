from frontdoor.accounts.models import User
from frontdoor.accounts.roles import ROLE_CAPABILITIES, Capability, Role


def test_every_role_has_an_entry_in_the_matrix() -> None:
    assert set(ROLE_CAPABILITIES) == set(Role)


def test_administrators_run_the_system_but_do_not_read_childrens_records() -> None:
    admin = User(role=Role.ADMINISTRATOR)
    assert admin.can(Capability.MANAGE_COUNCIL)
    assert not admin.can(Capability.VIEW_CHILDREN)


def test_partners_only_submit_referrals_through_the_portal() -> None:
    assert User(role=Role.PARTNER).capabilities == frozenset({Capability.SUBMIT_REFERRALS})


def test_a_closed_account_can_do_nothing() -> None:
    assert User(role=Role.TEAM_MANAGER, is_active=False).capabilities == frozenset()


def test_practitioners_read_childrens_records() -> None:
    for role in (Role.CONTACT_OFFICER, Role.SOCIAL_WORKER, Role.EDT_WORKER, Role.EARLY_HELP_PRACTITIONER):
        assert User(role=role).can(Capability.VIEW_CHILDREN), role
