"""What the daily meeting's page shows for each child, worked out once in Python.

The meeting works through a hundred notifications and more, a row a child. Django's template engine costs a few
microseconds for every value, filter and tag it renders, and the rows' dates, choices, links and counted
phrases were most of the page's time; here each row's words are plain values the template prints (and escapes).
"""

from dataclasses import dataclass

from django.template.defaultfilters import pluralize
from django.urls import reverse
from django.utils import dateformat, timezone
from django.utils.html import format_html_join
from django.utils.safestring import SafeString
from django.utils.text import Truncator

from frontdoor.partners.models import NotificationPerson, PoliceNotification, TriageDecision
from frontdoor.partners.queries import TriageRow

ROLES = dict(NotificationPerson.Role.choices)
KINDS = dict(PoliceNotification.Kind.choices)
RISKS = dict(PoliceNotification.Risk.choices)
OUTCOMES = dict(TriageDecision.Outcome.choices)


@dataclass(frozen=True, slots=True)
class Line:
    pk: int  # the child named on the notification: the decision's form fields carry it
    given_name: str  # as the police gave it
    name: str  # as the index has it, once matched
    person_url: str
    restricted: bool
    described: str
    reference: str
    notification_url: str
    late: bool
    kind: str
    risk: str
    marac: bool
    incident: str
    summary: str
    adults: str
    history: str
    perpetrator: str
    open_case: bool
    worker: str
    decided: bool
    outcome: str
    note: str
    contact_url: str
    contact: str


def outcome_options() -> SafeString:
    """The decision list's options, the same on every row."""
    return format_html_join("", '<option value="{}">{}</option>', TriageDecision.Outcome.choices)


def lines(rows: list[TriageRow]) -> list[Line]:
    return [_line(row) for row in rows]


def _line(row: TriageRow) -> Line:
    child, notification = row.child, row.notification
    person, decision = child.person, getattr(child, "triage", None)
    born = f", born {dateformat.format(child.date_of_birth, 'j M Y')}" if child.date_of_birth else ""
    repeats, perpetrator = row.repeats, row.perpetrator_repeats
    return Line(
        pk=child.pk,
        given_name=f"{child.first_name} {child.last_name}",
        name=person.full_name if person else "",
        person_url=reverse("people:detail", args=[person.pk]) if person else "",
        restricted=bool(person and person.is_restricted),
        described=f"{ROLES.get(child.role, child.role)}{born}",
        reference=notification.police_reference,
        notification_url=notification.get_absolute_url(),
        late=row.late,
        kind=KINDS.get(notification.kind, notification.kind),
        risk=RISKS.get(notification.dash_risk, notification.dash_risk).lower(),
        marac=notification.marac_referral,
        incident=dateformat.format(timezone.localtime(notification.incident_at), "j M H:i"),
        summary=Truncator(notification.summary).chars(160),
        adults="; ".join(f"{a.first_name} {a.last_name} ({ROLES.get(a.role, a.role).lower()})" for a in row.adults),
        history=f"{repeats} earlier notification{pluralize(repeats)} in 12 months"
        if repeats
        else "No earlier notification",
        perpetrator=f"{perpetrator} other{pluralize(perpetrator)}" if perpetrator else "",
        open_case=row.open_case is not None,
        worker=row.open_case.worker.display_name if row.open_case and row.open_case.worker else "",
        decided=decision is not None,
        outcome=OUTCOMES.get(decision.outcome, decision.outcome) if decision else "",
        note=decision.note if decision else "",
        contact_url=reverse("contacts:detail", args=[decision.contact_id]) if decision and decision.contact_id else "",
        contact=f"C{decision.contact_id:07d}" if decision and decision.contact_id else "",
    )
