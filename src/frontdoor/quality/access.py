"""Opening an audit means reading the case it audits: checked and logged through the case's own access helper."""

from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from rest_framework.request import Request

from frontdoor.casework.access import get_referral_for_user
from frontdoor.contacts.access import get_contact_for_user
from frontdoor.quality.models import Audit


def get_audit_for_user(
    request: HttpRequest | Request, audit_id: int, *, viewed: str, audits: QuerySet[Audit] | None = None
) -> Audit:
    """The audit, if this user may read the referral or contact it audits; the read is logged."""
    found = (audits if audits is not None else Audit.objects.all()).filter(pk=audit_id).first()
    if found is None:
        raise Http404("No audit with that ID")
    if found.referral_id is not None:
        found.referral = get_referral_for_user(request, found.referral_id, viewed=viewed)
    else:
        assert found.contact_id is not None
        found.contact = get_contact_for_user(request, found.contact_id, viewed=viewed)
    return found
