from typing import Any

from django import template

from frontdoor.accounts.models import User
from frontdoor.accounts.navigation import section_navigation
from frontdoor.accounts.roles import Capability
from frontdoor.casework.models import Referral
from frontdoor.people.models import Person
from frontdoor.workforce.models import Allocation, CaseDirection

register = template.Library()


@register.inclusion_tag("workforce/_allocation_history.html")
def allocation_history(referral: Referral) -> dict[str, Any]:
    """Who has held the referral, newest first, and why it moved."""
    spells = Allocation.objects.filter(referral=referral).select_related("team", "worker", "allocated_by")
    return {"spells": list(spells.order_by("-started_at", "-id"))}


@register.inclusion_tag("workforce/_child_directions.html")
def case_directions(person: Person) -> dict[str, Any]:
    """On the child's page: every direction managers have given on their case, newest first."""
    found = CaseDirection.objects.filter(person=person).select_related("given_by").prefetch_related("actions")
    return {"directions": list(found[:20])}


@register.inclusion_tag("workforce/_referral_oversight.html", takes_context=True)
def referral_oversight(context: dict[str, Any], referral: Referral) -> dict[str, Any]:
    user = context["request"].user
    last = referral.case_directions.select_related("given_by").order_by("-given_on", "-id").first()
    can_direct = isinstance(user, User) and user.can(Capability.AUTHORISE_CASEWORK) and referral.is_open
    return {"referral": referral, "last": last, "can_direct": can_direct}


SECTIONS = [
    ("Caseloads", "workforce:team", Capability.VIEW_TEAMS),
    ("Unallocated work", "workforce:unallocated", Capability.AUTHORISE_CASEWORK),
    ("Supervision", "workforce:supervision", Capability.VIEW_TEAMS),
    ("Cases without oversight", "workforce:oversight", Capability.AUTHORISE_CASEWORK),
    ("Teams and members", "accounts:teams", Capability.VIEW_TEAMS),
    ("Caseload weights and limits", "workforce:policy", Capability.MANAGE_COUNCIL),
]


@register.inclusion_tag("govuk/subnav.html", takes_context=True)
def workforce_navigation(context: dict[str, Any]) -> dict[str, Any]:
    return section_navigation(context, SECTIONS, "Workforce")
