"""The audit programme's actions: each in one transaction with its event."""

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef, QuerySet, Subquery
from django.utils import timezone

from frontdoor.accounts.access import require_capability
from frontdoor.accounts.models import Team, User
from frontdoor.accounts.roles import Capability, Role
from frontdoor.casework.models import Assessment, Referral
from frontdoor.contacts.models import CLOSING_OUTCOMES, QualitySample, ThresholdDecision
from frontdoor.contacts.quality import draw_quality_sample
from frontdoor.people.models import Person
from frontdoor.protection.models import ChildProtectionPlan
from frontdoor.quality.models import (
    Audit,
    AuditAction,
    AuditAnswer,
    AuditProgramme,
    AuditQuestion,
    AuditTemplate,
    Grade,
)
from frontdoor.records.concurrency import claim_version, lock_for_update
from frontdoor.records.services import record_event
from frontdoor.timescales.clocks import add_months

LONG_PLAN_MONTHS = 18


@dataclass(frozen=True)
class Question:
    text: str
    guidance: str = ""
    is_required: bool = True


@transaction.atomic
def create_template(*, by: User, name: str, guidance: str, questions: Sequence[Question]) -> AuditTemplate:
    require_capability(by, Capability.REVIEW_QUALITY, "Only quality assurance edits audit templates")
    problems = {}
    if not name.strip():
        problems["name"] = "Give the template a name"
    elif AuditTemplate.objects.filter(name=name.strip()).exists():
        problems["name"] = "Another template has this name"
    if not [q for q in questions if q.text.strip()]:
        problems["question_1"] = "An audit asks at least one question"
    if problems:
        raise ValidationError(problems)
    template = AuditTemplate.objects.create(name=name.strip(), guidance=guidance.strip(), created_by=by)
    AuditQuestion.objects.bulk_create(
        AuditQuestion(
            template=template, position=n, text=q.text.strip(), guidance=q.guidance.strip(), is_required=q.is_required
        )
        for n, q in enumerate((q for q in questions if q.text.strip()), start=1)
    )
    record_event(kind="audit.template_created", by=by, record=template, summary=f"Audit template {template.name}")
    return template


def month_start(day: date) -> date:
    return day.replace(day=1)


def candidates(theme: str, month: date) -> QuerySet[Referral]:
    """The cases a theme samples from, for the month starting on `month`."""
    end = add_months(month, 1) - timedelta(days=1)
    if theme == AuditProgramme.Theme.AUTHORISED:
        authorised = Assessment.objects.filter(authorised_on__range=(month, end)).values("referral_id")
        return Referral.objects.filter(pk__in=authorised)
    if theme == AuditProgramme.Theme.LONG_PLANS:
        long_plans = ChildProtectionPlan.objects.filter(
            started_on__lte=add_months(end, -LONG_PLAN_MONTHS), ended_on=None
        ).values("referral_id")
        return Referral.objects.filter(pk__in=long_plans)
    # Random: any case open at some time in the month, with further action.
    return Referral.objects.filter(is_nfa=False, referral_date__lte=end).exclude(closed_on__lt=month)


def closure_sample(month: date, *, by: User) -> list[tuple[int, int, bool]]:
    """The month's contacts closed without a service, from the front door's weekly closure sample.

    Each comes with the team of whoever decided it and whether the weekly reviewer disagreed with the
    decision. Weeks of the month that have ended but were not drawn yet are drawn now, so the front door's
    weekly review and the audit programme work from the one sample.
    """
    end = add_months(month, 1)
    monday = month + timedelta(days=(7 - month.weekday()) % 7)
    while monday < end and monday + timedelta(days=7) <= timezone.localdate():
        draw_quality_sample(week_start=monday, by=by)
        monday += timedelta(days=7)
    standing = ThresholdDecision.objects.exclude(status=ThresholdDecision.Status.RETURNED)
    # NOT EXISTS, not NOT IN: PostgreSQL runs it as an anti-join rather than searching every decision per sample.
    with_a_service = standing.exclude(outcome__in=CLOSING_OUTCOMES).filter(
        contact_child__contact=OuterRef("contact_id")
    )
    deciders_team = (
        standing.filter(contact_child__contact=OuterRef("contact_id"))
        .order_by("-decided_at", "-id")
        .values("decided_by__team_id")[:1]
    )
    sampled = (
        QualitySample.objects.filter(week_starting__gte=month, week_starting__lt=end)
        .exclude(Exists(with_a_service))
        .annotate(team=Subquery(deciders_team))
        .filter(team__isnull=False)
        .order_by("contact_id")
    )
    return [
        (contact, team, verdict == QualitySample.Verdict.DISAGREE)
        for contact, team, verdict in sampled.values_list("contact_id", "team", "verdict")
    ]


def auditors() -> list[User]:
    """Quality assurance officers audit; where there are none, team managers audit each other's teams."""
    officers = list(User.objects.filter(role=Role.QA_OFFICER, is_active=True).order_by("pk"))
    return officers or list(User.objects.filter(role=Role.TEAM_MANAGER, is_active=True).order_by("pk"))


@transaction.atomic
def draw_programme(*, by: User, month: date, theme: str, template: AuditTemplate, per_team: int) -> AuditProgramme:
    """Sample `per_team` cases from each team under the theme, and give each to an auditor from outside the team."""
    require_capability(by, Capability.REVIEW_QUALITY, "Only quality assurance runs the audit programme")
    problems = {}
    if theme not in AuditProgramme.Theme.values:
        problems["theme"] = "Choose a theme"
    if not 1 <= per_team <= 20:
        problems["per_team"] = "Draw between 1 and 20 cases from each team"
    if month_start(month) > month_start(timezone.localdate()):
        problems["month"] = "The month sampled cannot be in the future"
    if not template.is_active:
        problems["template"] = "This template is no longer used"
    if problems:
        raise ValidationError(problems)
    programme = AuditProgramme.objects.create(
        month=month_start(month), theme=theme, template=template, per_team=per_team, created_by=by
    )
    # A sample that can be drawn again the same way, not a secret.
    rng = random.Random(f"{programme.month}:{theme}:{programme.pk}")  # noqa: S311
    pool = list(auditors())
    if theme == AuditProgramme.Theme.CLOSED_NFA:
        subject, cases = "contact_id", closure_sample(programme.month, by=by)
    else:
        found = candidates(theme, programme.month).filter(team__isnull=False).values_list("pk", "team_id")
        subject, cases = "referral_id", [(pk, team, False) for pk, team in found]
    by_team: dict[int, list[tuple[int, bool]]] = {}
    for pk, team, flagged in cases:
        by_team.setdefault(team, []).append((pk, flagged))
    audits = []
    for n, team in enumerate(sorted(by_team)):
        shuffled = rng.sample(by_team[team], len(by_team[team]))
        # Decisions the weekly review disagreed with are audited first.
        chosen = sorted(shuffled, key=lambda case: not case[1])[:per_team]
        outside = [u for u in pool if u.team_id != team] or pool
        for k, (pk, _) in enumerate(chosen):
            auditor = outside[(n + k) % len(outside)] if outside else None
            audits.append(Audit(programme=programme, team_id=team, auditor=auditor, **{subject: pk}))
    Audit.objects.bulk_create(audits)
    record_event(
        kind="audit.programme_drawn",
        by=by,
        record=programme,
        summary=f"Audit programme {programme}: {len(audits)} cases from {len(by_team)} teams",
    )
    return programme


@dataclass(frozen=True)
class Answer:
    question: AuditQuestion
    grade: str
    comment: str = ""


@transaction.atomic
def grade_audit(
    *, audit: Audit, by: User, answers: Sequence[Answer], grade: str, findings: str, expected_version: int
) -> Audit:
    """The auditor's grades: every required question answered, and an overall grade with findings."""
    if audit.auditor_id != by.pk:
        raise PermissionDenied("Only the auditor given this case grades it")
    if audit.status != Audit.Status.ASSIGNED:
        raise ValidationError({"grade": "This audit is already graded"})
    given = {answer.question.pk: answer for answer in answers}
    problems = {}
    for question in audit.programme.template.questions.all():
        answer = given.get(question.pk)
        if question.is_required and (answer is None or answer.grade not in Grade.values):
            problems[f"answer_{question.pk}"] = f"Grade “{question.text}”: it is required"
    if grade not in Grade.values:
        problems["grade"] = "Give an overall grade"
    if not findings.strip():
        problems["findings"] = "Write the findings"
    if problems:
        raise ValidationError(problems)
    claim_version(audit, expected_version)
    AuditAnswer.objects.bulk_create(
        AuditAnswer(audit=audit, question=a.question, grade=a.grade, comment=a.comment.strip())
        for a in answers
        if a.grade or a.comment.strip()
    )
    audit.status, audit.grade, audit.findings, audit.graded_at = (
        Audit.Status.GRADED,
        grade,
        findings.strip(),
        timezone.now(),
    )
    audit.save(update_fields=["status", "grade", "findings", "graded_at"])
    record_event(
        kind="audit.graded",
        by=by,
        child=audited_child(audit),
        record=audit,
        summary=f"Case audit graded {audit.get_grade_display().lower()}",
    )
    return audit


@transaction.atomic
def moderate_audit(*, audit: Audit, by: User, grade: str, notes: str, expected_version: int) -> Audit:
    """A second quality officer's view: agree, or change the grade with reasons."""
    require_capability(by, Capability.REVIEW_QUALITY, "Only quality assurance moderates audits")
    if by.pk == audit.auditor_id:
        raise PermissionDenied("An auditor does not moderate their own audit")
    if audit.status != Audit.Status.GRADED:
        raise ValidationError({"grade": "Only a graded audit is moderated"})
    if grade not in Grade.values:
        raise ValidationError({"grade": "Give the moderated grade"})
    if grade != audit.grade and not notes.strip():
        raise ValidationError({"notes": "Say why the grade changes"})
    claim_version(audit, expected_version)
    audit.status, audit.moderator, audit.moderated_at = Audit.Status.MODERATED, by, timezone.now()
    audit.moderated_grade = grade if grade != audit.grade else ""
    audit.moderation_notes = notes.strip()
    audit.save(update_fields=["status", "moderator", "moderated_at", "moderated_grade", "moderation_notes"])
    changed = f"changed to {audit.get_moderated_grade_display().lower()}" if audit.moderated_grade else "agreed"
    record_event(
        kind="audit.moderated", by=by, child=audited_child(audit), record=audit, summary=f"Audit moderated: {changed}"
    )
    return audit


def teams_audited(programme: AuditProgramme) -> QuerySet[Team]:
    return Team.objects.filter(pk__in=programme.audits.values("team_id")).order_by("name")


@transaction.atomic
def add_audit_action(*, audit: Audit, by: User, action: str, owner: str, due_on: date) -> AuditAction:
    require_capability(by, Capability.REVIEW_QUALITY, "Only quality assurance sets audit actions")
    problems = {}
    if not action.strip() or not owner.strip():
        problems["action"] = "Say what is to be done and who will do it"
    if due_on < timezone.localdate():
        problems["due_on"] = "An action is due today or later"
    if audit.status == Audit.Status.ASSIGNED:
        problems["action"] = "Grade the audit first"
    if problems:
        raise ValidationError(problems)
    made = AuditAction.objects.create(audit=audit, action=action.strip(), owner=owner.strip(), due_on=due_on)
    record_event(
        kind="audit.action",
        by=by,
        child=audited_child(audit),
        record=audit,
        summary=f"Audit action: {made.action} ({made.owner}, by {due_on:%d %b %Y})",
    )
    return made


def audited_child(audit: Audit) -> Person | None:
    """The child whose record the audit's events go on: the referral's, or the first identified on the contact."""
    if audit.referral is not None:
        return audit.referral.person
    child = audit.contact.children.exclude(person=None).select_related("person").first() if audit.contact else None
    return child.person if child else None


def practitioner_and_team(audit: Audit) -> tuple[int | None, int | None]:
    """Who answers for the case: a referral's allocated worker and team, or whoever decided the contact."""
    if audit.referral is not None:
        return audit.referral.worker_id, audit.referral.team_id
    decider = (
        ThresholdDecision.objects.filter(contact_child__contact=audit.contact)
        .exclude(status=ThresholdDecision.Status.RETURNED)
        .order_by("-decided_at", "-id")
        .values_list("decided_by_id", flat=True)
        .first()
    )
    return decider, audit.team_id


def responder_role(audit: Audit, user: User) -> str | None:
    """Whether the user answers the audit as the case's practitioner or as its team's manager."""
    practitioner, team = practitioner_and_team(audit)
    if user.pk == practitioner:
        return "practitioner"
    if user.can(Capability.AUTHORISE_CASEWORK) and user.team_id is not None and user.team_id == team:
        return "manager"
    return None


@transaction.atomic
def respond_to_audit(*, audit: Audit, by: User, response: str) -> Audit:
    """The practitioner's or manager's response to the findings, once graded."""
    role = responder_role(audit, by)
    if role is None:
        raise PermissionDenied("Only the case's social worker or their team manager responds to its audit")
    if audit.status == Audit.Status.ASSIGNED:
        raise ValidationError({"response": "The audit is not graded yet"})
    if not response.strip():
        raise ValidationError({"response": "Write your response"})
    setattr(audit, f"{role}_response", response.strip())
    setattr(audit, f"{role}_responded_at", timezone.now())
    audit.save(update_fields=[f"{role}_response", f"{role}_responded_at"])
    record_event(
        kind="audit.response",
        by=by,
        child=audited_child(audit),
        record=audit,
        summary=f"The {role}'s response to the audit",
    )
    return audit


@transaction.atomic
def complete_audit_action(*, action: AuditAction, by: User, done_on: date) -> AuditAction:
    """Quality assurance, or the case's worker or manager, marks an action done."""
    if not (by.can(Capability.REVIEW_QUALITY) or responder_role(action.audit, by) is not None):
        raise PermissionDenied("Only quality assurance or the case's worker or manager marks an action done")
    lock_for_update(action)
    if action.done_on is not None:
        raise ValidationError({"done_on": "This action is already done"})
    if done_on > timezone.localdate():
        raise ValidationError({"done_on": "An action is done today or earlier"})
    action.done_on = done_on
    action.save(update_fields=["done_on"])
    record_event(
        kind="audit.action_done",
        by=by,
        child=audited_child(action.audit),
        record=action.audit,
        summary=f"Audit action done: {action.action}",
    )
    return action
