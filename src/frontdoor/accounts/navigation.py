"""The service navigation, by what each role may do."""

from dataclasses import dataclass
from typing import Any

from django.urls import reverse

from frontdoor.accounts.models import User
from frontdoor.accounts.roles import Capability


@dataclass(frozen=True)
class NavItem:
    text: str
    url_name: str
    capability: Capability | None
    # View names starting with one of these are pages "in" this section.
    sections: tuple[str, ...] = ()


NAVIGATION = [
    NavItem("Home", "home", None),
    NavItem("Your referrals", "partners:portal", Capability.SUBMIT_REFERRALS, ("partners:portal",)),
    NavItem("Front door", "contacts:queue", Capability.DECIDE_CONTACTS, ("contacts:", "partners:")),
    NavItem("People", "people:search", Capability.VIEW_CHILDREN, ("people:",)),
    NavItem("Assessments", "casework:my-assessments", Capability.DO_CASEWORK, ("casework:",)),
    NavItem("Child protection", "protection:plans", Capability.DO_CASEWORK, ("protection:",)),
    NavItem("Early help", "earlyhelp:episodes", Capability.DO_EARLY_HELP, ("earlyhelp:",)),
    NavItem(
        "Calls",
        "contacts:call-figures",
        Capability.VIEW_CALL_FIGURES,
        ("contacts:call-figures", "contacts:import-calls"),
    ),
    NavItem(
        "Duplicates",
        "people:duplicates",
        Capability.MERGE_PEOPLE,
        (
            "people:duplicates",
            "people:find-duplicates",
            "people:compare",
            "people:not-duplicate",
            "people:merge",
            "people:undo-merge",
        ),
    ),
    NavItem("Timescales", "timescales:overview", Capability.VIEW_TIMESCALES, ("timescales:",)),
    NavItem("Performance", "insight:dashboard", Capability.VIEW_INSIGHT, ("insight:",)),
    NavItem("Returns", "returns:index", Capability.PREPARE_RETURNS, ("returns:",)),
    NavItem("Workforce", "workforce:team", Capability.VIEW_TEAMS, ("workforce:", "accounts:teams")),
    NavItem("Audits", "quality:index", Capability.REVIEW_QUALITY, ("quality:",)),
    NavItem("Event log", "records:events", Capability.VIEW_EVENT_LOG, ("records:",)),
    NavItem(
        "Retention",
        "retention:queue",
        Capability.MANAGE_RETENTION,
        ("retention:queue", "retention:review", "retention:keep", "retention:hold", "retention:anonymise"),
    ),
    NavItem(
        "Staff",
        "accounts:staff",
        Capability.MANAGE_STAFF,
        ("accounts:staff", "accounts:add-staff", "accounts:edit-staff"),
    ),
    NavItem("Council settings", "accounts:council", Capability.MANAGE_COUNCIL),
]


def _match_length(item: NavItem, view_name: str) -> int:
    """How closely the page belongs to the item: the longest of its sections the view name starts with."""
    return max(
        (len(section) for section in item.sections or (item.url_name,) if view_name.startswith(section)), default=0
    )


def navigation_for(user: User, *, view_name: str) -> list[dict[str, object]]:
    visible = [item for item in NAVIGATION if item.capability is None or user.can(item.capability)]
    # The most specific section wins: a merge page is under Duplicates, not People.
    best = max(visible, key=lambda item: _match_length(item, view_name), default=None)
    current = best if best and _match_length(best, view_name) else None
    return [{"text": item.text, "href": reverse(item.url_name), "current": item is current} for item in visible]


Section = tuple[str, str, Capability]  # link text, view name, who sees it


def section_navigation(context: dict[str, Any], sections: list[Section], label: str) -> dict[str, Any]:
    """A section's own pages, for the roles that use each: the context of govuk/subnav.html."""
    request = context["request"]
    user = request.user
    current = request.resolver_match.view_name if request.resolver_match else ""
    items = [
        {"text": text, "href": reverse(name), "current": name == current}
        for text, name, capability in sections
        if isinstance(user, User) and user.can(capability)
    ]
    return {"items": items, "label": label}
