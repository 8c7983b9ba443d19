from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from frontdoor.accounts.access import require
from frontdoor.accounts.models import User
from frontdoor.accounts.roles import Capability
from frontdoor.govuk.forms import add_errors
from frontdoor.records.concurrency import StaleRecordError
from frontdoor.workforce import queries, services
from frontdoor.workforce.forms import CaseloadPolicyForm, TeamChoiceForm, WorkerProfileForm
from frontdoor.workforce.models import CaseloadPolicy, WorkerProfile


def team(request: HttpRequest) -> HttpResponse:
    """A team's caseloads against their limits, and the team's work waiting for a worker."""
    user = require(request, Capability.VIEW_TEAMS)
    teams = queries.teams_with_caseworkers()
    form = TeamChoiceForm(request.GET or None, teams=teams, initial={"team": user.team_id})
    chosen = form.cleaned_data["team"] if form.is_bound and form.is_valid() else user.team or teams.first()
    if chosen is None:
        raise Http404("No team has social workers yet")
    # The waiting children are named: only for those who read children's records.
    waiting = queries.unallocated(chosen) if user.can(Capability.VIEW_CHILDREN) else None
    context = {"form": form, "caseloads": queries.team_caseloads(chosen), "waiting": waiting}
    return render(request, "workforce/team.html", context | {"policy": CaseloadPolicy.load()})


def unallocated(request: HttpRequest) -> HttpResponse:
    require(request, Capability.AUTHORISE_CASEWORK)
    return render(request, "workforce/unallocated.html", {"waiting": queries.unallocated()})


def policy(request: HttpRequest) -> HttpResponse:
    user = require(request, Capability.MANAGE_COUNCIL)
    current = CaseloadPolicy.load()
    initial = {name: getattr(current, name) for name in CaseloadPolicyForm.base_fields} | {"version": current.version}
    form = CaseloadPolicyForm(request.POST or None, initial=initial)
    if form.is_valid():
        try:
            services.set_caseload_policy(
                by=user, expected_version=form.cleaned_data.pop("version"), **form.cleaned_data
            )
        except (ValidationError, StaleRecordError) as error:
            add_errors(form, error)
        else:
            messages.success(request, "Caseload weights and limits saved")
            return redirect("workforce:policy")
    return render(request, "workforce/policy.html", {"form": form})


def worker(request: HttpRequest, user_id: int) -> HttpResponse:
    user = require(request, Capability.VIEW_TEAMS)
    found = get_object_or_404(User.objects.select_related("team"), pk=user_id, is_active=True)
    profile = WorkerProfile.objects.filter(user=found).first()
    initial = {"qualified_on": profile.qualified_on, "caseload_limit": profile.caseload_limit} if profile else {}
    form = WorkerProfileForm(request.POST or None, initial=initial)
    if form.is_valid():
        try:
            services.set_worker_profile(worker=found, by=user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, f"Caseload details of {found.display_name} saved")
            return redirect(f"{request.path}")
    return render(request, "workforce/worker.html", {"worker": found, "form": form})
