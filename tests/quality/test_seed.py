"""The synthetic council's audits: a programme each month, graded with every required answer, moderated by others."""

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from django.core.management import call_command
from pytest_django import DjangoDbBlocker

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


def test_each_month_has_a_programme_and_only_this_months_audits_are_still_open(audits: Any) -> None:
    months = list(AuditProgramme.objects.order_by("month").values_list("month", flat=True))
    assert months and months[-1] == TODAY.replace(day=1) and len(set(months)) == len(months)
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
