"""A referral's page, and what managers and workers do to it: allocate, record the need, plans, close."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from frontdoor.accounts.access import require
from frontdoor.accounts.models import User
from frontdoor.accounts.roles import Capability
from frontdoor.casework import queries, services
from frontdoor.casework.access import get_cin_plan_for_user, get_referral_for_user
from frontdoor.casework.forms import (
    AllocateForm,
    CinPlanEndForm,
    CinPlanReviewForm,
    CinPlanStartForm,
    CloseReferralForm,
    PrimaryNeedForm,
)
from frontdoor.govuk.forms import add_errors
from frontdoor.records.concurrency import StaleRecordError
from frontdoor.workforce.queries import team_caseloads


def referral(request: HttpRequest, referral_id: int) -> HttpResponse:
    found = get_referral_for_user(request, referral_id, viewed="referral")
    episode = next(e for e in queries.episodes_of(found.person_id) if e.referral.pk == found.pk)
    user = request.user
    assert isinstance(user, User)
    context = {
        "referral": found,
        "episode": episode,
        "open_work": services.open_work(found) if found.is_open else [],
        "can_work": user.can(Capability.DO_CASEWORK),
        "can_authorise": user.can(Capability.AUTHORISE_CASEWORK),
    }
    return render(request, "casework/referral.html", context)


def allocate(request: HttpRequest, referral_id: int) -> HttpResponse:
    user = require(request, Capability.AUTHORISE_CASEWORK)
    found = get_referral_for_user(request, referral_id, viewed="allocate referral")
    initial = {"version": found.version, "team": found.team_id, "worker": found.worker_id}
    form = AllocateForm(request.POST or None, initial=initial)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.allocate_referral(
                referral=found,
                by=user,
                team=data["team"],
                worker=data["worker"],
                reason=data["reason"],
                expected_version=data["version"],
                over_limit_confirmed=data["over_limit_confirmed"],
            )
        except (ValidationError, StaleRecordError) as error:
            add_errors(form, error)
        else:
            messages.success(request, "Referral allocated")
            return redirect(found)
    team = found.team or user.team
    loads = team_caseloads(team) if team is not None else None
    context = {"referral": found, "form": form, "title": "Allocate", "caseloads": loads}
    return render(request, "casework/referral_form.html", context)


def primary_need(request: HttpRequest, referral_id: int) -> HttpResponse:
    user = require(request, Capability.DO_CASEWORK)
    found = get_referral_for_user(request, referral_id, viewed="referral need")
    form = PrimaryNeedForm(request.POST or None, initial={"version": found.version, "primary_need": found.primary_need})
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.set_primary_need(
                referral=found, by=user, primary_need=data["primary_need"], expected_version=data["version"]
            )
        except (ValidationError, StaleRecordError) as error:
            add_errors(form, error)
        else:
            return redirect(found)
    return render(request, "casework/referral_form.html", {"referral": found, "form": form, "title": "Primary need"})


def close(request: HttpRequest, referral_id: int) -> HttpResponse:
    user = require(request, Capability.AUTHORISE_CASEWORK)
    found = get_referral_for_user(request, referral_id, viewed="close referral")
    form = CloseReferralForm(
        request.POST or None, initial={"version": found.version, "closed_on": timezone.localdate()}
    )
    if form.is_valid():
        try:
            services.close_referral(referral=found, by=user, **_renamed(form.cleaned_data))
        except (ValidationError, StaleRecordError, PermissionDenied) as error:
            add_errors(form, error)
        else:
            messages.success(request, "Referral closed")
            return redirect(found)
    context = {"referral": found, "form": form, "title": "Close the referral", "open_work": services.open_work(found)}
    return render(request, "casework/referral_form.html", context)


def _renamed(data: dict) -> dict:
    return {**{k: v for k, v in data.items() if k != "version"}, "expected_version": data["version"]}


def start_cin_plan(request: HttpRequest, referral_id: int) -> HttpResponse:
    user = require(request, Capability.DO_CASEWORK)
    found = get_referral_for_user(request, referral_id, viewed="start plan")
    form = CinPlanStartForm(request.POST or None, initial={"started_on": timezone.localdate()})
    if form.is_valid():
        try:
            services.start_cin_plan(referral=found, by=user, started_on=form.cleaned_data["started_on"])
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, "Child in need plan started")
            return redirect(found)
    context = {"referral": found, "form": form, "title": "Start a child in need plan"}
    return render(request, "casework/referral_form.html", context)


def review_cin_plan(request: HttpRequest, plan_id: int) -> HttpResponse:
    user = require(request, Capability.DO_CASEWORK)
    plan = get_cin_plan_for_user(request, plan_id, viewed="review plan")
    form = CinPlanReviewForm(request.POST or None, initial={"held_on": timezone.localdate()})
    if form.is_valid():
        try:
            services.record_cin_plan_review(plan=plan, by=user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, "Plan review recorded")
            return redirect(plan.referral)
    context = {"referral": plan.referral, "form": form, "title": "Record a child in need plan review"}
    return render(request, "casework/referral_form.html", context)


def end_cin_plan(request: HttpRequest, plan_id: int) -> HttpResponse:
    user = require(request, Capability.DO_CASEWORK)
    plan = get_cin_plan_for_user(request, plan_id, viewed="end plan")
    form = CinPlanEndForm(request.POST or None, initial={"ended_on": timezone.localdate()})
    if form.is_valid():
        try:
            services.end_cin_plan(plan=plan, by=user, ended_on=form.cleaned_data["ended_on"])
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, "Child in need plan ended")
            return redirect(plan.referral)
    context = {"referral": plan.referral, "form": form, "title": "End the child in need plan"}
    return render(request, "casework/referral_form.html", context)
