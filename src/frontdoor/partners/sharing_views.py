"""Information sharing pages: the requests waiting with their clocks, and recording what was shared."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from frontdoor.accounts.access import require
from frontdoor.accounts.roles import Capability
from frontdoor.govuk.forms import add_errors
from frontdoor.partners import sharing
from frontdoor.partners.models import InformationRequest, InformationShare
from frontdoor.partners.sharing_forms import DeclineForm, RequestForm, ShareForm
from frontdoor.people.access import get_person_for_user


def index(request: HttpRequest) -> HttpResponse:
    require(request, Capability.DECIDE_CONTACTS)
    waiting = InformationRequest.objects.filter(status=InformationRequest.Status.OPEN).select_related("person")
    shared = InformationShare.objects.select_related("person", "recorded_by")[:50]
    context = {"waiting": waiting, "shared": shared, "today": timezone.localdate()}
    return render(request, "partners/sharing/index.html", context)


def new_request(request: HttpRequest, person_id: int) -> HttpResponse:
    user = require(request, Capability.DECIDE_CONTACTS)
    person = get_person_for_user(request, person_id, viewed="information request")
    form = RequestForm(request.POST or None)
    if form.is_valid():
        try:
            made = sharing.record_request(person=person, by=user, asked=form.asked())
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, f"Request recorded: answer by {made.due_on:%-d %B %Y}")
            return redirect(made)
    return render(request, "partners/sharing/new_request.html", {"form": form, "person": person})


def information_request(request: HttpRequest, request_id: int) -> HttpResponse:
    """One request: record what was shared to answer it, or decline it with the reason."""
    user = require(request, Capability.DECIDE_CONTACTS)
    found = get_object_or_404(InformationRequest, pk=request_id)
    person = get_person_for_user(request, found.person_id, viewed="information request")
    initial = {"agency": found.agency, "organisation": found.organisation, "recipient": found.requester}
    form = ShareForm(request.POST or None, initial=initial | {"shared_on": timezone.localdate()})
    if form.is_valid():
        try:
            sharing.record_share(person=person, by=user, disclosure=form.disclosure(), request=found)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, "Answered: what was shared is logged on the child's record")
            return redirect("partners:sharing")
    context = {"found": found, "person": person, "form": form, "decline": DeclineForm()}
    return render(request, "partners/sharing/request.html", context)


@require_POST
def decline(request: HttpRequest, request_id: int) -> HttpResponse:
    user = require(request, Capability.DECIDE_CONTACTS)
    found = get_object_or_404(InformationRequest, pk=request_id)
    get_person_for_user(request, found.person_id, viewed="information request")
    form = DeclineForm(request.POST)
    try:
        sharing.decline_request(request=found, by=user, reason=form.data.get("reason", ""))
    except ValidationError as error:
        messages.error(request, "; ".join(error.messages))
        return redirect(found)
    messages.success(request, "Request declined")
    return redirect("partners:sharing")


def new_share(request: HttpRequest, person_id: int) -> HttpResponse:
    user = require(request, Capability.DECIDE_CONTACTS)
    person = get_person_for_user(request, person_id, viewed="information sharing")
    form = ShareForm(request.POST or None, initial={"shared_on": timezone.localdate()})
    if form.is_valid():
        try:
            sharing.record_share(person=person, by=user, disclosure=form.disclosure())
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, "What was shared is logged on the child's record")
            return redirect("people:detail", person.pk)
    return render(request, "partners/sharing/new_share.html", {"form": form, "person": person})
