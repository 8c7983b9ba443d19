"""The access log for auditors: who saw this child, and what did this user see, as pages and as CSV."""

import csv
from typing import Any

from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from frontdoor.accounts.models import User
from frontdoor.accounts.roles import Capability
from frontdoor.govuk.spreadsheets import spreadsheet_safe
from frontdoor.people.access import restricted_ids_visible_to
from frontdoor.people.models import Person
from frontdoor.records import queries, services
from frontdoor.records.access import get_child_for_auditor, get_staff_for_auditor
from frontdoor.records.forms import AccessLogFilterForm
from frontdoor.records.models import AccessLog

PAGE_SIZE = 50
CSV_HEADINGS = ["When", "Username", "Name", "Role", "Person ID", "LA child ID", "Child", "What was seen", "Outcome"]


def child_log(request: HttpRequest, person_id: int) -> HttpResponse:
    child = get_child_for_auditor(request, person_id, viewed="access log")
    return _show(request, child=child)


def staff_log(request: HttpRequest, user_id: int) -> HttpResponse:
    return _show(request, user=get_staff_for_auditor(request, user_id))


def child_log_csv(request: HttpRequest, person_id: int) -> HttpResponse:
    child = get_child_for_auditor(request, person_id, viewed="access log download")
    return _download(request, f"access-log-person-{child.pk}", child=child)


def staff_log_csv(request: HttpRequest, user_id: int) -> HttpResponse:
    user = get_staff_for_auditor(request, user_id)
    return _download(request, f"access-log-{user.username}", user=user)


def _read(request: HttpRequest, *, export: bool, **whose: Any) -> tuple[AccessLogFilterForm, QuerySet[AccessLog]]:
    """The rows asked for; the read itself goes on the event log."""
    form = AccessLogFilterForm(request.GET or None)
    filters = form.filters()
    viewer = request.user
    assert isinstance(viewer, User)
    services.note_access_log_read(by=viewer, filters_described=filters.describe(), export=export, **whose)
    return form, queries.access_log(filters=filters, **whose)


def _hidden(viewer: Any, people: list[Person]) -> set[int]:
    """Restricted children whose names this auditor may not see: the log shows their ID only."""
    restricted = {person.pk for person in people if person.is_restricted}
    return restricted - restricted_ids_visible_to(viewer, restricted)


def _show(request: HttpRequest, **whose: Any) -> HttpResponse:
    form, rows = _read(request, export=False, **whose)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    entries = list(page.object_list)
    viewer = request.user
    assert isinstance(viewer, User)
    hidden = _hidden(viewer, [entry.child for entry in entries] + ([whose["child"]] if "child" in whose else []))
    context = {
        # Not "user": the templates' user is whoever is signed in.
        "child": whose.get("child"),
        "staff_member": whose.get("user"),
        "back": _back(viewer, **whose),
        "form": form,
        "page_obj": page,
        "entries": [(entry, entry.child_id in hidden) for entry in entries],
        "child_hidden": "child" in whose and whose["child"].pk in hidden,
        "filters": form.filters().describe(),
        "query": query.urlencode(),
    }
    return render(request, "records/access_log.html", context)


def _back(viewer: User, *, child: Person | None = None, user: User | None = None) -> tuple[str, str] | None:
    """Where the auditor came from, if their role opens it: the child's page, or the staff member's."""
    if child is not None and viewer.can(Capability.VIEW_CHILDREN):
        return reverse("people:detail", args=[child.pk]), "Back to the child's record"
    if user is not None and viewer.can(Capability.MANAGE_STAFF):
        return reverse("accounts:edit-staff", args=[user.pk]), f"Back to {user.display_name}"
    return None


def _download(request: HttpRequest, filename: str, **whose: Any) -> HttpResponse:
    _, rows = _read(request, export=True, **whose)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    writer = csv.writer(response)
    writer.writerow(CSV_HEADINGS)
    paginator = Paginator(rows, 2000)
    for number in paginator.page_range:
        entries = list(paginator.page(number).object_list)
        hidden = _hidden(request.user, [entry.child for entry in entries])
        for entry in entries:
            child = entry.child
            name = "Restricted record" if child.pk in hidden else child.full_name
            cells = [
                timezone.localtime(entry.at).isoformat(timespec="seconds"),
                entry.user.username,
                entry.user.display_name,
                entry.user.get_role_display(),
                child.pk,
                child.la_child_id,
                name,
                entry.viewed,
                "Allowed" if entry.allowed else "Refused",
            ]
            writer.writerow([spreadsheet_safe(cell) for cell in cells])
    return response
