"""Early help: requests from the front door and partner agencies, and the episode of work with a family.

An accepted request opens an episode. It starts once the family consents (or a recorded reason allows it
to start without), and holds the early help assessment, the lead professional's history, the team around
the family's meetings, the family plan with its reviews, and the closure, which may step the family up to
the front door with a new contact.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone


class EarlyHelpRequest(models.Model):
    """A child the front door, or a partner agency, has asked the early help team to work with."""

    class Status(models.TextChoices):
        OPEN = "open", "Waiting for the early help team"
        ACCEPTED = "accepted", "Accepted"
        DECLINED = "declined", "Declined"
        CLOSED = "closed", "Closed"

    class Route(models.TextChoices):
        FRONT_DOOR = "front_door", "Stepped down by the front door"
        PARTNER = "partner", "From a partner agency"

    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="early_help_requests")
    contact_child = models.OneToOneField(
        "contacts.ContactChild", on_delete=models.PROTECT, null=True, blank=True, related_name="early_help_request"
    )
    requested_on = models.DateField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    route = models.CharField(max_length=10, choices=Route.choices, default=Route.FRONT_DOOR)
    # A partner's request is recorded by the early help team on the agency's behalf.
    agency = models.CharField(max_length=150, blank=True)
    referrer_name = models.CharField(max_length=150, blank=True)
    reason = models.TextField(blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decline_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-requested_on", "-id"]

    def __str__(self) -> str:
        return f"Early help for {self.person} from {self.requested_on:%-d %B %Y}"


class EarlyHelpEpisode(models.Model):
    """The early help team's work with a family, from an accepted request to its closure."""

    class Status(models.TextChoices):
        WAITING = "waiting", "Waiting for the family's consent"
        OPEN = "open", "Open"
        CLOSED = "closed", "Closed"

    class Outcome(models.TextChoices):
        NEEDS_MET = "needs_met", "Needs met"
        STEP_UP = "step_up", "Stepped up to children's social care"
        WITHDREW = "withdrew", "The family withdrew"
        MOVED_AWAY = "moved_away", "The family moved away"

    request = models.OneToOneField(EarlyHelpRequest, on_delete=models.PROTECT, related_name="episode")
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="early_help_episodes")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.WAITING)
    accepted_on = models.DateField()
    accepted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    started_on = models.DateField(null=True, blank=True)
    consent_given_by = models.CharField(max_length=150, blank=True, help_text="Who in the family agreed.")
    consent_given_on = models.DateField(null=True, blank=True)
    no_consent_reason = models.TextField(blank=True, help_text="Why the work starts without the family's consent.")
    next_review_on = models.DateField(null=True, blank=True)
    closed_on = models.DateField(null=True, blank=True)
    outcome = models.CharField(max_length=12, choices=Outcome.choices, blank=True)
    closure_reason = models.TextField(blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    stepped_up_to = models.OneToOneField(
        "contacts.Contact", on_delete=models.PROTECT, null=True, blank=True, related_name="early_help_episode"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-accepted_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(started_on__isnull=True) | Q(consent_given_on__isnull=False) | ~Q(no_consent_reason=""),
                name="early_help_starts_with_consent_or_a_reason",
            ),
            models.CheckConstraint(
                condition=~Q(outcome="step_up") | Q(stepped_up_to__isnull=False),
                name="early_help_step_up_opens_a_contact",
            ),
        ]

    def __str__(self) -> str:
        return f"Early help for {self.person} from {self.accepted_on:%-d %B %Y}"

    def get_absolute_url(self) -> str:
        return reverse("earlyhelp:episode", args=[self.pk])

    @property
    def lead_professional(self) -> "LeadProfessional | None":
        return next((lead for lead in self.lead_professionals.all() if lead.ended_on is None), None)


class EarlyHelpAssessment(models.Model):
    """The early help assessment (the CAF's successor): what Annex A List 2 reports."""

    episode = models.OneToOneField(EarlyHelpEpisode, on_delete=models.PROTECT, related_name="assessment")
    started_on = models.DateField()
    completed_on = models.DateField(null=True, blank=True)
    organisation = models.CharField(max_length=150, help_text="The organisation completing the assessment.")
    needs = models.TextField(help_text="A summary of the family's needs.")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(completed_on__isnull=True) | Q(completed_on__gte=models.F("started_on")),
                name="early_help_assessment_completed_after_it_started",
            )
        ]

    def __str__(self) -> str:
        return f"Early help assessment from {self.started_on:%-d %B %Y}"


class LeadProfessional(models.Model):
    """Who co-ordinates the family's help, from any agency; a change ends the last one's time."""

    episode = models.ForeignKey(EarlyHelpEpisode, on_delete=models.PROTECT, related_name="lead_professionals")
    name = models.CharField(max_length=150)
    agency = models.CharField(max_length=150)
    role = models.CharField(max_length=150)
    started_on = models.DateField()
    ended_on = models.DateField(null=True, blank=True)
    appointed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")

    class Meta:
        ordering = ["-started_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["episode"], condition=Q(ended_on__isnull=True), name="one_current_lead_professional"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.role}, {self.agency})"


class TafMeeting(models.Model):
    """A team around the family meeting: the family and the agencies working with them."""

    episode = models.ForeignKey(EarlyHelpEpisode, on_delete=models.PROTECT, related_name="taf_meetings")
    held_on = models.DateField()
    summary = models.TextField()
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")

    class Meta:
        ordering = ["-held_on", "-id"]

    def __str__(self) -> str:
        return f"Team around the family meeting on {self.held_on:%-d %B %Y}"


class TafAttendee(models.Model):
    meeting = models.ForeignKey(TafMeeting, on_delete=models.CASCADE, related_name="attendees")
    name = models.CharField(max_length=150)
    agency = models.CharField(max_length=150)

    class Meta:
        ordering = ["agency", "name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.agency})"


class PlanAction(models.Model):
    """One line of the family plan: the outcome wanted, the action towards it, who does it by when."""

    episode = models.ForeignKey(EarlyHelpEpisode, on_delete=models.PROTECT, related_name="plan_actions")
    outcome = models.CharField(max_length=300)
    action = models.CharField(max_length=300)
    owner = models.CharField(max_length=150)
    due_on = models.DateField()
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["due_on", "id"]

    def __str__(self) -> str:
        return self.action


class PlanReview(models.Model):
    episode = models.ForeignKey(EarlyHelpEpisode, on_delete=models.PROTECT, related_name="plan_reviews")
    reviewed_on = models.DateField()
    progress = models.TextField()
    next_review_on = models.DateField(null=True, blank=True)
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")

    class Meta:
        ordering = ["-reviewed_on", "-id"]

    def __str__(self) -> str:
        return f"Plan review on {self.reviewed_on:%-d %B %Y}"
