from typing import Any

from django import template

from frontdoor.accounts.models import User
from frontdoor.accounts.navigation import section_navigation
from frontdoor.accounts.roles import Capability
from frontdoor.casework import queries
from frontdoor.people.models import Person

register = template.Library()


@register.inclusion_tag("casework/_episodes.html", takes_context=True)
def child_casework(context: dict[str, Any], person: Person) -> dict[str, Any]:
    """The child's episodes, assessments, plans and clocks, for the child's page (a fixed number of queries)."""
    user = context["request"].user
    return {
        "person": person,
        "episodes": queries.episodes_of(person.pk),
        "can_work": isinstance(user, User) and user.can(Capability.DO_CASEWORK),
    }


SECTIONS = [
    ("My assessments", "casework:my-assessments", Capability.DO_CASEWORK),
    ("Overdue in my team", "casework:overdue", Capability.DO_CASEWORK),
    ("Waiting for a manager", "casework:authorisations", Capability.AUTHORISE_CASEWORK),
]


@register.inclusion_tag("govuk/subnav.html", takes_context=True)
def casework_navigation(context: dict[str, Any]) -> dict[str, Any]:
    return section_navigation(context, SECTIONS, "Assessments")
