"""The plans of contacts, children, decisions and calls, played out in Python before they are inserted."""

from dataclasses import dataclass, field
from datetime import date, datetime

from frontdoor.contacts.models import (
    Contact,
)
from frontdoor.earlyhelp.models import EarlyHelpRequest


@dataclass(slots=True)
class Kid:
    pid: int
    first: str
    sex: str
    born: int  # ordinal of the date of birth, or of the expected date for an unborn child
    adult: int  # ordinal of the 18th birthday (0 for an unborn child)
    created: int  # ordinal of the day the record was made
    unborn: bool
    family: int
    mother: int = 0
    father: int = 0
    step: int = 0
    professionals: dict[str, int] = field(default_factory=dict)  # professional role: Professional index


@dataclass(slots=True)
class Staff:
    id: int
    name: str


@dataclass(slots=True)
class Referrer:
    name: str = ""
    role: str = ""
    organisation: str = ""
    phone: str = ""
    email: str = ""


# A contact's life, before it becomes rows ------------------------------------------------------


@dataclass(slots=True)
class DecisionPlan:
    level: int  # ThresholdLevel id
    outcome: str
    rationale: str
    rag: str
    status: str
    by: int
    at: datetime
    criteria: list[int]
    reviewed_by: int | None = None
    reviewed_at: datetime | None = None
    comment: str = ""


@dataclass(slots=True)
class Action:
    kind: str  # "referral" or "early_help"
    by: int
    at: datetime
    day: date
    closed_on: date | None = None
    closure_reason: str = ""
    status: str = EarlyHelpRequest.Status.OPEN


@dataclass(slots=True)
class ChildPlan:
    pid: int | None
    details: str = ""
    follow_up: str = ""
    decisions: list[DecisionPlan] = field(default_factory=list)
    action: Action | None = None


@dataclass(slots=True)
class ContactPlan:
    received: datetime
    out_of_hours: bool
    source: str
    channel: str
    referrer: Referrer
    concern: str
    categories: list[str]
    rag: str
    immediate_danger: bool
    childs_views: str
    family_aware: str
    consent: str
    recorded_by: int
    recorded: datetime
    children: list[ChildPlan]
    adults: list[tuple[int, str]]
    status: str = Contact.Status.OPEN
    closed_at: datetime | None = None
    picked_up_by: int | None = None
    picked_up_at: datetime | None = None
    last_touched_at: datetime | None = None
    told_at: datetime | None = None
    told_how: str = ""
    told_by: int | None = None
    acknowledged_at: datetime | None = None
    acknowledged_by: int | None = None
    call: int = -1  # index of its call in the month's calls


@dataclass(slots=True)
class CallPlan:
    offered: datetime
    answered: datetime | None
    ended: datetime
    queue: str
    agent: str
    transfers: int = 0
    contact: int = -1  # index of its contact in the month's contacts
