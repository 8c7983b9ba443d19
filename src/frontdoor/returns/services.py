"""Asking for a return and building it: the request is one action; the build runs on the task worker."""

import logging
from datetime import date
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from frontdoor.accounts.models import User
from frontdoor.records.services import record_event
from frontdoor.returns.census.export import Progress, export_census
from frontdoor.returns.census.periods import CensusYear, UnknownCensusYear
from frontdoor.returns.models import Finding, ReturnBuild, ReturnKind

logger = logging.getLogger(__name__)


def request_census(*, year: int, by: User) -> ReturnBuild:
    try:
        census = CensusYear.of(year, today=timezone.localdate())
    except UnknownCensusYear as error:
        raise ValidationError({"year": str(error)}) from error
    return _request(kind=ReturnKind.CIN_CENSUS, by=by, year=census.year, summary=f"the {census.label} CIN census")


def request_annex_a(*, inspection_date: date, by: User) -> ReturnBuild:
    if inspection_date > timezone.localdate():
        raise ValidationError({"inspection_date": "The inspection date must be today or in the past"})
    summary = f"Annex A for an inspection on {inspection_date:%d/%m/%Y}"
    return _request(kind=ReturnKind.ANNEX_A, by=by, inspection_date=inspection_date, summary=summary)


def _request(*, kind: str, by: User, summary: str, **period: object) -> ReturnBuild:
    from frontdoor.returns.tasks import build_return  # the task module imports this one

    with transaction.atomic():
        build = ReturnBuild.objects.create(kind=kind, requested_by=by, **period)
        record_event(kind="returns.requested", by=by, summary=f"Asked for {summary}", record=build)
        transaction.on_commit(lambda: build_return.enqueue(build_id=build.pk))
    return build


def file_path(build: ReturnBuild) -> Path:
    return Path(settings.RETURNS_DIR) / build.file_name


def run_build(*, build_id: int) -> ReturnBuild:
    """Build the file and record what its checks found; a failure is recorded on the build, not lost."""
    build = ReturnBuild.objects.get(pk=build_id)
    if build.status != ReturnBuild.Status.QUEUED:
        return build  # already run: the worker may deliver a task twice
    ReturnBuild.objects.filter(pk=build.pk).update(status=ReturnBuild.Status.RUNNING, started_at=timezone.now())

    def progress(percent: int, stage: str) -> None:
        ReturnBuild.objects.filter(pk=build.pk).update(progress=min(percent, 100), stage=stage[:120])

    try:
        Path(settings.RETURNS_DIR).mkdir(parents=True, exist_ok=True)
        if build.kind == ReturnKind.CIN_CENSUS:
            _build_census(build, progress)
        else:
            _build_annex_a(build, progress)
    except Exception as error:
        logger.exception("Building return %s failed", build.pk)
        with transaction.atomic():
            ReturnBuild.objects.filter(pk=build.pk).update(
                status=ReturnBuild.Status.FAILED,
                failure=f"{type(error).__name__}: {error}"[:2000],
                finished_at=timezone.now(),
            )
            record_event(kind="returns.failed", by=None, summary=f"Building {build} failed", record=build)
    build.refresh_from_db()
    return build


def _build_census(build: ReturnBuild, progress: Progress) -> None:
    assert build.year is not None
    census = CensusYear.of(build.year, today=timezone.localdate())
    serial = ReturnBuild.objects.filter(kind=ReturnKind.CIN_CENSUS, year=build.year, pk__lte=build.pk).count()
    build.file_name = f"cin-census-{census.year}-{build.pk}.xml"
    result = export_census(census=census, out=file_path(build), serial=serial, progress=progress)
    findings = [
        Finding(
            build=build,
            rule=issue.rule,
            severity=issue.severity,
            person_id=issue.person_id,
            referral_id=issue.referral_id,
            la_child_id=issue.la_child_id,
            detail=issue.detail[:300],
        )
        for issue in result.issues
    ]
    with transaction.atomic():
        Finding.objects.bulk_create(findings, batch_size=1_000)
        _finish(build, children=result.children, errors=result.errors, queries=result.queries)
        summary = f"Built the {census.label} CIN census: {result.children:,} children, {result.errors:,} errors"
        record_event(kind="returns.built", by=None, summary=summary, record=build)


def _build_annex_a(build: ReturnBuild, progress: Progress) -> None:
    from frontdoor.returns.annexa import write_annex_a

    assert build.inspection_date is not None
    build.file_name = f"annex-a-{build.inspection_date:%Y-%m-%d}-{build.pk}.xlsx"
    summary = write_annex_a(inspection_date=build.inspection_date, out=file_path(build), progress=progress)
    with transaction.atomic():
        _finish(build, children=summary.total, errors=0, queries=0)
        record_event(kind="returns.built", by=None, summary=f"Built {build.get_kind_display()}", record=build)


def _finish(build: ReturnBuild, *, children: int, errors: int, queries: int) -> None:
    build.status, build.progress, build.stage = ReturnBuild.Status.DONE, 100, ""
    build.children, build.errors, build.queries = children, errors, queries
    build.size = file_path(build).stat().st_size
    build.finished_at = timezone.now()
    build.save(
        update_fields=[
            "status",
            "progress",
            "stage",
            "file_name",
            "size",
            "children",
            "errors",
            "queries",
            "finished_at",
        ]
    )


def record_download(*, build: ReturnBuild, by: User) -> None:
    with transaction.atomic():
        record_event(kind="returns.downloaded", by=by, summary=f"Downloaded {build}", record=build)
