from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from frontdoor.codes import AssessmentFactor, PrimaryNeed, ReasonForClosure, ReferralSource
from frontdoor.timescales.regimes import Regime


class Referral(models.Model):
    """A CIN episode: a request for children's social care services for one child, from referral to closure."""

    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="referrals")
    contact_child = models.OneToOneField(
        "contacts.ContactChild", on_delete=models.PROTECT, null=True, blank=True, related_name="referral"
    )
    referral_date = models.DateField()
    source = models.CharField(max_length=2, choices=ReferralSource.choices)
    primary_need = models.CharField(max_length=2, choices=PrimaryNeed.choices, blank=True)
    is_nfa = models.BooleanField("referral with no further action", default=False)
    is_re_referral = models.BooleanField(
        "re-referral", default=False, help_text="Another referral of the child in the 12 months before this one."
    )
    team = models.ForeignKey("accounts.Team", on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    worker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="referrals"
    )
    allocated_at = models.DateTimeField(null=True, blank=True)
    closed_on = models.DateField(null=True, blank=True)
    closure_reason = models.CharField(max_length=3, choices=ReasonForClosure.choices, blank=True)
    closure_authorised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-referral_date", "-id"]
        indexes = [
            models.Index(fields=["person", "-referral_date"], name="referral_person_date"),
            models.Index(fields=["worker", "closed_on"], name="referral_worker"),
            models.Index(fields=["team", "closed_on"], name="referral_team"),
            # The performance dashboards count referrals by the day; their recent days are read live.
            models.Index(fields=["referral_date"], name="referral_day"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(closed_on__isnull=True, closure_reason="")
                | Q(closed_on__isnull=False) & ~Q(closure_reason=""),
                name="referral_closure_date_and_reason_together",
            ),
        ]

    def __str__(self) -> str:
        return f"Referral of {self.person} on {self.referral_date:%-d %B %Y}"

    def get_absolute_url(self) -> str:
        return reverse("casework:referral", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.closed_on is None


class AssessmentKind(models.TextChoices):
    INITIAL = "initial", "Initial assessment"
    CORE = "core", "Core assessment"
    SINGLE = "single", "Single assessment"


class Assessment(models.Model):
    """One child's assessment, kept under the regime it started in, structured on the Assessment Framework."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        SUBMITTED = "submitted", "With a manager"
        RETURNED = "returned", "Returned for changes"
        AUTHORISED = "authorised", "Authorised"

    class SeenAlone(models.TextChoices):
        YES = "yes", "Yes"
        NO = "no", "No"
        NOT_APPROPRIATE = "not_appropriate", "Not appropriate"

    class ViewsNotGathered(models.TextChoices):
        AGE = "age", "Too young to give views: observed instead"
        COMMUNICATION = "communication", "Communication needs that could not be met in time"
        REFUSED = "refused", "The child did not want to give their views"
        NOT_SEEN = "not_seen", "The child could not be seen"
        OTHER = "other", "Another reason"

    class Outcome(models.TextChoices):
        NFA = "nfa", "No further action"
        EARLY_HELP = "early_help", "Step down to early help"
        CIN_PLAN = "cin_plan", "Child in need plan"
        STRATEGY = "strategy", "Strategy discussion and section 47 enquiry"
        LOOKED_AFTER = "looked_after", "Looked after"
        CORE_ASSESSMENT = "core_assessment", "Core assessment (2010 regime, after an initial assessment)"

    class Grade(models.TextChoices):
        OUTSTANDING = "outstanding", "Outstanding"
        GOOD = "good", "Good"
        REQUIRES_IMPROVEMENT = "requires_improvement", "Requires improvement"
        INADEQUATE = "inadequate", "Inadequate"

    referral = models.ForeignKey(Referral, on_delete=models.PROTECT, related_name="assessments")
    kind = models.CharField(max_length=10, choices=AssessmentKind.choices)
    regime = models.CharField(max_length=10, choices=Regime.choices)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.DRAFT)
    started_on = models.DateField()
    due_on = models.DateField()
    worker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="assessments")
    # The child's voice
    child_seen_on = models.DateField(null=True, blank=True)
    seen_alone = models.CharField(max_length=16, choices=SeenAlone.choices, blank=True)
    seen_alone_reason = models.TextField(blank=True)
    childs_views = models.TextField("the child's views and wishes, in their own words", blank=True)
    views_gathered_how = models.TextField("how and by whom the views were gathered", blank=True)
    views_not_gathered = models.CharField(max_length=16, choices=ViewsNotGathered.choices, blank=True)
    views_not_gathered_detail = models.TextField(blank=True)
    parents_views = models.TextField("parents' and carers' views", blank=True)
    agencies_views = models.TextField("other agencies' views", blank=True)
    # The Assessment Framework triangle: {dimension code: what was found}
    dimensions = models.JSONField(default=dict, blank=True)
    analysis = models.TextField(blank=True)
    risks = models.TextField(blank=True)
    strengths = models.TextField(blank=True)
    factors = models.JSONField(default=list, blank=True, help_text="Factors identified at assessment (CIN codes).")
    outcome = models.CharField(max_length=16, choices=Outcome.choices, blank=True)
    late_reason = models.TextField(blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    completed_on = models.DateField(null=True, blank=True, help_text="The day the worker submitted it.")
    authorised_on = models.DateField(null=True, blank=True)
    authorised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    grade = models.CharField(max_length=24, choices=Grade.choices, blank=True)
    manager_comment = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-started_on", "-id"]
        indexes = [
            models.Index(fields=["worker", "status"], name="assessment_worker"),
            models.Index(fields=["status", "due_on"], name="assessment_due"),
            # The performance dashboards count assessments on the day authorised; their recent days are read live.
            models.Index(fields=["authorised_on"], name="assessment_authorised"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} of {self.referral.person} from {self.started_on:%-d %B %Y}"

    def get_absolute_url(self) -> str:
        return reverse("casework:assessment", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.status != self.Status.AUTHORISED

    @property
    def is_editable(self) -> bool:
        return self.status in (self.Status.DRAFT, self.Status.RETURNED)

    @property
    def factor_labels(self) -> list[str]:
        return [f"{code}: {AssessmentFactor(code).label}" for code in self.factors if code in AssessmentFactor.values]


class AssessmentAmendment(models.Model):
    """A change to an authorised assessment, with its reason; what it said before stays here."""

    assessment = models.ForeignKey(Assessment, on_delete=models.PROTECT, related_name="amendments")
    reason = models.TextField()
    changes = models.JSONField(help_text="{field: [before, after]}")
    made_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    made_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["made_at", "id"]

    def __str__(self) -> str:
        return f"Amendment to {self.assessment} on {self.made_at:%-d %B %Y}"

    def rows(self) -> list[tuple[str, object, object]]:
        """(what changed, before, after), with each field's name as the page labels it."""
        return [
            (str(getattr(Assessment._meta.get_field(name), "verbose_name", name)).capitalize(), before, after)
            for name, (before, after) in self.changes.items()
        ]


class CinPlan(models.Model):
    """A child in need plan within a referral: start, reviews, end."""

    referral = models.ForeignKey(Referral, on_delete=models.PROTECT, related_name="cin_plans")
    started_on = models.DateField()
    ended_on = models.DateField(null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-started_on", "-id"]
        verbose_name = "child in need plan"

    def __str__(self) -> str:
        return f"Child in need plan for {self.referral.person} from {self.started_on:%-d %B %Y}"

    @property
    def is_open(self) -> bool:
        return self.ended_on is None


class CinPlanReview(models.Model):
    plan = models.ForeignKey(CinPlan, on_delete=models.PROTECT, related_name="reviews")
    held_on = models.DateField()
    summary = models.TextField()
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["held_on", "id"]

    def __str__(self) -> str:
        return f"Review of {self.plan} on {self.held_on:%-d %B %Y}"
