"""Reading a police notification reads the records of the people matched on it: checked and logged as such."""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from rest_framework.request import Request

from frontdoor.accounts.models import User
from frontdoor.accounts.roles import Capability
from frontdoor.partners.models import PoliceNotification
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
