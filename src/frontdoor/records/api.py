"""A child's chronology through the API: read with filters, add an entry, mark or unmark significance.

The child is read through the people access helper, so a child the caller may
not see is refused exactly as on the pages, and every read is logged.
"""

from collections.abc import Sequence
from typing import cast

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.decorators import api_view
from rest_framework.request import Request
from rest_framework.response import Response

from frontdoor.accounts.roles import Capability
from frontdoor.api.problems import PROBLEM_RESPONSES
from frontdoor.api.requests import acting_user, acting_user_who_can, service_refusals, validated
from frontdoor.people.access import get_person_for_user
from frontdoor.people.models import Person
from frontdoor.records import queries, services
from frontdoor.records.models import ChronologyEntry, Event
from frontdoor.records.serializers import (
    ChronologyEntryIn,
    ChronologyItemSerializer,
    ChronologyQuery,
    ChronologySerializer,
    SignificanceIn,
)

PAGE_SIZE = 100


@extend_schema(
    parameters=[ChronologyQuery],
    responses={200: ChronologySerializer, **PROBLEM_RESPONSES},
    description="A child's chronology, oldest first, a hundred entries a page: what the case record holds and "
    "what was added by hand, with significance marks. With siblings=true, the brothers and sisters you may see too.",
)
@api_view(["GET"])
def chronology(request: Request, person_id: int) -> Response:
    person = get_person_for_user(request, person_id, viewed="chronology (API)")
    query = ChronologyQuery(data=request.query_params)
    query.is_valid(raise_exception=True)
    asked = query.validated_data
    if asked["siblings"]:
        seen = queries.siblings_visible_to(acting_user(request), person)
        for sibling in seen.children[1:]:
            services.log_access(user=acting_user(request), child=sibling, viewed="combined chronology (API)")
    else:
        seen = queries.SiblingView(children=[person], hidden=0)
    filters = queries.ChronologyFilter(
        categories=tuple(asked.get("category", ())),
        since=asked.get("since"),
        until=asked.get("until"),
        significant_only=asked["significant"],
        newest_first=asked["newest_first"],
    )
    paginator = Paginator(
        cast("Sequence[queries.ChronologyItem]", queries.Chronology(seen.children, filters)), PAGE_SIZE
    )
    page = paginator.get_page(asked["page"])
    body = {
        "count": paginator.count,
        "page": page.number,
        "pages": paginator.num_pages,
        "children": [child.pk for child in seen.children],
        "hidden_siblings": seen.hidden,
        "results": list(page.object_list),
    }
    return Response(ChronologySerializer(body).data)


@extend_schema(
    request=ChronologyEntryIn,
    responses={201: ChronologyItemSerializer, **PROBLEM_RESPONSES},
    description="Add something the case record does not hold (a parent's account, a letter), with its source.",
)
@api_view(["POST"])
def add_entry(request: Request, person_id: int) -> Response:
    acting_user_who_can(request, Capability.DO_CASEWORK, "Your role cannot add to a child's chronology")
    person = get_person_for_user(request, person_id, viewed="add to chronology (API)")
    data = validated(ChronologyEntryIn, request)
    with service_refusals():
        entry = services.add_chronology_entry(child=person, by=acting_user(request), **data)
    return Response(ChronologyItemSerializer(_item(person, entry=entry)).data, status=status.HTTP_201_CREATED)


ITEM = OpenApiParameter(
    "source", OpenApiTypes.STR, OpenApiParameter.PATH, enum=["events", "entries"], description="What is marked"
)


@extend_schema(
    methods=["POST"],
    parameters=[ITEM],
    request=SignificanceIn,
    responses={200: ChronologyItemSerializer, **PROBLEM_RESPONSES},
    description="Mark an event ('events') or an added entry ('entries') on the chronology as significant.",
)
@extend_schema(
    methods=["DELETE"],
    parameters=[ITEM],
    request=None,
    responses={200: ChronologyItemSerializer, **PROBLEM_RESPONSES},
    description="Take the mark off. The mark stays on file with who took it off and when.",
)
@api_view(["POST", "DELETE"])
def significance(request: Request, person_id: int, source: str, item_id: int) -> Response:
    acting_user_who_can(request, Capability.DO_CASEWORK, "Your role cannot mark a chronology")
    person = get_person_for_user(request, person_id, viewed="chronology marked (API)")
    if source not in ("events", "entries"):
        raise Http404("No such chronology item")
    event = get_object_or_404(Event, pk=item_id) if source == "events" else None
    entry = get_object_or_404(ChronologyEntry, pk=item_id) if source == "entries" else None
    with service_refusals():
        if request.method == "POST":
            reason = validated(SignificanceIn, request)["reason"]
            services.mark_significant(child=person, by=acting_user(request), event=event, entry=entry, reason=reason)
        else:
            services.unmark_significant(child=person, by=acting_user(request), event=event, entry=entry)
    return Response(ChronologyItemSerializer(_item(person, event=event, entry=entry)).data)


def _item(
    person: Person, *, event: Event | None = None, entry: ChronologyEntry | None = None
) -> queries.ChronologyItem:
    return queries.Chronology([person], queries.ChronologyFilter()).item(event=event, entry=entry)
