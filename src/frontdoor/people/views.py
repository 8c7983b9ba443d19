from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode

from frontdoor.accounts.access import require
from frontdoor.accounts.models import User
from frontdoor.accounts.roles import Capability
from frontdoor.codes import Disability
from frontdoor.govuk.forms import add_errors
from frontdoor.people import queries, services
from frontdoor.people.access import get_person_for_user, get_person_to_edit
from frontdoor.people.duplicates import likely_duplicates_of
from frontdoor.people.forms import EditPersonForm, NewPersonForm, SearchForm
from frontdoor.people.matching import Candidate
from frontdoor.people.models import PARENT_KINDS, Person
from frontdoor.people.search import search_people
from frontdoor.records.concurrency import StaleRecordError


def search(request: HttpRequest) -> HttpResponse:
    user = require(request, Capability.VIEW_CHILDREN)
    form = SearchForm(request.GET or None)
    outcome = search_people(user=user, query=form.query()) if form.is_valid() else None
    create_url = f"{reverse('people:create')}?{urlencode({**request.GET.dict(), 'searched': '1'})}"
    context = {"form": form, "outcome": outcome, "create_url": create_url, "can_add": user.can(Capability.EDIT_PEOPLE)}
    # htmx asks for the results alone as the user types.
    template = "people/_results.html" if request.headers.get("HX-Request") else "people/search.html"
    return render(request, template, context)


def detail(request: HttpRequest, person_id: int) -> HttpResponse:
    person = get_person_for_user(request, person_id, viewed="person page")
    if person.merged_into_id:
        messages.info(request, f"{person.full_name} ({person.la_child_id}) was merged into this record")
        return redirect("people:detail", person_id=person.merged_into_id)
    user = request.user
    assert isinstance(user, User)
    context = {
        "person": person,
        "summary": queries.person_summary(person),
        "events": person.events.select_related("actor")[:20],
        "disabilities": [Disability(code).label for code in person.disabilities],
        "parent_kinds": [kind.value for kind in PARENT_KINDS],
        "can_edit": user.can(Capability.EDIT_PEOPLE),
        "can_merge": user.can(Capability.MERGE_PEOPLE),
        "can_audit": user.can(Capability.VIEW_ACCESS_LOG),
        "section": "summary",
        "banner_heading": True,
    }
    return render(request, "people/detail.html", context)


def family(request: HttpRequest, person_id: int) -> HttpResponse:
    person = get_person_for_user(request, person_id, viewed="family view")
    found = queries.family_of(person)
    groups = [
        ("Parents and carers", found.parents_and_carers),
        ("Brothers and sisters", found.siblings),
        ("Children", found.children),
        ("Other relatives and household members", found.others),
    ]
    user = request.user
    assert isinstance(user, User)
    context = {
        "person": person,
        "family": found,
        "groups": [(title, members) for title, members in groups if members],
        "relationships": person.relationships.filter(ended_on__isnull=True).select_related("relative"),
        "can_edit": user.can(Capability.EDIT_PEOPLE),
        "section": "family",
        "banner_heading": True,
    }
    return render(request, "people/family.html", context)


def _prefill(request: HttpRequest) -> dict[str, object]:
    """What was searched for, as the new person's details."""
    search = SearchForm(request.GET)
    if not search.is_valid():
        return {}
    query = search.query()
    words = query.text.split()
    dob = query.dob.as_date()
    return {
        "first_name": " ".join(words[:-1]).title() if len(words) > 1 else "",
        "last_name": words[-1].title() if words else "",
        "date_of_birth": dob,
        "postcode": query.postcode.upper(),
    }


def create(request: HttpRequest) -> HttpResponse:
    user = require(request, Capability.EDIT_PEOPLE)
    if request.method == "GET" and "searched" not in request.GET:
        messages.info(request, "Search for the person first: they may already have a record")
        return redirect("people:search")
    form = NewPersonForm(request.POST or None, initial=_prefill(request))
    duplicates = []
    if form.is_valid():
        details = form.person_details()
        candidate = Candidate(
            0,
            [(details["first_name"], details["last_name"], False)],
            details["date_of_birth"],
            details["expected_date_of_birth"],
            details["sex"],
            details["middle_names"],
            {form.cleaned_data["postcode"]} - {""},
            details["nhs_number"],
            details["upn"],
        )
        duplicates = likely_duplicates_of(candidate)
        if not duplicates or form.cleaned_data["not_a_duplicate"]:
            try:
                person = services.create_person(
                    by=user,
                    details=details,
                    address=form.address(),
                    moved_in=form.cleaned_data["moved_in"],
                    not_duplicates_of=duplicates,
                )
            except ValidationError as error:
                add_errors(form, error)
            else:
                messages.success(request, f"Added {person.full_name} ({person.la_child_id})")
                return redirect(_next_step(request, person) or person.get_absolute_url())
    people = Person.objects.in_bulk([m.person_id for m in duplicates])
    matches = [(people[m.person_id], m) for m in duplicates if m.person_id in people]
    return render(request, "people/create.html", {"form": form, "duplicates": matches})


def _next_step(request: HttpRequest, person: Person) -> str:
    """Where to go after adding someone mid-task (choosing a relative, say): only a page of this site."""
    next_step = request.GET.get("next_step", "")
    if not url_has_allowed_host_and_scheme(next_step, allowed_hosts={request.get_host()}):
        return ""
    joiner = "&" if "?" in next_step else "?"
    return f"{next_step}{joiner}{urlencode({'added': person.pk})}"


def edit(request: HttpRequest, person_id: int) -> HttpResponse:
    person = get_person_to_edit(request, person_id, viewed="edit person")
    user = request.user
    assert isinstance(user, User)
    form = EditPersonForm.for_person(person, request.POST or None)
    if form.is_valid():
        try:
            services.update_person(
                person=person,
                by=user,
                expected_version=form.cleaned_data["version"],
                changes=form.person_details(),
            )
        except (ValidationError, StaleRecordError) as error:
            add_errors(form, error)
        else:
            messages.success(request, f"Saved {person.full_name}'s details")
            return redirect(person)
    return render(request, "people/edit.html", {"person": person, "form": form})
