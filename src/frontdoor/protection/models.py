"""Child protection: strategy discussions, section 47 enquiries, conferences, plans, core groups and visits.

Each is its own record, linked to the child's referral (CIN episode), so the
path from a strategy discussion to a plan is never pieced together later.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from frontdoor.codes import CategoryOfAbuse


class Agency(models.TextChoices):
    POLICE = "police", "Police"
    HEALTH = "health", "Health"
    EDUCATION = "education", "Education"
    CHILDRENS_SOCIAL_CARE = "csc", "Children's social care"
    PROBATION = "probation", "Probation"
    HOUSING = "housing", "Housing"
    OTHER = "other", "Other"


class StrategyDiscussion(models.Model):
    """A strategy discussion or meeting about one or more children, with the agencies that took part."""

    class Kind(models.TextChoices):
        DISCUSSION = "discussion", "Strategy discussion (phone or online)"
        MEETING = "meeting", "Strategy meeting"

    held_at = models.DateTimeField()
    kind = models.CharField(max_length=12, choices=Kind.choices, default=Kind.DISCUSSION)
    information_shared = models.TextField()
    police_reference = models.CharField(max_length=50, blank=True, help_text="For joint work with the police.")
    chaired_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-held_at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {timezone.localtime(self.held_at):%-d %B %Y}"

    def get_absolute_url(self) -> str:
        return reverse("protection:strategy", args=[self.pk])


class StrategyParticipant(models.Model):
    discussion = models.ForeignKey(StrategyDiscussion, on_delete=models.CASCADE, related_name="participants")
    agency = models.CharField(max_length=12, choices=Agency.choices)
    name = models.CharField(max_length=150)
    role = models.CharField(max_length=150, blank=True)

    class Meta:
        ordering = ["agency", "id"]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_agency_display()})"


class StrategyChild(models.Model):
    """What the discussion decided for one child."""

    class Decision(models.TextChoices):
        S47_SINGLE = "s47_single", "Section 47 enquiry by children's social care"
        S47_JOINT = "s47_joint", "Section 47 enquiry jointly with the police"
        ASSESSMENT = "assessment", "No section 47: assess the child's needs"
        NFA = "nfa", "No further action"

    discussion = models.ForeignKey(StrategyDiscussion, on_delete=models.CASCADE, related_name="children")
    referral = models.ForeignKey("casework.Referral", on_delete=models.PROTECT, related_name="strategy_decisions")
    decision = models.CharField(max_length=12, choices=Decision.choices)
    rationale = models.TextField()

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["discussion", "referral"], name="one_decision_per_child_per_discussion")
        ]

    def __str__(self) -> str:
        return f"{self.get_decision_display()} for {self.referral.person}"

    @property
    def starts_section_47(self) -> bool:
        return self.decision in (self.Decision.S47_SINGLE, self.Decision.S47_JOINT)


class StrategyAction(models.Model):
    discussion = models.ForeignKey(StrategyDiscussion, on_delete=models.CASCADE, related_name="actions")
    action = models.CharField(max_length=300)
    owner = models.CharField(max_length=150, help_text="Who will do it, and their agency.")
    due_on = models.DateField()

    class Meta:
        ordering = ["due_on", "id"]

    def __str__(self) -> str:
        return self.action


class Section47(models.Model):
    """A section 47 enquiry, begun by a strategy discussion; its conference is due 15 working days after it."""

    class Outcome(models.TextChoices):
        SUBSTANTIATED_CONTINUING = (
            "continuing",
            "Concerns substantiated: the child is likely to suffer significant harm",
        )
        SUBSTANTIATED_NOT_CONTINUING = (
            "not_continuing",
            "Concerns substantiated, but the child is not at continuing risk",
        )
        NOT_SUBSTANTIATED = "not_substantiated", "Concerns not substantiated"

    strategy_child = models.OneToOneField(StrategyChild, on_delete=models.PROTECT, related_name="section_47")
    referral = models.ForeignKey("casework.Referral", on_delete=models.PROTECT, related_name="section_47s")
    started_on = models.DateField()
    conference_due_on = models.DateField(help_text="15 working days from the strategy discussion (InitialCPCtarget).")
    is_joint = models.BooleanField(default=False)
    outcome = models.CharField(max_length=20, choices=Outcome.choices, blank=True)
    completed_on = models.DateField(null=True, blank=True)
    conference_not_required = models.BooleanField(default=False)
    not_required_reason = models.TextField(blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = "section 47 enquiry"
        verbose_name_plural = "section 47 enquiries"
        ordering = ["-started_on", "-id"]
        indexes = [models.Index(fields=["completed_on", "conference_due_on"], name="s47_awaiting")]

    def __str__(self) -> str:
        return f"Section 47 enquiry for {self.referral.person} from {self.started_on:%-d %B %Y}"

    def get_absolute_url(self) -> str:
        return reverse("protection:section-47", args=[self.pk])

    @property
    def is_open(self) -> bool:
        """Open until its conference is held or found not to be needed."""
        has_conference = getattr(self, "conference", None) is not None
        return not has_conference and not self.conference_not_required


class InitialConference(models.Model):
    """The initial child protection conference: who came, and whether the child needs a plan."""

    section_47 = models.OneToOneField(Section47, on_delete=models.PROTECT, related_name="conference")
    held_on = models.DateField()
    needs_plan = models.BooleanField()
    category = models.CharField(max_length=3, choices=CategoryOfAbuse.choices, blank=True)
    chaired_by = models.CharField(max_length=150)
    summary = models.TextField(blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-held_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(needs_plan=False, category="") | Q(needs_plan=True) & ~Q(category=""),
                name="a_plan_needs_a_category",
            )
        ]

    def __str__(self) -> str:
        return f"Initial conference on {self.held_on:%-d %B %Y}"


class ConferenceAttendee(models.Model):
    conference = models.ForeignKey(InitialConference, on_delete=models.CASCADE, related_name="attendees")
    agency = models.CharField(max_length=12, choices=Agency.choices)
    name = models.CharField(max_length=150)
    attended = models.BooleanField(default=True, help_text="False: invited, sent apologies or a report.")

    class Meta:
        ordering = ["agency", "id"]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_agency_display()})"


class ChildProtectionPlan(models.Model):
    """A child protection plan: from the conference that made it to its end, with its reviews, core groups, visits."""

    class EndReason(models.TextChoices):
        NO_LONGER_AT_RISK = "no_longer_at_risk", "No longer at continuing risk of significant harm"
        LOOKED_AFTER = "looked_after", "Became looked after"
        MOVED_AWAY = "moved_away", "Moved to another local authority"
        ADULT = "adult", "Reached 18"
        DIED = "died", "Died"
        OTHER = "other", "Other"

    referral = models.ForeignKey("casework.Referral", on_delete=models.PROTECT, related_name="cp_plans")
    conference = models.OneToOneField(InitialConference, on_delete=models.PROTECT, related_name="plan")
    started_on = models.DateField(help_text="The initial conference's date.")
    initial_category = models.CharField(max_length=3, choices=CategoryOfAbuse.choices)
    latest_category = models.CharField(max_length=3, choices=CategoryOfAbuse.choices)
    previous_plans = models.PositiveSmallIntegerField(
        default=0, help_text="Plans the child had before this one (NumberOfPreviousCPP)."
    )
    ended_on = models.DateField(null=True, blank=True)
    end_reason = models.CharField(max_length=20, choices=EndReason.choices, blank=True)

    class Meta:
        verbose_name = "child protection plan"
        ordering = ["-started_on", "-id"]
        indexes = [models.Index(fields=["ended_on"], name="cp_plan_open")]

    def __str__(self) -> str:
        return f"Child protection plan for {self.referral.person} from {self.started_on:%-d %B %Y}"

    def get_absolute_url(self) -> str:
        return reverse("protection:plan", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.ended_on is None


class ReviewConference(models.Model):
    plan = models.ForeignKey(ChildProtectionPlan, on_delete=models.PROTECT, related_name="reviews")
    held_on = models.DateField()
    continue_plan = models.BooleanField(default=True)
    category = models.CharField(max_length=3, choices=CategoryOfAbuse.choices)
    summary = models.TextField(blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["held_on", "id"]

    def __str__(self) -> str:
        return f"Review conference on {self.held_on:%-d %B %Y}"


class CoreGroup(models.Model):
    plan = models.ForeignKey(ChildProtectionPlan, on_delete=models.PROTECT, related_name="core_groups")
    held_on = models.DateField()
    summary = models.TextField()
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["held_on", "id"]

    def __str__(self) -> str:
        return f"Core group on {self.held_on:%-d %B %Y}"


class Visit(models.Model):
    """A statutory visit to a child on a plan: seen, seen alone, bedroom seen."""

    plan = models.ForeignKey(ChildProtectionPlan, on_delete=models.PROTECT, related_name="visits")
    visited_on = models.DateField()
    child_seen = models.BooleanField()
    seen_alone = models.BooleanField(default=False)
    bedroom_seen = models.BooleanField(default=False)
    notes = models.TextField()
    visited_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["visited_on", "id"]

    def __str__(self) -> str:
        return f"Visit on {self.visited_on:%-d %B %Y}"


class ProtectiveOrder(models.Model):
    """Emergency protection orders and police protection (Ofsted Annex A list 7)."""

    class Kind(models.TextChoices):
        EPO = "epo", "Emergency protection order"
        POLICE_PROTECTION = "police_protection", "Police protection"

    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="protective_orders")
    referral = models.ForeignKey(
        "casework.Referral", on_delete=models.PROTECT, null=True, blank=True, related_name="protective_orders"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    started_on = models.DateField()
    ended_on = models.DateField(null=True, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-started_on", "-id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} from {self.started_on:%-d %B %Y}"
