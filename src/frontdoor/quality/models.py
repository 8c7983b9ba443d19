"""The case audit programme: templates of graded questions, monthly samples of cases, audits and moderation."""

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

if TYPE_CHECKING:
    from frontdoor.casework.models import Referral
    from frontdoor.contacts.models import Contact


class Grade(models.TextChoices):
    OUTSTANDING = "outstanding", "Outstanding"
    GOOD = "good", "Good"
    REQUIRES_IMPROVEMENT = "requires_improvement", "Requires improvement"
    INADEQUATE = "inadequate", "Inadequate"


class AuditTemplate(models.Model):
    """The questions an audit asks, with guidance for the auditor; edited by quality assurance officers."""

    name = models.CharField(max_length=150, unique=True)
    guidance = models.TextField(blank=True)
    is_active = models.BooleanField(default=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("quality:template", args=[self.pk])


class AuditQuestion(models.Model):
    template = models.ForeignKey(AuditTemplate, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveSmallIntegerField()
    text = models.CharField(max_length=300)
    guidance = models.TextField(blank=True)
    is_required = models.BooleanField(default=True)

    class Meta:
        ordering = ["template", "position"]

    def __str__(self) -> str:
        return self.text


class AuditProgramme(models.Model):
    """One month's sample of cases for audit, drawn at random per team or by a theme."""

    class Theme(models.TextChoices):
        RANDOM = "random", "Random cases in each team"
        CLOSED_NFA = "closed_nfa", "Contacts closed with no further action"
        AUTHORISED = "authorised", "Assessments authorised in the month"
        LONG_PLANS = "long_plans", "Children on a protection plan for over 18 months"

    month = models.DateField(help_text="The first day of the month sampled.")
    theme = models.CharField(max_length=12, choices=Theme.choices)
    template = models.ForeignKey(AuditTemplate, on_delete=models.PROTECT, related_name="programmes")
    per_team = models.PositiveSmallIntegerField(default=2, help_text="Cases drawn from each team.")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-month", "-id"]

    def __str__(self) -> str:
        return f"{self.get_theme_display()}, {self.month:%B %Y}"

    def get_absolute_url(self) -> str:
        return reverse("quality:programme", args=[self.pk])


class Audit(models.Model):
    """One case in a programme: a referral, or a contact the front door closed without a service."""

    class Status(models.TextChoices):
        ASSIGNED = "assigned", "With the auditor"
        GRADED = "graded", "Graded, waiting for moderation"
        MODERATED = "moderated", "Moderated"

    programme = models.ForeignKey(AuditProgramme, on_delete=models.PROTECT, related_name="audits")
    referral = models.ForeignKey(
        "casework.Referral", on_delete=models.PROTECT, null=True, blank=True, related_name="audits"
    )
    contact = models.ForeignKey(
        "contacts.Contact", on_delete=models.PROTECT, null=True, blank=True, related_name="audits"
    )
    team = models.ForeignKey("accounts.Team", on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    auditor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="audits"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.ASSIGNED)
    grade = models.CharField(max_length=24, choices=Grade.choices, blank=True)
    findings = models.TextField(blank=True)
    graded_at = models.DateTimeField(null=True, blank=True)
    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    moderated_grade = models.CharField(max_length=24, choices=Grade.choices, blank=True)
    moderation_notes = models.TextField(blank=True)
    moderated_at = models.DateTimeField(null=True, blank=True)
    practitioner_response = models.TextField(blank=True)
    practitioner_responded_at = models.DateTimeField(null=True, blank=True)
    manager_response = models.TextField(blank=True)
    manager_responded_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["programme", "team", "id"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "referral"], name="one_audit_per_case_per_programme"),
            models.UniqueConstraint(fields=["programme", "contact"], name="one_audit_per_contact_per_programme"),
            models.CheckConstraint(
                condition=Q(referral__isnull=False, contact__isnull=True)
                | Q(referral__isnull=True, contact__isnull=False),
                name="audit_of_a_referral_or_a_contact",
            ),
        ]

    def __str__(self) -> str:
        return f"Audit of {self.case} ({self.get_status_display().lower()})"

    def get_absolute_url(self) -> str:
        return reverse("quality:audit", args=[self.pk])

    @property
    def case(self) -> "Referral | Contact":
        return self.referral or self.contact  # type: ignore[return-value]

    @property
    def final_grade(self) -> str:
        """The moderated grade where moderation changed it, else the auditor's."""
        return self.moderated_grade or self.grade


class AuditAnswer(models.Model):
    audit = models.ForeignKey(Audit, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(AuditQuestion, on_delete=models.PROTECT, related_name="+")
    grade = models.CharField(max_length=24, choices=Grade.choices, blank=True)
    comment = models.TextField(blank=True)

    class Meta:
        ordering = ["question__position"]
        constraints = [models.UniqueConstraint(fields=["audit", "question"], name="one_answer_per_question")]

    def __str__(self) -> str:
        return f"{self.question}: {self.get_grade_display()}"


class AuditAction(models.Model):
    """What the audit asks to be done on the case, by whom and by when."""

    audit = models.ForeignKey(Audit, on_delete=models.CASCADE, related_name="actions")
    action = models.CharField(max_length=300)
    owner = models.CharField(max_length=150)
    due_on = models.DateField()
    done_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["due_on", "id"]

    def __str__(self) -> str:
        return self.action
