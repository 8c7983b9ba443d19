"""The statutory timescales as data (DESIGN.md, domain.md section 2).

A council works under one regime at a time and records the date it changed;
work started before that date keeps the rules it started under.
"""

from dataclasses import dataclass
from datetime import time

from django.db import models


class Regime(models.TextChoices):
    WT2010 = "2010", "2010: initial and core assessments"
    CURRENT = "current", "Current: single assessment (Working Together 2018 and 2023)"


class Unit(models.TextChoices):
    WORKING_DAYS = "working_days", "working days"
    CALENDAR_DAYS = "calendar_days", "calendar days"
    CALENDAR_MONTHS = "calendar_months", "calendar months"
    HOURS = "hours", "hours"


class Step(models.TextChoices):
    CONTACT_DECISION = "contact_decision", "Decision on a contact"
    REFERRAL_DECISION = "referral_decision", "Decision on a referral"
    INITIAL_ASSESSMENT = "initial_assessment", "Initial assessment"
    CORE_ASSESSMENT = "core_assessment", "Core assessment"
    SINGLE_ASSESSMENT = "single_assessment", "Single assessment"
    INITIAL_CONFERENCE = "initial_conference", "Initial child protection conference"
    FIRST_CORE_GROUP = "first_core_group", "First core group"
    FIRST_REVIEW_CONFERENCE = "first_review_conference", "First review conference"
    LATER_REVIEW_CONFERENCE = "later_review_conference", "Later review conference"
    EDT_HANDOVER = "edt_handover", "Emergency duty handover"
    EDT_ACKNOWLEDGEMENT = "edt_acknowledgement", "Day team acknowledges out-of-hours work"
    REFERRER_FEEDBACK = "referrer_feedback", "Telling the referrer the outcome"
    CP_VISIT = "cp_visit", "Visit to a child on a child protection plan"
    CIN_VISIT = "cin_visit", "Visit to a child in need"
    CIN_PLAN_REVIEW = "cin_plan_review", "Child in need plan review"


@dataclass(frozen=True)
class Timescale:
    step: Step
    starts: str
    length: int | None
    unit: Unit
    # A council setting (a LocalAuthority field) that gives the length instead.
    council_setting: str = ""
    # A deadline at a time of day on the due date, e.g. 09:00 for handovers.
    due_at: time | None = None

    @property
    def length_text(self) -> str:
        """'1 working day', '15 working days', or the council setting that decides."""
        if self.length is None:
            return "Council setting"
        unit = str(self.unit.label)
        return f"{self.length} {unit[:-1] if self.length == 1 else unit}"

    def describe(self) -> str:
        return f"{self.length_text} from {self.starts}"


_BOTH_REGIMES = [
    Timescale(Step.CONTACT_DECISION, "the contact being received", 1, Unit.WORKING_DAYS),
    Timescale(Step.REFERRAL_DECISION, "the referral being received", 1, Unit.WORKING_DAYS),
    Timescale(Step.INITIAL_CONFERENCE, "the strategy discussion", 15, Unit.WORKING_DAYS),
    Timescale(Step.FIRST_CORE_GROUP, "the initial conference", 10, Unit.WORKING_DAYS),
    Timescale(Step.FIRST_REVIEW_CONFERENCE, "the initial conference", 3, Unit.CALENDAR_MONTHS),
    Timescale(Step.LATER_REVIEW_CONFERENCE, "the previous review conference", 6, Unit.CALENDAR_MONTHS),
    Timescale(
        Step.EDT_HANDOVER,
        "the out-of-hours activity",
        1,
        Unit.WORKING_DAYS,
        due_at=time(9, 0),
    ),
    Timescale(
        Step.EDT_ACKNOWLEDGEMENT,
        "the out-of-hours contact",
        1,
        Unit.WORKING_DAYS,
        due_at=time(10, 0),
    ),
    Timescale(Step.REFERRER_FEEDBACK, "the decision", 1, Unit.WORKING_DAYS),
    Timescale(
        Step.CP_VISIT,
        "the previous visit",
        None,
        Unit.WORKING_DAYS,
        council_setting="cp_visit_interval_working_days",
    ),
    Timescale(
        Step.CIN_VISIT,
        "the previous visit",
        None,
        Unit.WORKING_DAYS,
        council_setting="cin_visit_interval_working_days",
    ),
    Timescale(
        Step.CIN_PLAN_REVIEW,
        "the plan start or previous review",
        None,
        Unit.CALENDAR_MONTHS,
        council_setting="cin_plan_review_interval_months",
    ),
]

REGIMES: dict[Regime, dict[Step, Timescale]] = {
    Regime.WT2010: {
        t.step: t
        for t in [
            *_BOTH_REGIMES,
            Timescale(Step.INITIAL_ASSESSMENT, "the referral", 7, Unit.WORKING_DAYS),
            Timescale(Step.CORE_ASSESSMENT, "the start of the core assessment", 35, Unit.WORKING_DAYS),
        ]
    },
    Regime.CURRENT: {
        t.step: t
        for t in [
            *_BOTH_REGIMES,
            Timescale(Step.SINGLE_ASSESSMENT, "the referral", 45, Unit.WORKING_DAYS),
        ]
    },
}


def timescale_for(step: Step | str, *, regime: Regime | str) -> Timescale:
    """The timescale of a step under a regime; ValueError if the regime has no such step."""
    try:
        step, regime = Step(step), Regime(regime)
    except ValueError as error:
        raise ValueError(f"unknown step or regime: {error}") from None
    try:
        return REGIMES[regime][step]
    except KeyError:
        raise ValueError(f"{step.label} has no timescale under the {regime.label} regime") from None
