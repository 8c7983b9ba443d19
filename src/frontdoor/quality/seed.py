"""A year of case audits in the synthetic council (or its whole history, if shorter).

Two templates. Each month one programme draws two random cases from each team against the practice
standards, and another draws contacts closed with no further action from the front door's weekly closure
sample. Quality assurance officers grade them (mostly good or requiring improvement, as councils find), and
a colleague moderates most. The current month's audits are still with their auditors.
"""

import random
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from frontdoor.accounts.models import User
from frontdoor.accounts.roles import Role
from frontdoor.casework.models import Referral
from frontdoor.contacts.models import QualitySample
from frontdoor.quality import services
from frontdoor.quality.models import Audit, AuditAnswer, AuditProgramme, Grade
from frontdoor.seeding import SeedContext
from frontdoor.timescales.clocks import add_months

QUESTIONS = [
    services.Question("Is the child's voice heard and recorded in their own words?", "Look at visits and assessments."),
    services.Question("Is the assessment analytical, and does it lead to the plan?"),
    services.Question("Is the plan specific, with who does what by when?"),
    services.Question("Is management oversight on file at each decision?"),
    services.Question("Is the chronology up to date?", is_required=False),
]
GRADES = [Grade.OUTSTANDING] * 1 + [Grade.GOOD] * 5 + [Grade.REQUIRES_IMPROVEMENT] * 3 + [Grade.INADEQUATE] * 1
FINDINGS = {
    Grade.OUTSTANDING: "Exemplary work: the child's experience drives every decision.",
    Grade.GOOD: "Good practice overall; the plan could be sharper on timescales.",
    Grade.REQUIRES_IMPROVEMENT: "Visits are on time but the analysis does not lead to the plan.",
    Grade.INADEQUATE: "Drift: no management oversight for months and the child not seen alone.",
}
CLOSURE_QUESTIONS = [
    services.Question("Was closing without a service right on what was known?", "Read the referrer's concern."),
    services.Question("Were the checks with partners and the history made before deciding?"),
    services.Question("Was the referrer told the outcome, with advice on what to do if worried again?"),
]
CLOSURE_FINDINGS = {
    Grade.OUTSTANDING: "A clear, well-evidenced decision; the referrer was given advice and the family signposted.",
    Grade.GOOD: "The right decision; the rationale could say more about the child's history.",
    Grade.REQUIRES_IMPROVEMENT: "The decision stands but no check with the school was made before closing.",
    Grade.INADEQUATE: "This should have led to an assessment: earlier contacts show a pattern of neglect.",
}
MODERATED_SHARE = 0.8


def seed(context: SeedContext) -> None:
    officers = list(User.objects.filter(role=Role.QA_OFFICER, is_active=True).order_by("pk"))
    managers = list(User.objects.filter(role=Role.TEAM_MANAGER, is_active=True).order_by("pk"))
    if not officers or not Referral.objects.exists():
        return
    rng, today = context.rng, context.today
    template = services.create_template(
        by=officers[0],
        name="Practice standards",
        guidance="Read the record from the referral on; grade what the record shows.",
        questions=QUESTIONS,
    )
    closures = services.create_template(
        by=officers[0],
        name="Contacts closed without a service",
        guidance="Read the contact, the checks made and the decision; grade whether closing was right.",
        questions=CLOSURE_QUESTIONS,
    )
    first = Referral.objects.order_by("referral_date").values_list("referral_date", flat=True).first() or today
    contacts_from = QualitySample.objects.order_by("week_starting").values_list("week_starting", flat=True).first()
    month = max(first.replace(day=1), add_months(today.replace(day=1), -11))
    graded = 0
    while month <= today:
        for theme, used, findings in (
            (AuditProgramme.Theme.RANDOM, template, FINDINGS),
            (AuditProgramme.Theme.CLOSED_NFA, closures, CLOSURE_FINDINGS),
        ):
            if theme == AuditProgramme.Theme.CLOSED_NFA and (
                contacts_from is None or add_months(month, 1) <= contacts_from
            ):
                continue  # no contacts sampled then
            programme = services.draw_programme(by=officers[0], month=month, theme=theme, template=used, per_team=2)
            AuditProgramme.objects.filter(pk=programme.pk).update(created_at=moment(month, 9))
            if add_months(month, 1) <= today:
                graded += grade_all(rng, programme, officers + managers, findings)
        month = add_months(month, 1)
    context.say(f"Audits: practice standards and closed contacts each month, {graded:,} audits graded")


def moment(day: date, hour: int) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


def grade_all(rng: random.Random, programme: AuditProgramme, moderators: list[User], findings: dict[Grade, str]) -> int:
    questions = list(programme.template.questions.all())
    answers = []
    audits = list(programme.audits.all())
    for audit in audits:
        grade = rng.choice(GRADES)
        for question in questions:
            near = rng.choice([grade, grade, grade, rng.choice(GRADES)])
            answers.append(AuditAnswer(audit=audit, question=question, grade=near))
        audit.status, audit.grade, audit.findings = Audit.Status.GRADED, grade, findings[grade]
        audit.graded_at = moment(add_months(programme.month, 1) - timedelta(days=rng.randint(3, 12)), 15)
        others = [m for m in moderators if m.pk != audit.auditor_id]
        if others and rng.random() < MODERATED_SHARE:
            audit.status, audit.moderator, audit.moderated_at = (
                Audit.Status.MODERATED,
                rng.choice(others),
                audit.graded_at,
            )
            if rng.random() < 0.15:
                audit.moderated_grade = rng.choice([g for g in Grade.values if g != grade])
                audit.moderation_notes = "The record does not show the oversight the grade credits."
    AuditAnswer.objects.bulk_create(answers)
    Audit.objects.bulk_update(
        audits,
        [
            "status",
            "grade",
            "findings",
            "graded_at",
            "moderator",
            "moderated_at",
            "moderated_grade",
            "moderation_notes",
        ],
    )
    return len(audits)
