"""The retention rules, the review queue and its decisions, and the subject access export."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from frontdoor.accounts.access import require
from frontdoor.accounts.roles import Capability
from frontdoor.govuk.forms import GovukForm, add_errors
from frontdoor.people.access import get_person_for_user
from frontdoor.records.concurrency import StaleRecordError
from frontdoor.records.services import log_access
from frontdoor.retention import queries, rules, services
from frontdoor.retention.forms import AnonymiseForm, HoldForm, KeepForm, RetentionRuleForm
from frontdoor.retention.models import RetentionReview, RetentionRule
from frontdoor.retention.tasks import retention_review_task


def change_rule(request: HttpRequest, rule_id: int) -> HttpResponse:
    user = require(request, Capability.MANAGE_COUNCIL)
    rule = get_object_or_404(RetentionRule, pk=rule_id)
    form = RetentionRuleForm(request.POST or None, initial={"years": rule.years, "version": rule.version})
    if form.is_valid():
        try:
            services.update_retention_rule(
                rule=rule, by=user, expected_version=form.cleaned_data["version"], years=form.cleaned_data["years"]
            )
        except (ValidationError, StaleRecordError) as error:
            add_errors(form, error)
        else:
            messages.success(request, f"Retention of {rule.get_record_class_display().lower()} saved")
            return redirect("accounts:council")
    return render(request, "retention/rule_form.html", {"rule": rule, "form": form})


def queue(request: HttpRequest) -> HttpResponse:
    require(request, Capability.MANAGE_RETENTION)
    page = Paginator(queries.due_reviews(), 25).get_page(request.GET.get("page"))
    context = {
        "page_obj": page,
        "reviews": page.object_list,
        "counts": queries.decided_counts(),
        "last_run": queries.last_review_run(),
        "decisions": queries.recent_decisions()[:10],
    }
    return render(request, "retention/queue.html", context)


@require_POST
def review_now(request: HttpRequest) -> HttpResponse:
    user = require(request, Capability.MANAGE_RETENTION)
    retention_review_task.enqueue(requested_by=user.pk)
    messages.success(request, "The retention review is running: records due appear here when it finishes")
    return redirect("retention:queue")


def _review_for(request: HttpRequest, review_id: int) -> RetentionReview:
    """The review, with the sight of the record on it logged like any other read."""
    user = require(request, Capability.MANAGE_RETENTION)
    review = get_object_or_404(RetentionReview.objects.select_related("person", "decided_by"), pk=review_id)
    log_access(user=user, child=review.person, viewed="retention review", path=request.path)
    return review


def review(request: HttpRequest, review_id: int) -> HttpResponse:
    return _review_page(request, _review_for(request, review_id))


def _review_page(
    request: HttpRequest, item: RetentionReview, keep_form: GovukForm | None = None, hold_form: GovukForm | None = None
) -> HttpResponse:
    context = {
        "review": item,
        "open_work": bool(rules.open_work([item.person_id])),
        "keep_form": keep_form or KeepForm(),
        "hold_form": hold_form or HoldForm(),
        "today": timezone.localdate(),
    }
    return render(request, "retention/review.html", context, status=400 if keep_form or hold_form else 200)


@require_POST
def keep(request: HttpRequest, review_id: int) -> HttpResponse:
    user = require(request, Capability.MANAGE_RETENTION)
    form = KeepForm(request.POST)
    if form.is_valid():
        try:
            services.keep_record(review=get_object_or_404(RetentionReview, pk=review_id), by=user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, "The record is kept for now")
            return redirect("retention:queue")
    return _review_page(request, _review_for(request, review_id), keep_form=form)


@require_POST
def hold(request: HttpRequest, review_id: int) -> HttpResponse:
    user = require(request, Capability.MANAGE_RETENTION)
    form = HoldForm(request.POST)
    if form.is_valid():
        try:
            services.place_legal_hold(
                review=get_object_or_404(RetentionReview, pk=review_id), by=user, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, "The record is on legal hold")
            return redirect("retention:queue")
    return _review_page(request, _review_for(request, review_id), hold_form=form)


def anonymise(request: HttpRequest, review_id: int) -> HttpResponse:
    user = require(request, Capability.MANAGE_RETENTION)
    item = _review_for(request, review_id)
    # An unticked box posts nothing: the form is bound on any POST, so the refusal shows.
    form = AnonymiseForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        try:
            services.anonymise_person(review=item, by=user, confirmed=form.cleaned_data["confirmed"])
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, f"Record {item.person_id} is anonymised")
            return redirect("retention:queue")
    return render(request, "retention/anonymise.html", {"review": item, "form": form})


def subject_access(request: HttpRequest, person_id: int) -> HttpResponse:
    user = require(request, Capability.HANDLE_SUBJECT_ACCESS)
    person = get_person_for_user(request, person_id, viewed="subject access export page")
    if request.method != "POST":
        return render(request, "retention/subject_access.html", {"person": person, "section": "subject-access"})
    content = services.export_subject_access(person=person, by=user, path=request.path)
    response = HttpResponse(content, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="subject-access-{person.la_child_id or person.pk}.zip"'
    return response
