"""Child protection pages: the strategy discussion, the enquiry, the conference, the plan and its lists."""

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from frontdoor.accounts.access import require
from frontdoor.accounts.models import LocalAuthority
from frontdoor.accounts.roles import Capability
from frontdoor.casework.access import get_referral_for_user
from frontdoor.govuk.forms import add_errors
from frontdoor.people.access import can_view_person
from frontdoor.protection import queries, services
from frontdoor.protection.access import get_plan_for_user, get_section_47_for_user, get_strategy_discussion_for_user
from frontdoor.protection.forms import (
    ConferenceForm,
    CoreGroupForm,
    EndPlanForm,
    ProtectiveOrderForm,
    ReviewConferenceForm,
    Section47OutcomeForm,
    StrategyDiscussionForm,
    VisitForm,
)
from frontdoor.protection.models import ChildProtectionPlan


def record_strategy(request: HttpRequest, referral_id: int) -> HttpResponse:
    user = require(request, Capability.DO_CASEWORK)
    referral = get_referral_for_user(request, referral_id, viewed="strategy discussion")
    initial = {"held_on": timezone.localdate(), "held_time": f"{timezone.localtime():%H:%M}", "kind": "discussion"}
    children = [r for r in queries.strategy_candidates(referral) if can_view_person(user, r.person)]
    form = StrategyDiscussionForm(request.POST or None, initial=initial, children=children)
    if form.is_valid():
        try:
            discussion = services.record_strategy_discussion(by=user, **form.service_arguments())
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, "Strategy discussion recorded")
            return redirect(discussion)
    others = [p for p in queries.siblings_without_open_referral(referral) if can_view_person(user, p)]
    return render(request, "protection/strategy_form.html", {"referral": referral, "form": form, "others": others})


def strategy(request: HttpRequest, discussion_id: int) -> HttpResponse:
    discussion = get_strategy_discussion_for_user(request, discussion_id, viewed="strategy discussion")
    children = discussion.children.select_related("referral__person", "section_47")
    context = {
        "discussion": discussion,
        "children": children,
        "participants": discussion.participants.all(),
        "actions": discussion.actions.all(),
    }
    return render(request, "protection/strategy.html", context)


def section_47(request: HttpRequest, section_47_id: int) -> HttpResponse:
    enquiry = get_section_47_for_user(request, section_47_id, viewed="section 47 enquiry")
    conference = getattr(enquiry, "conference", None)
    context = {"enquiry": enquiry, "conference": conference, "plan": getattr(conference, "plan", None)}
    return render(request, "protection/section_47.html", context)


def section_47_outcome(request: HttpRequest, section_47_id: int) -> HttpResponse:
    user = require(request, Capability.DO_CASEWORK)
    enquiry = get_section_47_for_user(request, section_47_id, viewed="section 47 outcome")
    form = Section47OutcomeForm(request.POST or None, initial={"completed_on": timezone.localdate()})
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.record_section_47_outcome(
                section_47=enquiry,
                by=user,
                outcome=data["outcome"],
                completed_on=data["completed_on"],
                conference_needed=data["conference_needed"] == "yes",
                not_required_reason=data["not_required_reason"],
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            return redirect(enquiry)
    return render(request, "protection/form.html", {"form": form, "title": "Outcome of the enquiry", "back": enquiry})


def conference(request: HttpRequest, section_47_id: int) -> HttpResponse:
    user = require(request, Capability.DO_CASEWORK)
    enquiry = get_section_47_for_user(request, section_47_id, viewed="initial conference")
    form = ConferenceForm(request.POST or None, initial={"held_on": timezone.localdate()})
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.hold_initial_conference(
                section_47=enquiry,
                by=user,
                held_on=data["held_on"],
                needs_plan=data["needs_plan"] == "yes",
                category=data["category"],
                chaired_by=data["chaired_by"],
                attendees=form.attendees(),
                summary=data["summary"],
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, "Initial child protection conference recorded")
            return redirect(enquiry)
    return render(request, "protection/conference_form.html", {"form": form, "enquiry": enquiry})


def plan(request: HttpRequest, plan_id: int) -> HttpResponse:
    found = get_plan_for_user(request, plan_id, viewed="child protection plan")
    loaded = queries.with_dates(ChildProtectionPlan.objects.filter(pk=found.pk)).get()
    context = {
        "plan": loaded,
        "clocks": queries.clocks_of(loaded, council=LocalAuthority.load()),
        "reviews": loaded.reviews.all(),
        "core_groups": loaded.core_groups.all(),
        "visits": loaded.visits.select_related("visited_by"),
    }
    return render(request, "protection/plan.html", context)


def record_review(request: HttpRequest, plan_id: int) -> HttpResponse:
    user = require(request, Capability.DO_CASEWORK)
    found = get_plan_for_user(request, plan_id, viewed="review conference")
    form = ReviewConferenceForm(
        request.POST or None, initial={"held_on": timezone.localdate(), "category": found.latest_category}
    )
    if form.is_valid():
        data = {**form.cleaned_data, "continue_plan": form.cleaned_data["continue_plan"] == "yes"}
        try:
            services.record_review_conference(plan=found, by=user, **data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            return redirect(found)
    return render(request, "protection/form.html", {"form": form, "title": "Record a review conference", "back": found})


def record_core_group(request: HttpRequest, plan_id: int) -> HttpResponse:
    user = require(request, Capability.DO_CASEWORK)
    found = get_plan_for_user(request, plan_id, viewed="core group")
    form = CoreGroupForm(request.POST or None, initial={"held_on": timezone.localdate()})
    if form.is_valid():
        try:
            services.record_core_group(plan=found, by=user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            return redirect(found)
    return render(request, "protection/form.html", {"form": form, "title": "Record a core group", "back": found})


def record_visit(request: HttpRequest, plan_id: int) -> HttpResponse:
    user = require(request, Capability.DO_CASEWORK)
    found = get_plan_for_user(request, plan_id, viewed="statutory visit")
    form = VisitForm(request.POST or None, initial={"visited_on": timezone.localdate()})
    if form.is_valid():
        data = {**form.cleaned_data, "child_seen": form.cleaned_data["child_seen"] == "yes"}
        try:
            services.record_visit(plan=found, by=user, **data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            return redirect(found)
    return render(request, "protection/form.html", {"form": form, "title": "Record a statutory visit", "back": found})


def end(request: HttpRequest, plan_id: int) -> HttpResponse:
    user = require(request, Capability.AUTHORISE_CASEWORK)
    found = get_plan_for_user(request, plan_id, viewed="end plan")
    form = EndPlanForm(request.POST or None, initial={"ended_on": timezone.localdate()})
    if form.is_valid():
        try:
            services.end_plan(plan=found, by=user, **form.cleaned_data)
        except (ValidationError, PermissionDenied) as error:
            add_errors(form, error)
        else:
            return redirect(found)
    return render(
        request, "protection/form.html", {"form": form, "title": "End the child protection plan", "back": found}
    )


PLANS_PAGE_SIZE = 50


def plans(request: HttpRequest) -> HttpResponse:
    user = require(request, Capability.VIEW_CHILDREN)
    team = user.team if request.GET.get("team") == "mine" else None
    # A page at a time, the next thing due first: each row costs its render.
    page = Paginator(queries.children_on_plans(team=team), PLANS_PAGE_SIZE).get_page(request.GET.get("page"))
    query = urlencode({"team": "mine"} if team else {})
    context = {
        "rows": queries.load_plans(list(page.object_list)),
        "page_obj": page,
        "query": query,
        "mine": team is not None,
    }
    return render(request, "protection/plans.html", context)


def awaiting_conference(request: HttpRequest) -> HttpResponse:
    require(request, Capability.VIEW_CHILDREN)
    return render(request, "protection/awaiting_conference.html", {"rows": queries.awaiting_conference()})


def record_protective_order(request: HttpRequest, referral_id: int) -> HttpResponse:
    user = require(request, Capability.DO_CASEWORK)
    referral = get_referral_for_user(request, referral_id, viewed="protective order")
    form = ProtectiveOrderForm(request.POST or None, initial={"started_on": timezone.localdate()})
    if form.is_valid():
        try:
            services.record_protective_order(referral=referral, by=user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            return redirect(referral)
    context = {"form": form, "title": "Record an emergency protection order or police protection", "back": referral}
    return render(request, "protection/form.html", context)
