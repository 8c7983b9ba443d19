"""The synthetic council's audits: a programme each month, graded with every required answer, moderated by others."""

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from django.core.management import call_command
from pytest_django import DjangoDbBlocker

from frontdoor.contacts.models import CLOSING_OUTCOMES, ThresholdDecision
from frontdoor.quality.models import Audit, AuditProgramme
from frontdoor.seeding import seed_council

TODAY = date(2026, 11, 26)


@pytest.fixture(scope="module")
def seeded(django_db_setup: None, django_db_blocker: DjangoDbBlocker) -> Iterator[None]:
    with django_db_blocker.unblock():
        call_command("flush", interactive=False, verbosity=0)
        seed_council(size="demo", seed=20261126, today=TODAY, say=lambda line: None)
        yield
        call_command("flush", interactive=False, verbosity=0)


@pytest.fixture
def audits(seeded: None, db: None) -> None:
    return None


def test_each_month_has_a_programme_per_theme_and_only_this_months_audits_are_still_open(audits: Any) -> None:
    drawn = list(AuditProgramme.objects.order_by("month", "theme").values_list("month", "theme"))
    assert drawn and drawn[-1][0] == TODAY.replace(day=1) and len(set(drawn)) == len(drawn)
    assert {theme for _, theme in drawn} == {"random", "closed_nfa"}
    for audit in Audit.objects.select_related("programme"):
        assert (audit.status == Audit.Status.ASSIGNED) == (audit.programme.month == TODAY.replace(day=1))


def test_graded_audits_answer_every_required_question_and_are_moderated_by_someone_else(audits: Any) -> None:
    graded = Audit.objects.exclude(status=Audit.Status.ASSIGNED).prefetch_related(
        "answers", "programme__template__questions"
    )
    assert graded.exists()
    for audit in graded:
        required = {q.pk for q in audit.programme.template.questions.all() if q.is_required}
        assert required <= {a.question_id for a in audit.answers.all() if a.grade}
        assert audit.grade and audit.findings
        if audit.status == Audit.Status.MODERATED:
            assert audit.moderator_id not in (None, audit.auditor_id)


def test_closed_contact_audits_come_from_the_weekly_sample_and_closed_without_a_service(audits: Any) -> None:
    of_contacts = Audit.objects.filter(programme__theme="closed_nfa")
    assert of_contacts.exists() and not of_contacts.filter(contact=None).exists()
    assert not of_contacts.exclude(contact__quality_sample__isnull=False).exists()
    serviced = ThresholdDecision.objects.exclude(status="returned").exclude(outcome__in=CLOSING_OUTCOMES)
    assert not of_contacts.filter(contact__children__decisions__in=serviced).exists()
