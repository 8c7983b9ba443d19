from typing import Any

from django.http import HttpRequest

from frontdoor.accounts.models import User
from frontdoor.accounts.navigation import navigation_for


def navigation(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if not isinstance(user, User):
        return {"navigation": []}
    match = request.resolver_match
    return {"navigation": navigation_for(user, view_name=match.view_name if match else "")}
