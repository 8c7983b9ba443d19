from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from frontdoor.codes import Ethnicity, Sex, UpnUnknownReason
from frontdoor.people.identifiers import format_nhs_number


class ImmigrationStatus(models.TextChoices):
    BRITISH = "british", "British or Irish citizen"
    SETTLED = "settled", "Settled status or indefinite leave to remain"
    PRE_SETTLED = "pre_settled", "Pre-settled status or limited leave to remain"
    REFUGEE = "refugee", "Refugee or humanitarian protection"
    ASYLUM_SEEKER = "asylum_seeker", "Asylum seeker"
    UASC = "uasc", "Unaccompanied asylum-seeking child"
    NRPF = "nrpf", "No recourse to public funds"
    OTHER = "other", "Other"
    NOT_KNOWN = "not_known", "Not known"


class RestrictionReason(models.TextChoices):
    STAFF_RELATIVE = "staff_relative", "Relative of a member of staff or a councillor"
    HIGH_PROFILE = "high_profile", "High-profile family"
    ADOPTION = "adoption", "Adoption"
    PROTECTION = "protection", "Witness protection or refuge address"
    OTHER = "other", "Other"


class Person(models.Model):
    """A child or an adult known to children's services."""

    first_name = models.CharField(max_length=100)
    middle_names = models.CharField(max_length=100, blank=True)
    last_name = models.CharField(max_length=100)
    date_of_birth = models.DateField(null=True, blank=True)
    expected_date_of_birth = models.DateField(null=True, blank=True, help_text="For an unborn child.")
    date_of_death = models.DateField(null=True, blank=True)
    sex = models.CharField(max_length=1, choices=Sex.choices, default=Sex.UNKNOWN)
    ethnicity = models.CharField(max_length=4, choices=Ethnicity.choices, default=Ethnicity.NOT_OBTAINED)
    # CIN census disability codes; empty means not recorded, ["NONE"] means no disability.
    disabilities = models.JSONField(default=list, blank=True)
    first_language = models.CharField(max_length=60, blank=True)
    interpreter_needed = models.BooleanField(default=False)
    religion = models.CharField(max_length=60, blank=True)
    immigration_status = models.CharField(max_length=20, choices=ImmigrationStatus.choices, blank=True)

    nhs_number = models.CharField("NHS number", max_length=10, blank=True)
    upn = models.CharField("UPN", max_length=13, blank=True)
    former_upn = models.CharField("former UPN", max_length=13, blank=True)
    upn_unknown_reason = models.CharField(
        "reason the UPN is not known", max_length=3, choices=UpnUnknownReason.choices, blank=True
    )
    la_child_id = models.CharField("LA child ID", max_length=20, blank=True)
    phone = models.CharField(max_length=30, blank=True)
    email = models.EmailField(blank=True)

    is_restricted = models.BooleanField(default=False)
    restriction_reason = models.CharField(max_length=20, choices=RestrictionReason.choices, blank=True)

    merged_into = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="merged_people"
    )
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["last_name", "first_name"]
        verbose_name_plural = "people"
        indexes = [
            models.Index(fields=["date_of_birth"], name="person_dob"),
            models.Index(fields=["nhs_number"], name="person_nhs_number"),
            models.Index(fields=["upn"], name="person_upn"),
            models.Index(fields=["former_upn"], name="person_former_upn"),
            # The unique constraint's index is partial, which look-ups by value cannot use on SQLite.
            models.Index(fields=["la_child_id"], name="person_la_child_id"),
        ]
        constraints = [
            # One live record per identifier; a merged record keeps its own for the undo.
            models.UniqueConstraint(
                fields=["nhs_number"],
                condition=~Q(nhs_number="") & Q(merged_into__isnull=True),
                name="person_nhs_number_unique",
                violation_error_message="Another person already has this NHS number",
            ),
            models.UniqueConstraint(
                fields=["upn"],
                condition=~Q(upn="") & Q(merged_into__isnull=True),
                name="person_upn_unique",
                violation_error_message="Another person already has this UPN",
            ),
            models.UniqueConstraint(
                fields=["la_child_id"],
                condition=~Q(la_child_id=""),
                name="person_la_child_id_unique",
            ),
            models.CheckConstraint(
                condition=Q(date_of_birth__isnull=True) | Q(expected_date_of_birth__isnull=True),
                name="person_born_or_expected",
                violation_error_message="A person has a date of birth or an expected date of birth, not both",
            ),
        ]

    def __str__(self) -> str:
        return self.full_name

    def get_absolute_url(self) -> str:
        return reverse("people:detail", args=[self.pk])

    @classmethod
    def field_label(cls, name: str) -> str:
        """A field's name as people read it: 'Date of birth', 'NHS number'."""
        label = str(getattr(cls._meta.get_field(name), "verbose_name", name))
        return label[0].upper() + label[1:]

    @property
    def full_name(self) -> str:
        return " ".join(part for part in (self.first_name, self.middle_names, self.last_name) if part)

    @property
    def short_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def is_unborn(self) -> bool:
        return self.date_of_birth is None and self.expected_date_of_birth is not None

    @property
    def nhs_number_display(self) -> str:
        return format_nhs_number(self.nhs_number)

    def age_on(self, day: date) -> int | None:
        if self.date_of_birth is None:
            return None
        born = self.date_of_birth
        return day.year - born.year - ((day.month, day.day) < (born.month, born.day))

    @property
    def age(self) -> int | None:
        return self.age_on(timezone.localdate())

    @property
    def is_child(self) -> bool:
        age = self.age
        return self.is_unborn or (age is not None and age < 18)


class Identifier(models.Model):
    """An identifier other than NHS number, UPN and LA child ID: police and other references."""

    class Kind(models.TextChoices):
        POLICE = "police", "Police reference"
        NI_NUMBER = "ni_number", "National Insurance number"
        HOME_OFFICE = "home_office", "Home Office reference"
        PREVIOUS_SYSTEM = "previous_system", "Previous system ID"
        OTHER = "other", "Other reference"

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="identifiers")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    value = models.CharField(max_length=60)
    issuer = models.CharField(max_length=100, blank=True, help_text="Who issued it, e.g. the police force.")
    added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["kind", "value"]
        indexes = [models.Index(fields=["value"], name="identifier_value")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.value}"


class OtherName(models.Model):
    """A name a person has had or goes by: searched as well as their legal name."""

    class Kind(models.TextChoices):
        PREVIOUS = "previous", "Previous name"
        ALIAS = "alias", "Alias"
        PREFERRED = "preferred", "Preferred name"

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="other_names")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    first_name = models.CharField(max_length=100, blank=True)
    last_name = models.CharField(max_length=100, blank=True)
    added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["kind", "last_name", "first_name"]

    def __str__(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


class PersonName(models.Model):
    """The search index: every name of every person with its matching keys.

    Rebuilt by the people services whenever a name changes; never edited by hand.
    """

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="search_names")
    is_other_name = models.BooleanField(default=False)
    first = models.CharField(max_length=100)
    last = models.CharField(max_length=100)
    first_key = models.CharField(max_length=20)
    last_key = models.CharField(max_length=20)
    last_sound = models.CharField(max_length=4)
    first_group = models.CharField(max_length=40)
    # The person's date of birth (or expected date), so a remembered year
    # narrows the candidates in the database rather than in Python.
    born = models.DateField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["last_key", "born"], name="name_last_key_born"),
            models.Index(fields=["last_sound", "born"], name="name_last_sound_born"),
            models.Index(fields=["first_group", "born"], name="name_first_group_born"),
            models.Index(fields=["last", "born"], name="name_last_born"),
        ]

    def __str__(self) -> str:
        return f"{self.first} {self.last}"


class Address(models.Model):
    line_1 = models.CharField("address line 1", max_length=100)
    line_2 = models.CharField("address line 2", max_length=100, blank=True)
    town = models.CharField("town or city", max_length=60)
    postcode = models.CharField(max_length=8)

    class Meta:
        verbose_name_plural = "addresses"
        indexes = [models.Index(fields=["postcode"], name="address_postcode")]

    def __str__(self) -> str:
        return ", ".join(part for part in (self.line_1, self.line_2, self.town, self.postcode) if part)


class Residence(models.Model):
    """A person living at an address from one date to another; people at one address form a household."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="residences")
    address = models.ForeignKey(Address, on_delete=models.PROTECT, related_name="residences")
    moved_in = models.DateField(null=True, blank=True)
    moved_out = models.DateField(null=True, blank=True)
    is_confidential = models.BooleanField(
        default=False, help_text="For example a refuge: never shared outside children's services."
    )

    class Meta:
        ordering = ["-moved_in"]
        constraints = [
            models.CheckConstraint(
                condition=Q(moved_out__isnull=True) | Q(moved_in__isnull=True) | Q(moved_out__gte=models.F("moved_in")),
                name="residence_moves_out_after_in",
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} at {self.address}"

    @property
    def is_current(self) -> bool:
        return self.moved_out is None or self.moved_out >= timezone.localdate()


class RelationshipKind(models.TextChoices):
    MOTHER = "mother", "Mother"
    FATHER = "father", "Father"
    CHILD = "child", "Child"
    STEP_PARENT = "step_parent", "Step-parent"
    STEP_CHILD = "step_child", "Step-child"
    SIBLING = "sibling", "Sibling"
    HALF_SIBLING = "half_sibling", "Half-sibling"
    GRANDPARENT = "grandparent", "Grandparent"
    GRANDCHILD = "grandchild", "Grandchild"
    OTHER_RELATIVE = "other_relative", "Other relative"
    CARER = "carer", "Carer"
    CARED_FOR = "cared_for", "Cared for"
    HOUSEHOLD_MEMBER = "household_member", "Household member"
    PARTNER = "partner", "Partner"


# Each kind and the kind of the row that mirrors it.
RECIPROCAL = {
    RelationshipKind.MOTHER: RelationshipKind.CHILD,
    RelationshipKind.FATHER: RelationshipKind.CHILD,
    RelationshipKind.STEP_PARENT: RelationshipKind.STEP_CHILD,
    RelationshipKind.SIBLING: RelationshipKind.SIBLING,
    RelationshipKind.HALF_SIBLING: RelationshipKind.HALF_SIBLING,
    RelationshipKind.GRANDPARENT: RelationshipKind.GRANDCHILD,
    RelationshipKind.OTHER_RELATIVE: RelationshipKind.OTHER_RELATIVE,
    RelationshipKind.CARER: RelationshipKind.CARED_FOR,
    RelationshipKind.HOUSEHOLD_MEMBER: RelationshipKind.HOUSEHOLD_MEMBER,
    RelationshipKind.PARTNER: RelationshipKind.PARTNER,
}
PARENT_KINDS = {RelationshipKind.MOTHER, RelationshipKind.FATHER, RelationshipKind.STEP_PARENT}
SIBLING_KINDS = {RelationshipKind.SIBLING, RelationshipKind.HALF_SIBLING}


class Relationship(models.Model):
    """`relative` is `person`'s `kind`: a row (child, mother, MOTHER) says who the child's mother is.

    Every relationship is two rows, one from each side, made and ended together.
    """

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="relationships")
    relative = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=20, choices=RelationshipKind.choices)
    # The parent in the pair holds parental responsibility for the child.
    parental_responsibility = models.BooleanField(default=False)
    started_on = models.DateField(null=True, blank=True)
    ended_on = models.DateField(null=True, blank=True)
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["kind"]
        indexes = [models.Index(fields=["person", "kind"], name="relationship_person_kind")]

    def __str__(self) -> str:
        return f"{self.relative} is {self.person}'s {self.get_kind_display().lower()}"

    @property
    def is_current(self) -> bool:
        return self.ended_on is None


class Professional(models.Model):
    """Someone from another agency involved with a child: a GP, a teacher, a health visitor."""

    class Role(models.TextChoices):
        GP = "gp", "GP"
        SCHOOL = "school", "School (designated safeguarding lead or teacher)"
        HEALTH_VISITOR = "health_visitor", "Health visitor"
        SCHOOL_NURSE = "school_nurse", "School nurse"
        MIDWIFE = "midwife", "Midwife"
        PAEDIATRICIAN = "paediatrician", "Paediatrician"
        CAMHS = "camhs", "Child and adolescent mental health services"
        POLICE = "police", "Police"
        PROBATION = "probation", "Probation"
        YOUTH_JUSTICE = "youth_justice", "Youth justice"
        HOUSING = "housing", "Housing"
        EARLY_YEARS = "early_years", "Nursery or early years setting"
        OTHER = "other", "Other"

    name = models.CharField(max_length=100)
    role = models.CharField(max_length=20, choices=Role.choices)
    organisation = models.CharField(max_length=150)
    phone = models.CharField(max_length=30, blank=True)
    email = models.EmailField(blank=True)

    class Meta:
        ordering = ["organisation", "name"]

    def __str__(self) -> str:
        return f"{self.name}, {self.get_role_display()}, {self.organisation}"


class Involvement(models.Model):
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="involvements")
    professional = models.ForeignKey(Professional, on_delete=models.PROTECT, related_name="involvements")
    started_on = models.DateField(null=True, blank=True)
    ended_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["professional__role"]

    def __str__(self) -> str:
        return f"{self.professional} with {self.person}"

    @property
    def is_current(self) -> bool:
        return self.ended_on is None


class Warning(models.Model):
    """A marker shown at the top of every page about the person, reviewed by a date."""

    class Kind(models.TextChoices):
        RISK_TO_STAFF = "risk_to_staff", "Risk to staff"
        VIOLENCE = "violence", "History of violence or aggression"
        RISK_TO_CHILDREN = "risk_to_children", "Risk to children"
        LONE_WORKING = "lone_working", "Do not visit alone"
        DOG = "dog", "Dangerous dog at the address"
        WEAPONS = "weapons", "Weapons at the address"
        HEALTH = "health", "Health or infection risk"
        OTHER = "other", "Other"

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="warnings")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    details = models.TextField()
    review_on = models.DateField()
    raised_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    raised_at = models.DateTimeField(default=timezone.now)
    last_reviewed_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    end_reason = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["review_on"]
        indexes = [models.Index(fields=["ended_at", "review_on"], name="warning_open_review")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.person}"

    @property
    def is_active(self) -> bool:
        return self.ended_at is None

    def is_overdue_on(self, day: date) -> bool:
        return self.is_active and self.review_on < day


class RestrictionGrant(models.Model):
    """Who may open a restricted record: a named user, or everyone in a role."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="restriction_grants")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    role = models.CharField(max_length=30, blank=True)
    granted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    granted_at = models.DateTimeField(default=timezone.now)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["granted_at"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(user__isnull=False) & Q(role="")) | (Q(user__isnull=True) & ~Q(role="")),
                name="grant_is_to_a_user_or_a_role",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user or self.role} may open {self.person}"

    @property
    def role_label(self) -> str:
        from frontdoor.accounts.roles import Role

        return str(Role(self.role).label) if self.role else ""


class DuplicateCandidate(models.Model):
    """Two records that may be the same person, and what a person decided about them."""

    class Status(models.TextChoices):
        OPEN = "open", "Waiting for a decision"
        NOT_DUPLICATE = "not_duplicate", "Not the same person"
        MERGED = "merged", "Merged"

    class Source(models.TextChoices):
        FINDER = "finder", "Found by the duplicate finder"
        CREATE_ANYWAY = "create_anyway", "Warned when adding a person"

    # person_a has the lower ID, so a pair is stored once.
    person_a = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    person_b = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    score = models.FloatField()
    reasons = models.JSONField(default=list)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.OPEN)
    source = models.CharField(max_length=20, choices=Source.choices, default=Source.FINDER)
    found_at = models.DateTimeField(default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-score"]
        constraints = [
            models.UniqueConstraint(fields=["person_a", "person_b"], name="duplicate_pair_once"),
            models.CheckConstraint(condition=Q(person_a__lt=models.F("person_b")), name="duplicate_pair_ordered"),
        ]
        indexes = [models.Index(fields=["status", "-score"], name="duplicate_queue")]

    def __str__(self) -> str:
        return f"{self.person_a_id} and {self.person_b_id} ({self.score:.2f})"


class Merge(models.Model):
    """One merge: enough to show what happened and to undo it."""

    survivor = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="merges_kept")
    merged = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="merges_absorbed")
    merged_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    merged_at = models.DateTimeField(default=timezone.now)
    # The survivor's fields before the merge, and which fields took the other record's value.
    survivor_before = models.JSONField(default=dict)
    fields_taken = models.JSONField(default=list)
    # [{"model": "app.Model", "field": "person", "ids": [...]}]: the rows that moved.
    moved = models.JSONField(default=list)
    survivor_version_after = models.PositiveIntegerField()
    undone_at = models.DateTimeField(null=True, blank=True)
    undone_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-merged_at"]

    def __str__(self) -> str:
        return f"{self.merged_id} merged into {self.survivor_id}"

    @property
    def is_undone(self) -> bool:
        return self.undone_at is not None
