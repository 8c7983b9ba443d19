"""Writing an assessment, submitting it, and a manager authorising or returning it; the assessment lists."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from frontdoor.accounts.access import require
from frontdoor.accounts.roles import Capability
from frontdoor.casework import assessments, queries
from frontdoor.casework.access import get_assessment_for_user, get_referral_for_user
from frontdoor.casework.forms import AmendForm, AssessmentForm, AuthoriseForm, StartAssessmentForm, SubmitForm
from frontdoor.govuk.forms import add_errors
from frontdoor.records.concurrency import StaleRecordError


def start(request: HttpRequest, referral_id: int) -> HttpResponse:
    user = require(request, Capability.DO_CASEWORK)
    referral = get_referral_for_user(request, referral_id, viewed="start assessment")
    form = StartAssessmentForm(request.POST or None, initial={"started_on": timezone.localdate()})
    if form.is_valid():
        try:
            made = assessments.start_assessment(referral=referral, by=user, started_on=form.cleaned_data["started_on"])
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, f"{made.get_kind_display()} started: due {made.due_on:%-d %B %Y}")
            return redirect("casework:edit-assessment", made.pk)
    context = {"referral": referral, "form": form, "title": "Start an assessment"}
    return render(request, "casework/referral_form.html", context)


def detail(request: HttpRequest, assessment_id: int) -> HttpResponse:
    assessment = get_assessment_for_user(request, assessment_id, viewed="assessment")
    context = {
        "assessment": assessment,
        "clock": queries.assessment_clock(assessment),
        "amendments": assessment.amendments.select_related("made_by"),
        "sections": queries.written_sections(assessment),
    }
    return render(request, "casework/assessment.html", context)


def edit(request: HttpRequest, assessment_id: int) -> HttpResponse:
    user = require(request, Capability.DO_CASEWORK)
    assessment = get_assessment_for_user(request, assessment_id, viewed="edit assessment")
    if not assessment.is_editable:
        return redirect(assessment)
    form = AssessmentForm(request.POST or None, assessment=assessment, initial=AssessmentForm.initial_for(assessment))
    if form.is_valid():
        try:
            assessments.save_assessment(
                assessment=assessment, by=user, expected_version=form.cleaned_data["version"], changes=form.changes()
            )
        except (ValidationError, StaleRecordError) as error:
            add_errors(form, error)
        else:
            messages.success(request, "Draft saved")
            return redirect(
                "casework:submit-assessment" if "submit" in request.POST else "casework:edit-assessment", assessment.pk
            )
    context = {"assessment": assessment, "form": form, "clock": queries.assessment_clock(assessment)}
    return render(request, "casework/assessment_edit.html", context)


@require_POST
def autosave(request: HttpRequest, assessment_id: int) -> JsonResponse:
    """The edit page saves the draft as the worker types; a stale version answers 409 and saves nothing."""
    user = require(request, Capability.DO_CASEWORK)
    assessment = get_assessment_for_user(request, assessment_id, viewed="autosave assessment")
    form = AssessmentForm(request.POST, assessment=assessment)
    if not form.is_valid():
        return JsonResponse({"saved": False, "errors": form.errors}, status=400)
    try:
        assessments.save_assessment(
            assessment=assessment, by=user, expected_version=form.cleaned_data["version"], changes=form.changes()
        )
    except StaleRecordError as error:
        return JsonResponse({"saved": False, "errors": {"__all__": [str(error)]}}, status=409)
    except ValidationError as error:
        return JsonResponse({"saved": False, "errors": error.message_dict}, status=400)
    return JsonResponse({"saved": True, "version": assessment.version, "at": f"{timezone.localtime():%H:%M}"})


def submit(request: HttpRequest, assessment_id: int) -> HttpResponse:
    user = require(request, Capability.DO_CASEWORK)
    assessment = get_assessment_for_user(request, assessment_id, viewed="submit assessment")
    form = SubmitForm(request.POST or None, initial={"version": assessment.version})
    if form.is_valid():
        data = form.cleaned_data
        try:
            assessments.submit_assessment(
                assessment=assessment, by=user, expected_version=data["version"], late_reason=data["late_reason"]
            )
        except (ValidationError, StaleRecordError) as error:
            add_errors(form, error)
        else:
            messages.success(request, "Assessment sent to your manager")
            return redirect(assessment)
    missing = assessments.missing_for_submission(assessment, today=timezone.localdate())
    missing.pop("late_reason", None)  # asked for on this page
    context = {
        "assessment": assessment,
        "form": form,
        "missing": missing,
        "late": timezone.localdate() > assessment.due_on,
    }
    return render(request, "casework/assessment_submit.html", context)


def authorise(request: HttpRequest, assessment_id: int) -> HttpResponse:
    user = require(request, Capability.AUTHORISE_CASEWORK)
    assessment = get_assessment_for_user(request, assessment_id, viewed="authorise assessment")
    form = AuthoriseForm(request.POST or None)
    if form.is_valid():
        data = form.cleaned_data
        try:
            if request.POST.get("action") == "return":
                assessments.return_assessment(assessment=assessment, by=user, comment=data["comment"])
                messages.success(request, "Assessment returned to the worker")
            else:
                assessments.authorise_assessment(
                    assessment=assessment, by=user, grade=data["grade"], comment=data["comment"]
                )
                messages.success(request, "Assessment authorised")
        except (ValidationError, PermissionDenied) as error:
            add_errors(form, error)
        else:
            return redirect("casework:authorisations")
    context = {"assessment": assessment, "form": form, "sections": queries.written_sections(assessment)}
    return render(request, "casework/assessment_authorise.html", context)


def amend(request: HttpRequest, assessment_id: int) -> HttpResponse:
    user = require(request, Capability.DO_CASEWORK)
    assessment = get_assessment_for_user(request, assessment_id, viewed="amend assessment")
    form = AmendForm(request.POST or None, assessment=assessment, initial=AssessmentForm.initial_for(assessment))
    if form.is_valid():
        try:
            assessments.amend_assessment(
                assessment=assessment,
                by=user,
                expected_version=form.cleaned_data["version"],
                reason=form.cleaned_data["reason"],
                changes=form.changes(),
            )
        except (ValidationError, StaleRecordError) as error:
            add_errors(form, error)
        else:
            messages.success(request, "Amendment saved; the original is kept with it")
            return redirect(assessment)
    return render(request, "casework/assessment_edit.html", {"assessment": assessment, "form": form, "amending": True})


def mine(request: HttpRequest) -> HttpResponse:
    user = require(request, Capability.DO_CASEWORK)
    rows = queries.my_assessments(user)
    return render(request, "casework/assessment_list.html", {"rows": rows, "title": "My assessments"})


def overdue(request: HttpRequest) -> HttpResponse:
    user = require(request, Capability.DO_CASEWORK)
    team = None if request.GET.get("team") == "all" and user.can(Capability.AUTHORISE_CASEWORK) else user.team
    rows = queries.team_overdue(team)
    title = f"Overdue assessments: {team.name}" if team else "Overdue assessments: every team"
    return render(request, "casework/assessment_list.html", {"rows": rows, "title": title, "overdue": True})


def authorisations(request: HttpRequest) -> HttpResponse:
    require(request, Capability.AUTHORISE_CASEWORK)
    return render(request, "casework/authorisations.html", {"waiting": queries.awaiting_authorisation()})
