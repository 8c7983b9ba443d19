"""The service navigation, by what each role may do."""

from dataclasses import dataclass

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
    NavItem("Timescales", "timescales:overview", Capability.VIEW_TIMESCALES, ("timescales:",)),
    NavItem("Teams", "accounts:teams", Capability.VIEW_TEAMS),
    NavItem("Event log", "records:events", Capability.VIEW_EVENT_LOG, ("records:",)),
    NavItem(
        "Staff",
        "accounts:staff",
        Capability.MANAGE_STAFF,
        ("accounts:staff", "accounts:add-staff", "accounts:edit-staff"),
    ),
    NavItem("Council settings", "accounts:council", Capability.MANAGE_COUNCIL),
]


def navigation_for(user: User, *, view_name: str) -> list[dict[str, object]]:
    items = []
    for item in NAVIGATION:
        if item.capability is not None and not user.can(item.capability):
            continue
        current = view_name == item.url_name or view_name.startswith(item.sections or (item.url_name,))
        items.append({"text": item.text, "href": reverse(item.url_name), "current": current})
    return items
