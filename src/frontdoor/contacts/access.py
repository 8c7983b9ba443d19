"""Opening a contact means seeing its children: each read is checked and logged like a person's."""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from rest_framework.request import Request

from frontdoor.accounts.models import User
from frontdoor.accounts.roles import Capability
from frontdoor.contacts.models import Contact, ContactChild, ThresholdDecision
from frontdoor.people.access import can_view_person
from frontdoor.records.services import log_access


def _check_and_log(request: HttpRequest | Request, contact: Contact, *, viewed: str) -> User:
    user = request.user
    if not isinstance(user, User) or not user.can(Capability.VIEW_CHILDREN):
        raise PermissionDenied("You do not have access to contacts")
    people = [child.person for child in contact.children.select_related("person") if child.person is not None]
    refused = False
    for person in people:
        allowed = can_view_person(user, person)
        refused |= not allowed
        log_access(user=user, child=person, viewed=viewed, path=request.get_full_path(), allowed=allowed)
    if refused:
        raise PermissionDenied(
            "A child on this contact has a restricted record. Only the people named on it can open it"
        )
    return user


def get_contact_for_user(request: HttpRequest | Request, contact_id: int, *, viewed: str) -> Contact:
    """The contact, if this user may see every child on it; each child's read is logged."""
    user = request.user
    if not isinstance(user, User) or not user.can(Capability.VIEW_CHILDREN):
        raise PermissionDenied("You do not have access to contacts")
    contact = Contact.objects.select_related("recorded_by", "picked_up_by", "call").filter(pk=contact_id).first()
    if contact is None:
        raise Http404("No contact with that reference")
    _check_and_log(request, contact, viewed=viewed)
    return contact


def get_contact_child_for_user(
    request: HttpRequest | Request, contact_id: int, contact_child_id: int, *, viewed: str
) -> ContactChild:
    contact = get_contact_for_user(request, contact_id, viewed=viewed)
    child = contact.children.select_related("person").filter(pk=contact_child_id).first()
    if child is None:
        raise Http404("That child is not on this contact")
    return child


def get_decision_for_user(request: HttpRequest | Request, decision_id: int, *, viewed: str) -> ThresholdDecision:
    decision = (
        ThresholdDecision.objects.select_related(
            "contact_child__contact", "contact_child__person", "level", "decided_by"
        )
        .filter(pk=decision_id)
        .first()
    )
    if decision is None:
        raise Http404("No such decision")
    _check_and_log(request, decision.contact_child.contact, viewed=viewed)
    return decision
