"""The council's levels-of-need model and front-door policy, edited by administrators."""

from collections.abc import Sequence
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from frontdoor.accounts.models import User
from frontdoor.accounts.roles import Capability
from frontdoor.contacts.models import FrontDoorPolicy, Outcome, ThresholdCriterion, ThresholdLevel
from frontdoor.records.concurrency import claim_version
from frontdoor.records.services import record_event


def _require_admin(by: User) -> None:
    if not by.can(Capability.MANAGE_THRESHOLDS):
        raise PermissionDenied("Only a system administrator can change the threshold model")


@transaction.atomic
def update_level(
    *,
    level: ThresholdLevel,
    by: User,
    expected_version: int,
    name: str,
    description: str,
    allowed_outcomes: Sequence[str],
    is_active: bool,
) -> ThresholdLevel:
    """Change a level of the model; refused if someone else saved it first."""
    _require_admin(by)
    if not allowed_outcomes:
        raise ValidationError({"allowed_outcomes": "Choose at least one outcome"})
    if unknown := set(allowed_outcomes) - set(Outcome.values):
        raise ValidationError({"allowed_outcomes": f"Unknown outcomes: {', '.join(sorted(unknown))}"})
    claim_version(level, expected_version)
    before = {"name": level.name, "allowed_outcomes": level.allowed_outcomes, "is_active": level.is_active}
    level.name, level.description = name.strip(), description.strip()
    level.allowed_outcomes, level.is_active = list(allowed_outcomes), is_active
    level.save(update_fields=["name", "description", "allowed_outcomes", "is_active"])
    record_event(
        kind="threshold.level_changed",
        by=by,
        record=level,
        summary=f"Changed level {level.number} of the threshold model",
        data={
            "before": before,
            "after": {"name": level.name, "allowed_outcomes": level.allowed_outcomes, "is_active": is_active},
        },
    )
    return level


@transaction.atomic
def add_criterion(*, level: ThresholdLevel, by: User, domain: str, text: str) -> ThresholdCriterion:
    _require_admin(by)
    order = level.criteria.count()
    criterion = ThresholdCriterion(level=level, domain=domain, text=text.strip(), order=order)
    criterion.full_clean()
    criterion.save()
    record_event(
        kind="threshold.criterion_added",
        by=by,
        record=criterion,
        summary=f"Added a criterion to level {level.number}: {criterion.text}",
    )
    return criterion


@transaction.atomic
def set_criterion_in_use(*, criterion: ThresholdCriterion, by: User, in_use: bool) -> ThresholdCriterion:
    """Criteria are retired, not deleted: past decisions still name them."""
    _require_admin(by)
    criterion.is_active = in_use
    criterion.save(update_fields=["is_active"])
    record_event(
        kind="threshold.criterion_changed",
        by=by,
        record=criterion,
        summary=f"{'Brought back' if in_use else 'Retired'} a level {criterion.level.number} criterion: "
        f"{criterion.text}",
    )
    return criterion


@transaction.atomic
def update_policy(*, by: User, expected_version: int, changes: dict[str, Any]) -> FrontDoorPolicy:
    _require_admin(by)
    policy = FrontDoorPolicy.load()
    claim_version(policy, expected_version)
    for name, value in changes.items():
        setattr(policy, name, value)
    policy.full_clean()
    policy.save()
    record_event(
        kind="front_door.policy_changed",
        by=by,
        record=policy,
        summary="Changed the front door settings",
        data=dict(changes),
    )
    return policy
