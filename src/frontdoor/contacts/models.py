from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import TruncDate
from django.urls import reverse
from django.utils import timezone

from frontdoor.codes import ReferralSource

# The day something happened in England, whatever the server's clock: returns and figures count by it.
UK = ZoneInfo("Europe/London")


def uk_day_of(field: str) -> models.GeneratedField:
    """The UK day of a date and time field, kept by the database beside it so it can be indexed and grouped on."""
    return models.GeneratedField(
        expression=TruncDate(field, tzinfo=UK), output_field=models.DateField(), db_persist=True
    )


class Outcome(models.TextChoices):
    NFA = "nfa", "No further action"
    ADVICE = "advice", "Information and advice"
    SIGNPOST = "signpost", "Signposted to another service"
    EARLY_HELP = "early_help", "Early help"
    ASSESSMENT = "assessment", "Referral for a children's social care assessment"
    STRATEGY = "strategy", "Strategy discussion now"
    OPEN_CASE = "open_case", "Pass to the allocated worker of an open case"
    MARAC = "marac", "Referral to MARAC"


# Outcomes that close a contact without a service: a manager must agree first.
CLOSING_OUTCOMES = frozenset({Outcome.NFA, Outcome.ADVICE, Outcome.SIGNPOST})
# Outcomes that open a referral (a CIN episode).
REFERRAL_OUTCOMES = frozenset({Outcome.ASSESSMENT, Outcome.STRATEGY})


class Rag(models.TextChoices):
    RED = "red", "Red: potential child protection"
    AMBER = "amber", "Amber: significant or complex needs"
    GREEN = "green", "Green: concerns below the statutory level"


class FrontDoorPolicy(models.Model):
    """The council's front-door settings, edited by administrators: one row."""

    SINGLETON_ID = 1

    red_response_hours = models.PositiveSmallIntegerField(default=2)
    amber_response_hours = models.PositiveSmallIntegerField(default=6)
    green_response_hours = models.PositiveSmallIntegerField(default=24)
    qa_sample_percent = models.PositiveSmallIntegerField(
        "share of each week's closed contacts sampled for quality assurance (%)",
        default=10,
        validators=[MaxValueValidator(100)],
    )
    pick_up_idle_minutes = models.PositiveSmallIntegerField(
        "release a picked-up contact after this many minutes without activity", default=30
    )
    repeat_contact_months = models.PositiveSmallIntegerField(
        "warn when a child was the subject of a contact in the last (months)", default=12
    )
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name_plural = "front door policy"
        constraints = [models.CheckConstraint(condition=Q(id=1), name="front_door_policy_is_singleton")]

    def __str__(self) -> str:
        return "Front door policy"

    @classmethod
    def load(cls) -> "FrontDoorPolicy":
        policy, _ = cls.objects.get_or_create(pk=cls.SINGLETON_ID)
        return policy

    def response_hours(self, rag: str) -> int:
        return {Rag.RED: self.red_response_hours, Rag.AMBER: self.amber_response_hours}.get(
            Rag(rag), self.green_response_hours
        )


class ThresholdLevel(models.Model):
    """A level of the council's levels-of-need model, and the outcomes it allows."""

    number = models.PositiveSmallIntegerField(unique=True)
    name = models.CharField(max_length=80)
    description = models.TextField()
    allowed_outcomes = models.JSONField(default=list, help_text="Outcome codes a decision at this level may have.")
    is_active = models.BooleanField(default=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["number"]

    def __str__(self) -> str:
        return f"Level {self.number}: {self.name}"

    def allows(self, outcome: str) -> bool:
        return outcome in self.allowed_outcomes


class ThresholdCriterion(models.Model):
    """One indicator from the council's threshold document."""

    class Domain(models.TextChoices):
        CHILD = "child", "The child's developmental needs"
        PARENTING = "parenting", "Parenting capacity"
        FAMILY = "family", "Family and environmental factors"

    level = models.ForeignKey(ThresholdLevel, on_delete=models.PROTECT, related_name="criteria")
    domain = models.CharField(max_length=20, choices=Domain.choices)
    text = models.CharField(max_length=300)
    order = models.PositiveSmallIntegerField(default=0)
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["level__number", "domain", "order", "id"]

    def __str__(self) -> str:
        return self.text


class Channel(models.TextChoices):
    PHONE = "phone", "Phone"
    EMAIL = "email", "Email"
    ONLINE = "online", "Online form"
    LETTER = "letter", "Letter"
    IN_PERSON = "in_person", "In person"
    POLICE = "police", "Police notification"
    OUT_OF_HOURS = "out_of_hours", "Out of hours"


class ConcernCategory(models.TextChoices):
    PHYSICAL_ABUSE = "physical_abuse", "Physical abuse"
    NEGLECT = "neglect", "Neglect"
    SEXUAL_ABUSE = "sexual_abuse", "Sexual abuse"
    EMOTIONAL_ABUSE = "emotional_abuse", "Emotional abuse"
    DOMESTIC_ABUSE = "domestic_abuse", "Domestic abuse"
    PARENTAL_MENTAL_HEALTH = "parental_mental_health", "Parent's mental health"
    SUBSTANCE_MISUSE = "substance_misuse", "Drug or alcohol misuse"
    CHILD_MENTAL_HEALTH = "child_mental_health", "Child's mental health or self-harm"
    EXPLOITATION = "exploitation", "Sexual or criminal exploitation"
    MISSING = "missing", "Going missing"
    DISABILITY = "disability", "Child's disability"
    BEHAVIOUR = "behaviour", "Behaviour"
    HOUSING = "housing", "Housing or homelessness"
    PARENTING = "parenting", "Parenting or family stress"
    OTHER = "other", "Other"


class FamilyAware(models.TextChoices):
    YES = "yes", "Yes"
    NO = "no", "No"
    NOT_KNOWN = "not_known", "Not known"


class Consent(models.TextChoices):
    GIVEN = "given", "Yes, the family consents"
    REFUSED = "refused", "No, the family does not consent"
    NOT_SOUGHT = "not_sought", "Not sought: it would put the child at risk or lose evidence"
    NOT_KNOWN = "not_known", "Not known"


class Contact(models.Model):
    """An approach to children's services about one or more children."""

    class Status(models.TextChoices):
        OPEN = "open", "Waiting for a decision"
        AWAITING_AUTHORISATION = "awaiting_authorisation", "Waiting for a manager"
        CLOSED = "closed", "Decided"

    received_at = models.DateTimeField(help_text="The first call or receipt: the decision clock starts here.")
    received_on = uk_day_of("received_at")
    channel = models.CharField(max_length=20, choices=Channel.choices)
    source = models.CharField(max_length=2, choices=ReferralSource.choices)
    referrer_name = models.CharField(max_length=150, blank=True)
    referrer_role = models.CharField(max_length=100, blank=True)
    referrer_organisation = models.CharField(max_length=150, blank=True)
    referrer_phone = models.CharField(max_length=30, blank=True)
    referrer_email = models.EmailField(blank=True)
    family_aware = models.CharField(max_length=10, choices=FamilyAware.choices, default=FamilyAware.NOT_KNOWN)
    consent = models.CharField(max_length=12, choices=Consent.choices, default=Consent.NOT_KNOWN)
    concern = models.TextField(help_text="In the referrer's words.")
    categories = models.JSONField(default=list, blank=True)
    immediate_danger = models.BooleanField(default=False)
    childs_views = models.TextField(blank=True)
    rag = models.CharField(max_length=5, choices=Rag.choices, default=Rag.GREEN)
    out_of_hours = models.BooleanField(default=False)
    status = models.CharField(max_length=30, choices=Status.choices, default=Status.OPEN)
    closed_at = models.DateTimeField(null=True, blank=True)
    call = models.ForeignKey("contacts.Call", on_delete=models.PROTECT, null=True, blank=True, related_name="contacts")
    idempotency_key = models.CharField(max_length=100, null=True, blank=True, unique=True)
    picked_up_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    picked_up_at = models.DateTimeField(null=True, blank=True)
    last_touched_at = models.DateTimeField(null=True, blank=True)
    referrer_told_at = models.DateTimeField(null=True, blank=True)
    referrer_told_how = models.CharField(max_length=40, blank=True)
    referrer_told_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    handover_acknowledged_at = models.DateTimeField(null=True, blank=True)
    handover_acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-received_at", "-id"]
        indexes = [
            models.Index(fields=["status", "received_at"], name="contact_queue"),
            models.Index(fields=["out_of_hours", "received_at"], name="contact_out_of_hours"),
            models.Index(fields=["closed_at"], name="contact_closed"),
            # The performance dashboards count contacts by the day received; their recent days are read live.
            models.Index(fields=["received_at"], name="contact_received"),
            # Contacts by day and source read from the index alone (insight's contacts received).
            models.Index(fields=["received_on", "source"], name="contact_received_day"),
        ]

    def __str__(self) -> str:
        return f"Contact {self.reference}"

    def get_absolute_url(self) -> str:
        return reverse("contacts:detail", args=[self.pk])

    @property
    def reference(self) -> str:
        return f"C{self.pk:07d}"

    @property
    def is_closed(self) -> bool:
        return self.status == self.Status.CLOSED

    @property
    def category_labels(self) -> list[str]:
        return [str(ConcernCategory(code).label) for code in self.categories if code in ConcernCategory.values]


class ContactChild(models.Model):
    """One child a contact is about, identified or not yet, and the decision about them."""

    contact = models.ForeignKey(Contact, on_delete=models.PROTECT, related_name="children")
    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, null=True, blank=True, related_name="contacts_about"
    )
    unidentified_details = models.TextField(
        blank=True, help_text="What is known of a child not yet identified: name, age, school, address."
    )
    follow_up = models.TextField(blank=True, help_text="What will be done to identify them.")

    class Meta:
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(person__isnull=False) | ~Q(unidentified_details=""),
                name="contact_child_identified_or_described",
            )
        ]
        indexes = [models.Index(fields=["person", "contact"], name="contact_child_person")]

    def __str__(self) -> str:
        return str(self.person) if self.person_id else "Child not yet identified"


class ContactAdult(models.Model):
    class Role(models.TextChoices):
        PARENT = "parent", "Parent or carer"
        ALLEGED_PERPETRATOR = "alleged_perpetrator", "Alleged perpetrator"
        VICTIM = "victim", "Victim"
        OTHER = "other", "Other"

    contact = models.ForeignKey(Contact, on_delete=models.PROTECT, related_name="adults")
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="contacts_involved_in")
    role = models.CharField(max_length=20, choices=Role.choices)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.person} ({self.get_role_display().lower()})"


class ThresholdDecision(models.Model):
    """The decision about one child on a contact. A returned decision stays, superseded by the next."""

    class Status(models.TextChoices):
        DECIDED = "decided", "Decided"
        AWAITING_AUTHORISATION = "awaiting_authorisation", "Waiting for a manager"
        AUTHORISED = "authorised", "Agreed by a manager"
        RETURNED = "returned", "Returned by a manager"

    contact_child = models.ForeignKey(ContactChild, on_delete=models.PROTECT, related_name="decisions")
    level = models.ForeignKey(ThresholdLevel, on_delete=models.PROTECT, related_name="+")
    criteria = models.ManyToManyField(ThresholdCriterion, blank=True, related_name="+")
    outcome = models.CharField(max_length=20, choices=Outcome.choices)
    rationale = models.TextField()
    rag = models.CharField(max_length=5, choices=Rag.choices)
    status = models.CharField(max_length=30, choices=Status.choices)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    decided_at = models.DateTimeField(default=timezone.now)
    decided_on = uk_day_of("decided_at")
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    manager_comment = models.TextField(blank=True)

    class Meta:
        ordering = ["-decided_at", "-id"]
        indexes = [
            models.Index(fields=["status", "decided_at"], name="decision_status"),
            # Decisions that stand, by day and outcome, read from the index alone (insight's decisions by outcome).
            models.Index(fields=["status", "decided_on", "outcome"], name="decision_day"),
        ]

    def __str__(self) -> str:
        return f"{self.get_outcome_display()} for {self.contact_child}"

    @property
    def needs_authorisation(self) -> bool:
        return self.outcome in CLOSING_OUTCOMES

    @property
    def is_final(self) -> bool:
        return self.status in (self.Status.DECIDED, self.Status.AUTHORISED)


class QualitySample(models.Model):
    """A closed contact drawn for quality assurance, and the reviewer's view of its decisions."""

    class Verdict(models.TextChoices):
        AGREE = "agree", "I agree with the decision"
        DISAGREE = "disagree", "I disagree with the decision"

    contact = models.OneToOneField(Contact, on_delete=models.PROTECT, related_name="quality_sample")
    week_starting = models.DateField()
    drawn_at = models.DateTimeField(default=timezone.now)
    verdict = models.CharField(max_length=10, choices=Verdict.choices, blank=True)
    comment = models.TextField(blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["reviewed_at", "-week_starting", "id"]

    def __str__(self) -> str:
        return f"Quality sample of {self.contact}"


class Call(models.Model):
    """A telephone call to the front door, from the telephony system's events or its call log."""

    call_id = models.CharField(max_length=100, unique=True)
    queue = models.CharField(max_length=60, blank=True)
    agent = models.CharField(max_length=100, blank=True)
    offered_at = models.DateTimeField(null=True, blank=True)
    offered_on = uk_day_of("offered_at")
    answered_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)
    transfers = models.PositiveSmallIntegerField(default=0)
    abandoned = models.BooleanField(default=False)
    # Anything odd about what the telephony system sent: kept, not lost.
    flags = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["-offered_at"]
        indexes = [
            models.Index(fields=["offered_at"], name="call_offered"),
            # Calls by day, answered in time or abandoned, read from the index alone (insight).
            models.Index(fields=["offered_on", "abandoned", "offered_at", "answered_at"], name="call_offered_day"),
        ]

    def __str__(self) -> str:
        return f"Call {self.call_id}"

    @property
    def seconds_to_answer(self) -> float | None:
        if self.offered_at and self.answered_at:
            return (self.answered_at - self.offered_at).total_seconds()
        return None


class CallEvent(models.Model):
    class Kind(models.TextChoices):
        OFFERED = "offered", "Offered"
        QUEUED = "queued", "Queued"
        TRANSFERRED = "transferred", "Transferred"
        ANSWERED = "answered", "Answered"
        ABANDONED = "abandoned", "Abandoned"
        ENDED = "ended", "Ended"

    call = models.ForeignKey(Call, on_delete=models.PROTECT, related_name="events")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    queue = models.CharField(max_length=60, blank=True)
    agent = models.CharField(max_length=100, blank=True)
    occurred_at = models.DateTimeField()
    received_at = models.DateTimeField(default=timezone.now)
    flag = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["occurred_at", "id"]

    def __str__(self) -> str:
        return f"{self.call} {self.kind} at {self.occurred_at}"
