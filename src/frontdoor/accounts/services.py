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
