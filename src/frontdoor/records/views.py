from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.http import urlencode

from frontdoor.accounts.access import require
from frontdoor.accounts.roles import Capability
from frontdoor.records import queries


def events(request: HttpRequest) -> HttpResponse:
    require(request, Capability.VIEW_EVENT_LOG)
    area = request.GET.get("area", "")
    paginator = Paginator(queries.events_for_auditor(kind_prefix=area), 50)
    page = paginator.get_page(request.GET.get("page"))
    context = {
        "page_obj": page,
        "events": page.object_list,
        "areas": queries.event_kind_prefixes(),
        "area": area,
        "query": urlencode({"area": area}) if area else "",
    }
    return render(request, "records/events.html", context)
