"""The access log through the API, for auditors' tools: who saw a child, what a user saw.

Names are left out: an auditor's tool joins IDs to the people and staff it may see.
"""

from django.core.paginator import Paginator
from drf_spectacular.utils import extend_schema
from rest_framework.decorators import api_view
from rest_framework.request import Request
from rest_framework.response import Response

from frontdoor.accounts.models import User
from frontdoor.api.problems import PROBLEM_RESPONSES
from frontdoor.api.requests import acting_user
from frontdoor.people.models import Person
from frontdoor.records import queries, services
from frontdoor.records.access import get_child_for_auditor, get_staff_for_auditor
from frontdoor.records.serializers import AccessLogQuery, AccessLogSerializer

PAGE_SIZE = 100


@extend_schema(
    parameters=[AccessLogQuery],
    responses={200: AccessLogSerializer, **PROBLEM_RESPONSES},
    description="Who read this person's record, or tried to, newest first; records merged into it included. "
    "For roles that audit the access log; the read is recorded.",
)
@api_view(["GET"])
def person_access_log(request: Request, person_id: int) -> Response:
    child = get_child_for_auditor(request, person_id, viewed="access log (API)")
    return _page(request, child=child)


@extend_schema(
    parameters=[AccessLogQuery],
    responses={200: AccessLogSerializer, **PROBLEM_RESPONSES},
    description="Every child's record this user read, or tried to, newest first. "
    "For roles that audit the access log; the read is recorded.",
)
@api_view(["GET"])
def staff_access_log(request: Request, user_id: int) -> Response:
    return _page(request, user=get_staff_for_auditor(request, user_id))


def _page(request: Request, *, child: Person | None = None, user: User | None = None) -> Response:
    query = AccessLogQuery(data=request.query_params)
    query.is_valid(raise_exception=True)
    asked = query.validated_data
    filters = queries.AccessLogFilter(since=asked.get("since"), until=asked.get("until"))
    services.note_access_log_read(by=acting_user(request), filters_described=filters.describe(), child=child, user=user)
    paginator = Paginator(queries.access_log(child=child, user=user, filters=filters), PAGE_SIZE)
    page = paginator.get_page(asked["page"])
    body = {"count": paginator.count, "page": page.number, "pages": paginator.num_pages, "results": page.object_list}
    return Response(AccessLogSerializer(body).data)
