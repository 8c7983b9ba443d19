from typing import Any

from django import template

from frontdoor.accounts.models import User
from frontdoor.accounts.navigation import section_navigation
from frontdoor.accounts.roles import Capability
from frontdoor.people.models import Person
from frontdoor.protection import queries

register = template.Library()


@register.inclusion_tag("protection/_banner.html")
def child_protection_banner(person: Person) -> dict[str, Any]:
    """On every page about a child on a plan: that they are, since when, and under which category."""
    return {"plan": queries.open_plan_of(person.pk)}


SECTIONS = [
    ("Children on plans", "protection:plans", Capability.VIEW_CHILDREN),
    ("Enquiries awaiting conference", "protection:awaiting-conference", Capability.VIEW_CHILDREN),
]


@register.inclusion_tag("govuk/subnav.html", takes_context=True)
def protection_navigation(context: dict[str, Any]) -> dict[str, Any]:
    return section_navigation(context, SECTIONS, "Child protection")


@register.inclusion_tag("protection/_referral_section.html", takes_context=True)
def referral_protection(context: dict[str, Any], referral: Any) -> dict[str, Any]:
    """The child protection work of one referral, for its page: enquiries, plans, and starting a discussion."""
    user = context["request"].user
    return {
        "referral": referral,
        "enquiries": referral.section_47s.select_related("conference", "strategy_child__discussion"),
        "plans": referral.cp_plans.all(),
        "orders": referral.protective_orders.all(),
        "can_work": isinstance(user, User) and user.can(Capability.DO_CASEWORK),
    }
