"""Out-of-hours work handed to the day team, and the quality assurance sample."""

from datetime import timedelta

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from frontdoor.accounts.access import require
from frontdoor.accounts.roles import Capability
from frontdoor.contacts import quality, queries, services
from frontdoor.contacts.access import get_contact_for_user
from frontdoor.contacts.forms import QualityReviewForm
from frontdoor.contacts.models import QualitySample
from frontdoor.govuk.forms import add_errors


def handover(request: HttpRequest) -> HttpResponse:
    require(request, Capability.ACKNOWLEDGE_HANDOVER)
    return render(request, "contacts/handover.html", {"rows": queries.handover_list()})


@require_POST
def acknowledge(request: HttpRequest) -> HttpResponse:
    user = require(request, Capability.ACKNOWLEDGE_HANDOVER)
    ids = [int(v) for v in request.POST.getlist("contact") if v.isdigit()]
    contacts = [get_contact_for_user(request, pk, viewed="emergency duty handover") for pk in ids]
    if not contacts:
        messages.error(request, "Choose the contacts you have read")
        return redirect("contacts:handover")
    count = services.acknowledge_handover(contacts=contacts, by=user)
    messages.success(request, f"Acknowledged {count} out-of-hours contact{'s' if count != 1 else ''}")
    return redirect("contacts:handover")


def quality_samples(request: HttpRequest) -> HttpResponse:
    require(request, Capability.REVIEW_QUALITY)
    last_week = quality.week_starting(timezone.localdate()) - timedelta(days=7)
    samples = quality.samples_to_review().prefetch_related("contact__audits")[:200]
    context = {"samples": samples, "last_week": last_week}
    return render(request, "contacts/quality.html", context)


@require_POST
def draw_sample(request: HttpRequest) -> HttpResponse:
    user = require(request, Capability.REVIEW_QUALITY)
    last_week = quality.week_starting(timezone.localdate()) - timedelta(days=7)
    samples = quality.draw_quality_sample(week_start=last_week, by=user)
    messages.success(request, f"{len(samples)} contacts from the week of {last_week:%-d %B %Y} are in the sample")
    return redirect("contacts:quality")


def review_sample(request: HttpRequest, sample_id: int) -> HttpResponse:
    user = require(request, Capability.REVIEW_QUALITY)
    sample = get_object_or_404(QualitySample, pk=sample_id)
    contact = get_contact_for_user(request, sample.contact_id, viewed="quality assurance review")
    form = QualityReviewForm(request.POST or None)
    if form.is_valid():
        try:
            quality.review_sample(sample=sample, by=user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, f"Review of contact {contact.reference} saved")
            return redirect("contacts:quality")
    decisions = [(child, queries.standing_decision(child)) for child in queries.children_with_decisions(contact)]
    return render(
        request,
        "contacts/quality_review.html",
        {"sample": sample, "contact": contact, "decisions": decisions, "form": form},
    )
