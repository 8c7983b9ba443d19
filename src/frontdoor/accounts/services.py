import hashlib
import secrets
from typing import Any

from django.db import transaction
from django.utils import timezone

from frontdoor.accounts.models import ApiToken, LocalAuthority, User
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
def update_staff_member(*, user: User, by: User, changes: dict[str, Any]) -> User:
    changed = {
        name: {"from": str(getattr(user, name)), "to": str(value)}
        for name, value in changes.items()
        if name in STAFF_FIELDS and getattr(user, name) != value
    }
    for name, value in changes.items():
        if name not in STAFF_FIELDS:
            raise TypeError(f"{name} cannot be changed here")
        setattr(user, name, value)
    user.full_clean()
    user.save()
    record_event(
        kind="staff.updated",
        by=by,
        summary=f"Changed {user.display_name}: {', '.join(sorted(changed)) or 'nothing'}",
        record=user,
        data={"changes": changed},
    )
    return user


@transaction.atomic
def set_staff_account_open(*, user: User, by: User, is_open: bool) -> User:
    """Close an account (nothing is deleted: their records keep their name) or reopen it."""
    if user == by and not is_open:
        raise ValueError("You cannot close your own account")
    user.is_active = is_open
    user.save(update_fields=["is_active"])
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
    reset(username=user.username)
    record_event(
        kind="staff.password_reset",
        by=by,
        summary=f"Reset the password of {user.display_name} and unlocked the account",
        record=user,
    )
    return user
