"""The workforce and audit pages not walked through elsewhere: each passes axe, and Tab reaches its main control."""

from collections.abc import Callable
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page

from frontdoor.accounts.models import LocalAuthority
from frontdoor.accounts.roles import Role
from frontdoor.quality import services as quality
from frontdoor.quality.models import Audit
from frontdoor.workforce import directions
from tests.browser.accessibility import assert_accessible
from tests.browser.keyboard import tab_to
from tests.conftest import make_user
from tests.factories import PersonFactory, TeamFactory, UserFactory
from tests.returns.records import referral

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_workforce_and_audit_pages_pass_axe_and_work_by_keyboard(sign_in: Callable[..., Page]) -> None:
    LocalAuthority.load()
    manager, officer, admin = make_user(Role.TEAM_MANAGER), make_user(Role.QA_OFFICER), make_user(Role.ADMINISTRATOR)
    worker = UserFactory(role=Role.SOCIAL_WORKER, team=manager.team, username="rhys")
    case = referral(PersonFactory(first_name="Zara"), timezone.localdate() - timedelta(days=40), worker)
    session = directions.record_supervision(
        worker=worker, by=manager, held_on=timezone.localdate(), minutes=90, kind="case", summary="Review."
    )
    south = UserFactory(role=Role.SOCIAL_WORKER, team=TeamFactory(name="Locality team South"), username="south")
    referral(PersonFactory(), timezone.localdate().replace(day=1), south)
    template = quality.create_template(
        by=officer, name="Standards", guidance="", questions=[quality.Question("Is the child seen?")]
    )
    programme = quality.draw_programme(
        by=officer, month=timezone.localdate(), theme="random", template=template, per_team=1
    )

    pages = [
        (manager, "/workforce/unallocated/", "link", "Caseloads"),
        (manager, "/workforce/oversight/", "button", "Show this team"),
        (manager, f"/workforce/workers/{worker.pk}/", "button", "Save"),
        (manager, f"/workforce/supervision/{session.pk}/", "link", "Back to supervision"),
        (manager, f"/workforce/supervision/book/{worker.pk}/", "button", "Book"),
        (manager, f"/workforce/referrals/{case.pk}/direction/", "button", "Record the direction"),
        (officer, "/quality/templates/", "button", "Save the template"),
        (officer, f"/quality/templates/{template.pk}/", "link", "Back to the templates"),
        (officer, f"/quality/programmes/{programme.pk}/", "link", "Back to case audits"),
        (admin, "/workforce/caseload-policy/", "button", "Save"),
    ]
    assert Audit.objects.exists()
    for user, path, role, name in pages:
        page = sign_in(user, path)
        assert_accessible(page)
        tab_to(page, page.get_by_role(role, name=name, exact=True).first)
        page.context.clear_cookies()
