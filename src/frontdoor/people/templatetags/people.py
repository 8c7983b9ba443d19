from typing import Any

from django import template
from django.utils import timezone

from frontdoor.accounts.models import User
from frontdoor.accounts.roles import Capability
from frontdoor.people.models import Person
from frontdoor.people.queries import active_warnings

register = template.Library()


@register.inclusion_tag("people/_banner.html", takes_context=True)
def person_banner(context: dict[str, Any], person: Person, section: str = "", heading: bool = False) -> dict[str, Any]:
    """Who the page is about and every active warning: at the top of every page about a person."""
    user = context["request"].user
    return {
        "person": person,
        "section": section,
        "heading": heading,
        "warnings": list(active_warnings(person)),
        "today": timezone.localdate(),
        "perms_restrict": isinstance(user, User) and user.can(Capability.MANAGE_RESTRICTIONS),
        "perms_subject_access": isinstance(user, User) and user.can(Capability.HANDLE_SUBJECT_ACCESS),
    }
