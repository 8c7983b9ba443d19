from typing import Any

from django import template
from django.urls import reverse

from frontdoor.accounts.models import User
from frontdoor.accounts.roles import Capability

register = template.Library()

SECTIONS = [
    ("Duty queue", "contacts:queue", Capability.DECIDE_CONTACTS),
    ("My contacts", "contacts:mine", Capability.DECIDE_CONTACTS),
    ("Waiting for a manager", "contacts:tray", Capability.AUTHORISE_DECISIONS),
    ("Out-of-hours handover", "contacts:handover", Capability.ACKNOWLEDGE_HANDOVER),
    ("Quality assurance", "contacts:quality", Capability.REVIEW_QUALITY),
    ("Calls", "contacts:call-figures", Capability.VIEW_CALL_FIGURES),
]


@register.inclusion_tag("contacts/_subnav.html", takes_context=True)
def front_door_navigation(context: dict[str, Any]) -> dict[str, Any]:
    """The front door's own pages, for the roles that use each."""
    request = context["request"]
    user = request.user
    current = request.resolver_match.view_name if request.resolver_match else ""
    items = [
        {"text": text, "href": reverse(name), "current": name == current}
        for text, name, capability in SECTIONS
        if isinstance(user, User) and user.can(capability)
    ]
    return {"items": items}
