"""Statutory returns built from the record: each build, its file, and what its validation found."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone


class ReturnKind(models.TextChoices):
    CIN_CENSUS = "cin_census", "Children in need census"
    ANNEX_A = "annex_a", "Ofsted Annex A"


class ReturnBuild(models.Model):
    """One build of a return, run by the task worker; the file stays on the server until it is downloaded."""

    class Status(models.TextChoices):
        QUEUED = "queued", "Waiting to start"
        RUNNING = "running", "Building"
        DONE = "done", "Ready"
        FAILED = "failed", "Failed"

    kind = models.CharField(max_length=12, choices=ReturnKind.choices)
    year = models.PositiveSmallIntegerField(null=True, blank=True, help_text="The census year's end, e.g. 2026.")
    inspection_date = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.QUEUED)
    progress = models.PositiveSmallIntegerField(default=0, help_text="Per cent done.")
    stage = models.CharField(max_length=120, blank=True)
    file_name = models.CharField(max_length=200, blank=True)
    size = models.PositiveBigIntegerField(null=True, blank=True)
    children = models.PositiveIntegerField(null=True, blank=True)
    errors = models.PositiveIntegerField(null=True, blank=True)
    queries = models.PositiveIntegerField(null=True, blank=True)
    failure = models.TextField(blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    requested_at = models.DateTimeField(default=timezone.now)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-requested_at", "-id"]
        indexes = [models.Index(fields=["kind", "-requested_at"], name="return_build_latest")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.period_label} ({self.get_status_display().lower()})"

    def get_absolute_url(self) -> str:
        return reverse("returns:build", args=[self.pk])

    @property
    def period_label(self) -> str:
        if self.kind == ReturnKind.CIN_CENSUS and self.year:
            return f"{self.year - 1}-{self.year % 100:02d}"
        return f"inspection {self.inspection_date:%d/%m/%Y}" if self.inspection_date else ""

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)


class Finding(models.Model):
    """One rule broken by one child's record in a build: the report a performance analyst works through."""

    class Severity(models.TextChoices):
        ERROR = "error", "Error"
        QUERY = "query", "Query"

    build = models.ForeignKey(ReturnBuild, on_delete=models.CASCADE, related_name="findings")
    rule = models.CharField(max_length=8)
    severity = models.CharField(max_length=5, choices=Severity.choices)
    person = models.ForeignKey("people.Person", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    referral = models.ForeignKey(
        "casework.Referral", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    la_child_id = models.CharField(max_length=40, blank=True)
    detail = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["rule", "la_child_id", "id"]
        indexes = [models.Index(fields=["build", "rule"], name="finding_build_rule")]

    def __str__(self) -> str:
        return f"{self.rule} {self.la_child_id}: {self.detail}"
