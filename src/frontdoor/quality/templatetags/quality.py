from typing import Any

from django import template

from frontdoor.accounts.navigation import Section, section_navigation
from frontdoor.accounts.roles import Capability

register = template.Library()

SECTIONS: list[Section] = [
    ("Audit programme", "quality:index", Capability.REVIEW_QUALITY),
    ("Templates", "quality:templates", Capability.REVIEW_QUALITY),
    ("Grades report", "quality:report", Capability.REVIEW_QUALITY),
]


@register.inclusion_tag("govuk/subnav.html", takes_context=True)
def quality_navigation(context: dict[str, Any]) -> dict[str, Any]:
    return section_navigation(context, SECTIONS, "Audits")
