"""Deciding what happens for each child, and managers agreeing or returning closures."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from frontdoor.accounts.access import require
from frontdoor.accounts.roles import Capability
from frontdoor.contacts import queries, services
from frontdoor.contacts.access import get_contact_child_for_user, get_decision_for_user
from frontdoor.contacts.forms import DecisionForm, ReviewDecisionForm
from frontdoor.contacts.models import ThresholdDecision, ThresholdLevel
from frontdoor.govuk.forms import add_errors


def decide(request: HttpRequest, contact_id: int, child_id: int) -> HttpResponse:
    user = require(request, Capability.DECIDE_CONTACTS)
    child = get_contact_child_for_user(request, contact_id, child_id, viewed="decision")
    contact = child.contact
    services.touch(contact, by=user)
    form = DecisionForm(request.POST or None, initial={"rag": contact.rag})
    if form.is_valid():
        try:
            services.decide(contact_child=child, by=user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, f"Decision recorded for {child}")
            return redirect(contact)
    context = {
        "contact": contact,
        "child": child,
        "form": form,
        "history": queries.history_for(child.person, before=contact) if child.person else None,
        "returned": child.decisions.filter(status=ThresholdDecision.Status.RETURNED)
        .select_related("reviewed_by")
        .first(),
        "levels": ThresholdLevel.objects.filter(is_active=True).prefetch_related("criteria"),
        "standing": services.current_decision(child),
    }
    return render(request, "contacts/decide.html", context)


def tray(request: HttpRequest) -> HttpResponse:
    require(request, Capability.AUTHORISE_DECISIONS)
    return render(request, "contacts/tray.html", {"decisions": queries.authorisation_tray()})


def review(request: HttpRequest, decision_id: int) -> HttpResponse:
    user = require(request, Capability.AUTHORISE_DECISIONS)
    decision = get_decision_for_user(request, decision_id, viewed="authorise decision")
    form = ReviewDecisionForm(request.POST or None)
    if form.is_valid():
        comment = form.cleaned_data["comment"]
        try:
            if request.POST.get("action") == "return":
                services.return_decision(decision=decision, by=user, comment=comment)
                messages.success(request, "Decision returned with your comments")
            else:
                services.authorise_decision(decision=decision, by=user, comment=comment)
                messages.success(request, "Decision agreed")
        except (ValidationError, PermissionDenied) as error:
            add_errors(form, error)
        else:
            return redirect("contacts:tray")
    child = decision.contact_child
    context = {
        "decision": decision,
        "contact": child.contact,
        "child": child,
        "form": form,
        "history": queries.history_for(child.person, before=child.contact) if child.person else None,
    }
    return render(request, "contacts/review.html", context)
