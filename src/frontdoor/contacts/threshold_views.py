"""Administrators keep the council's levels-of-need model and front-door settings."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from frontdoor.accounts.access import require
from frontdoor.accounts.roles import Capability
from frontdoor.contacts import thresholds
from frontdoor.contacts.forms import CriterionForm, PolicyForm, ThresholdLevelForm
from frontdoor.contacts.models import FrontDoorPolicy, Outcome, ThresholdCriterion, ThresholdLevel
from frontdoor.govuk.forms import add_errors
from frontdoor.records.concurrency import StaleRecordError


def overview(request: HttpRequest) -> HttpResponse:
    require(request, Capability.MANAGE_THRESHOLDS)
    levels = ThresholdLevel.objects.prefetch_related("criteria")
    outcome_labels = dict(Outcome.choices)
    rows = [(level, [outcome_labels[o] for o in level.allowed_outcomes]) for level in levels]
    return render(request, "contacts/thresholds.html", {"rows": rows, "policy": FrontDoorPolicy.load()})


def edit_level(request: HttpRequest, level_id: int) -> HttpResponse:
    user = require(request, Capability.MANAGE_THRESHOLDS)
    level = get_object_or_404(ThresholdLevel, pk=level_id)
    initial = {
        "name": level.name,
        "description": level.description,
        "allowed_outcomes": level.allowed_outcomes,
        "is_active": level.is_active,
        "version": level.version,
    }
    form = ThresholdLevelForm(request.POST or None, initial=initial)
    if form.is_valid():
        changes = {name: value for name, value in form.cleaned_data.items() if name != "version"}
        try:
            thresholds.update_level(level=level, by=user, expected_version=form.cleaned_data["version"], **changes)
        except (ValidationError, StaleRecordError) as error:
            add_errors(form, error)
        else:
            messages.success(request, f"Level {level.number} saved")
            return redirect("contacts:thresholds")
    return render(
        request,
        "contacts/threshold_form.html",
        {"form": form, "title": f"Change level {level.number}", "button": "Save level"},
    )


def add_criterion(request: HttpRequest, level_id: int) -> HttpResponse:
    user = require(request, Capability.MANAGE_THRESHOLDS)
    level = get_object_or_404(ThresholdLevel, pk=level_id)
    form = CriterionForm(request.POST or None)
    if form.is_valid():
        thresholds.add_criterion(level=level, by=user, **form.cleaned_data)
        messages.success(request, f"Criterion added to level {level.number}")
        return redirect("contacts:thresholds")
    return render(
        request,
        "contacts/threshold_form.html",
        {"form": form, "title": f"Add a criterion to level {level.number}", "button": "Add criterion"},
    )


@require_POST
def set_criterion_in_use(request: HttpRequest, criterion_id: int) -> HttpResponse:
    user = require(request, Capability.MANAGE_THRESHOLDS)
    criterion = get_object_or_404(ThresholdCriterion, pk=criterion_id)
    thresholds.set_criterion_in_use(criterion=criterion, by=user, in_use=request.POST.get("in_use") == "yes")
    messages.success(request, "Criterion updated")
    return redirect("contacts:thresholds")


def policy(request: HttpRequest) -> HttpResponse:
    user = require(request, Capability.MANAGE_THRESHOLDS)
    form = PolicyForm(request.POST or None, instance=FrontDoorPolicy.load())
    if form.is_valid():
        changes = {name: value for name, value in form.cleaned_data.items() if name != "version"}
        try:
            thresholds.update_policy(by=user, expected_version=form.cleaned_data["version"], changes=changes)
        except (ValidationError, StaleRecordError) as error:
            add_errors(form, error)
        else:
            messages.success(request, "Front door settings saved")
            return redirect("contacts:thresholds")
    return render(
        request,
        "contacts/threshold_form.html",
        {"form": form, "title": "Front door settings", "button": "Save settings"},
    )
