"""Information sharing: every disclosure about a child logged with its lawful basis, and partners' requests
answered against a clock (a working day when urgent, otherwise a council setting of working days)."""

from dataclasses import dataclass
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from frontdoor.accounts.access import require_capability
from frontdoor.accounts.models import User
from frontdoor.accounts.roles import Capability
from frontdoor.partners.models import InformationRequest, InformationShare
from frontdoor.people.models import Person
from frontdoor.records.concurrency import lock_for_update
from frontdoor.records.services import record_event
from frontdoor.timescales.calendar import add_working_days

ANSWER_WITHIN_WORKING_DAYS = 3  # the multi-agency information sharing protocol's usual timescale
URGENT_WITHIN_WORKING_DAYS = 1

Basis = InformationShare.Basis


@dataclass(frozen=True)
class Asked:
    agency: str
    requester: str
    organisation: str
    asked_for: str
    purpose: str
    received_at: datetime
    urgent: bool = False


@dataclass(frozen=True)
class Disclosure:
    agency: str
    recipient: str
    organisation: str
    shared_on: date
    what: str
    purpose: str
    basis: str
    condition: str
    family_informed: bool
    not_informed_reason: str = ""


def _require(by: User) -> None:
    require_capability(by, Capability.DECIDE_CONTACTS, "Only the front door and social workers share information")


@transaction.atomic
def record_request(*, person: Person, by: User, asked: Asked) -> InformationRequest:
    _require(by)
    problems = {}
    for field in ("requester", "organisation", "asked_for", "purpose"):
        if not getattr(asked, field).strip():
            problems[field] = "This is required"
    if asked.received_at > timezone.now():
        problems["received_at"] = "A request cannot be received in the future"
    if problems:
        raise ValidationError(problems)
    received = timezone.localtime(asked.received_at).date()
    days = URGENT_WITHIN_WORKING_DAYS if asked.urgent else ANSWER_WITHIN_WORKING_DAYS
    request = InformationRequest.objects.create(
        person=person,
        agency=asked.agency,
        requester=asked.requester.strip(),
        organisation=asked.organisation.strip(),
        asked_for=asked.asked_for.strip(),
        purpose=asked.purpose.strip(),
        urgent=asked.urgent,
        received_at=asked.received_at,
        due_on=add_working_days(received, days),
        recorded_by=by,
    )
    record_event(
        kind="sharing.requested",
        by=by,
        child=person,
        record=request,
        summary=f"{request.organisation} asked for information: answer by {request.due_on:%-d %B %Y}",
    )
    return request


@transaction.atomic
def record_share(
    *, person: Person, by: User, disclosure: Disclosure, request: InformationRequest | None = None
) -> InformationShare:
    """Log a disclosure; where it answers an open request, the request is answered."""
    _require(by)
    problems = {}
    for field in ("recipient", "organisation", "what", "purpose"):
        if not getattr(disclosure, field).strip():
            problems[field] = "This is required"
    if disclosure.shared_on > timezone.localdate():
        problems["shared_on"] = "The date shared cannot be in the future"
    if disclosure.basis not in Basis.values:
        problems["basis"] = "Choose the lawful basis"
    if disclosure.condition not in InformationShare.Condition.values:
        problems["condition"] = (
            "Say whether special category or criminal offence data was shared, and on what condition"
        )
    if not disclosure.family_informed and not disclosure.not_informed_reason.strip():
        problems["not_informed_reason"] = "Say why the family was not told: for example, it would put the child at risk"
    if request is not None:
        lock_for_update(request)  # answered or declined once
    if request is not None and (request.person_id != person.pk or request.status != InformationRequest.Status.OPEN):
        problems["request"] = "That request is not open for this child"
    if problems:
        raise ValidationError(problems)
    share = InformationShare.objects.create(
        person=person,
        request=request,
        agency=disclosure.agency,
        recipient=disclosure.recipient.strip(),
        organisation=disclosure.organisation.strip(),
        shared_on=disclosure.shared_on,
        what=disclosure.what.strip(),
        purpose=disclosure.purpose.strip(),
        basis=disclosure.basis,
        condition=disclosure.condition,
        family_informed=disclosure.family_informed,
        not_informed_reason=disclosure.not_informed_reason.strip(),
        recorded_by=by,
    )
    if request is not None:
        request.status, request.closed_at = InformationRequest.Status.ANSWERED, timezone.now()
        request.save(update_fields=["status", "closed_at"])
    record_event(
        kind="sharing.shared",
        by=by,
        child=person,
        record=share,
        summary=f"Shared information with {share.organisation} ({share.get_basis_display().split(':')[0].lower()})",
    )
    return share


@transaction.atomic
def decline_request(*, request: InformationRequest, by: User, reason: str) -> InformationRequest:
    _require(by)
    lock_for_update(request)
    if request.status != InformationRequest.Status.OPEN:
        raise ValidationError({"reason": "This request is already closed"})
    if not reason.strip():
        raise ValidationError({"reason": "Say why nothing is shared, so the requester can be told"})
    request.status, request.declined_reason, request.closed_at = (
        InformationRequest.Status.DECLINED,
        reason.strip(),
        timezone.now(),
    )
    request.save(update_fields=["status", "declined_reason", "closed_at"])
    record_event(
        kind="sharing.declined",
        by=by,
        child=request.person,
        record=request,
        summary=f"Declined {request.organisation}'s request for information",
    )
    return request
