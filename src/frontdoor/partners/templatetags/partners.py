from typing import Any

from django import template

from frontdoor.accounts.models import User
from frontdoor.accounts.roles import Capability
from frontdoor.contacts.models import Contact
from frontdoor.partners.models import PortalReferral
from frontdoor.partners.portal_forms import FeedbackForm
from frontdoor.people.models import Person

register = template.Library()


@register.inclusion_tag("partners/portal/_feedback.html", takes_context=True)
def portal_feedback(context: dict[str, Any], contact: Contact) -> dict[str, Any]:
    """On a contact made through the portal: the feedback its partner sees, or the form to give it."""
    found = PortalReferral.objects.filter(contact=contact).select_related("submitted_by", "feedback_by").first()
    user = context["request"].user
    can_give = isinstance(user, User) and user.can(Capability.RECORD_CONTACTS) and contact.is_closed
    return {"referral": found, "form": FeedbackForm() if found and can_give and not found.feedback else None}


@register.inclusion_tag("partners/sharing/_person_sharing.html", takes_context=True)
def person_sharing(context: dict[str, Any], person: Person) -> dict[str, Any]:
    """On the child's page: what was shared about them and what partners have asked for."""
    user = context["request"].user
    return {
        "person": person,
        "shares": person.information_shares.all()[:20],
        "requests": person.information_requests.all()[:20],
        "can_share": isinstance(user, User) and user.can(Capability.DECIDE_CONTACTS),
    }
