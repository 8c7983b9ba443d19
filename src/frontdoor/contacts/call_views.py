"""The call figures and importing the telephony system's call log."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from frontdoor.accounts.access import require
from frontdoor.accounts.roles import Capability
from frontdoor.contacts import call_queries, calls
from frontdoor.contacts.call_forms import CallFiguresForm, CallLogForm

# An import with more bad lines than this lists the first ones: the rest would make the page unusable.
ERRORS_SHOWN = 500


def figures(request: HttpRequest) -> HttpResponse:
    user = require(request, Capability.VIEW_CALL_FIGURES)
    form = CallFiguresForm(request.GET or None, today=timezone.localdate())
    report = None
    if not form.is_bound or form.is_valid():
        start, end, queue = form.period()
        report = call_queries.call_figures(start=start, end=end, queue=queue)
        form.offer_queues(report.queues)
    else:
        form.offer_queues([])
    context = {
        "form": form,
        "report": report,
        "target_seconds": call_queries.ANSWER_TARGET_SECONDS,
        "can_import": user.can(Capability.IMPORT_CALLS),
    }
    return render(request, "contacts/calls/figures.html", context)


def import_log(request: HttpRequest) -> HttpResponse:
    user = require(request, Capability.IMPORT_CALLS)
    # A POST with no file at all is still a submission: it needs its error message.
    form = CallLogForm(request.POST, request.FILES) if request.method == "POST" else CallLogForm()
    report = None
    if form.is_bound and form.is_valid():
        report = calls.import_call_log(file=form.cleaned_data["log"], by=user)
        if not report.ok:
            form.add_error(
                "log",
                f"The call log has {report.bad_lines:,} line{'s' if report.bad_lines != 1 else ''} with problems: "
                "nothing was imported. Correct them and upload it again",
            )
    context = {
        "form": form,
        "report": report,
        "errors_shown": report.errors[:ERRORS_SHOWN] if report else [],
        "errors_hidden": max(0, len(report.errors) - ERRORS_SHOWN) if report else 0,
    }
    return render(request, "contacts/calls/import.html", context)
