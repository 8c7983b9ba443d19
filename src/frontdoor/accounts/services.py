import enum
import hashlib
import hmac
import secrets
from datetime import datetime
from typing import Any

import pyotp
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from webauthn import verify_authentication_response, verify_registration_response
from webauthn.helpers import (
    bytes_to_base64url,
    parse_authentication_credential_json,
    parse_registration_credential_json,
)
from webauthn.helpers.exceptions import WebAuthnException

from frontdoor.accounts.access import require_capability
from frontdoor.accounts.models import ApiToken, AuthenticatorApp, LocalAuthority, Passkey, RecoveryCode, User
from frontdoor.accounts.passkeys import RelyingParty
from frontdoor.accounts.roles import Capability
from frontdoor.accounts.signin import has_second_factor
from frontdoor.records.concurrency import claim_version
from frontdoor.records.services import record_event


def _describe(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


@transaction.atomic
def update_local_authority(
    *, council: LocalAuthority, by: User, expected_version: int, changes: dict[str, Any]
) -> LocalAuthority:
    """Change the council's settings; refused if someone else saved first."""
    claim_version(council, expected_version)
    changed = {
        name: {"from": _describe(getattr(council, name)), "to": _describe(value)}
        for name, value in changes.items()
        if getattr(council, name) != value
    }
    for name, value in changes.items():
        setattr(council, name, value)
    council.full_clean()
    council.save()
    record_event(
        kind="council.updated",
        by=by,
        summary=(
            f"Changed council settings: {', '.join(sorted(changed))}"
            if changed
            else "Saved council settings without changes"
        ),
        record=council,
        data={"changes": changed},
    )
    return council


def hash_api_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


@transaction.atomic
def create_api_token(*, user: User, name: str, by: User | None) -> tuple[ApiToken, str]:
    """A new API token for `user`. The key is returned once and stored only as a hash."""
    key = f"fd_{secrets.token_urlsafe(32)}"
    token = ApiToken.objects.create(user=user, name=name, prefix=key[3:11], key_hash=hash_api_key(key))
    record_event(
        kind="api_token.created",
        by=by,
        summary=f"Created API token '{name}' for {user.username}",
        record=token,
    )
    return token, key


@transaction.atomic
def revoke_api_token(*, token: ApiToken, by: User | None) -> ApiToken:
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    record_event(
        kind="api_token.revoked",
        by=by,
        summary=f"Revoked API token '{token.name}' of {token.user.username}",
        record=token,
    )
    return token


STAFF_FIELDS = ("first_name", "last_name", "email", "role", "team", "job_title")


def _staff_summary(values: dict[str, Any]) -> dict[str, Any]:
    return {name: str(value) if value is not None else None for name, value in values.items()}


@transaction.atomic
def add_staff_member(*, by: User, username: str, password: str, **details: Any) -> User:
    """A new account; the password is temporary and the person is told to change it."""
    unknown = set(details) - set(STAFF_FIELDS)
    if unknown:
        raise TypeError(f"unknown staff details: {', '.join(sorted(unknown))}")
    user = User(username=username, **details)
    user.set_password(password)
    user.full_clean()
    user.save()
    record_event(
        kind="staff.added",
        by=by,
        summary=f"Added {user.display_name} ({user.get_role_display()})",
        record=user,
        data=_staff_summary(details),
    )
    return user


@transaction.atomic
def update_staff_member(*, user: User, by: User, expected_version: int, changes: dict[str, Any]) -> User:
    """Change an account's details; refused if another administrator saved it first."""
    if unknown := set(changes) - set(STAFF_FIELDS):
        raise TypeError(f"{', '.join(sorted(unknown))} cannot be changed here")
    claim_version(user, expected_version)
    changed = {
        name: {"from": str(getattr(user, name)), "to": str(value)}
        for name, value in changes.items()
        if getattr(user, name) != value
    }
    for name, value in changes.items():
        setattr(user, name, value)
    user.full_clean()
    # Only the details: a full save would put back a password or last sign-in changed meanwhile.
    user.save(update_fields=list(changes))
    record_event(
        kind="staff.updated",
        by=by,
        summary=f"Changed {user.display_name}: {', '.join(sorted(changed)) or 'nothing'}",
        record=user,
        data={"changes": changed},
    )
    return user


def _end_sessions(user: User) -> None:
    """Sign the person out everywhere at their next request (see User.get_session_auth_hash)."""
    User.objects.filter(pk=user.pk).update(session_generation=F("session_generation") + 1)
    user.refresh_from_db(fields=["session_generation"])


@transaction.atomic
def set_staff_account_open(*, user: User, by: User, is_open: bool) -> User:
    """Close an account (nothing is deleted: their records keep their name) or reopen it."""
    if user == by and not is_open:
        raise ValueError("You cannot close your own account")
    user.is_active = is_open
    user.save(update_fields=["is_active"])
    if not is_open:
        # Closing must end their sessions: a single sign-on session does not check the flag itself.
        _end_sessions(user)
    record_event(
        kind="staff.reopened" if is_open else "staff.closed",
        by=by,
        summary=f"{'Reopened' if is_open else 'Closed'} the account of {user.display_name}",
        record=user,
    )
    return user


@transaction.atomic
def reset_staff_password(*, user: User, by: User, password: str) -> User:
    """A new temporary password, which also unlocks a locked account."""
    from axes.utils import reset

    user.set_password(password)
    user.save(update_fields=["password"])
    _end_sessions(user)  # a new password changes the fingerprint anyway; this says so, whatever the backend
    reset(username=user.username)
    record_event(
        kind="staff.password_reset",
        by=by,
        summary=f"Reset the password of {user.display_name} and unlocked the account",
        record=user,
    )
    return user


# Multi-factor authentication: an authenticator app (TOTP, RFC 6238) and recovery codes.

RECOVERY_CODE_COUNT = 10
# No 0/o, 1/l/i: the codes are copied from paper.
RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
# Accept the code before and after the current one, for a phone clock a little out.
TOTP_DRIFT_STEPS = 1


class SecondFactor(enum.StrEnum):
    APP = "app"
    PASSKEY = "passkey"
    RECOVERY_CODE = "recovery_code"


def new_totp_secret() -> str:
    return pyotp.random_base32()


def _normalise_code(code: str) -> str:
    return "".join(code.split()).replace("-", "").lower()


def hash_recovery_code(code: str) -> str:
    # Codes carry about 49 random bits, so a fast hash is enough, as for API keys.
    return hashlib.sha256(_normalise_code(code).encode()).hexdigest()


def matching_totp_step(secret: str, code: str, *, at: datetime, after_step: int | None = None) -> int | None:
    """The time step whose code this is, if it is current (within the drift) and newer than `after_step`."""
    code = _normalise_code(code)
    if not (len(code) == 6 and code.isdigit()):
        return None
    totp = pyotp.TOTP(secret)
    now_step = totp.timecode(at)
    for step in range(now_step - TOTP_DRIFT_STEPS, now_step + TOTP_DRIFT_STEPS + 1):
        if after_step is not None and step <= after_step:
            continue
        if hmac.compare_digest(totp.generate_otp(step), code):
            return step
    return None


def _replace_recovery_codes(user: User) -> list[str]:
    # Old codes stop working the moment new ones are made; they are credentials, not records.
    RecoveryCode.objects.filter(user=user).delete()
    codes = []
    for _ in range(RECOVERY_CODE_COUNT):
        raw = "".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(10))
        codes.append(f"{raw[:5]}-{raw[5:]}")
    RecoveryCode.objects.bulk_create(RecoveryCode(user=user, code_hash=hash_recovery_code(code)) for code in codes)
    return codes


@transaction.atomic
def enrol_authenticator_app(*, user: User, secret: str, code: str, by: User) -> list[str]:
    """Set up the user's authenticator app once a code from it is right; returns their new recovery codes."""
    if user != by:
        raise ValidationError("Only the account's owner can set up their authenticator app")
    if AuthenticatorApp.objects.select_for_update().filter(user=user).exists():
        raise ValidationError("An authenticator app is already set up for this account")
    now = timezone.now()
    step = matching_totp_step(secret, code, at=now)
    if step is None:
        raise ValidationError("The code is not correct. Enter the 6-digit code your authenticator app shows now")
    AuthenticatorApp.objects.create(user=user, secret=secret, enrolled_at=now, last_used_step=step, last_used_at=now)
    codes = _replace_recovery_codes(user)
    record_event(
        kind="mfa.enrolled",
        by=by,
        summary=f"{user.display_name} set up an authenticator app and got {len(codes)} recovery codes",
        record=user,
    )
    return codes


@transaction.atomic
def regenerate_recovery_codes(*, user: User, by: User) -> list[str]:
    if user != by:
        raise ValidationError("Only the account's owner can make new recovery codes")
    if not has_second_factor(user):
        raise ValidationError("Set up an authenticator app or a passkey before making recovery codes")
    codes = _replace_recovery_codes(user)
    record_event(
        kind="mfa.recovery_codes_replaced",
        by=by,
        summary=f"{user.display_name} made new recovery codes; the old ones no longer work",
        record=user,
    )
    return codes


@transaction.atomic
def verify_second_factor(*, user: User, code: str, by: User) -> SecondFactor | None:
    """Check a code from the app or a recovery code; each is accepted only once."""
    app = AuthenticatorApp.objects.select_for_update().filter(user=user).first()
    now = timezone.now()
    step = None if app is None else matching_totp_step(app.secret, code, at=now, after_step=app.last_used_step)
    if app is not None and step is not None:
        app.last_used_step, app.last_used_at = step, now
        app.save(update_fields=["last_used_step", "last_used_at"])
        record_event(kind="mfa.verified", by=by, summary=f"{user.display_name} signed in with their app", record=user)
        return SecondFactor.APP
    recovery = (
        RecoveryCode.objects.select_for_update()
        .filter(user=user, code_hash=hash_recovery_code(code), used_at__isnull=True)
        .first()
    )
    if recovery is None:
        return None
    recovery.used_at = now
    recovery.save(update_fields=["used_at"])
    left = RecoveryCode.objects.filter(user=user, used_at__isnull=True).count()
    record_event(
        kind="mfa.recovery_code_used",
        by=by,
        summary=f"{user.display_name} signed in with a recovery code ({left} left)",
        record=user,
        data={"recovery_codes_left": left},
    )
    return SecondFactor.RECOVERY_CODE


@transaction.atomic
def reset_mfa(*, user: User, by: User) -> User:
    """For a lost phone: remove the app and recovery codes, so the person sets up a new app at next sign-in."""
    require_capability(by, Capability.MANAGE_STAFF, "Your role does not allow resetting someone's sign-in codes")
    if user == by:
        raise ValidationError("Ask another administrator to reset your own authenticator app")
    removed = AuthenticatorApp.objects.filter(user=user).delete()[0]
    # A lost phone may have held their passkey too: every factor goes, and they start again.
    passkeys_removed = Passkey.objects.filter(user=user).delete()[0]
    RecoveryCode.objects.filter(user=user).delete()
    # Whoever has the lost phone may be signed in as them: their sessions end with the app.
    _end_sessions(user)
    record_event(
        kind="mfa.reset",
        by=by,
        summary=f"Reset the authenticator app of {user.display_name}",
        record=user,
        data={"had_app": bool(removed), "passkeys_removed": passkeys_removed},
    )
    return user


# Passkeys (WebAuthn), checked by py_webauthn. The challenge comes from the session (see passkeys.py).

PASSKEY_NAME_LENGTH = 60  # Passkey.name


@transaction.atomic
def register_passkey(
    *, user: User, name: str, credential: str, challenge: bytes, relying_party: RelyingParty, by: User
) -> tuple[Passkey, list[str]]:
    """Add a passkey from the browser's answer to the registration challenge.

    Returns the passkey and, when it is the person's first second factor, their new recovery codes.
    """
    if user != by:
        raise ValidationError("Only the account's owner can add a passkey")
    name = " ".join(name.split())
    if not name or len(name) > PASSKEY_NAME_LENGTH:
        raise ValidationError(f"Enter a name for the passkey of at most {PASSKEY_NAME_LENGTH} characters")
    # One at a time per person, so two first passkeys cannot both make recovery codes.
    User.objects.select_for_update().filter(pk=user.pk).first()
    first_factor = not has_second_factor(user)
    try:
        parsed = parse_registration_credential_json(credential)
        verified = verify_registration_response(
            credential=parsed,
            expected_challenge=challenge,
            expected_rp_id=relying_party.id,
            expected_origin=relying_party.origin,
        )
    except (WebAuthnException, ValueError) as error:
        raise ValidationError(
            "The passkey could not be added. Try again, and use the device or password manager you mean to use"
        ) from error
    credential_id = bytes_to_base64url(verified.credential_id)
    if Passkey.objects.filter(credential_id=credential_id).exists():
        raise ValidationError("This passkey is already added")
    passkey = Passkey.objects.create(
        user=user,
        name=name,
        credential_id=credential_id,
        public_key=verified.credential_public_key,
        sign_count=verified.sign_count,
        transports=[transport.value for transport in parsed.response.transports or []],
    )
    codes = _replace_recovery_codes(user) if first_factor else []
    record_event(
        kind="mfa.passkey_added",
        by=by,
        summary=f"{user.display_name} added a passkey, '{name}'"
        + (f", and got {len(codes)} recovery codes" if codes else ""),
        record=user,
        data={"passkey": name, "first_factor": first_factor},
    )
    return passkey, codes


@transaction.atomic
def verify_passkey(
    *, user: User, credential: str, challenge: bytes, relying_party: RelyingParty, by: User
) -> Passkey | None:
    """Check the browser's answer to a sign-in challenge with one of the person's passkeys; None if it fails."""
    try:
        parsed = parse_authentication_credential_json(credential)
    except (WebAuthnException, ValueError):
        return None
    passkey = Passkey.objects.select_for_update().filter(user=user, credential_id=parsed.id).first()
    if passkey is None:
        return None
    try:
        verified = verify_authentication_response(
            credential=parsed,
            expected_challenge=challenge,
            expected_rp_id=relying_party.id,
            expected_origin=relying_party.origin,
            credential_public_key=bytes(passkey.public_key),
            # A count that does not go up means a copy of the key may be in use somewhere else.
            credential_current_sign_count=passkey.sign_count,
        )
    except (WebAuthnException, ValueError):
        return None
    passkey.sign_count, passkey.last_used_at = verified.new_sign_count, timezone.now()
    passkey.save(update_fields=["sign_count", "last_used_at"])
    record_event(
        kind="mfa.passkey_used",
        by=by,
        summary=f"{user.display_name} signed in with their passkey '{passkey.name}'",
        record=user,
        data={"passkey": passkey.name},
    )
    return passkey


@transaction.atomic
def remove_passkey(*, passkey: Passkey, by: User) -> None:
    """Remove one of your passkeys; not the last way to sign in where a second factor is required."""
    user = passkey.user
    if user != by:
        raise ValidationError("Only the account's owner can remove their passkeys")
    others = Passkey.objects.select_for_update().filter(user=user).exclude(pk=passkey.pk)
    has_app = AuthenticatorApp.objects.filter(user=user).exists()
    if settings.MFA_REQUIRED and not has_app and not others.exists():
        raise ValidationError(
            "This is your only passkey and you have no authenticator app. "
            "Add another passkey or set up an app before removing it"
        )
    # Deleted by query: the caller's object keeps its id, and a rolled-back removal leaves it as it was.
    Passkey.objects.filter(pk=passkey.pk).delete()
    if not has_app and not others.exists():
        # With no factor left, the recovery codes would be a way in on their own.
        RecoveryCode.objects.filter(user=user).delete()
    record_event(
        kind="mfa.passkey_removed",
        by=by,
        summary=f"{user.display_name} removed their passkey '{passkey.name}'",
        record=user,
        data={"passkey": passkey.name},
    )
