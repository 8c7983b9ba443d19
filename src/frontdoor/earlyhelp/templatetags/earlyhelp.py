from typing import Any

from django import template

from frontdoor.accounts.navigation import Section, section_navigation
from frontdoor.accounts.roles import Capability

register = template.Library()

SECTIONS: list[Section] = [
    ("Open episodes", "earlyhelp:episodes", Capability.DO_EARLY_HELP),
    ("Requests waiting", "earlyhelp:requests", Capability.DO_EARLY_HELP),
    ("Record a partner's request", "earlyhelp:new-request", Capability.DO_EARLY_HELP),
]


@register.inclusion_tag("govuk/subnav.html", takes_context=True)
def earlyhelp_navigation(context: dict[str, Any]) -> dict[str, Any]:
    return section_navigation(context, SECTIONS, "Early help")
