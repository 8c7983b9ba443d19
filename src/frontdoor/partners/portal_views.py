"""The partner portal's pages, and the front door's feedback form for a portal referral."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from frontdoor.accounts.access import require
from frontdoor.accounts.roles import Capability
from frontdoor.govuk.forms import add_errors
from frontdoor.partners import portal
from frontdoor.partners.access import get_own_portal_referral, get_portal_referral_for_staff
from frontdoor.partners.models import PortalReferral
from frontdoor.partners.portal_forms import FeedbackForm, PortalReferralForm


def referrals(request: HttpRequest) -> HttpResponse:
    user = require(request, Capability.SUBMIT_REFERRALS)
    mine = PortalReferral.objects.filter(submitted_by=user).select_related("contact")
    rows = [(r, portal.status_of(r)) for r in mine]
    return render(request, "partners/portal/referrals.html", {"rows": rows, "profile": portal.profile_of(user)})


def new_referral(request: HttpRequest) -> HttpResponse:
    user = require(request, Capability.SUBMIT_REFERRALS)
    profile = portal.profile_of(user)
    form = PortalReferralForm(request.POST or None)
    if form.is_valid():
        try:
            made = portal.submit_referral(by=user, referral=form.referral())
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, f"Referral sent: reference {made.contact.reference}")
            return redirect(made)
    return render(request, "partners/portal/new.html", {"form": form, "profile": profile})


def referral(request: HttpRequest, referral_id: int) -> HttpResponse:
    found = get_own_portal_referral(request, referral_id, viewed="portal referral")
    return render(request, "partners/portal/referral.html", {"referral": found, "status": portal.status_of(found)})


@require_POST
def feedback(request: HttpRequest, referral_id: int) -> HttpResponse:
    user = require(request, Capability.RECORD_CONTACTS)
    found = get_portal_referral_for_staff(request, referral_id, viewed="portal referral feedback")
    form = FeedbackForm(request.POST)
    if form.is_valid():
        try:
            portal.give_feedback(portal_referral=found, by=user, feedback=form.cleaned_data["feedback"])
        except ValidationError as error:
            messages.error(request, "; ".join(error.messages))
        else:
            messages.success(request, f"Feedback sent to {found.submitted_by.display_name}")
    else:
        messages.error(request, "Write the feedback for the referrer")
    return redirect(found.contact)
