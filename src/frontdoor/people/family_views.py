"""A person's names, references, addresses, family and the professionals involved."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_POST

from frontdoor.accounts.access import require
from frontdoor.accounts.models import User
from frontdoor.accounts.roles import Capability
from frontdoor.govuk.forms import add_errors
from frontdoor.people import services
from frontdoor.people.access import get_person_for_user, get_person_to_edit
from frontdoor.people.forms import (
    AddressForm,
    EndDateForm,
    IdentifierForm,
    InvolvementForm,
    OtherNameForm,
    ProfessionalForm,
    RelationshipForm,
    SearchForm,
)
from frontdoor.people.queries import current_residences
from frontdoor.people.search import search_people


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


def add_other_name(request: HttpRequest, person_id: int) -> HttpResponse:
    person = get_person_to_edit(request, person_id, viewed="add other name")
    form = OtherNameForm(request.POST or None)
    if form.is_valid():
        try:
            services.add_other_name(person=person, by=_user(request), **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, "Name added")
            return redirect(person)
    return render(
        request,
        "people/form_page.html",
        {"person": person, "form": form, "title": "Add another name", "button": "Add name"},
    )


def add_identifier(request: HttpRequest, person_id: int) -> HttpResponse:
    person = get_person_to_edit(request, person_id, viewed="add reference")
    form = IdentifierForm(request.POST or None)
    if form.is_valid():
        services.add_identifier(person=person, by=_user(request), **form.cleaned_data)
        messages.success(request, "Reference added")
        return redirect(person)
    return render(
        request,
        "people/form_page.html",
        {"person": person, "form": form, "title": "Add a reference", "button": "Add reference"},
    )


def move(request: HttpRequest, person_id: int) -> HttpResponse:
    person = get_person_to_edit(request, person_id, viewed="change address")
    form = AddressForm(request.POST or None)
    if form.is_valid():
        try:
            services.move_person(
                person=person,
                by=_user(request),
                address=form.address(),
                moved_in=form.cleaned_data["moved_in"],
                confidential=form.cleaned_data["is_confidential"],
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, "Address recorded")
            return redirect(person)
    return render(
        request,
        "people/form_page.html",
        {"person": person, "form": form, "title": "Record a new address", "button": "Save address"},
    )


def end_residence(request: HttpRequest, person_id: int, residence_id: int) -> HttpResponse:
    person = get_person_to_edit(request, person_id, viewed="end address")
    residence = get_object_or_404(person.residences, pk=residence_id, moved_out__isnull=True)
    form = EndDateForm(request.POST or None, label="Date they moved out")
    if form.is_valid():
        try:
            services.end_residence(residence=residence, by=_user(request), moved_out=form.cleaned_data["ended_on"])
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, f"Recorded {person.short_name} moving out of {residence.address}")
            return redirect(person)
    return render(
        request,
        "people/form_page.html",
        {"person": person, "form": form, "button": "Save", "title": f"Moving out of {residence.address}"},
    )


@require_POST
def join_household(request: HttpRequest, person_id: int, relative_id: int) -> HttpResponse:
    """A relative lives at this person's address too."""
    person = get_person_to_edit(request, person_id, viewed="family view")
    relative = get_person_to_edit(request, relative_id, viewed="add to household")
    home = current_residences(person).first()
    if home is None:
        messages.error(request, f"Record {person.short_name}'s address first")
    else:
        services.add_to_household(address=home.address, person=relative, by=_user(request), moved_in=None)
        messages.success(request, f"{relative.short_name} now lives at {home.address}")
    return redirect("people:family", person_id=person.pk)


def add_relationship(request: HttpRequest, person_id: int) -> HttpResponse:
    """First find the relative (or add them), then say how they are related."""
    person = get_person_to_edit(request, person_id, viewed="add relationship")
    relative_id = request.GET.get("relative") or request.GET.get("added") or ""
    if not relative_id.isdigit():
        search = SearchForm(request.GET or None)
        outcome = search_people(user=_user(request), query=search.query()) if search.is_valid() else None
        back = reverse("people:add-relationship", args=[person.pk])
        create_url = (
            f"{reverse('people:create')}?{urlencode({**request.GET.dict(), 'searched': '1', 'next_step': back})}"
        )
        return render(
            request,
            "people/relationship_pick.html",
            {"person": person, "form": search, "outcome": outcome, "create_url": create_url},
        )
    relative = get_person_for_user(request, int(relative_id), viewed="add relationship")
    form = RelationshipForm(request.POST or None, person=person, relative=relative)
    if form.is_valid():
        try:
            services.add_relationship(person=person, relative=relative, by=_user(request), **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, f"Recorded {relative.short_name}'s relationship")
            return redirect("people:family", person_id=person.pk)
    return render(request, "people/relationship_form.html", {"person": person, "relative": relative, "form": form})


def end_relationship(request: HttpRequest, person_id: int, relationship_id: int) -> HttpResponse:
    person = get_person_to_edit(request, person_id, viewed="end relationship")
    relationship = get_object_or_404(person.relationships, pk=relationship_id, ended_on__isnull=True)
    form = EndDateForm(request.POST or None, label="Date it ended")
    if form.is_valid():
        services.end_relationship(relationship=relationship, by=_user(request), ended_on=form.cleaned_data["ended_on"])
        messages.success(request, "Relationship ended")
        return redirect("people:family", person_id=person.pk)
    title = f"End {relationship.relative.short_name}'s relationship as {relationship.get_kind_display().lower()}"
    return render(request, "people/form_page.html", {"person": person, "form": form, "title": title, "button": "End"})


def add_involvement(request: HttpRequest, person_id: int) -> HttpResponse:
    person = get_person_to_edit(request, person_id, viewed="add involvement")
    form = InvolvementForm(request.POST or None, initial={"professional": request.GET.get("professional")})
    if form.is_valid():
        try:
            services.add_involvement(person=person, by=_user(request), **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, "Professional recorded")
            return redirect(person)
    new_professional = f"{reverse('people:add-professional')}?for={person.pk}"
    return render(
        request,
        "people/form_page.html",
        {
            "person": person,
            "form": form,
            "button": "Save",
            "title": "Record a professional involved",
            "extra_link": (new_professional, "Add a professional who is not listed"),
        },
    )


def end_involvement(request: HttpRequest, person_id: int, involvement_id: int) -> HttpResponse:
    person = get_person_to_edit(request, person_id, viewed="end involvement")
    involvement = get_object_or_404(person.involvements, pk=involvement_id, ended_on__isnull=True)
    form = EndDateForm(request.POST or None, label="Date their involvement ended")
    if form.is_valid():
        services.end_involvement(involvement=involvement, by=_user(request), ended_on=form.cleaned_data["ended_on"])
        messages.success(request, "Involvement ended")
        return redirect(person)
    return render(
        request,
        "people/form_page.html",
        {
            "person": person,
            "form": form,
            "button": "End",
            "title": f"End {involvement.professional.name}'s involvement",
        },
    )


def add_professional(request: HttpRequest) -> HttpResponse:
    user = require(request, Capability.EDIT_PEOPLE)
    form = ProfessionalForm(request.POST or None)
    if form.is_valid():
        professional = services.add_professional(by=user, **form.cleaned_data)
        messages.success(request, f"Added {professional}")
        if (for_person := request.GET.get("for", "")).isdigit():
            url = reverse("people:add-involvement", args=[int(for_person)])
            return redirect(f"{url}?professional={professional.pk}")
        return redirect("people:search")
    return render(request, "people/form_page.html", {"form": form, "title": "Add a professional", "button": "Add"})
