"""The daily triage meeting's pages: open today's, work through the children waiting, close it; and the tasks."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from frontdoor.accounts.access import require
from frontdoor.accounts.roles import Capability
from frontdoor.govuk.forms import add_errors
from frontdoor.partners import meeting_page, queries, triage
from frontdoor.partners.access import get_task_for_user, receiver
from frontdoor.partners.forms import MeetingForm, MinutesForm, decisions_posted
from frontdoor.partners.models import NotificationPerson, TriageMeeting


def meetings(request: HttpRequest) -> HttpResponse:
    user = receiver(request)
    form = MeetingForm(request.POST or None)
    if form.is_valid():
        try:
            meeting = triage.open_meeting(by=user, held_on=timezone.localdate(), attendees=form.attendees())
        except ValidationError as error:
            add_errors(form, error)
        else:
            return redirect(meeting)
    today = TriageMeeting.objects.filter(held_on=timezone.localdate()).first()
    held = TriageMeeting.objects.select_related("chair").prefetch_related("attendees")[:30]
    context = {"form": form, "today": today, "late": queries.late_notifications().count(), "meetings": held}
    return render(request, "partners/meetings.html", context)


def meeting(request: HttpRequest, meeting_id: int) -> HttpResponse:
    receiver(request)
    found = get_object_or_404(TriageMeeting.objects.prefetch_related("attendees"), pk=meeting_id)
    lines = meeting_page.lines(queries.triage_rows(found))
    context = {
        "meeting": found,
        "lines": lines,
        "outcome_options": meeting_page.outcome_options(),
        "minutes": MinutesForm(),
    }
    return render(request, "partners/meeting.html", context)


@require_POST
def decide(request: HttpRequest, meeting_id: int) -> HttpResponse:
    """Every row with a decision chosen is saved together: the meeting records dozens in one go."""
    user = receiver(request)
    found = get_object_or_404(TriageMeeting, pk=meeting_id)
    chosen = decisions_posted(request.POST)
    children = NotificationPerson.objects.filter(pk__in=chosen).select_related("notification", "person")
    choices = [triage.Choice(c, *chosen[c.pk]) for c in children]
    try:
        made = triage.record_decisions(meeting=found, by=user, choices=choices)
    except ValidationError as error:
        messages.error(request, "Nothing was saved: " + "; ".join(error.messages))
    else:
        messages.success(request, f"{len(made)} decision{'s' if len(made) != 1 else ''} recorded")
    return redirect(found)


@require_POST
def close(request: HttpRequest, meeting_id: int) -> HttpResponse:
    user = receiver(request)
    found = get_object_or_404(TriageMeeting, pk=meeting_id)
    form = MinutesForm(request.POST)
    if form.is_valid():
        try:
            triage.close_meeting(meeting=found, by=user, minutes=form.cleaned_data["minutes"])
        except ValidationError as error:
            messages.error(request, "; ".join(error.messages))
        else:
            messages.success(request, "Meeting closed")
    else:
        messages.error(request, "Write the minutes before closing the meeting")
    return redirect(found)


def tasks(request: HttpRequest) -> HttpResponse:
    user = require(request, Capability.VIEW_CHILDREN)
    return render(request, "partners/tasks.html", {"tasks": queries.open_tasks(user)[:200], "now": timezone.now()})


@require_POST
def task_done(request: HttpRequest, decision_id: int) -> HttpResponse:
    user = require(request, Capability.VIEW_CHILDREN)
    decision = get_task_for_user(request, decision_id, viewed="triage task")
    try:
        triage.complete_task(decision=decision, by=user)
    except ValidationError as error:
        messages.error(request, "; ".join(error.messages))
    else:
        messages.success(request, f"{decision.get_outcome_display()}: done")
    return redirect("partners:tasks")
