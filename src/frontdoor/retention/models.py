"""How long the council keeps each kind of record, and the queue of records due for review.

Nothing is anonymised by the review job: it only lists records. A manager
confirms each one (domain.md §13.3: "review-before-destruction workflow,
never automatic deletion").
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone


class RecordClass(models.TextChoices):
    """The retention classes of domain.md §13.3 that Front Door holds records for."""

    CHILDRENS_SOCIAL_CARE = "childrens_social_care", "Children's social care record"
    CHILD_PROTECTION = "child_protection", "Child protection record"
    LOOKED_AFTER = "looked_after", "Looked-after child's case record"
    ADOPTION = "adoption", "Adoption record (order made)"


class Anchor(models.TextChoices):
    BIRTH = "birth", "from the date of birth"
    LAST_INVOLVEMENT = "last_involvement", "from the last involvement with the service"
    ADOPTION_ORDER = "adoption_order", "from the adoption order"


# Each class's anchor is fixed by its basis; only the number of years is the council's to set.
ANCHORS = {
    RecordClass.CHILDRENS_SOCIAL_CARE: Anchor.BIRTH,
    RecordClass.CHILD_PROTECTION: Anchor.LAST_INVOLVEMENT,
    RecordClass.LOOKED_AFTER: Anchor.BIRTH,
    RecordClass.ADOPTION: Anchor.ADOPTION_ORDER,
}

# (years, basis) as domain.md §13.3 gives them. Children in need and child protection have no
# statutory period: the first is the council's usual schedule, the second the local example given.
DEFAULT_RULES = {
    RecordClass.CHILDRENS_SOCIAL_CARE: (25, "Local schedule: to the 25th birthday"),
    RecordClass.CHILD_PROTECTION: (35, "Local schedule: 35 years after last contact (no statutory period)"),
    RecordClass.LOOKED_AFTER: (
        75,
        "Care Planning, Placement and Case Review (England) Regulations 2010, reg 50: to the 75th anniversary "
        "of birth, or 15 years from death if the child died before 18",
    ),
    RecordClass.ADOPTION: (
        100,
        "Disclosure of Adoption Information (Post-Commencement Adoptions) Regulations 2005, reg 6: "
        "at least 100 years from the adoption order",
    ),
}

# Statutory minimums a council may lengthen but not shorten.
MINIMUM_YEARS = {RecordClass.LOOKED_AFTER: 75, RecordClass.ADOPTION: 100}


class RetentionRule(models.Model):
    """How many years one class of record is kept, counted from its anchor."""

    record_class = models.CharField(max_length=30, choices=RecordClass.choices, unique=True)
    years = models.PositiveSmallIntegerField(validators=[MinValueValidator(1), MaxValueValidator(150)])
    basis = models.CharField(max_length=300, help_text="The law or local schedule the period comes from.")
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["record_class"]

    def __str__(self) -> str:
        return f"{self.get_record_class_display()}: {self.years} years {self.anchor.label}"

    @property
    def anchor(self) -> Anchor:
        return ANCHORS[RecordClass(self.record_class)]


class RetentionReview(models.Model):
    """One person's record past its retention date, and what a manager decided about it."""

    class Status(models.TextChoices):
        DUE = "due", "Due for review"
        DEFERRED = "deferred", "Kept for now"
        HELD = "held", "Legal hold"
        ANONYMISED = "anonymised", "Anonymised"

    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="retention_reviews")
    record_class = models.CharField(max_length=30, choices=RecordClass.choices)
    retain_until = models.DateField(help_text="The day the longest retention period applying to the record ended.")
    found_at = models.DateTimeField(default=timezone.now)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.DUE)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    reason = models.TextField(blank=True, help_text="Why the record is kept, or held; or the note on anonymising.")
    keep_until = models.DateField(null=True, blank=True, help_text="For a record kept for now: when to look again.")

    class Meta:
        ordering = ["retain_until", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["person"], condition=Q(status="due"), name="retention_one_open_review_per_person"
            ),
            models.CheckConstraint(
                condition=~Q(status="deferred") | Q(keep_until__isnull=False),
                name="retention_kept_for_now_until_a_date",
            ),
        ]
        indexes = [models.Index(fields=["status", "retain_until"], name="retention_review_queue")]

    def __str__(self) -> str:
        return f"Retention review of {self.person_id} ({self.get_status_display()})"
