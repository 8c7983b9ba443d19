"""Two people editing one record: the second, stale, save is refused and the first is kept.

The records several people edit carry a version (frontdoor.records.concurrency).
VERSIONED lists them with the services that save them; the checks below fail
when a new service takes a version without being listed, when a listed record
loses its version, or when a new editing service (update_, set_, save_, amend_,
edit_) is neither versioned nor explained in NOT_VERSIONED.
"""

import inspect
from datetime import date
from typing import Any

import pytest
from django.apps import apps

from frontdoor.records.concurrency import StaleRecordError
from frontdoor.records.models import Event
from frontdoor.seeding import seed_council
from tests.fault_arguments import arguments
from tests.services_walk import rolled_back, service_functions, snapshot

VERSIONED = {
    "accounts.LocalAuthority": ["accounts.services.update_local_authority"],
    "accounts.User": ["accounts.services.update_staff_member"],
    "casework.Referral": [
        "casework.services.allocate_referral",
        "casework.services.set_primary_need",
        "casework.services.close_referral",
    ],
    "casework.Assessment": [
        "casework.assessments.save_assessment",
        "casework.assessments.submit_assessment",
        "casework.assessments.amend_assessment",
    ],
    "contacts.FrontDoorPolicy": ["contacts.thresholds.update_policy"],
    "contacts.ThresholdLevel": ["contacts.thresholds.update_level"],
    "people.Person": ["people.services.update_person", "people.merging.merge_people"],
    "quality.Audit": ["quality.services.grade_audit", "quality.services.moderate_audit"],
    "retention.RetentionRule": ["retention.services.update_retention_rule"],
    "workforce.CaseloadPolicy": ["workforce.services.set_caseload_policy"],
    "workforce.WorkerProfile": ["workforce.services.set_worker_profile"],
}

# Services that change a record in place without a version, and why a stale save loses nothing.
NOT_VERSIONED = {
    "accounts.services.set_staff_account_open": "Sets one flag to the value asked for: repeating it is harmless",
    "accounts.services.reset_staff_password": "Replaces the password outright; there is nothing to merge",
    "contacts.thresholds.set_criterion_in_use": "Sets one flag to the value asked for: repeating it is harmless",
    "people.merging.set_aside_duplicate": "Refused unless the candidate is still open, checked under a row lock",
}

EDITING_VERBS = ("update_", "set_", "save_", "amend_", "edit_")


def takes_a_version(function: Any) -> bool:
    return bool({"expected_version", "expected_versions"} & set(inspect.signature(function).parameters))


def test_every_record_that_several_people_edit_carries_a_version() -> None:
    for label in VERSIONED:
        assert "version" in {field.name for field in apps.get_model(label)._meta.get_fields()}, label


def test_every_service_that_takes_a_version_is_listed_with_its_record() -> None:
    listed = {name for names in VERSIONED.values() for name in names}
    taking = {name for name, function in service_functions().items() if takes_a_version(function)}
    assert taking == listed


def test_every_editing_service_is_versioned_or_says_why_not() -> None:
    listed = {name for names in VERSIONED.values() for name in names} | set(NOT_VERSIONED)
    editing = {name for name in service_functions() if name.rsplit(".", 1)[1].startswith(EDITING_VERBS)}
    assert editing - listed == set(), "Give these a version, or say in NOT_VERSIONED why a stale save loses nothing"


def second_stale_save(name: str) -> str | None:
    """Two people open the same version; the first saves, the second must be refused and change nothing."""
    service, build = service_functions()[name], arguments()[name]
    first, second = build(), build()
    service(**first)
    kept, events = snapshot(first), Event.objects.count()
    try:
        service(**second)
    except StaleRecordError:
        pass
    except Exception as error:
        return f"refused the stale save, but not as stale: {error!r}"
    else:
        return "saved over the first person's changes"
    if snapshot(first) != kept or Event.objects.count() != events:
        return "the refused save changed something"
    return None


@pytest.mark.django_db
def test_a_second_stale_save_of_any_versioned_record_is_refused_and_nothing_is_lost() -> None:
    seed_council(size="demo", seed=1, today=date(2026, 11, 20), say=lambda _: None)
    problems = {}
    for name in sorted(name for names in VERSIONED.values() for name in names):
        if (problem := rolled_back(lambda: second_stale_save(name))) is not None:  # noqa: B023
            problems[name] = problem
    assert not problems, "\n".join(f"{name}: {problem}" for name, problem in problems.items())
