from typing import Any

from django import template

from frontdoor.accounts.models import User
from frontdoor.accounts.navigation import Section, section_navigation
from frontdoor.accounts.roles import Capability
from frontdoor.casework.models import Referral
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


@register.inclusion_tag("quality/_referral_audits.html", takes_context=True)
def referral_audits(context: dict[str, Any], referral: Referral) -> dict[str, Any]:
    """On the referral: its audits, with a way for its worker or their manager to respond."""
    user = context["request"].user
    found = list(referral.audits.exclude(status=Audit.Status.ASSIGNED).select_related("programme", "referral"))
    rows = [(audit, isinstance(user, User) and responder_role(audit, user) is not None) for audit in found]
    can_review = isinstance(user, User) and user.can(Capability.REVIEW_QUALITY)
    return {"rows": rows, "can_review": can_review}
