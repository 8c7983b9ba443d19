"""Who holds which work: the history of every allocation, each worker's caseload limits, and how work is weighed."""

from datetime import date
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

from frontdoor.timescales.clocks import add_months


class CaseloadPolicy(models.Model):
    """How much each kind of open case weighs, and how much a worker may hold: one row, set by administrators.

    There is no national cap (../shared/reference/domain.md section 12); councils set their own, with a
    lower, protected caseload for newly qualified social workers in their first year (the ASYE).
    """

    SINGLETON_ID = 1

    assessment_weight = models.DecimalField(
        "an open referral being assessed", max_digits=4, decimal_places=1, default=Decimal("1.0")
    )
    cin_plan_weight = models.DecimalField(
        "a child in need plan", max_digits=4, decimal_places=1, default=Decimal("1.0")
    )
    cp_plan_weight = models.DecimalField(
        "a child protection plan", max_digits=4, decimal_places=1, default=Decimal("1.5")
    )
    worker_limit = models.DecimalField(
        "a social worker's limit", max_digits=4, decimal_places=1, default=Decimal("18.0")
    )
    newly_qualified_limit = models.DecimalField(
        "a newly qualified social worker's limit", max_digits=4, decimal_places=1, default=Decimal("12.0")
    )
    newly_qualified_months = models.PositiveSmallIntegerField(
        "months a newly qualified worker's limit lasts", default=12
    )
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name_plural = "caseload policies"

    def __str__(self) -> str:
        return "Caseload weights and limits"

    @classmethod
    def load(cls) -> "CaseloadPolicy":
        policy, _ = cls.objects.get_or_create(pk=cls.SINGLETON_ID)
        return policy


class WorkerProfile(models.Model):
    """What the caseload limit needs to know about a worker: when they qualified, and any limit of their own."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="workforce_profile")
    qualified_on = models.DateField("date qualified as a social worker", null=True, blank=True)
    caseload_limit = models.DecimalField(
        "a limit of their own",
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        help_text="Leave blank for the council's limit.",
    )
    version = models.PositiveIntegerField(default=1)

    def __str__(self) -> str:
        return f"Workforce details of {self.user}"

    def is_newly_qualified_on(self, day: date, policy: CaseloadPolicy) -> bool:
        if self.qualified_on is None:
            return False
        return self.qualified_on <= day < add_months(self.qualified_on, policy.newly_qualified_months)


class Allocation(models.Model):
    """One spell of a referral with a team and (perhaps) a worker; the open spell is the current allocation."""

    referral = models.ForeignKey("casework.Referral", on_delete=models.PROTECT, related_name="allocations")
    team = models.ForeignKey("accounts.Team", on_delete=models.PROTECT, related_name="+")
    worker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="allocations"
    )
    started_at = models.DateTimeField(default=timezone.now)
    ended_at = models.DateTimeField(null=True, blank=True)
    allocated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    reason = models.TextField(blank=True, help_text="Why the work moved, for a reallocation.")
    over_limit = models.BooleanField(default=False, help_text="Allocated knowing it took the worker over their limit.")

    class Meta:
        ordering = ["referral", "started_at", "id"]
        indexes = [models.Index(fields=["referral", "-started_at"], name="allocation_latest")]
        constraints = [
            models.UniqueConstraint(
                fields=["referral"], condition=models.Q(ended_at__isnull=True), name="one_open_allocation_per_referral"
            )
        ]

    def __str__(self) -> str:
        holder = f"{self.worker} in {self.team}" if self.worker_id else str(self.team)
        return f"{holder} from {timezone.localtime(self.started_at):%d %b %Y}"


class SupervisionPolicy(models.Model):
    """How often each worker is supervised: the LGA employer standards by default, a council setting.

    Newly qualified: at least weekly for the first 6 weeks, fortnightly to 6 months, then monthly;
    everyone else at least monthly; sessions of at least 90 minutes (domain.md section 12).
    """

    SINGLETON_ID = 1

    newly_qualified_weekly_weeks = models.PositiveSmallIntegerField(
        "weeks of weekly supervision after qualifying", default=6
    )
    newly_qualified_fortnightly_months = models.PositiveSmallIntegerField(
        "months after qualifying with fortnightly supervision", default=6
    )
    interval_months = models.PositiveSmallIntegerField("months between sessions after that", default=1)
    minimum_minutes = models.PositiveSmallIntegerField("shortest session that counts, in minutes", default=90)
    oversight_days = models.PositiveSmallIntegerField(
        "days an open case may go without a manager's direction", default=30
    )
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name_plural = "supervision policies"

    def __str__(self) -> str:
        return "Supervision standards"

    @classmethod
    def load(cls) -> "SupervisionPolicy":
        policy, _ = cls.objects.get_or_create(pk=cls.SINGLETON_ID)
        return policy


class SupervisionSession(models.Model):
    """A supervision session as recorded by the supervisor; its reflective notes are for the two of them only."""

    class Kind(models.TextChoices):
        CASE = "case", "Case supervision"
        REFLECTIVE = "reflective", "Reflective supervision"
        GROUP = "group", "Group supervision"

    worker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="supervisions")
    supervisor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    held_on = models.DateField()
    minutes = models.PositiveSmallIntegerField()
    kind = models.CharField(max_length=12, choices=Kind.choices, default=Kind.CASE)
    summary = models.TextField(help_text="What was discussed, for the record.")
    reflective_notes = models.TextField(blank=True, help_text="Seen only by the worker and the supervisor.")
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-held_on", "-id"]
        indexes = [models.Index(fields=["worker", "-held_on"], name="supervision_latest")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} of {self.worker} on {self.held_on:%d %b %Y}"

    def get_absolute_url(self) -> str:
        return reverse("workforce:supervision-session", args=[self.pk])


class CaseDirection(models.Model):
    """A manager's direction on a child's case: from supervision, or any manager's oversight of the record."""

    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="case_directions")
    referral = models.ForeignKey(
        "casework.Referral", on_delete=models.PROTECT, null=True, blank=True, related_name="case_directions"
    )
    session = models.ForeignKey(
        SupervisionSession, on_delete=models.PROTECT, null=True, blank=True, related_name="directions"
    )
    direction = models.TextField()
    given_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    given_on = models.DateField()
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-given_on", "-id"]
        indexes = [models.Index(fields=["referral", "-given_on"], name="direction_latest")]

    def __str__(self) -> str:
        return f"Case direction for {self.person} on {self.given_on:%d %b %Y}"


class DirectionAction(models.Model):
    direction = models.ForeignKey(CaseDirection, on_delete=models.CASCADE, related_name="actions")
    action = models.CharField(max_length=300)
    owner = models.CharField(max_length=150)
    due_on = models.DateField()

    class Meta:
        ordering = ["due_on", "id"]

    def __str__(self) -> str:
        return self.action


class SupervisionAppointment(models.Model):
    """A session booked in the diary; recording the session keeps the booking with it."""

    worker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    supervisor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    scheduled_for = models.DateField()
    kind = models.CharField(
        max_length=12, choices=SupervisionSession.Kind.choices, default=SupervisionSession.Kind.CASE
    )
    session = models.OneToOneField(
        SupervisionSession, on_delete=models.SET_NULL, null=True, blank=True, related_name="appointment"
    )
    booked_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["scheduled_for", "id"]
        indexes = [models.Index(fields=["worker", "scheduled_for"], name="appointment_next")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} of {self.worker} booked for {self.scheduled_for:%d %b %Y}"
