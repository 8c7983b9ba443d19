from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from frontdoor.accounts.access import require
from frontdoor.accounts.roles import Capability
from frontdoor.contacts.models import ThresholdDecision
from frontdoor.govuk.forms import add_errors
from frontdoor.quality import queries, services
from frontdoor.quality.access import get_audit_for_user
from frontdoor.quality.forms import ActionForm, GradeForm, ModerationForm, ProgrammeForm, ResponseForm, TemplateForm
from frontdoor.quality.models import Audit, AuditAction, AuditProgramme, AuditTemplate, Grade
from frontdoor.records.concurrency import StaleRecordError


def index(request: HttpRequest) -> HttpResponse:
    user = require(request, Capability.REVIEW_QUALITY)
    form = ProgrammeForm(request.POST or None)
    if form.is_valid():
        try:
            programme = services.draw_programme(by=user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, f"Drew {programme.audits.count()} cases for audit")
            return redirect(programme)
    context = {
        "form": form,
        "programmes": AuditProgramme.objects.select_related("template")[:24],
        "mine": queries.my_audits(user),
        "to_moderate": queries.awaiting_moderation(user),
    }
    return render(request, "quality/index.html", context)


def templates(request: HttpRequest) -> HttpResponse:
    user = require(request, Capability.REVIEW_QUALITY)
    form = TemplateForm(request.POST or None)
    if form.is_valid():
        data = form.cleaned_data
        try:
            template = services.create_template(
                by=user, name=data["name"], guidance=data["guidance"], questions=form.questions()
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, f"Audit template {template.name} saved")
            return redirect(template)
    found = AuditTemplate.objects.prefetch_related("questions")
    return render(request, "quality/templates.html", {"form": form, "templates": found})


def template(request: HttpRequest, template_id: int) -> HttpResponse:
    require(request, Capability.REVIEW_QUALITY)
    found = get_object_or_404(AuditTemplate.objects.prefetch_related("questions"), pk=template_id)
    return render(request, "quality/template.html", {"template": found})


def programme(request: HttpRequest, programme_id: int) -> HttpResponse:
    require(request, Capability.REVIEW_QUALITY)
    found = get_object_or_404(AuditProgramme.objects.select_related("template"), pk=programme_id)
    audits = found.audits.select_related("referral__person", "contact", "team", "auditor")
    return render(request, "quality/programme.html", {"programme": found, "audits": audits})


def audit(request: HttpRequest, audit_id: int) -> HttpResponse:
    """The auditor grades the case; once graded, another quality officer moderates it."""
    user = require(request, Capability.REVIEW_QUALITY)
    audits = Audit.objects.select_related("programme__template", "auditor", "moderator")
    found = get_audit_for_user(request, audit_id, viewed="case audit", audits=audits)
    grading = found.status == Audit.Status.ASSIGNED and found.auditor_id == user.pk
    form = GradeForm(request.POST or None, audit=found, initial={"version": found.version}) if grading else None
    if form is not None and form.is_valid():
        data = form.cleaned_data
        try:
            services.grade_audit(
                audit=found,
                by=user,
                answers=form.answers(),
                grade=data["grade"],
                findings=data["findings"],
                expected_version=data["version"],
            )
        except (ValidationError, StaleRecordError) as error:
            add_errors(form, error)
        else:
            messages.success(request, "Audit graded")
            return redirect(found)
    moderation = None
    if found.status == Audit.Status.GRADED and found.auditor_id != user.pk:
        moderation = ModerationForm(initial={"version": found.version, "grade": found.grade})
    context = case_context(found) | {"form": form, "moderation": moderation}
    context["action_form"] = None if grading else ActionForm()
    return render(request, "quality/audit.html", context)


def case_context(audit: Audit) -> dict[str, object]:
    """What the audit page shows of the audit and its case: for a closed contact, the decisions it audits."""
    decisions = ThresholdDecision.objects.none()
    if audit.contact is not None:
        decisions = ThresholdDecision.objects.filter(contact_child__contact=audit.contact).select_related(
            "contact_child__person", "decided_by", "reviewed_by", "level"
        )
    sample = getattr(audit.contact, "quality_sample", None) if audit.contact else None
    answers = audit.answers.select_related("question")
    return {
        "audit": audit,
        "answers": answers,
        "actions": audit.actions.all(),
        "decisions": decisions,
        "sample": sample,
    }


def moderate(request: HttpRequest, audit_id: int) -> HttpResponse:
    user = require(request, Capability.REVIEW_QUALITY)
    found = get_audit_for_user(request, audit_id, viewed="case audit")
    form = ModerationForm(request.POST)
    if form.is_valid():
        try:
            services.moderate_audit(
                audit=found,
                by=user,
                grade=form.cleaned_data["grade"],
                notes=form.cleaned_data["notes"],
                expected_version=form.cleaned_data["version"],
            )
        except (ValidationError, StaleRecordError) as error:
            add_errors(form, error)
        else:
            messages.success(request, "Audit moderated")
            return redirect(found)
    context = case_context(found) | {"form": None, "moderation": form}
    return render(request, "quality/audit.html", context, status=400)


def report(request: HttpRequest) -> HttpResponse:
    require(request, Capability.REVIEW_QUALITY)
    return render(request, "quality/report.html", {"rows": queries.grade_report(), "grades": Grade.choices})


@require_POST
def add_action(request: HttpRequest, audit_id: int) -> HttpResponse:
    user = require(request, Capability.REVIEW_QUALITY)
    found = get_audit_for_user(request, audit_id, viewed="case audit")
    form = ActionForm(request.POST)
    if form.is_valid():
        try:
            services.add_audit_action(audit=found, by=user, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, "; ".join(error.messages))
        else:
            messages.success(request, "Audit action added")
    else:
        messages.error(request, "An action needs what, who and a due date")
    return redirect(found)


def respond(request: HttpRequest, audit_id: int) -> HttpResponse:
    """The case's social worker, or their team manager, answers the audit's findings."""
    user = require(request, Capability.VIEW_CHILDREN)
    found = get_audit_for_user(request, audit_id, viewed="case audit")
    if services.responder_role(found, user) is None:
        raise PermissionDenied("Only the case's social worker or their team manager responds to its audit")
    form = ResponseForm(request.POST or None)
    if form.is_valid():
        try:
            services.respond_to_audit(audit=found, by=user, response=form.cleaned_data["response"])
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, "Response recorded")
            return redirect(found.case)
    context = {"audit": found, "form": form, "actions": found.actions.all()}
    return render(request, "quality/respond.html", context)


@require_POST
def complete_action(request: HttpRequest, action_id: int) -> HttpResponse:
    user = require(request, Capability.VIEW_CHILDREN)
    action = get_object_or_404(AuditAction, pk=action_id)
    action.audit = get_audit_for_user(request, action.audit_id, viewed="case audit")
    try:
        services.complete_audit_action(action=action, by=user, done_on=timezone.localdate())
    except ValidationError as error:
        messages.error(request, "; ".join(error.messages))
    else:
        messages.success(request, "Action marked done")
    back = request.POST.get("back", "")
    if url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        return redirect(back)
    return redirect(action.audit if user.can(Capability.REVIEW_QUALITY) else action.audit.case)
