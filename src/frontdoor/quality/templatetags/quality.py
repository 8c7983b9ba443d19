from typing import Any

from django import template

from frontdoor.accounts.models import User
from frontdoor.accounts.navigation import Section, section_navigation
from frontdoor.accounts.roles import Capability
from frontdoor.casework.models import Referral
from frontdoor.contacts.models import Contact
from frontdoor.quality.models import Audit
from frontdoor.quality.services import responder_role

register = template.Library()

SECTIONS: list[Section] = [
    ("Audit programme", "quality:index", Capability.REVIEW_QUALITY),
    ("Templates", "quality:templates", Capability.REVIEW_QUALITY),
    ("Grades report", "quality:report", Capability.REVIEW_QUALITY),
]


@register.inclusion_tag("govuk/subnav.html", takes_context=True)
def quality_navigation(context: dict[str, Any]) -> dict[str, Any]:
    return section_navigation(context, SECTIONS, "Audits")


@register.inclusion_tag("quality/_case_audits.html", takes_context=True)
def case_audits(context: dict[str, Any], case: Referral | Contact) -> dict[str, Any]:
    """On a referral or a contact: its graded audits, with a way for its practitioner or their manager to respond."""
    user = context["request"].user
    graded = case.audits.exclude(status=Audit.Status.ASSIGNED)
    found = list(graded.select_related("programme", "referral", "contact"))
    rows = [(audit, isinstance(user, User) and responder_role(audit, user) is not None) for audit in found]
    can_review = isinstance(user, User) and user.can(Capability.REVIEW_QUALITY)
    return {"rows": rows, "can_review": can_review}
