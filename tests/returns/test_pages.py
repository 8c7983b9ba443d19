"""The returns pages: an analyst builds a return, follows it, downloads it and works through what to fix."""

import io
from collections.abc import Callable
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from django.test import Client

from frontdoor.accounts.models import LocalAuthority, User
from frontdoor.records.models import Event
from frontdoor.returns.models import ReturnBuild
from tests.returns.records import a_child, assessment, referral


def build_census(client: Client, capture: Callable, year: int = 2026) -> ReturnBuild:
    with capture(execute=True):
        response = client.post("/returns/census/", {"year": str(year)})
    build = ReturnBuild.objects.get()
    assert response.status_code == 302 and response.url == f"/returns/builds/{build.pk}/"
    return build


def test_an_analyst_builds_the_census_from_the_page_and_downloads_it(
    client_for,
    performance_analyst: User,
    social_worker: User,
    council: LocalAuthority,
    django_capture_on_commit_callbacks,
) -> None:
    referral(a_child(), date(2025, 9, 1), social_worker)
    client = client_for(performance_analyst)
    assert "Children in need census" in client.get("/returns/").content.decode()

    build = build_census(client, django_capture_on_commit_callbacks)

    build.refresh_from_db()
    assert (build.status, build.children, build.errors, build.progress) == ("done", 1, 0, 100), list(
        build.findings.values_list("rule", "detail")
    )
    page = client.get(f"/returns/builds/{build.pk}/").content.decode()
    assert "Ready" in page and f"cin-census-2026-{build.pk}.xml" in page
    download = client.get(f"/returns/builds/{build.pk}/download/")
    assert download["Content-Disposition"] == f'attachment; filename="cin-census-2026-{build.pk}.xml"'
    assert b"<ReferenceDate>2026-03-31</ReferenceDate>" in b"".join(download.streaming_content)
    assert Event.objects.filter(kind="returns.downloaded", actor=performance_analyst).exists()
    assert client.get(f"/returns/builds/{build.pk}/progress/").json()["finished"] is True


def test_a_broken_record_shows_on_the_data_quality_page_with_a_link_to_the_referral(
    client_for,
    performance_analyst: User,
    social_worker: User,
    council: LocalAuthority,
    django_capture_on_commit_callbacks,
) -> None:
    child = a_child(first_name="Ava", last_name="Stone")
    episode = referral(child, date(2025, 9, 1), social_worker)
    assessment(episode, date(2025, 8, 28), social_worker)
    client = client_for(performance_analyst)
    build_census(client, django_capture_on_commit_callbacks)

    overview = client.get("/returns/quality/?year=2026").content.decode()
    assert 'href="?year=2026&amp;rule=1103"' in overview
    assert "The assessment start date cannot be before the referral date" in overview
    listing = client.get("/returns/quality/?year=2026&rule=1103").content.decode()
    assert "Ava Stone" in listing and child.la_child_id in listing
    assert f'href="/casework/referrals/{episode.pk}/"' in listing


def test_the_quality_page_counts_each_rule_over_the_last_builds(
    client_for,
    performance_analyst: User,
    social_worker: User,
    council: LocalAuthority,
    django_capture_on_commit_callbacks,
) -> None:
    episode = referral(a_child(), date(2025, 9, 1), social_worker)
    late = assessment(episode, date(2025, 8, 28), social_worker)
    client = client_for(performance_analyst)
    build_census(client, django_capture_on_commit_callbacks)
    late.started_on = date(2025, 9, 2)
    late.save()
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/returns/census/", {"year": "2026"})

    page = client.get("/returns/quality/?year=2026").content.decode()
    row = page[page.index(">1103</th>") :].split("</tr>")[0]
    # Fixed in the second build: no longer a link, and its count falls from 1 to 0.
    assert [cell.split(">")[-1] for cell in row.split("</td>")[2:4]] == ["1", "0"]


def test_a_build_that_fails_says_why_and_offers_no_download(
    client_for,
    performance_analyst: User,
    council: LocalAuthority,
    returns_dir: Path,
    django_capture_on_commit_callbacks,
) -> None:
    returns_dir.parent.mkdir(parents=True, exist_ok=True)
    returns_dir.write_text("a file where the folder should be")
    client = client_for(performance_analyst)

    build = build_census(client, django_capture_on_commit_callbacks)

    build.refresh_from_db()
    assert build.status == "failed" and "FileExistsError" in build.failure
    assert client.get(f"/returns/builds/{build.pk}/download/").status_code == 404
    assert Event.objects.filter(kind="returns.failed").exists()


def test_a_year_the_census_does_not_have_is_refused_on_the_page(
    client_for, performance_analyst: User, council: LocalAuthority
) -> None:
    response = client_for(performance_analyst).post("/returns/census/", {"year": "2019"})
    assert response.status_code == 400
    assert not ReturnBuild.objects.exists()


@pytest.mark.parametrize("path", ["/returns/", "/returns/quality/"])
def test_only_those_who_prepare_returns_reach_them(client_for, social_worker: User, path: str) -> None:
    assert client_for(social_worker).get(path).status_code == 403


def test_an_analyst_builds_annex_a_for_an_inspection_and_downloads_the_workbook(
    client_for,
    performance_analyst: User,
    social_worker: User,
    council: LocalAuthority,
    django_capture_on_commit_callbacks,
) -> None:
    referral(a_child(), date(2026, 9, 1), social_worker)
    client = client_for(performance_analyst)
    form = {"inspection_date_day": "26", "inspection_date_month": "11", "inspection_date_year": "2026"}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/returns/annex-a/", form)
    build = ReturnBuild.objects.get()
    assert response.url == f"/returns/builds/{build.pk}/"
    build.refresh_from_db()
    assert (build.status, build.kind, build.inspection_date) == ("done", "annex_a", date(2026, 11, 26))
    download = client.get(f"/returns/builds/{build.pk}/download/")
    assert download["Content-Disposition"] == f'attachment; filename="annex-a-2026-11-26-{build.pk}.xlsx"'
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(download.streaming_content)), read_only=True)
    assert workbook.sheetnames == [f"List {n}" for n in range(1, 12)]
    assert workbook["List 3"].max_row == 2  # the header and the one referral


def test_an_inspection_date_in_the_future_is_refused(client_for, performance_analyst: User) -> None:
    form = {"inspection_date_day": "1", "inspection_date_month": "1", "inspection_date_year": "2099"}
    response = client_for(performance_analyst).post("/returns/annex-a/", form)
    assert response.status_code == 400 and "must be today or in the past" in response.content.decode()
    assert not ReturnBuild.objects.exists()
