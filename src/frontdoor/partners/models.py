"""What partner agencies send the front door: the police's notifications of incidents involving children."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

from frontdoor.protection.models import Agency


class PoliceNotification(models.Model):
    """One incident the police tell us about (a PPN, DOM5 or similar), with the children and adults in it."""

    class Kind(models.TextChoices):
        DOMESTIC_ABUSE = "domestic_abuse", "Domestic abuse"
        MISSING = "missing", "Missing child"
        OTHER = "other", "Other"

    class Risk(models.TextChoices):
        STANDARD = "standard", "Standard"
        MEDIUM = "medium", "Medium"
        HIGH = "high", "High"

    class Source(models.TextChoices):
        API = "api", "Police system (API)"
        CSV = "csv", "CSV import"

    police_reference = models.CharField(max_length=40, unique=True)
    incident_at = models.DateTimeField()
    kind = models.CharField(max_length=20, choices=Kind.choices)
    dash_risk = models.CharField(max_length=10, choices=Risk.choices, blank=True, help_text="The DASH risk grade.")
    summary = models.TextField()
    marac_referral = models.BooleanField(default=False, help_text="The police have referred the victim to MARAC.")
    source = models.CharField(max_length=5, choices=Source.choices)
    received_at = models.DateTimeField(default=timezone.now)
    received_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    triaged_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-received_at", "-id"]
        indexes = [models.Index(fields=["triaged_at", "received_at"], name="notification_triage")]

    def __str__(self) -> str:
        return f"Police notification {self.police_reference}"

    def get_absolute_url(self) -> str:
        return reverse("partners:notification", args=[self.pk])


class NotificationPerson(models.Model):
    """A child or adult named on a notification, as the police gave them, and who they are in our index."""

    class Role(models.TextChoices):
        CHILD_PRESENT = "child_present", "Child, present"
        CHILD_LINKED = "child_linked", "Child, linked but not present"
        VICTIM = "victim", "Victim"
        ALLEGED_PERPETRATOR = "alleged_perpetrator", "Alleged perpetrator"
        OTHER = "other", "Other adult"

    CHILD_ROLES = (Role.CHILD_PRESENT, Role.CHILD_LINKED)

    notification = models.ForeignKey(PoliceNotification, on_delete=models.CASCADE, related_name="people")
    role = models.CharField(max_length=20, choices=Role.choices)
    first_name = models.CharField(max_length=100)
    last_name = models.CharField(max_length=100)
    date_of_birth = models.DateField(null=True, blank=True)
    postcode = models.CharField(max_length=10, blank=True)
    # The index's likely matches when the notification came in: [{"person": id, "score": 0.93, "reasons": [...]}]
    suggestions = models.JSONField(default=list, blank=True)
    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, null=True, blank=True, related_name="police_notifications"
    )
    matched_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    matched_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["notification", "id"]
        indexes = [models.Index(fields=["person", "matched_at"], name="notification_person_matched")]

    def __str__(self) -> str:
        return f"{self.first_name} {self.last_name} ({self.get_role_display().lower()})"

    @property
    def is_child(self) -> bool:
        return self.role in self.CHILD_ROLES


class TriageMeeting(models.Model):
    """The daily meeting of the police and the front door that decides, child by child, what each notification needs."""

    held_on = models.DateField()
    started_at = models.DateTimeField(default=timezone.now)
    chair = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    minutes = models.TextField(blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-held_on", "-id"]
        constraints = [models.UniqueConstraint(fields=["held_on"], name="one_triage_meeting_a_day")]

    def __str__(self) -> str:
        return f"Triage meeting, {self.held_on:%-d %B %Y}"

    def get_absolute_url(self) -> str:
        return reverse("partners:meeting", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


class MeetingAttendee(models.Model):
    meeting = models.ForeignKey(TriageMeeting, on_delete=models.CASCADE, related_name="attendees")
    agency = models.CharField(max_length=12, choices=Agency.choices)
    name = models.CharField(max_length=150)

    class Meta:
        ordering = ["meeting", "id"]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_agency_display()})"


class TriageDecision(models.Model):
    """What the meeting decided for one child on a notification, and the contact or task that decision made."""

    class Outcome(models.TextChoices):
        NFA = "nfa", "No further action"
        ENCOMPASS = "encompass", "Notify the school (Operation Encompass)"
        EARLY_HELP = "early_help", "Early help"
        CONTACT = "contact", "Contact for the front door"
        ALLOCATED_WORKER = "allocated_worker", "Tell the allocated worker (open case)"
        MARAC = "marac", "Refer to MARAC"

    # Outcomes that leave someone a task to do and tick off.
    TASKS = (Outcome.ENCOMPASS, Outcome.ALLOCATED_WORKER, Outcome.MARAC)

    meeting = models.ForeignKey(TriageMeeting, on_delete=models.PROTECT, related_name="decisions")
    child = models.OneToOneField(NotificationPerson, on_delete=models.PROTECT, related_name="triage")
    outcome = models.CharField(max_length=20, choices=Outcome.choices)
    note = models.TextField(blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    decided_at = models.DateTimeField(default=timezone.now)
    contact = models.ForeignKey(
        "contacts.Contact", on_delete=models.PROTECT, null=True, blank=True, related_name="triage_decisions"
    )
    early_help_request = models.ForeignKey(
        "earlyhelp.EarlyHelpRequest", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="triage_tasks"
    )
    due_at = models.DateTimeField(null=True, blank=True)
    done_at = models.DateTimeField(null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["meeting", "id"]
        indexes = [models.Index(fields=["done_at", "due_at"], name="triage_task_due")]

    def __str__(self) -> str:
        return f"{self.get_outcome_display()} for {self.child}"

    @property
    def is_task(self) -> bool:
        return self.outcome in self.TASKS


class PartnerProfile(models.Model):
    """Who a partner user works for: their referrals carry it, and the contact's source follows from it."""

    class Agency(models.TextChoices):
        SCHOOL = "2A", "School"
        HEALTH_VISITOR = "3B", "Health visiting"
        GP = "3A", "GP practice"
        SCHOOL_NURSE = "3C", "School nursing"
        HOSPITAL = "3E", "Hospital"
        POLICE = "6", "Police"
        HOUSING = "4", "Housing"
        OTHER = "8", "Other organisation"

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="partner_profile")
    organisation = models.CharField(max_length=150)
    agency = models.CharField(max_length=2, choices=Agency.choices, help_text="Also the contact's source code.")
    phone = models.CharField(max_length=30, blank=True)

    def __str__(self) -> str:
        return f"{self.user} ({self.organisation})"


class PortalReferral(models.Model):
    """A referral a partner made through the portal: the contact it became, and the feedback they were given."""

    contact = models.OneToOneField("contacts.Contact", on_delete=models.PROTECT, related_name="portal_referral")
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="portal_referrals"
    )
    submitted_at = models.DateTimeField(default=timezone.now)
    # The child as the partner named them: their list shows it, whoever the front door finds them to be.
    child_described = models.CharField(max_length=300, blank=True)
    consent_reason = models.TextField(blank=True, help_text="Why the family's consent was not sought or was refused.")
    support_so_far = models.TextField(blank=True, help_text="What the partner has already done to help.")
    feedback = models.TextField(blank=True)
    feedback_at = models.DateTimeField(null=True, blank=True)
    feedback_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-submitted_at", "-id"]

    def __str__(self) -> str:
        return f"Portal referral {self.contact.reference}"

    def get_absolute_url(self) -> str:
        return reverse("partners:portal-referral", args=[self.pk])


class InformationRequest(models.Model):
    """A partner agency asking what we know about a child, answered against a clock."""

    class Status(models.TextChoices):
        OPEN = "open", "Waiting for an answer"
        ANSWERED = "answered", "Answered"
        DECLINED = "declined", "Declined"

    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="information_requests")
    agency = models.CharField(max_length=12, choices=Agency.choices)
    requester = models.CharField(max_length=150, help_text="Name and role of who asked.")
    organisation = models.CharField(max_length=150)
    asked_for = models.TextField(help_text="What they asked for.")
    purpose = models.TextField(help_text="Why they need it.")
    urgent = models.BooleanField(default=False)
    received_at = models.DateTimeField()
    due_on = models.DateField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    declined_reason = models.TextField(blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["due_on", "id"]
        indexes = [models.Index(fields=["status", "due_on"], name="information_request_due")]

    def __str__(self) -> str:
        return f"Request from {self.organisation} about {self.person}"

    def get_absolute_url(self) -> str:
        return reverse("partners:information-request", args=[self.pk])


class InformationShare(models.Model):
    """One disclosure about a child: what, to whom, when, on what lawful basis, and whether the family knew."""

    class Basis(models.TextChoices):
        PUBLIC_TASK = "public_task", "Public task: our duties under the Children Acts (UK GDPR article 6(1)(e))"
        LEGAL_OBLIGATION = "legal_obligation", "Legal obligation: a law or court order requires it (6(1)(c))"
        VITAL_INTERESTS = "vital_interests", "Vital interests: to protect someone's life (6(1)(d))"
        CONSENT = "consent", "Consent (6(1)(a)): rarely right for safeguarding"

    class Condition(models.TextChoices):
        NONE = "none", "No special category or criminal offence data"
        SAFEGUARDING = (
            "safeguarding",
            "Safeguarding of children and individuals at risk (DPA 2018 schedule 1 paragraph 18)",
        )
        LEGAL_CLAIMS = "legal_claims", "Legal claims or court proceedings (article 9(2)(f))"
        HEALTH_CARE = "health_care", "Health or social care (article 9(2)(h))"

    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="information_shares")
    request = models.ForeignKey(
        InformationRequest, on_delete=models.PROTECT, null=True, blank=True, related_name="shares"
    )
    agency = models.CharField(max_length=12, choices=Agency.choices)
    recipient = models.CharField(max_length=150, help_text="Name and role of who received it.")
    organisation = models.CharField(max_length=150)
    shared_on = models.DateField()
    what = models.TextField(help_text="The information shared.")
    purpose = models.TextField()
    basis = models.CharField(max_length=20, choices=Basis.choices)
    condition = models.CharField(max_length=20, choices=Condition.choices)
    family_informed = models.BooleanField()
    not_informed_reason = models.TextField(blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-shared_on", "-id"]

    def __str__(self) -> str:
        return f"Shared with {self.organisation} on {self.shared_on:%-d %B %Y}"
