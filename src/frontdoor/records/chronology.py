"""What a child's chronology is made of: which events count, and under which heading.

The chronology is read from the event log, so it can never disagree with what the
services did. Only events that tell the child's story are in it; bookkeeping (a
contact picked up from the queue, an assessment draft saved, a record restricted)
stays in the event log for auditors.
"""

from django.db import models


class Category(models.TextChoices):
    CONTACT = "contact", "Contact"
    DECISION = "decision", "Decision"
    REFERRAL = "referral", "Referral"
    ASSESSMENT = "assessment", "Assessment"
    STRATEGY = "strategy", "Strategy discussion"
    SECTION_47 = "section_47", "Section 47 enquiry"
    CONFERENCE = "conference", "Conference"
    PLAN = "plan", "Plan"
    VISIT = "visit", "Visit"
    CASE_DIRECTION = "case_direction", "Case direction"
    POLICE = "police", "Police notification"
    ALLOCATION = "allocation", "Allocation"
    MOVE = "move", "Move"
    EARLY_HELP = "early_help", "Early help"
    ORDER = "order", "Legal order"
    WARNING = "warning", "Warning"
    MANUAL = "manual", "Added entry"


CATEGORY_OF_KIND: dict[str, Category] = {
    "contact.recorded": Category.CONTACT,
    "contact.decided": Category.DECISION,
    "contact.decision_authorised": Category.DECISION,
    "referral.opened": Category.REFERRAL,
    "referral.closed": Category.REFERRAL,
    "assessment.started": Category.ASSESSMENT,
    "assessment.submitted": Category.ASSESSMENT,
    "assessment.authorised": Category.ASSESSMENT,
    "assessment.amended": Category.ASSESSMENT,
    "strategy.decided": Category.STRATEGY,
    "section47.concluded": Category.SECTION_47,
    "conference.held": Category.CONFERENCE,
    "conference.reviewed": Category.CONFERENCE,
    "core_group.held": Category.PLAN,
    "cp_plan.ended": Category.PLAN,
    "cin_plan.started": Category.PLAN,
    "cin_plan.reviewed": Category.PLAN,
    "cin_plan.ended": Category.PLAN,
    "visit.recorded": Category.VISIT,
    "case_direction.given": Category.CASE_DIRECTION,
    "police.person_matched": Category.POLICE,
    "police.triage_decided": Category.POLICE,
    "referral.allocated": Category.ALLOCATION,
    "person.moved": Category.MOVE,
    "person.moved_out": Category.MOVE,
    "early_help.requested": Category.EARLY_HELP,
    "early_help.accepted": Category.EARLY_HELP,
    "early_help.declined": Category.EARLY_HELP,
    "early_help.started": Category.EARLY_HELP,
    "early_help.assessment_recorded": Category.EARLY_HELP,
    "early_help.lead_professional": Category.EARLY_HELP,
    "early_help.taf_meeting": Category.EARLY_HELP,
    "early_help.plan_reviewed": Category.EARLY_HELP,
    "early_help.stepped_up": Category.EARLY_HELP,
    "early_help.closed": Category.EARLY_HELP,
    "protective_order.recorded": Category.ORDER,
    "warning.raised": Category.WARNING,
    "warning.ended": Category.WARNING,
}

# The event kinds a chronology shows; every other kind is bookkeeping.
CHRONOLOGY_KINDS = frozenset(CATEGORY_OF_KIND)


def kinds_in(categories: list[str] | tuple[str, ...]) -> list[str]:
    return sorted(kind for kind, category in CATEGORY_OF_KIND.items() if category in categories)


def category_of(kind: str) -> Category:
    return CATEGORY_OF_KIND[kind]
