from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from frontdoor.accounts.models import LocalAuthority


def service(request: HttpRequest) -> dict[str, Any]:
    return {
        "service_name": settings.SERVICE_NAME,
        "service_phase": settings.SERVICE_PHASE,
        # Lazy: one query at most, and none on pages that never show the council.
        "council": SimpleLazyObject(lambda: LocalAuthority.objects.filter(pk=LocalAuthority.SINGLETON_ID).first()),
    }
