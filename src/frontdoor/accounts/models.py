from collections.abc import Iterator
from datetime import date, datetime, time

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.crypto import salted_hmac

from frontdoor.accounts.roles import MANAGER_ROLES, ROLE_CAPABILITIES, Capability, Role
from frontdoor.timescales.regimes import Regime, Timescale


class Team(models.Model):
    class Kind(models.TextChoices):
        ACCESS = "access", "Access team"
        LOCALITY = "locality", "Locality team"
        DISABILITIES = "disabilities", "Children with disabilities team"
        EMERGENCY_DUTY = "emergency_duty", "Emergency duty team"
        EARLY_HELP = "early_help", "Early help team"
        QUALITY = "quality", "Quality and performance team"

    name = models.CharField(max_length=100, unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


# Django's own salt for the session fingerprint (AbstractBaseUser._get_session_auth_hash).
SESSION_HASH_SALT = "django.contrib.auth.models.AbstractBaseUser.get_session_auth_hash"


class User(AbstractUser):
    role = models.CharField(max_length=30, choices=Role.choices)
    team = models.ForeignKey(Team, on_delete=models.PROTECT, null=True, blank=True, related_name="members")
    job_title = models.CharField(max_length=100, blank=True)
    # Optimistic lock for administrators editing the account's details (records.concurrency).
    version = models.PositiveIntegerField(default=1)
    # Part of every session's fingerprint: moving it on signs the person out everywhere.
    session_generation = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["last_name", "first_name"]
        # What administrators call it, in messages such as a refused stale save.
        verbose_name = "staff account"

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return self.get_full_name() or self.username

    def get_session_auth_hash(self) -> str:
        """The fingerprint Django checks a session against on every request: a mismatch signs it out.

        Django's is an HMAC of the password hash, so a new password ends every
        session. The session generation joins it, so an administrator resetting
        someone's authenticator app or closing their account ends their sessions
        too, whatever the session store and whichever way they signed in.
        """
        return self._session_fingerprint(secret=None)

    def get_session_auth_fallback_hash(self) -> Iterator[str]:
        for secret in settings.SECRET_KEY_FALLBACKS:
            yield self._session_fingerprint(secret=secret)

    def _session_fingerprint(self, *, secret: str | bytes | None) -> str:
        # Generation 0 gives Django's own value, so sessions made before this field existed carry on.
        value = self.password if not self.session_generation else f"{self.password}:{self.session_generation}"
        return salted_hmac(SESSION_HASH_SALT, value, secret=secret, algorithm="sha256").hexdigest()

    @property
    def capabilities(self) -> frozenset[Capability]:
        if not self.is_active or not self.role:
            return frozenset()
        return ROLE_CAPABILITIES[Role(self.role)]

    def can(self, capability: Capability) -> bool:
        return capability in self.capabilities

    @property
    def is_manager(self) -> bool:
        return self.role in MANAGER_ROLES


class LocalAuthority(models.Model):
    """The council this deployment serves: one row, edited by administrators."""

    SINGLETON_ID = 1

    name = models.CharField(max_length=100)
    la_code = models.CharField(
        "DfE local authority code",
        max_length=3,
        blank=True,
        validators=[RegexValidator(r"^\d{3}$", "Enter the 3-digit DfE local authority code")],
    )
    regime = models.CharField("statutory regime", max_length=10, choices=Regime.choices, default=Regime.CURRENT)
    regime_changed_on = models.DateField(
        "date the council moved to this regime",
        null=True,
        blank=True,
        help_text="Work started before this date keeps the rules of the previous regime.",
    )
    office_opens = models.TimeField(default=time(9, 0))
    office_closes = models.TimeField(default=time(17, 0))
    office_closes_friday = models.TimeField(default=time(16, 30))
    front_door_phone = models.CharField(max_length=30, blank=True)
    out_of_hours_phone = models.CharField(max_length=30, blank=True)
    cp_visit_interval_working_days = models.PositiveSmallIntegerField(
        "visits to a child on a child protection plan, every (working days)",
        default=10,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
    )
    cin_visit_interval_working_days = models.PositiveSmallIntegerField(
        "visits to a child in need, every (working days)",
        default=20,
        validators=[MinValueValidator(1), MaxValueValidator(120)],
    )
    cin_plan_review_interval_months = models.PositiveSmallIntegerField(
        "child in need plan reviews, every (months)",
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(12)],
    )
    child_population = models.PositiveIntegerField(
        "children aged under 18 in the area",
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text="The ONS mid-year estimate, for referrals and other figures per 10,000 children.",
    )
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = "local authority"
        verbose_name_plural = "local authority"
        constraints = [models.CheckConstraint(condition=models.Q(id=1), name="local_authority_is_singleton")]

    def __str__(self) -> str:
        return self.name

    @classmethod
    def load(cls) -> "LocalAuthority":
        # The row is made by a migration, and again here if a reset removed it.
        council, _ = cls.objects.get_or_create(pk=cls.SINGLETON_ID, defaults={"name": "Children's services"})
        return council

    def regime_on(self, day: date) -> Regime:
        """The regime for work started on `day`."""
        if self.regime == Regime.CURRENT and self.regime_changed_on and day < self.regime_changed_on:
            return Regime.WT2010
        return Regime(self.regime)

    def timescale_length(self, timescale: Timescale) -> int | None:
        if timescale.council_setting:
            return int(getattr(self, timescale.council_setting))
        return timescale.length

    def is_office_hours(self, moment: datetime) -> bool:
        from frontdoor.timescales.calendar import is_working_day

        local = timezone.localtime(moment)
        if not is_working_day(local.date()):
            return False
        closes = self.office_closes_friday if local.weekday() == 4 else self.office_closes
        return self.office_opens <= local.time() < closes


class ApiToken(models.Model):
    """A token for a system that calls the API, stored only as a hash."""

    user = models.ForeignKey(User, on_delete=models.PROTECT, related_name="api_tokens")
    name = models.CharField(max_length=100, help_text="What uses it, e.g. 'police notifications'.")
    prefix = models.CharField(max_length=8, db_index=True)
    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None


class AuthenticatorApp(models.Model):
    """A staff member's authenticator app: the shared secret of their time-based codes (RFC 6238).

    The secret cannot be hashed, since every code is computed from it; it never
    leaves the server after enrolment. `last_used_step` refuses a code that was
    already used, so a code seen over someone's shoulder cannot sign in again.
    """

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="authenticator_app")
    secret = models.CharField(max_length=64)
    enrolled_at = models.DateTimeField(default=timezone.now)
    last_used_step = models.BigIntegerField(null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"Authenticator app of {self.user.username}"


class RecoveryCode(models.Model):
    """A single-use code for signing in without the authenticator app, stored only as a hash."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="recovery_codes")
    code_hash = models.CharField(max_length=64)
    created_at = models.DateTimeField(default=timezone.now)
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "code_hash"], name="recovery_code_unique_per_user")]

    def __str__(self) -> str:
        return f"Recovery code of {self.user.username}"


class Passkey(models.Model):
    """A staff member's passkey (WebAuthn credential): a key pair whose private half never leaves their device.

    Only the public key is kept. `sign_count` is the authenticator's own use
    counter: a response that does not move it forward may come from a cloned
    key and is refused (a passkey that always reports 0, as synced ones do,
    is allowed, as the standard says).
    """

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="passkeys")
    name = models.CharField(max_length=60)
    credential_id = models.CharField(max_length=1400, unique=True, help_text="base64url, as the browser sends it")
    public_key = models.BinaryField()
    sign_count = models.PositiveBigIntegerField(default=0)
    transports = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"Passkey '{self.name}' of {self.user.username}"
