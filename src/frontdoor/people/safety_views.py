"""Warning markers and restricted records."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from frontdoor.accounts.access import require
from frontdoor.accounts.models import User
from frontdoor.accounts.roles import Capability
from frontdoor.govuk.forms import add_errors
from frontdoor.people import queries, safety
from frontdoor.people.access import get_person_for_user, get_person_to_edit
from frontdoor.people.forms import EndWarningForm, GrantForm, RestrictForm, ReviewWarningForm, WarningForm


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


def raise_warning(request: HttpRequest, person_id: int) -> HttpResponse:
    person = get_person_to_edit(request, person_id, viewed="raise warning")
    form = WarningForm(request.POST or None)
    if form.is_valid():
        try:
            safety.raise_warning(person=person, by=_user(request), **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, "Warning raised: it shows at the top of every page about this person")
            return redirect(person)
    return render(
        request,
        "people/form_page.html",
        {"person": person, "form": form, "title": "Raise a warning", "button": "Raise warning"},
    )


def review_warning(request: HttpRequest, person_id: int, warning_id: int) -> HttpResponse:
    person = get_person_to_edit(request, person_id, viewed="review warning")
    warning = get_object_or_404(person.warnings, pk=warning_id, ended_at__isnull=True)
    form = ReviewWarningForm(request.POST or None)
    if form.is_valid():
        try:
            safety.review_warning(warning=warning, by=_user(request), **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, "Warning reviewed")
            return redirect(person)
    return render(
        request,
        "people/warning_form.html",
        {"person": person, "warning": warning, "form": form, "title": "Review a warning", "button": "It still applies"},
    )


def end_warning(request: HttpRequest, person_id: int, warning_id: int) -> HttpResponse:
    person = get_person_to_edit(request, person_id, viewed="end warning")
    warning = get_object_or_404(person.warnings, pk=warning_id, ended_at__isnull=True)
    form = EndWarningForm(request.POST or None)
    if form.is_valid():
        safety.end_warning(warning=warning, by=_user(request), reason=form.cleaned_data["reason"])
        messages.success(request, "Warning ended")
        return redirect(person)
    return render(
        request,
        "people/warning_form.html",
        {"person": person, "warning": warning, "form": form, "title": "End a warning", "button": "End warning"},
    )


def overdue_warnings(request: HttpRequest) -> HttpResponse:
    require(request, Capability.REVIEW_WARNINGS)
    warnings = queries.overdue_warnings(today=timezone.localdate())
    return render(request, "people/overdue_warnings.html", {"warnings": warnings})


def restriction(request: HttpRequest, person_id: int) -> HttpResponse:
    """Restrict the record, or manage who may open it."""
    user = require(request, Capability.MANAGE_RESTRICTIONS)
    person = get_person_for_user(request, person_id, viewed="restriction")
    form = RestrictForm(request.POST or None) if not person.is_restricted else GrantForm(request.POST or None)
    if form.is_valid():
        try:
            if person.is_restricted:
                safety.grant_access(
                    person=person, by=user, user=form.cleaned_data["user"], role=form.cleaned_data["role"]
                )
            else:
                safety.restrict_person(person=person, by=user, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, "Restriction updated")
            return redirect("people:restriction", person_id=person.pk)
    grants = person.restriction_grants.filter(revoked_at__isnull=True).select_related("user")
    context = {"person": person, "form": form, "grants": grants, "section": "restriction", "banner_heading": True}
    return render(request, "people/restriction.html", context)


@require_POST
def lift_restriction(request: HttpRequest, person_id: int) -> HttpResponse:
    user = require(request, Capability.MANAGE_RESTRICTIONS)
    person = get_person_for_user(request, person_id, viewed="restriction")
    safety.lift_restriction(person=person, by=user)
    messages.success(request, "The record is no longer restricted")
    return redirect(person)


@require_POST
def revoke_grant(request: HttpRequest, person_id: int, grant_id: int) -> HttpResponse:
    user = require(request, Capability.MANAGE_RESTRICTIONS)
    person = get_person_for_user(request, person_id, viewed="restriction")
    grant = get_object_or_404(person.restriction_grants, pk=grant_id, revoked_at__isnull=True)
    try:
        safety.revoke_access(grant=grant, by=user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, "Access withdrawn")
    return redirect("people:restriction", person_id=person.pk)
