"""Keeping people safe: warning markers and restricted records."""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from frontdoor.accounts.models import User
from frontdoor.accounts.roles import Capability, Role
from frontdoor.people.models import Person, RestrictionGrant, RestrictionReason, Warning
from frontdoor.records.services import record_event


@transaction.atomic
def raise_warning(*, person: Person, by: User, kind: str, details: str, review_on: date) -> Warning:
    if review_on <= timezone.localdate():
        raise ValidationError({"review_on": "Review date must be in the future"})
    warning = Warning(person=person, kind=kind, details=details.strip(), review_on=review_on, raised_by=by)
    warning.full_clean()
    warning.save()
    record_event(
        kind="warning.raised",
        by=by,
        child=person,
        record=warning,
        summary=f"Raised a warning on {person.full_name}: {warning.get_kind_display()}",
    )
    return warning


@transaction.atomic
def review_warning(*, warning: Warning, by: User, next_review_on: date) -> Warning:
    """The warning still applies: set when to look at it again."""
    if not warning.is_active:
        raise ValidationError("This warning has ended")
    if next_review_on <= timezone.localdate():
        raise ValidationError({"next_review_on": "Next review date must be in the future"})
    warning.review_on, warning.last_reviewed_at = next_review_on, timezone.now()
    warning.save(update_fields=["review_on", "last_reviewed_at"])
    record_event(
        kind="warning.reviewed",
        by=by,
        child=warning.person,
        record=warning,
        summary=f"Reviewed the warning on {warning.person.full_name}: still applies, "
        f"next review {next_review_on:%-d %B %Y}",
    )
    return warning


@transaction.atomic
def end_warning(*, warning: Warning, by: User, reason: str) -> Warning:
    if not warning.is_active:
        raise ValidationError("This warning has already ended")
    if not reason.strip():
        raise ValidationError({"reason": "Enter why the warning no longer applies"})
    warning.ended_at, warning.ended_by, warning.end_reason = timezone.now(), by, reason.strip()
    warning.save(update_fields=["ended_at", "ended_by", "end_reason"])
    record_event(
        kind="warning.ended",
        by=by,
        child=warning.person,
        record=warning,
        summary=f"Ended the warning on {warning.person.full_name}: {reason.strip()}",
    )
    return warning


def _require_manager(by: User) -> None:
    if not by.can(Capability.MANAGE_RESTRICTIONS):
        raise PermissionDenied("Only a team manager or service manager can restrict records")


@transaction.atomic
def restrict_person(*, person: Person, by: User, reason: str) -> Person:
    """Only people named on the record may open it from now on; the manager restricting it is named first."""
    _require_manager(by)
    person.is_restricted, person.restriction_reason = True, RestrictionReason(reason)
    person.save(update_fields=["is_restricted", "restriction_reason"])
    if not RestrictionGrant.objects.filter(person=person, user=by, revoked_at__isnull=True).exists():
        RestrictionGrant.objects.create(person=person, user=by, granted_by=by)
    record_event(
        kind="person.restricted",
        by=by,
        child=person,
        record=person,
        summary=f"Restricted {person.full_name}'s record ({person.get_restriction_reason_display()})",
    )
    return person


@transaction.atomic
def lift_restriction(*, person: Person, by: User) -> Person:
    _require_manager(by)
    person.is_restricted, person.restriction_reason = False, ""
    person.save(update_fields=["is_restricted", "restriction_reason"])
    record_event(
        kind="person.unrestricted",
        by=by,
        child=person,
        record=person,
        summary=f"Lifted the restriction on {person.full_name}'s record",
    )
    return person


@transaction.atomic
def grant_access(*, person: Person, by: User, user: User | None = None, role: str = "") -> RestrictionGrant:
    _require_manager(by)
    if (user is None) == (not role):
        raise ValidationError("Name either a person or a role")
    if role and role not in Role.values:
        raise ValidationError({"role": "Choose a role from the list"})
    grant = RestrictionGrant.objects.create(person=person, user=user, role=role, granted_by=by)
    who = user.display_name if user else f"every {Role(role).label.lower()}"
    record_event(
        kind="person.access_granted",
        by=by,
        child=person,
        record=grant,
        summary=f"Allowed {who} to open {person.full_name}'s restricted record",
    )
    return grant


@transaction.atomic
def revoke_access(*, grant: RestrictionGrant, by: User) -> RestrictionGrant:
    _require_manager(by)
    if grant.user_id == by.pk and grant.person.restriction_grants.filter(revoked_at__isnull=True).count() == 1:
        raise ValidationError("Someone must still be able to open the record: name another person first")
    grant.revoked_at = timezone.now()
    grant.save(update_fields=["revoked_at"])
    record_event(
        kind="person.access_revoked",
        by=by,
        child=grant.person,
        record=grant,
        summary=f"Withdrew {grant.user or grant.role}'s access to {grant.person.full_name}'s restricted record",
    )
    return grant
