from typing import Any

from django import template

from frontdoor.casework.models import Referral
from frontdoor.workforce.models import Allocation

register = template.Library()


@register.inclusion_tag("workforce/_allocation_history.html")
def allocation_history(referral: Referral) -> dict[str, Any]:
    """Who has held the referral, newest first, and why it moved."""
    spells = Allocation.objects.filter(referral=referral).select_related("team", "worker", "allocated_by")
    return {"spells": list(spells.order_by("-started_at", "-id"))}
