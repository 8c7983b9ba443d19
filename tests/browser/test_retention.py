"""A service manager reviews a record past its retention date and anonymises it by keyboard; a QA officer
downloads a subject access export; an administrator changes a retention period. Every page passes axe."""

from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from frontdoor.accounts.models import LocalAuthority, User
from frontdoor.accounts.roles import Role
from frontdoor.people.models import Person
from frontdoor.retention.models import RetentionReview
from frontdoor.retention.services import find_records_due
from tests.browser.accessibility import assert_accessible
from tests.browser.keyboard import tab_to
from tests.conftest import make_user
from tests.retention.conftest import Family, family  # noqa: F401  (the fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path("/tmp/retention-shots")


def press(page: Page, name: str, role: str = "link") -> None:
    target = page.get_by_role(role, name=name, exact=True)  # type: ignore[arg-type]
    tab_to(page, target)
    page.keyboard.press("Enter")


def test_a_service_manager_reviews_and_anonymises_a_record_by_keyboard(
    sign_in: Callable[..., Page],
    family: Family,  # noqa: F811
) -> None:
    LocalAuthority.load()
    SHOTS.mkdir(exist_ok=True)
    manager = make_user(Role.SERVICE_MANAGER)
    from django.utils import timezone

    find_records_due(today=timezone.localdate())

    page = sign_in(manager, "/")
    press(page, "Retention")
    expect(page.get_by_role("heading", level=1, name="Records due for retention review")).to_be_visible()
    assert_accessible(page)
    page.screenshot(path=SHOTS / "queue.png", full_page=True)

    press(page, f"Zebedee Quarrington ({family.zebedee.la_child_id})")
    expect(page.get_by_role("heading", level=1, name="Zebedee Quarrington")).to_be_visible()
    assert_accessible(page)

    # Keeping it without a reason is refused with the error summary, which also passes axe.
    press(page, "Keep the record", role="button")
    expect(page.get_by_text("Enter why the record is kept").first).to_be_visible()
    assert_accessible(page)
    page.screenshot(path=SHOTS / "review-errors.png", full_page=True)

    press(page, "Anonymise this record")
    expect(page.get_by_role("heading", level=1, name="Anonymise the record of Zebedee Quarrington")).to_be_visible()
    assert_accessible(page)
    box = page.get_by_label("I have checked this record and confirm it is to be anonymised. This cannot be undone.")
    tab_to(page, box)
    page.keyboard.press("Space")
    press(page, "Anonymise the record", role="button")
    expect(page.get_by_text(f"Record {family.zebedee.pk} is anonymised")).to_be_visible()
    assert_accessible(page)
    page.screenshot(path=SHOTS / "done.png", full_page=True)
    assert Person.objects.get(pk=family.zebedee.pk).first_name == "Anonymised"
    assert RetentionReview.objects.get(person=family.zebedee).status == RetentionReview.Status.ANONYMISED


def test_a_qa_officer_downloads_a_subject_access_export_by_keyboard(
    sign_in: Callable[..., Page],
    family: Family,  # noqa: F811
) -> None:
    LocalAuthority.load()
    officer = make_user(Role.QA_OFFICER)
    page = sign_in(officer, f"/people/{family.amy.pk}/")
    press(page, "Subject access export")
    expect(page.get_by_role("heading", level=2, name="Subject access export")).to_be_visible()
    assert_accessible(page)
    with page.expect_download() as download:
        press(page, "Download the export", role="button")
    assert download.value.suggested_filename == f"subject-access-{family.amy.la_child_id}.zip"


def test_an_administrator_changes_a_retention_period_by_keyboard(sign_in: Callable[..., Page], db: None) -> None:
    LocalAuthority.load()
    admin: User = make_user(Role.ADMINISTRATOR)
    page = sign_in(admin, "/council/")
    assert_accessible(page)
    press(page, "Change retention of children's social care record")
    expect(page.get_by_role("heading", level=1, name="Children's social care record")).to_be_visible()
    assert_accessible(page)
    years = page.get_by_label("Years kept")
    tab_to(page, years)
    page.keyboard.press("Control+A")
    page.keyboard.type("30")
    press(page, "Save retention", role="button")
    expect(page.get_by_text("30 years from the date of birth")).to_be_visible()
    assert_accessible(page)
