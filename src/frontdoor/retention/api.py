"""The subject access export through the API: the same zip as the page, refused and logged as the page is."""

from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.decorators import api_view
from rest_framework.exceptions import PermissionDenied
from rest_framework.request import Request

from frontdoor.accounts.roles import Capability
from frontdoor.api.problems import PROBLEM_RESPONSES
from frontdoor.api.requests import acting_user
from frontdoor.people.access import get_person_for_user
from frontdoor.retention import services


@extend_schema(
    request=None,
    responses={
        (200, "application/zip"): OpenApiResponse(
            OpenApiTypes.BINARY, description="A zip: record.html, record.json, README.txt"
        ),
        **PROBLEM_RESPONSES,
    },
    description="Export one person's whole record for a subject access request, other people's details marked for "
    "redaction. Writes an event and an access-log row.",
)
@api_view(["POST"])
def subject_access_export(request: Request, person_id: int) -> HttpResponse:
    user = acting_user(request)
    if not user.can(Capability.HANDLE_SUBJECT_ACCESS):
        raise PermissionDenied("Your role cannot export records for subject access")
    person = get_person_for_user(request, person_id, viewed="subject access export (API)")
    content = services.export_subject_access(person=person, by=user, path=request.path)
    response = HttpResponse(content, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="subject-access-{person.la_child_id or person.pk}.zip"'
    return response
