"""An analyst builds the census by keyboard, follows it to the data quality report, and finds the record to fix."""

import re
from collections.abc import Callable
from datetime import date

import pytest
from playwright.sync_api import Page, expect

from frontdoor.accounts.models import LocalAuthority
from frontdoor.accounts.roles import Role
from tests.browser.accessibility import assert_accessible
from tests.browser.keyboard import tab_to
from tests.conftest import make_user
from tests.returns.records import a_child, assessment, referral

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_analyst_builds_the_census_and_follows_a_broken_record_to_its_referral(
    sign_in: Callable[..., Page], settings, tmp_path
) -> None:
    settings.RETURNS_DIR = tmp_path
    council = LocalAuthority.load()
    council.la_code = "931"
    council.save()
    analyst, worker = make_user(Role.PERFORMANCE_ANALYST), make_user(Role.SOCIAL_WORKER)
    child = a_child(first_name="Ava", last_name="Stone")
    episode = referral(child, date(2025, 9, 1), worker)
    assessment(episode, date(2025, 8, 28), worker)

    page = sign_in(analyst, "/returns/")
    assert_accessible(page)
    page.get_by_label("Census year").select_option("2026")
    build = page.get_by_role("button", name="Build the census")
    tab_to(page, build)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="2025-26")).to_be_visible()
    expect(page.get_by_text("1 error and 3 queries")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="see what to fix").click()
    assert_accessible(page)
    rule = page.get_by_role("link", name="1103", exact=True)
    tab_to(page, rule)
    page.keyboard.press("Enter")
    expect(page.get_by_text("The assessment start date cannot be before the referral date")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Referral of 1 Sep 2025").click()
    expect(page).to_have_url(re.compile(f"/casework/referrals/{episode.pk}/$"))
