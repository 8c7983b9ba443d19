"""A child's chronology: on its own, with brothers and sisters, printed; added entries and significance marks."""

from collections.abc import Sequence
from typing import cast

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.views.decorators.http import require_POST

from frontdoor.accounts.access import require
from frontdoor.accounts.models import User
from frontdoor.accounts.roles import Capability
from frontdoor.govuk.forms import add_errors
from frontdoor.people.access import get_person_for_user
from frontdoor.people.models import Person
from frontdoor.records import queries, services
from frontdoor.records.forms import ChronologyEntryForm, ChronologyFilterForm
from frontdoor.records.models import ChronologyEntry, Event

PAGE_SIZE = 100
# A printed chronology is for a court bundle or a conference: long, but not unbounded.
PRINT_LIMIT = 2000


def chronology(request: HttpRequest, person_id: int) -> HttpResponse:
    person = get_person_for_user(request, person_id, viewed="chronology")
    if person.merged_into_id:
        return redirect("people:chronology:show", person_id=person.merged_into_id)
    return _show(request, person, queries.SiblingView(children=[person], hidden=0), family=False)


def family(request: HttpRequest, person_id: int) -> HttpResponse:
    person = get_person_for_user(request, person_id, viewed="combined chronology")
    if person.merged_into_id:
        return redirect("people:chronology:family", person_id=person.merged_into_id)
    return _show(request, person, _siblings(request, person), family=True)


def _show(request: HttpRequest, person: Person, seen: queries.SiblingView, *, family: bool) -> HttpResponse:
    user = _user(request)
    form = ChronologyFilterForm(request.GET or None)
    found = queries.Chronology(seen.children, form.filters())
    # A Chronology counts and slices like a list, which is all a Paginator asks of it.
    page = Paginator(cast("Sequence[queries.ChronologyItem]", found), PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "person": person,
        "form": form,
        "page_obj": page,
        "seen": seen,
        "family": family,
        "filters": found.filters.describe(),
        "query": _query(request),
        "can_write": user.can(Capability.DO_CASEWORK),
        "section": "chronology",
        "banner_heading": True,
    }
    return render(request, "records/chronology.html", context)


def print_view(request: HttpRequest, person_id: int) -> HttpResponse:
    person = get_person_for_user(request, person_id, viewed="chronology printed")
    if person.merged_into_id:
        return redirect("people:chronology:print", person_id=person.merged_into_id)
    family = request.GET.get("family") == "1"
    seen = _siblings(request, person) if family else queries.SiblingView(children=[person], hidden=0)
    form = ChronologyFilterForm(request.GET or None)
    found = queries.Chronology(seen.children, form.filters())
    total = found.count()
    context = {
        "person": person,
        "identifiers": person.identifiers.all(),
        "items": found[0:PRINT_LIMIT],
        "total": total,
        "cut_short": total > PRINT_LIMIT,
        "seen": seen,
        "family": family,
        "filters": found.filters.describe(),
        "printed_by": _user(request),
        "printed_at": timezone.localtime(),
        "query": _query(request),
    }
    return render(request, "records/chronology_print.html", context)


def add_entry(request: HttpRequest, person_id: int) -> HttpResponse:
    user = require(request, Capability.DO_CASEWORK)
    person = get_person_for_user(request, person_id, viewed="add to chronology")
    form = ChronologyEntryForm(request.POST or None)
    if form.is_valid():
        try:
            services.add_chronology_entry(child=person, by=user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, "Entry added to the chronology")
            return redirect("people:chronology:show", person_id=person.pk)
    return render(request, "records/chronology_entry_form.html", {"person": person, "form": form})


@require_POST
def mark(request: HttpRequest, person_id: int, source: str, item_id: int) -> HttpResponse:
    return _change_mark(request, person_id, source, item_id, significant=True)


@require_POST
def unmark(request: HttpRequest, person_id: int, source: str, item_id: int) -> HttpResponse:
    return _change_mark(request, person_id, source, item_id, significant=False)


def _change_mark(request: HttpRequest, person_id: int, source: str, item_id: int, *, significant: bool) -> HttpResponse:
    user = require(request, Capability.DO_CASEWORK)
    person = get_person_for_user(request, person_id, viewed="chronology marked")
    event, entry = _item(source, item_id)
    change = services.mark_significant if significant else services.unmark_significant
    try:
        change(child=person, by=user, event=event, entry=entry)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "Marked as significant" if significant else "No longer marked as significant")
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        back = reverse("people:chronology:show", kwargs={"person_id": person.pk})
    return redirect(f"{back}#{source}-{item_id}")


def _item(source: str, item_id: int) -> tuple[Event | None, ChronologyEntry | None]:
    if source == "event":
        return get_object_or_404(Event, pk=item_id), None
    if source == "entry":
        return None, get_object_or_404(ChronologyEntry, pk=item_id)
    raise Http404("No such chronology item")


def _siblings(request: HttpRequest, person: Person) -> queries.SiblingView:
    seen = queries.siblings_visible_to(_user(request), person)
    for sibling in seen.children[1:]:
        # Each brother's or sister's record is read too, so each is logged against them.
        services.log_access(user=_user(request), child=sibling, viewed="combined chronology", path=request.path)
    return seen


def _query(request: HttpRequest) -> str:
    """The filters as a query string, without the page, for the pagination and print links."""
    return urlencode([(k, v) for k, values in request.GET.lists() if k != "page" for v in values])


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user
