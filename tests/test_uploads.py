"""Every CSV upload is checked for its name, size and content before an import reads it."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings

from frontdoor.accounts.roles import Role
from frontdoor.contacts.models import Call
from frontdoor.partners.models import PoliceNotification
from frontdoor.uploads import max_upload_bytes
from tests.conftest import api_client, make_user

# Each import page: its address, the form field, who may use it, and what it would otherwise make.
IMPORTS = {
    "police notifications": ("/partners/police/import/", "file", Role.CONTACT_OFFICER, PoliceNotification),
    "call log": ("/contacts/calls/import/", "log", Role.PERFORMANCE_ANALYST, Call),
}
XLSX = b"PK\x03\x04\x14\x00\x06\x00" + b"\x00" * 64


def post(kind: str, file: SimpleUploadedFile) -> str:
    address, field, role, _ = IMPORTS[kind]
    client = Client()
    client.force_login(make_user(role))
    response = client.post(address, {field: file})
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("kind", IMPORTS)
def test_a_file_not_named_csv_is_refused(kind: str, db: None) -> None:
    page = post(kind, SimpleUploadedFile("list.txt", b"a,b\n1,2\n"))
    assert "The selected file must be a CSV (its name ending .csv)" in page
    assert "govuk-error-summary" in page
    assert not IMPORTS[kind][3].objects.exists()


@pytest.mark.parametrize("kind", IMPORTS)
@override_settings(UPLOAD_MAX_MEGABYTES=1)
def test_a_file_over_the_size_limit_is_refused(kind: str, db: None) -> None:
    page = post(kind, SimpleUploadedFile("big.csv", b"a,b\n" + b"1,2\n" * 300_000))
    assert "The selected file must be smaller than 1 MB" in page
    assert not IMPORTS[kind][3].objects.exists()


@pytest.mark.parametrize("kind", IMPORTS)
def test_a_spreadsheet_renamed_to_csv_is_refused(kind: str, db: None) -> None:
    page = post(kind, SimpleUploadedFile("notifications.csv", XLSX))
    assert "The selected file is a zipped file, such as an Excel workbook, not a CSV" in page
    assert not IMPORTS[kind][3].objects.exists()


@pytest.mark.parametrize("kind", IMPORTS)
def test_binary_content_is_refused(kind: str, db: None) -> None:
    page = post(kind, SimpleUploadedFile("data.csv", b"call_id,started\x00\x01\x02\xff\n"))
    assert "The selected file is not text: save it as CSV (UTF-8) and try again" in page


@pytest.mark.parametrize("kind", IMPORTS)
def test_text_that_is_not_utf8_is_refused(kind: str, db: None) -> None:
    page = post(kind, SimpleUploadedFile("data.csv", "name\nZoë Brontë\n".encode("cp1252")))
    assert "The selected file must be saved as UTF-8 text (in Excel: CSV UTF-8)" in page


@pytest.mark.parametrize("kind", IMPORTS)
def test_a_utf8_file_with_a_byte_order_mark_passes_the_checks(kind: str, db: None) -> None:
    page = post(kind, SimpleUploadedFile("data.csv", "\ufeffname\nZoë\n".encode()))
    assert "The selected file" not in page


@override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=1024)
def test_an_api_body_over_the_limit_is_a_400_problem(db: None) -> None:
    client = api_client(make_user(Role.PERFORMANCE_ANALYST))
    response = client.post("/api/v1/calls/events", "x" * 5000, content_type="application/json")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["status"] == 400


def test_the_upload_limit_defaults_to_25_megabytes() -> None:
    assert max_upload_bytes() == 25 * 1024 * 1024
