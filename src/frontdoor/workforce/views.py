from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from frontdoor.accounts.access import require
from frontdoor.accounts.models import Team, User
from frontdoor.accounts.roles import Capability
from frontdoor.casework.access import get_referral_for_user
from frontdoor.govuk.forms import add_errors
from frontdoor.records.concurrency import StaleRecordError
from frontdoor.workforce import directions, queries, services
from frontdoor.workforce.access import get_supervision_session_for_user
from frontdoor.workforce.forms import (
    BookingForm,
    CaseloadPolicyForm,
    DirectionForm,
    SupervisionForm,
    TeamChoiceForm,
    WorkerProfileForm,
)
from frontdoor.workforce.models import CaseloadPolicy, SupervisionPolicy, SupervisionSession, WorkerProfile
from frontdoor.workforce.supervision import compliance, statuses


def team_choice(request: HttpRequest, user: User, *, any_team: bool) -> tuple[TeamChoiceForm, Team | None]:
    """The team asked for, else the user's own; with `any_team`, else the first team with social workers."""
    teams = queries.teams_with_caseworkers()
    form = TeamChoiceForm(request.GET or None, teams=teams, initial={"team": user.team_id})
    if form.is_bound and form.is_valid():
        return form, form.cleaned_data["team"]
    return form, user.team or (teams.first() if any_team else None)


def team(request: HttpRequest) -> HttpResponse:
    """A team's caseloads against their limits, and the team's work waiting for a worker."""
    user = require(request, Capability.VIEW_TEAMS)
    form, chosen = team_choice(request, user, any_team=True)
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
    form = WorkerProfileForm(request.POST or None, initial=initial | {"version": profile.version if profile else 1})
    if form.is_valid():
        try:
            version = form.cleaned_data.pop("version")
            services.set_worker_profile(worker=found, by=user, expected_version=version, **form.cleaned_data)
        except (ValidationError, StaleRecordError) as error:
            add_errors(form, error)
        else:
            messages.success(request, f"Caseload details of {found.display_name} saved")
            return redirect(f"{request.path}")
    return render(request, "workforce/worker.html", {"worker": found, "form": form})


def supervision(request: HttpRequest) -> HttpResponse:
    """The supervision diary: each worker's last session, when the next is due, and who is overdue."""
    user = require(request, Capability.VIEW_TEAMS)
    form, chosen = team_choice(request, user, any_team=True)
    found = statuses(queries.caseworkers(chosen)) if chosen is not None else []
    context = {"form": form, "team": chosen, "statuses": found, "compliance": compliance(found)}
    return render(request, "workforce/supervision.html", context | {"policy": SupervisionPolicy.load()})


def record_supervision(request: HttpRequest, user_id: int) -> HttpResponse:
    user = require(request, Capability.AUTHORISE_CASEWORK)
    found = get_object_or_404(User, pk=user_id, is_active=True)
    referrals = queries.open_cases_of(found)
    initial = {"held_on": timezone.localdate(), "minutes": 90, "kind": SupervisionSession.Kind.CASE}
    form = SupervisionForm(request.POST or None, initial=initial, referrals=referrals)
    if form.is_valid():
        try:
            session = directions.record_supervision(
                worker=found,
                by=user,
                discussions=form.discussions(),
                **{
                    name: form.cleaned_data[name]
                    for name in ("held_on", "minutes", "kind", "summary", "reflective_notes")
                },
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, f"Supervision of {found.display_name} recorded")
            return redirect(session)
    return render(request, "workforce/supervision_form.html", {"worker": found, "form": form})


def supervision_session(request: HttpRequest, session_id: int) -> HttpResponse:
    user = require(request, Capability.VIEW_CHILDREN)
    session = get_supervision_session_for_user(request, session_id, viewed="supervision session")
    shows_reflection = user.pk in (session.worker_id, session.supervisor_id)
    found = session.directions.select_related("person", "referral").prefetch_related("actions")
    context = {"session": session, "directions": found, "shows_reflection": shows_reflection}
    return render(request, "workforce/supervision_session.html", context)


def give_direction(request: HttpRequest, referral_id: int) -> HttpResponse:
    user = require(request, Capability.AUTHORISE_CASEWORK)
    referral = get_referral_for_user(request, referral_id, viewed="case direction")
    form = DirectionForm(request.POST or None)
    if form.is_valid():
        try:
            directions.give_case_direction(
                referral=referral, by=user, direction=form.cleaned_data["direction"], actions=form.actions()
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, "Case direction recorded")
            return redirect(referral)
    return render(request, "workforce/direction_form.html", {"referral": referral, "form": form})


def oversight(request: HttpRequest) -> HttpResponse:
    """Open cases that have gone longer than the council's period without a manager's direction."""
    user = require(request, Capability.AUTHORISE_CASEWORK)
    form, chosen = team_choice(request, user, any_team=False)
    days = SupervisionPolicy.load().oversight_days
    page = Paginator(queries.without_oversight(days=days, team=chosen), 50).get_page(request.GET.get("page"))
    query = f"team={chosen.pk}" if chosen else ""
    context = {"form": form, "team": chosen, "days": days, "page_obj": page, "query": query}
    return render(request, "workforce/oversight.html", context)


def book_supervision(request: HttpRequest, user_id: int) -> HttpResponse:
    user = require(request, Capability.AUTHORISE_CASEWORK)
    found = get_object_or_404(User, pk=user_id, is_active=True)
    form = BookingForm(request.POST or None, initial={"kind": SupervisionSession.Kind.CASE})
    if form.is_valid():
        try:
            directions.schedule_supervision(
                worker=found, by=user, on=form.cleaned_data["scheduled_for"], kind=form.cleaned_data["kind"]
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, f"Supervision of {found.display_name} booked")
            return redirect(f"{reverse('workforce:supervision')}?team={found.team_id}")
    return render(request, "workforce/booking_form.html", {"worker": found, "form": form})
