"""Reading a police notification, a triage task or a portal referral reads the children's records on it.

Each is checked and logged as such.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from rest_framework.request import Request

from frontdoor.accounts.models import User
from frontdoor.accounts.roles import Capability
from frontdoor.contacts.access import get_contact_for_user
from frontdoor.partners import portal, queries
from frontdoor.partners.models import PoliceNotification, PortalReferral, TriageDecision
from frontdoor.people.access import can_view_person
from frontdoor.records.services import log_access


def receiver(request: HttpRequest | Request) -> User:
    user = request.user
    if not isinstance(user, User) or not user.can(Capability.RECEIVE_POLICE_NOTIFICATIONS):
        raise PermissionDenied("Your role does not receive police notifications")
    return user


def get_notification_for_user(
    request: HttpRequest | Request, notification_id: int, *, viewed: str
) -> PoliceNotification:
    """The notification, if the user receives them and may read every matched person on it; each read is logged."""
    user = receiver(request)
    notification = PoliceNotification.objects.filter(pk=notification_id).first()
    if notification is None:
        raise Http404("No police notification with that ID")
    for named in notification.people.exclude(person=None).select_related("person"):
        assert named.person is not None
        allowed = can_view_person(user, named.person)
        log_access(user=user, child=named.person, viewed=viewed, path=request.get_full_path(), allowed=allowed)
        if not allowed:
            raise PermissionDenied(
                "A restricted record is on this notification. Only the people named on it can open it"
            )
    return notification


def get_task_for_user(request: HttpRequest | Request, decision_id: int, *, viewed: str) -> TriageDecision:
    """An open triage task the user may work on; the read is logged against the child it is about."""
    user = request.user
    if not isinstance(user, User) or not user.can(Capability.VIEW_CHILDREN):
        raise PermissionDenied("You do not have access to children's records")
    task = queries.open_tasks(user).filter(pk=decision_id).first()
    if task is None:
        raise Http404("No open task with that ID")
    person = task.child.person
    if person is not None:
        allowed = can_view_person(user, person)
        log_access(user=user, child=person, viewed=viewed, path=request.get_full_path(), allowed=allowed)
        if not allowed:
            raise PermissionDenied("This is a restricted record. Only the people named on it can open it")
    return task


def get_own_portal_referral(request: HttpRequest | Request, referral_id: int, *, viewed: str) -> PortalReferral:
    """A partner's own referral. Partners read no records, but what they sent names children: logged per child."""
    user = request.user
    if not isinstance(user, User) or not user.can(Capability.SUBMIT_REFERRALS):
        raise PermissionDenied("Only partner agency users use the portal")
    found = PortalReferral.objects.filter(pk=referral_id, submitted_by=user).select_related("contact").first()
    if found is None:
        through = " (API)" if isinstance(request, Request) else ""
        portal.note_refused_request(by=user, asked_for=f"portal referral {referral_id}{through}")
        raise Http404("No referral of yours with that reference")
    for child in found.contact.children.exclude(person=None).select_related("person"):
        assert child.person is not None
        log_access(user=user, child=child.person, viewed=viewed, path=request.get_full_path())
    return found


def get_portal_referral_for_staff(request: HttpRequest | Request, referral_id: int, *, viewed: str) -> PortalReferral:
    """A portal referral as the front door sees it: through its contact, so each child's read is checked and logged."""
    found = PortalReferral.objects.select_related("submitted_by").filter(pk=referral_id).first()
    if found is None:
        raise Http404("No portal referral with that ID")
    found.contact = get_contact_for_user(request, found.contact_id, viewed=viewed)
    return found
