"""The subject access export: the person's whole record in a zip, other people marked for redaction."""

import io
import json
import zipfile

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client

from frontdoor.accounts.models import User
from frontdoor.records.models import AccessLog, Event
from frontdoor.retention.services import export_subject_access
from tests.conftest import api_client
from tests.retention.conftest import Family


def unzip(content: bytes) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return {name: archive.read(name).decode() for name in archive.namelist()}


def test_the_zip_holds_his_records(family: Family, service_manager: User) -> None:
    files = unzip(export_subject_access(person=family.zebedee, by=service_manager))
    assert set(files) == {"record.html", "record.json", "README.txt"}
    html = files["record.html"]
    assert "Record of Zebedee Quarrington" in html
    assert "Zebedee said he likes living with his nan" in html  # the assessment
    assert "Zebedee&#x27;s teacher rang about his bruises." in html  # the chronology entry
    assert "left alone overnight" in html  # the contact
    assert "POL-ZQ-0001" in html  # the police reference
    assert "Opened a referral for Zebedee Quarrington" in html  # the event log
    data = json.loads(files["record.json"])
    assert data["person"]["first_name"] == "Zebedee"
    assert {"casework.Referral", "casework.Assessment", "contacts.Contact"} <= set(data["records"])


def test_other_people_are_marked_for_redaction_not_removed(family: Family, service_manager: User) -> None:
    html = unzip(export_subject_access(person=family.zebedee, by=service_manager))["record.html"]
    assert 'Zebedee Quarrington and <mark class="redact">Amy</mark> were left alone' in html
    assert '<mark class="redact">Mrs Patel</mark>' in html  # the referrer
    assert '<mark class="redact">01632 960123</mark>' in html
    # His own name, and the staff acting in their role, are not marked.
    assert '<mark class="redact">Zebedee' not in html
    assert f'<mark class="redact">{service_manager.display_name}' not in html


def test_the_export_is_logged_as_an_event_and_an_access(family: Family, service_manager: User) -> None:
    export_subject_access(person=family.zebedee, by=service_manager)
    event = Event.objects.get(kind="subject_access.exported")
    assert (event.child, event.actor) == (family.zebedee, service_manager)
    assert "Zebedee" not in event.summary
    assert AccessLog.objects.filter(child=family.zebedee, user=service_manager, viewed="subject access export").exists()


def test_a_social_worker_cannot_export_a_record(family: Family, social_worker: User) -> None:
    with pytest.raises(PermissionDenied):
        export_subject_access(person=family.zebedee, by=social_worker)
    assert not Event.objects.filter(kind="subject_access.exported").exists()


def test_a_qa_officer_downloads_it_from_the_person_page(
    family: Family, qa_officer: User, client_for: type[Client]
) -> None:
    client = client_for(qa_officer)  # type: ignore[call-arg]
    url = f"/retention/people/{family.zebedee.pk}/subject-access/"
    assert url.encode() in client.get(f"/people/{family.zebedee.pk}/").content
    assert b"Download the export" in client.get(url).content
    response = client.post(url)
    assert response["Content-Type"] == "application/zip"
    assert "Zebedee" in unzip(response.content)["record.html"]


def test_the_page_is_refused_to_a_social_worker_and_an_administrator(
    family: Family, social_worker: User, administrator: User, client_for: type[Client]
) -> None:
    url = f"/retention/people/{family.zebedee.pk}/subject-access/"
    for user in (social_worker, administrator):
        assert client_for(user).post(url).status_code == 403  # type: ignore[call-arg]


def test_the_api_returns_the_same_zip(family: Family, service_manager: User, partner: User) -> None:
    url = f"/api/v1/people/{family.zebedee.pk}/subject-access-export/"
    response = api_client(service_manager).post(url)
    assert response.status_code == 200
    assert "Record of Zebedee Quarrington" in unzip(response.content)["record.html"]
    assert api_client(partner).post(url).status_code == 403
