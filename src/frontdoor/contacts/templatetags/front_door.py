from typing import Any

from django import template

from frontdoor.accounts.navigation import section_navigation
from frontdoor.accounts.roles import Capability

register = template.Library()

SECTIONS = [
    ("Duty queue", "contacts:queue", Capability.DECIDE_CONTACTS),
    ("My contacts", "contacts:mine", Capability.DECIDE_CONTACTS),
    ("Waiting for a manager", "contacts:tray", Capability.AUTHORISE_DECISIONS),
    ("Out-of-hours handover", "contacts:handover", Capability.ACKNOWLEDGE_HANDOVER),
    ("Police notifications", "partners:police", Capability.RECEIVE_POLICE_NOTIFICATIONS),
    ("Triage meeting", "partners:meetings", Capability.RECEIVE_POLICE_NOTIFICATIONS),
    ("Triage tasks", "partners:tasks", Capability.RECEIVE_POLICE_NOTIFICATIONS),
    ("Information sharing", "partners:sharing", Capability.DECIDE_CONTACTS),
    ("Quality assurance", "contacts:quality", Capability.REVIEW_QUALITY),
    ("Calls", "contacts:call-figures", Capability.VIEW_CALL_FIGURES),
]


@register.inclusion_tag("govuk/subnav.html", takes_context=True)
def front_door_navigation(context: dict[str, Any]) -> dict[str, Any]:
    """The front door's own pages, for the roles that use each."""
    return section_navigation(context, SECTIONS, "Front door")
