from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from frontdoor.earlyhelp import queries, services
from frontdoor.earlyhelp.access import early_help_user, get_episode_for_user, get_request_for_user
from frontdoor.earlyhelp.forms import (
    AssessmentForm,
    ClosureForm,
    DeclineForm,
    LeadProfessionalForm,
    PartnerRequestForm,
    PlanActionForm,
    PlanReviewForm,
    StartForm,
    TafMeetingForm,
)
from frontdoor.earlyhelp.models import EarlyHelpEpisode
from frontdoor.govuk.forms import add_errors
from frontdoor.people.access import get_person_for_user

VIEWED = "early help episode"
FORMS: dict[str, type[forms.Form]] = {
    "start_form": StartForm,
    "assessment_form": AssessmentForm,
    "lead_form": LeadProfessionalForm,
    "taf_form": TafMeetingForm,
    "action_form": PlanActionForm,
    "review_form": PlanReviewForm,
    "closure_form": ClosureForm,
}


def episodes(request: HttpRequest) -> HttpResponse:
    user = early_help_user(request)
    return render(request, "earlyhelp/episodes.html", {"episodes": queries.open_episodes(user)})


def requests(request: HttpRequest) -> HttpResponse:
    user = early_help_user(request)
    return render(request, "earlyhelp/requests.html", {"requests": queries.waiting_requests(user)})


def new_request(request: HttpRequest) -> HttpResponse:
    """A partner agency's request, taken by the early help team."""
    user = early_help_user(request)
    form = PartnerRequestForm(request.POST or None)
    if form.is_valid():
        data = form.cleaned_data
        try:
            person = get_person_for_user(request, data.pop("person"), viewed="early help request")
            services.record_partner_request(person=person, by=user, **data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, f"Request for {person.full_name} recorded")
            return redirect("earlyhelp:requests")
    return render(request, "earlyhelp/new_request.html", {"form": form})


@require_POST
def accept(request: HttpRequest, request_id: int) -> HttpResponse:
    user = early_help_user(request)
    found = get_request_for_user(request, request_id, viewed="early help request")
    try:
        episode = services.accept_request(request=found, by=user)
    except ValidationError as error:
        messages.error(request, "; ".join(error.messages))
        return redirect("earlyhelp:requests")
    messages.success(request, f"Accepted: record {found.person.full_name}'s family's consent to start")
    return redirect(episode)


def decline(request: HttpRequest, request_id: int) -> HttpResponse:
    user = early_help_user(request)
    found = get_request_for_user(request, request_id, viewed="early help request")
    form = DeclineForm(request.POST or None)
    if form.is_valid():
        try:
            services.decline_request(request=found, by=user, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, f"Request for {found.person.full_name} declined")
            return redirect("earlyhelp:requests")
    return render(request, "earlyhelp/decline.html", {"form": form, "found": found})


def _page(request: HttpRequest, episode: EarlyHelpEpisode, status: int = 200, **bound: forms.Form) -> HttpResponse:
    context: dict[str, Any] = {name: bound.get(name) or form_class() for name, form_class in FORMS.items()}
    context |= {"episode": episode, "assessment": getattr(episode, "assessment", None)}
    return render(request, "earlyhelp/episode.html", context, status=status)


def episode(request: HttpRequest, episode_id: int) -> HttpResponse:
    return _page(request, get_episode_for_user(request, episode_id, viewed=VIEWED, episodes=queries.EPISODE_PAGE))


# An episode service: called with the episode, by= the user, and the form's cleaned data as keywords.
Act = Callable[..., object]


def _act(request: HttpRequest, episode_id: int, name: str, act: Act, done: str) -> HttpResponse:
    """One of the episode page's forms: the service's refusal shows on the page, on the form that made it."""
    user = early_help_user(request)
    found = get_episode_for_user(request, episode_id, viewed=VIEWED, episodes=queries.EPISODE_PAGE)
    form = FORMS[name](request.POST)
    if form.is_valid():
        try:
            act(episode=found, by=user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, done)
            return redirect(found)
    return _page(request, found, status=400, **{name: form})


@require_POST
def start(request: HttpRequest, episode_id: int) -> HttpResponse:
    return _act(request, episode_id, "start_form", services.start_episode, "Early help started")


@require_POST
def assessment(request: HttpRequest, episode_id: int) -> HttpResponse:
    return _act(request, episode_id, "assessment_form", services.record_assessment, "Early help assessment recorded")


@require_POST
def lead_professional(request: HttpRequest, episode_id: int) -> HttpResponse:
    return _act(request, episode_id, "lead_form", services.appoint_lead_professional, "Lead professional recorded")


@require_POST
def taf_meeting(request: HttpRequest, episode_id: int) -> HttpResponse:
    return _act(request, episode_id, "taf_form", services.record_taf_meeting, "Team around the family meeting recorded")


@require_POST
def plan_action(request: HttpRequest, episode_id: int) -> HttpResponse:
    return _act(request, episode_id, "action_form", services.add_plan_action, "Added to the family plan")


@require_POST
def review(request: HttpRequest, episode_id: int) -> HttpResponse:
    return _act(request, episode_id, "review_form", services.review_plan, "Plan review recorded")


@require_POST
def close(request: HttpRequest, episode_id: int) -> HttpResponse:
    return _act(request, episode_id, "closure_form", services.close_episode, "Early help closed")
