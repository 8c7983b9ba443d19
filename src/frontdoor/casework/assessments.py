"""Assessments: started under the council's regime, written as a draft, submitted, authorised or returned.

An assessment keeps the regime it started under (timescales.regimes): under
the 2010 rules an initial assessment is due 7 working days from the referral
and a core assessment 35 working days from its own start; under the current
rules a single assessment is due 45 working days from the referral. Once
authorised it changes only by an amendment with a reason, which keeps what
it said before.
"""

from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from frontdoor.accounts.access import require_capability
from frontdoor.accounts.models import LocalAuthority, User
from frontdoor.accounts.roles import Capability
from frontdoor.casework.framework import DIMENSIONS
from frontdoor.casework.models import Assessment, AssessmentAmendment, AssessmentKind, Referral
from frontdoor.codes import AssessmentFactor
from frontdoor.records.concurrency import claim_version, lock_for_update
from frontdoor.records.services import record_event
from frontdoor.timescales.clocks import due_for
from frontdoor.timescales.regimes import Regime, Step, timescale_for

NO_FACTORS = AssessmentFactor.NONE.value

# What the worker writes; everything else (dates, status, grade) moves only through the functions below.
WRITTEN_FIELDS = (
    "child_seen_on",
    "seen_alone",
    "seen_alone_reason",
    "childs_views",
    "views_gathered_how",
    "views_not_gathered",
    "views_not_gathered_detail",
    "parents_views",
    "agencies_views",
    "dimensions",
    "analysis",
    "risks",
    "strengths",
    "factors",
    "outcome",
)

STEP_FOR_KIND = {
    AssessmentKind.INITIAL: Step.INITIAL_ASSESSMENT,
    AssessmentKind.CORE: Step.CORE_ASSESSMENT,
    AssessmentKind.SINGLE: Step.SINGLE_ASSESSMENT,
}


def due_on(*, kind: str, regime: str, referral_date: date, started_on: date) -> date:
    """Initial and single assessments run from the referral; a core assessment from its own start."""
    timescale = timescale_for(STEP_FOR_KIND[AssessmentKind(kind)], regime=regime)
    start = started_on if kind == AssessmentKind.CORE else referral_date
    return due_for(timescale, start).date()


def next_kind(referral: Referral, regime: str) -> str:
    """The assessment the rules call for next: single now; initial, then core, under the 2010 rules."""
    if regime == Regime.CURRENT:
        return AssessmentKind.SINGLE
    initial = referral.assessments.filter(kind=AssessmentKind.INITIAL).order_by("-started_on").first()
    if initial is not None and initial.outcome == Assessment.Outcome.CORE_ASSESSMENT:
        return AssessmentKind.CORE
    return AssessmentKind.INITIAL


@transaction.atomic
def start_assessment(*, referral: Referral, by: User, started_on: date, worker: User | None = None) -> Assessment:
    """Start the assessment the council's regime on the start date calls for."""
    require_capability(by, Capability.DO_CASEWORK, "Your role cannot start an assessment")
    worker = worker or by
    lock_for_update(referral)  # one open assessment per referral, even when two start one at once
    problems: dict[str, str] = {}
    if not referral.is_open or referral.is_nfa:
        problems["started_on"] = "This referral is closed"
    elif referral.assessments.exclude(status=Assessment.Status.AUTHORISED).exists():
        problems["started_on"] = "Finish the assessment already open on this referral first"
    if started_on < referral.referral_date:
        problems["started_on"] = f"An assessment cannot start before the referral ({referral.referral_date:%-d %B %Y})"
    elif started_on > timezone.localdate():
        problems["started_on"] = "The start date cannot be in the future"
    elif (
        (last := referral.assessments.filter(authorised_on__isnull=False).order_by("-authorised_on").first())
        and last.authorised_on is not None
        and started_on < last.authorised_on
    ):
        problems["started_on"] = f"The last assessment was authorised on {last.authorised_on:%-d %B %Y}"
    if not worker.can(Capability.DO_CASEWORK):
        problems["worker"] = "Choose a social worker"
    if problems:
        raise ValidationError(problems)
    regime = LocalAuthority.load().regime_on(started_on)
    kind = next_kind(referral, regime)
    assessment = Assessment.objects.create(
        referral=referral,
        kind=kind,
        regime=regime,
        started_on=started_on,
        due_on=due_on(kind=kind, regime=regime, referral_date=referral.referral_date, started_on=started_on),
        worker=worker,
    )
    record_event(
        kind="assessment.started",
        by=by,
        child=referral.person,
        record=assessment,
        summary=f"Started a {assessment.get_kind_display().lower()}, due {assessment.due_on:%-d %B %Y}",
        data={"kind": kind, "regime": regime, "due_on": assessment.due_on.isoformat()},
    )
    return assessment


def _check_written(assessment: Assessment, values: dict[str, Any]) -> None:
    """What can be refused while the worker is still writing: codes and dates that cannot be right."""
    problems: dict[str, str] = {}
    factors = values.get("factors", assessment.factors)
    if not isinstance(factors, list) or any(code not in AssessmentFactor.values for code in factors):
        unknown = [str(code) for code in (factors if isinstance(factors, list) else [factors])]
        unknown = [code for code in unknown if code not in AssessmentFactor.values]
        problems["factors"] = f"Not a factor code in the CIN census: {', '.join(unknown) or 'not a list'}"
    elif NO_FACTORS in factors and len(factors) > 1:
        problems["factors"] = "'No factors identified' (21) must be the only factor"
    dimensions = values.get("dimensions", assessment.dimensions)
    if not isinstance(dimensions, dict) or set(dimensions) - set(DIMENSIONS):
        problems["dimensions"] = "Unknown Assessment Framework dimension"
    seen = values.get("child_seen_on", assessment.child_seen_on)
    if seen is not None:
        if seen < assessment.referral.referral_date:
            problems["child_seen_on"] = "The child cannot have been seen for this assessment before the referral"
        elif seen > timezone.localdate():
            problems["child_seen_on"] = "The date the child was seen cannot be in the future"
    for field, choices in (
        ("seen_alone", Assessment.SeenAlone.values),
        ("views_not_gathered", Assessment.ViewsNotGathered.values),
        ("outcome", Assessment.Outcome.values),
    ):
        if (value := values.get(field, "")) and value not in choices:
            problems[field] = "Choose one of the options"
    if values.get("outcome") == Assessment.Outcome.CORE_ASSESSMENT and assessment.kind != AssessmentKind.INITIAL:
        problems["outcome"] = "Only an initial assessment can lead to a core assessment"
    if problems:
        raise ValidationError(problems)


@transaction.atomic
def save_assessment(*, assessment: Assessment, by: User, expected_version: int, changes: dict[str, Any]) -> Assessment:
    """Save the draft (also the autosave); a second editor of the same version is refused, nothing lost."""
    require_capability(by, Capability.DO_CASEWORK, "Your role cannot write assessments")
    if unknown := set(changes) - set(WRITTEN_FIELDS):
        raise ValueError(f"These cannot be changed here: {', '.join(sorted(unknown))}")
    if not assessment.is_editable:
        raise ValidationError({"__all__": "This assessment is with a manager or authorised: it cannot be edited"})
    _check_written(assessment, changes)
    changed = [name for name, value in changes.items() if getattr(assessment, name) != value]
    if not changed:
        return assessment  # nothing to write, so nothing to record (saving twice, or autosave after a save)
    claim_version(assessment, expected_version)
    for name, value in changes.items():
        setattr(assessment, name, value)
    assessment.updated_at = timezone.now()
    assessment.save()
    record_event(
        kind="assessment.saved",
        by=by,
        child=assessment.referral.person,
        record=assessment,
        summary=f"Saved the {assessment.get_kind_display().lower()}: {', '.join(n.replace('_', ' ') for n in changed)}",
        data={"changed": changed},
    )
    return assessment


def missing_for_submission(assessment: Assessment, *, today: date) -> dict[str, str]:
    """What the assessment lacks before a manager can see it: the child's voice above all."""
    a = assessment
    missing: dict[str, str] = {}
    if a.child_seen_on is None and a.views_not_gathered != Assessment.ViewsNotGathered.NOT_SEEN:
        missing["child_seen_on"] = "Enter the date the child was seen, or record why they could not be seen"
    if a.child_seen_on is not None and not a.seen_alone:
        missing["seen_alone"] = "Say whether the child was seen alone"
    if a.seen_alone in (Assessment.SeenAlone.NO, Assessment.SeenAlone.NOT_APPROPRIATE) and not a.seen_alone_reason:
        missing["seen_alone_reason"] = "Say why the child was not seen alone"
    if not a.childs_views.strip() and not (a.views_not_gathered and a.views_not_gathered_detail.strip()):
        missing["childs_views"] = (
            "Record the child's views and wishes in their own words, or the reason they could not be gathered"
        )
    if a.childs_views.strip() and not a.views_gathered_how.strip():
        missing["views_gathered_how"] = "Say how and by whom the child's views were gathered"
    if not a.parents_views.strip():
        missing["parents_views"] = "Record the parents' and carers' views"
    if not a.analysis.strip():
        missing["analysis"] = "Write the analysis"
    if not a.outcome:
        missing["outcome"] = "Choose the outcome of the assessment"
    if not a.factors:
        missing["factors"] = "Choose the factors identified, or 'No factors identified'"
    elif a.factors == [NO_FACTORS] and a.outcome and a.outcome != Assessment.Outcome.NFA:
        missing["factors"] = "'No factors identified' goes only with no further action"
    if today > a.due_on and not a.late_reason.strip():
        missing["late_reason"] = f"This assessment was due on {a.due_on:%-d %B %Y}: say why it is late"
    return missing


@transaction.atomic
def submit_assessment(*, assessment: Assessment, by: User, expected_version: int, late_reason: str = "") -> Assessment:
    require_capability(by, Capability.DO_CASEWORK, "Your role cannot submit assessments")
    if not assessment.is_editable:
        raise ValidationError({"__all__": "This assessment has already been submitted"})
    today = timezone.localdate()
    if late_reason.strip():
        assessment.late_reason = late_reason.strip()
    if missing := missing_for_submission(assessment, today=today):
        raise ValidationError(missing)
    claim_version(assessment, expected_version)
    assessment.status = Assessment.Status.SUBMITTED
    assessment.submitted_at, assessment.completed_on = timezone.now(), today
    assessment.save()
    late = today > assessment.due_on
    record_event(
        kind="assessment.submitted",
        by=by,
        child=assessment.referral.person,
        record=assessment,
        summary=f"Submitted the {assessment.get_kind_display().lower()} for authorisation"
        + (f", late: {assessment.late_reason}" if late else ""),
        data={"late": late},
    )
    return assessment


def _check_manager(assessment: Assessment, by: User) -> None:
    require_capability(by, Capability.AUTHORISE_CASEWORK, "Only a manager can authorise or return an assessment")
    lock_for_update(assessment)  # two managers at once: one authorises or returns, the other is refused
    if by.pk == assessment.worker_id:
        raise PermissionDenied("Another manager must authorise an assessment you wrote")
    if assessment.status != Assessment.Status.SUBMITTED:
        raise ValidationError({"__all__": "This assessment is not waiting for a manager"})


@transaction.atomic
def authorise_assessment(
    *, assessment: Assessment, by: User, grade: str, comment: str = "", authorised_on: date | None = None
) -> Assessment:
    """A manager agrees the assessment and grades its quality: its completion for the CIN census."""
    _check_manager(assessment, by)
    authorised_on = authorised_on or timezone.localdate()
    problems: dict[str, str] = {}
    if grade not in Assessment.Grade.values:
        problems["grade"] = "Choose a quality grade"
    if authorised_on < assessment.started_on:
        problems["authorised_on"] = "An assessment cannot be authorised before it started"
    elif authorised_on > timezone.localdate():
        problems["authorised_on"] = "The authorisation date cannot be in the future"
    if problems:
        raise ValidationError(problems)
    assessment.status, assessment.grade = Assessment.Status.AUTHORISED, grade
    assessment.authorised_on, assessment.authorised_by = authorised_on, by
    assessment.manager_comment = comment.strip()
    assessment.version += 1
    assessment.save()
    record_event(
        kind="assessment.authorised",
        by=by,
        child=assessment.referral.person,
        record=assessment,
        summary=f"Authorised the {assessment.get_kind_display().lower()}, graded "
        f"{assessment.get_grade_display().lower()}",
        data={"grade": grade, "authorised_on": authorised_on.isoformat(), "comment": comment.strip()},
    )
    return assessment


@transaction.atomic
def return_assessment(*, assessment: Assessment, by: User, comment: str) -> Assessment:
    _check_manager(assessment, by)
    if not comment.strip():
        raise ValidationError({"comment": "Say what needs to change"})
    assessment.status, assessment.manager_comment = Assessment.Status.RETURNED, comment.strip()
    assessment.submitted_at = assessment.completed_on = None
    assessment.version += 1
    assessment.save()
    record_event(
        kind="assessment.returned",
        by=by,
        child=assessment.referral.person,
        record=assessment,
        summary=f"Returned the {assessment.get_kind_display().lower()}: {comment.strip()}",
        data={"comment": comment.strip()},
    )
    return assessment


@transaction.atomic
def amend_assessment(
    *, assessment: Assessment, by: User, expected_version: int, reason: str, changes: dict[str, Any]
) -> AssessmentAmendment:
    """Change an authorised assessment; the amendment keeps what each field said before."""
    require_capability(by, Capability.DO_CASEWORK, "Your role cannot amend assessments")
    if assessment.status != Assessment.Status.AUTHORISED:
        raise ValidationError({"__all__": "Only an authorised assessment is amended; edit the draft instead"})
    if unknown := set(changes) - set(WRITTEN_FIELDS):
        raise ValueError(f"These cannot be changed here: {', '.join(sorted(unknown))}")
    if not reason.strip():
        raise ValidationError({"reason": "Say why the assessment is being amended"})
    _check_written(assessment, changes)
    differences = {name: [getattr(assessment, name), value] for name, value in changes.items()}
    differences = {name: pair for name, pair in differences.items() if pair[0] != pair[1]}
    if not differences:
        raise ValidationError({"__all__": "Nothing has changed"})
    claim_version(assessment, expected_version)
    for name, (_, value) in differences.items():
        setattr(assessment, name, value)
    assessment.updated_at = timezone.now()
    assessment.save()
    amendment = AssessmentAmendment.objects.create(
        assessment=assessment,
        reason=reason.strip(),
        changes={name: [_jsonable(before), _jsonable(after)] for name, (before, after) in differences.items()},
        made_by=by,
    )
    record_event(
        kind="assessment.amended",
        by=by,
        child=assessment.referral.person,
        record=assessment,
        summary=f"Amended the {assessment.get_kind_display().lower()}: {reason.strip()}",
        data={"fields": sorted(differences)},
    )
    return amendment


def _jsonable(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value
