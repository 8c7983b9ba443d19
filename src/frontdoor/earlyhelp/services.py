"""Early help's actions: each in one transaction with its event on the child's record."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from frontdoor.accounts.access import require_capability
from frontdoor.accounts.roles import Capability
from frontdoor.codes import ReferralSource
from frontdoor.contacts.models import Channel, Consent, FamilyAware
from frontdoor.earlyhelp.models import (
    EarlyHelpAssessment,
    EarlyHelpEpisode,
    EarlyHelpRequest,
    LeadProfessional,
    PlanAction,
    PlanReview,
    TafAttendee,
    TafMeeting,
)
from frontdoor.records.concurrency import lock_for_update
from frontdoor.records.services import record_event

if TYPE_CHECKING:
    from frontdoor.accounts.models import User
    from frontdoor.contacts.models import Contact, ContactChild
    from frontdoor.people.models import Person

# Working Together leaves the review cadence to the council; six weeks is the short end of the usual 6 to 12.
FIRST_REVIEW_WEEKS = 6
NOT_EARLY_HELP = "Only the early help team does this"


@dataclass(frozen=True)
class Attendee:
    name: str
    agency: str


def _require(by: "User") -> None:
    require_capability(by, Capability.DO_EARLY_HELP, NOT_EARLY_HELP)


def _not_future(problems: dict[str, str], field: str, day: date | None, what: str) -> None:
    if day is not None and day > timezone.localdate():
        problems[field] = f"{what} must be today or in the past"


def _open(episode: EarlyHelpEpisode) -> None:
    """Work is recorded only on an episode that has started and not yet closed."""
    if episode.status == EarlyHelpEpisode.Status.CLOSED:
        raise ValidationError("This early help episode is closed")
    if episode.status == EarlyHelpEpisode.Status.WAITING:
        raise ValidationError("Start the episode with the family's consent first")


def _not_before_start(
    problems: dict[str, str], field: str, day: date | None, episode: EarlyHelpEpisode, what: str
) -> None:
    if day is not None and episode.started_on is not None and day < episode.started_on:
        problems[field] = f"{what} must be on or after the episode started ({episode.started_on:%-d %B %Y})"


@transaction.atomic
def request_early_help(
    *, person: "Person", by: "User", requested_on: date, contact_child: "ContactChild | None" = None
) -> EarlyHelpRequest:
    """Ask the early help team to work with a child and their family."""
    request = EarlyHelpRequest.objects.create(
        person=person, requested_on=requested_on, contact_child=contact_child, created_by=by
    )
    record_event(
        kind="early_help.requested",
        by=by,
        child=person,
        record=request,
        summary=f"Asked the early help team to work with {person.full_name}",
    )
    return request


@transaction.atomic
def record_partner_request(
    *, person: "Person", by: "User", agency: str, referrer_name: str, reason: str, requested_on: date
) -> EarlyHelpRequest:
    """A partner agency's request, taken by the early help team on the agency's behalf."""
    _require(by)
    problems: dict[str, str] = {}
    if not agency.strip():
        problems["agency"] = "Enter the agency asking for early help"
    if not referrer_name.strip():
        problems["referrer_name"] = "Enter the name of the person asking"
    if not reason.strip():
        problems["reason"] = "Say why the agency is asking for early help"
    _not_future(problems, "requested_on", requested_on, "The date of the request")
    if problems:
        raise ValidationError(problems)
    request = EarlyHelpRequest.objects.create(
        person=person,
        requested_on=requested_on,
        route=EarlyHelpRequest.Route.PARTNER,
        agency=agency.strip(),
        referrer_name=referrer_name.strip(),
        reason=reason.strip(),
        created_by=by,
    )
    record_event(
        kind="early_help.requested",
        by=by,
        child=person,
        record=request,
        summary=f"{request.agency} ({request.referrer_name}) asked for early help for {person.full_name}",
    )
    return request


def _waiting(request: EarlyHelpRequest) -> None:
    if request.status != EarlyHelpRequest.Status.OPEN:
        raise ValidationError(f"This request is already {request.get_status_display().lower()}")


@transaction.atomic
def accept_request(*, request: EarlyHelpRequest, by: "User") -> EarlyHelpEpisode:
    """The team takes the family on: an episode opens, to start once the family consents."""
    _require(by)
    request = EarlyHelpRequest.objects.select_for_update().select_related("person").get(pk=request.pk)
    _waiting(request)
    request.status, request.decided_by, request.decided_at = EarlyHelpRequest.Status.ACCEPTED, by, timezone.now()
    request.save(update_fields=["status", "decided_by", "decided_at"])
    episode = EarlyHelpEpisode.objects.create(
        request=request, person=request.person, accepted_on=timezone.localdate(), accepted_by=by
    )
    record_event(
        kind="early_help.accepted",
        by=by,
        child=request.person,
        record=episode,
        summary=f"The early help team accepted the request for {request.person.full_name}",
    )
    return episode


@transaction.atomic
def decline_request(*, request: EarlyHelpRequest, by: "User", reason: str) -> EarlyHelpRequest:
    _require(by)
    request = EarlyHelpRequest.objects.select_for_update().select_related("person").get(pk=request.pk)
    _waiting(request)
    if not reason.strip():
        raise ValidationError({"reason": "Say why the early help team declines the request"})
    request.status, request.decided_by, request.decided_at = EarlyHelpRequest.Status.DECLINED, by, timezone.now()
    request.decline_reason = reason.strip()
    request.save(update_fields=["status", "decided_by", "decided_at", "decline_reason"])
    record_event(
        kind="early_help.declined",
        by=by,
        child=request.person,
        record=request,
        summary=f"The early help team declined the request: {request.decline_reason}",
    )
    return request


@transaction.atomic
def start_episode(
    *,
    episode: EarlyHelpEpisode,
    by: "User",
    started_on: date,
    consent_given_by: str = "",
    consent_given_on: date | None = None,
    no_consent_reason: str = "",
) -> EarlyHelpEpisode:
    """Early help is voluntary: it starts with the family's recorded consent, or a recorded reason to go without."""
    _require(by)
    lock_for_update(episode)
    if episode.status != EarlyHelpEpisode.Status.WAITING:
        raise ValidationError("This episode has already started")
    problems: dict[str, str] = {}
    has_consent = bool(consent_given_by.strip()) or consent_given_on is not None
    if has_consent and not consent_given_by.strip():
        problems["consent_given_by"] = "Enter who in the family gave consent"
    if has_consent and consent_given_on is None:
        problems["consent_given_on"] = "Enter the date the family gave consent"
    if not has_consent and not no_consent_reason.strip():
        problems["consent_given_by"] = (
            "Early help starts only with the family's consent: record who gave it and when, "
            "or the reason to start without it"
        )
    if consent_given_on is not None and consent_given_on > started_on:
        problems["consent_given_on"] = "Consent is given on or before the day the episode starts"
    if started_on < episode.request.requested_on:
        problems["started_on"] = (
            f"The episode starts on or after the request ({episode.request.requested_on:%-d %B %Y})"
        )
    _not_future(problems, "started_on", started_on, "The start date")
    _not_future(problems, "consent_given_on", consent_given_on, "The date of consent")
    if problems:
        raise ValidationError(problems)
    episode.status, episode.started_on = EarlyHelpEpisode.Status.OPEN, started_on
    episode.consent_given_by, episode.consent_given_on = consent_given_by.strip(), consent_given_on
    episode.no_consent_reason = "" if has_consent else no_consent_reason.strip()
    episode.save(update_fields=["status", "started_on", "consent_given_by", "consent_given_on", "no_consent_reason"])
    how = f"with consent from {episode.consent_given_by}" if has_consent else "without consent"
    record_event(
        kind="early_help.started",
        by=by,
        child=episode.person,
        record=episode,
        summary=f"Early help started on {started_on:%-d %B %Y} {how}",
    )
    return episode


@transaction.atomic
def record_assessment(
    *,
    episode: EarlyHelpEpisode,
    by: "User",
    started_on: date,
    completed_on: date | None,
    organisation: str,
    needs: str,
) -> EarlyHelpAssessment:
    """Record the early help assessment, or bring it up to date (its completion, most often)."""
    _require(by)
    _open(episode)
    problems: dict[str, str] = {}
    if completed_on is not None and completed_on < started_on:
        problems["completed_on"] = "The assessment is completed on or after the day it started"
    _not_before_start(problems, "started_on", started_on, episode, "The assessment's start")
    _not_future(problems, "started_on", started_on, "The assessment's start date")
    _not_future(problems, "completed_on", completed_on, "The completion date")
    if not organisation.strip():
        problems["organisation"] = "Enter the organisation completing the assessment"
    if not needs.strip():
        problems["needs"] = "Summarise the family's needs"
    if problems:
        raise ValidationError(problems)
    assessment, created = EarlyHelpAssessment.objects.update_or_create(
        episode=episode,
        defaults={
            "started_on": started_on,
            "completed_on": completed_on,
            "organisation": organisation.strip(),
            "needs": needs.strip(),
            "recorded_by": by,
            "recorded_at": timezone.now(),
        },
    )
    done = f", completed {completed_on:%-d %B %Y}" if completed_on else ""
    record_event(
        kind="early_help.assessment_recorded" if created else "early_help.assessment_updated",
        by=by,
        child=episode.person,
        record=episode,
        summary=f"Early help assessment by {assessment.organisation} from {started_on:%-d %B %Y}{done}",
    )
    return assessment


@transaction.atomic
def appoint_lead_professional(
    *, episode: EarlyHelpEpisode, by: "User", name: str, agency: str, role: str, started_on: date
) -> LeadProfessional:
    """A new lead professional; the one before keeps their time in the history, ended the day the new one starts."""
    _require(by)
    _open(episode)
    current = episode.lead_professionals.filter(ended_on=None).first()
    problems: dict[str, str] = {}
    for field, value, what in (("name", name, "name"), ("agency", agency, "agency"), ("role", role, "role")):
        if not value.strip():
            problems[field] = f"Enter the lead professional's {what}"
    _not_before_start(problems, "started_on", started_on, episode, "The lead professional's start")
    _not_future(problems, "started_on", started_on, "The lead professional's start date")
    if current is not None and started_on < current.started_on:
        problems["started_on"] = f"{current.name} has been lead professional since {current.started_on:%-d %B %Y}"
    if problems:
        raise ValidationError(problems)
    if current is not None:
        current.ended_on = started_on
        current.save(update_fields=["ended_on"])
    lead = LeadProfessional.objects.create(
        episode=episode,
        name=name.strip(),
        agency=agency.strip(),
        role=role.strip(),
        started_on=started_on,
        appointed_by=by,
    )
    record_event(
        kind="early_help.lead_professional",
        by=by,
        child=episode.person,
        record=episode,
        summary=f"Lead professional from {started_on:%-d %B %Y}: {lead}",
    )
    return lead


@transaction.atomic
def record_taf_meeting(
    *, episode: EarlyHelpEpisode, by: "User", held_on: date, attendees: Sequence[Attendee], summary: str
) -> TafMeeting:
    _require(by)
    _open(episode)
    problems: dict[str, str] = {}
    _not_before_start(problems, "held_on", held_on, episode, "A team around the family meeting")
    _not_future(problems, "held_on", held_on, "The meeting date")
    present = [a for a in attendees if a.name.strip()]
    if not present:
        problems["attendees"] = "Enter who attended, with their agency"
    elif any(not a.agency.strip() for a in present):
        problems["attendees"] = "Give the agency of everyone who attended (the family's own members: “Family”)"
    if not summary.strip():
        problems["summary"] = "Summarise the meeting"
    if problems:
        raise ValidationError(problems)
    meeting = TafMeeting.objects.create(episode=episode, held_on=held_on, summary=summary.strip(), recorded_by=by)
    TafAttendee.objects.bulk_create(
        TafAttendee(meeting=meeting, name=a.name.strip(), agency=a.agency.strip()) for a in present
    )
    agencies = sorted({a.agency.strip() for a in present})
    record_event(
        kind="early_help.taf_meeting",
        by=by,
        child=episode.person,
        record=episode,
        summary=f"Team around the family met on {held_on:%-d %B %Y}: {', '.join(agencies)}",
    )
    return meeting


@transaction.atomic
def add_plan_action(
    *, episode: EarlyHelpEpisode, by: "User", outcome: str, action: str, owner: str, due_on: date
) -> PlanAction:
    """A line of the family plan; the plan's first line sets its first review."""
    _require(by)
    _open(episode)
    problems: dict[str, str] = {}
    if not outcome.strip():
        problems["outcome"] = "Say what should change for the family"
    if not action.strip():
        problems["action"] = "Say what will be done"
    if not owner.strip():
        problems["owner"] = "Say who will do it"
    _not_before_start(problems, "due_on", due_on, episode, "The due date")
    if problems:
        raise ValidationError(problems)
    made = PlanAction.objects.create(
        episode=episode, outcome=outcome.strip(), action=action.strip(), owner=owner.strip(), due_on=due_on, added_by=by
    )
    if episode.next_review_on is None:
        episode.next_review_on = timezone.localdate() + timedelta(weeks=FIRST_REVIEW_WEEKS)
        episode.save(update_fields=["next_review_on"])
    record_event(
        kind="early_help.plan_action",
        by=by,
        child=episode.person,
        record=episode,
        summary=f"Family plan: {made.action} ({made.owner}, by {due_on:%-d %B %Y})",
    )
    return made


@transaction.atomic
def review_plan(
    *, episode: EarlyHelpEpisode, by: "User", reviewed_on: date, progress: str, next_review_on: date
) -> PlanReview:
    _require(by)
    _open(episode)
    problems: dict[str, str] = {}
    _not_before_start(problems, "reviewed_on", reviewed_on, episode, "The review")
    _not_future(problems, "reviewed_on", reviewed_on, "The review date")
    if not progress.strip():
        problems["progress"] = "Describe the progress against the plan"
    if next_review_on <= reviewed_on:
        problems["next_review_on"] = "The next review is after this one"
    if not episode.plan_actions.exists():
        problems["progress"] = "Agree the family plan before reviewing it"
    if problems:
        raise ValidationError(problems)
    review = PlanReview.objects.create(
        episode=episode,
        reviewed_on=reviewed_on,
        progress=progress.strip(),
        next_review_on=next_review_on,
        reviewed_by=by,
    )
    episode.next_review_on = next_review_on
    episode.save(update_fields=["next_review_on"])
    record_event(
        kind="early_help.plan_reviewed",
        by=by,
        child=episode.person,
        record=episode,
        summary=f"Family plan reviewed on {reviewed_on:%-d %B %Y}; next review {next_review_on:%-d %B %Y}",
    )
    return review


def history_summary(episode: EarlyHelpEpisode, reason: str) -> str:
    """The episode in a few paragraphs, for the front door to read with the step-up contact."""
    lines = [f"Stepped up from early help (episode from {episode.started_on or episode.accepted_on:%-d %B %Y}).", ""]
    lines += ["Why early help is stepping up:", reason.strip(), ""]
    assessment = EarlyHelpAssessment.objects.filter(episode=episode).first()
    if assessment is not None:
        done = f", completed {assessment.completed_on:%-d %B %Y}" if assessment.completed_on else ", not completed"
        lines += [f"Early help assessment by {assessment.organisation} from {assessment.started_on:%-d %B %Y}{done}."]
        lines += [f"Needs: {assessment.needs}", ""]
    leads = list(episode.lead_professionals.order_by("started_on", "id"))
    if leads:
        lines.append("Lead professionals:")
        lines += [
            f"- {lead} from {lead.started_on:%-d %B %Y}" + (f" to {lead.ended_on:%-d %B %Y}" if lead.ended_on else "")
            for lead in leads
        ]
        lines.append("")
    meetings = list(episode.taf_meetings.prefetch_related("attendees").order_by("held_on", "id"))
    if meetings:
        lines.append("Team around the family meetings:")
        for meeting in meetings:
            agencies = ", ".join(sorted({a.agency for a in meeting.attendees.all()}))
            lines.append(f"- {meeting.held_on:%-d %B %Y} ({agencies}): {meeting.summary}")
        lines.append("")
    actions = list(episode.plan_actions.order_by("due_on", "id"))
    if actions:
        lines.append("Family plan:")
        lines += [f"- {a.outcome}: {a.action} ({a.owner}, by {a.due_on:%-d %B %Y})" for a in actions]
        lines.append("")
    reviews = list(episode.plan_reviews.order_by("reviewed_on", "id"))
    if reviews:
        lines.append("Plan reviews:")
        lines += [f"- {r.reviewed_on:%-d %B %Y}: {r.progress}" for r in reviews]
    return "\n".join(lines).strip()


def _step_up(episode: EarlyHelpEpisode, *, by: "User", reason: str) -> "Contact":
    # Imported here: the contacts services import this module to ask for early help.
    from frontdoor.contacts.services import ChildOnContact, Referrer, record_contact

    lead = episode.lead_professional
    referrer = Referrer(
        name=lead.name if lead else by.display_name,
        role=lead.role if lead else "Early help practitioner",
        organisation=lead.agency if lead else "Early help team",
        email=by.email,
    )
    consented = episode.consent_given_on is not None
    return record_contact(
        by=by,
        received_at=timezone.now(),
        # The step up arrives through the system itself, as an online form does.
        channel=Channel.ONLINE,
        source=ReferralSource.LA_EARLY_HELP,
        referrer=referrer,
        children=[ChildOnContact(person=episode.person)],
        concern=history_summary(episode, reason),
        family_aware=FamilyAware.YES if consented else FamilyAware.NOT_KNOWN,
        consent=Consent.GIVEN if consented else Consent.NOT_KNOWN,
    )


@transaction.atomic
def close_episode(
    *, episode: EarlyHelpEpisode, by: "User", closed_on: date, outcome: str, reason: str = ""
) -> EarlyHelpEpisode:
    """Close with an outcome; stepping up opens a contact at the front door carrying the episode's history."""
    _require(by)
    episode = EarlyHelpEpisode.objects.select_for_update().select_related("request", "person").get(pk=episode.pk)
    if episode.status == EarlyHelpEpisode.Status.CLOSED:
        raise ValidationError("This early help episode is already closed")
    problems: dict[str, str] = {}
    if outcome not in EarlyHelpEpisode.Outcome.values:
        problems["outcome"] = "Choose the outcome"
    if outcome == EarlyHelpEpisode.Outcome.STEP_UP and not reason.strip():
        problems["reason"] = "Say why the family needs children's social care: the front door reads it"
    begun = episode.started_on or episode.accepted_on
    if closed_on < begun:
        problems["closed_on"] = f"The episode closes on or after it began ({begun:%-d %B %Y})"
    _not_future(problems, "closed_on", closed_on, "The closure date")
    if problems:
        raise ValidationError(problems)
    if outcome == EarlyHelpEpisode.Outcome.STEP_UP:
        episode.stepped_up_to = _step_up(episode, by=by, reason=reason)
    episode.status, episode.closed_on, episode.outcome = EarlyHelpEpisode.Status.CLOSED, closed_on, outcome
    episode.closure_reason, episode.closed_by, episode.next_review_on = reason.strip(), by, None
    episode.save(
        update_fields=[
            "status",
            "closed_on",
            "outcome",
            "closure_reason",
            "closed_by",
            "next_review_on",
            "stepped_up_to",
        ]
    )
    episode.lead_professionals.filter(ended_on=None).update(ended_on=closed_on)
    episode.request.status = EarlyHelpRequest.Status.CLOSED
    episode.request.save(update_fields=["status"])
    stepped = f": contact {episode.stepped_up_to.reference} to the front door" if episode.stepped_up_to else ""
    record_event(
        kind="early_help.stepped_up" if episode.stepped_up_to else "early_help.closed",
        by=by,
        child=episode.person,
        record=episode,
        summary=f"Early help closed on {closed_on:%-d %B %Y}, {episode.get_outcome_display().lower()}{stepped}",
    )
    return episode
