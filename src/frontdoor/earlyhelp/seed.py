"""Early help in the synthetic council: the front door's requests become episodes of work with families.

About half the requests are taken on (the large council's 80,000 contacts a year give about 8,000 episodes);
the early help team declines the rest, save the last fortnight's, still waiting. An episode starts with the
family's consent (a few without, for a recorded reason), has an assessment, a lead professional (sometimes
changed), team around the family meetings every six to ten weeks with a plan reviewed at each, and most close
with the family's needs met. Where the child came back to the front door while early help was working with
them, the episode closes there, stepped up on that contact: the seed makes no contacts of its own, as the
contacts seed accounts for every contact it makes.
"""

import random
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.utils import timezone
from faker import Faker

from frontdoor.accounts.models import LocalAuthority, User
from frontdoor.accounts.roles import Role
from frontdoor.contacts.models import ContactChild
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
from frontdoor.records.services import record_event
from frontdoor.seeding import SeedContext

EPISODE_SHARE = 0.55
STILL_WAITING_DAYS = 14
NO_CONSENT_SHARE = 0.03
STEP_UP_SHARE = 0.12  # of children back at the front door while early help was working with them
LEAD_CHANGE_SHARE = 0.2
OUTCOMES = (
    [EarlyHelpEpisode.Outcome.NEEDS_MET] * 8
    + [EarlyHelpEpisode.Outcome.WITHDREW] * 1
    + [EarlyHelpEpisode.Outcome.MOVED_AWAY] * 1
)
CONSENTING = ["Mother", "Father", "Mother and father", "Grandmother", "Carer", "Young person (16)"]
DECLINED = [
    "Needs are met by universal services: the family was signposted to the children's centre.",
    "The school's pastoral team is already supporting the family.",
    "The family did not want early help when contacted.",
]
AGENCIES = {
    "School": ["Designated safeguarding lead", "Pastoral lead", "SENCo"],
    "Health visiting": ["Health visitor"],
    "School nursing": ["School nurse"],
    "Family hub": ["Family support worker", "Early help practitioner"],
    "Youth service": ["Youth worker"],
    "Housing": ["Housing officer"],
}
NEEDS = [
    "Parenting support with routines and boundaries; the child's school attendance has fallen to 82%.",
    "Mother's low mood affects the home; debts and rent arrears; the younger child's speech is delayed.",
    "Conflict between the parents witnessed by the children; father wants help with anger.",
    "Young person missing school, staying out late, new older friends; mother struggling to set limits.",
    "Overcrowded housing and a child with unmet health needs (dental, eyesight).",
]
MEETINGS = [
    "Family and professionals agreed the plan; mother said what has helped most.",
    "Attendance is improving; the family hub parenting course has started.",
    "Little progress on housing; school reports the child is more settled.",
    "The young person attended and spoke about what they want to change.",
]
PLAN = [
    ("School attendance above 95%", "Morning routine support and a school attendance plan", "School"),
    ("Calmer home", "Parenting course at the family hub", "Family hub"),
    ("Mother's wellbeing", "Support to see the GP and the talking therapies service", "Health visiting"),
    ("Debts under control", "Referral to the money advice service", "Family hub"),
    ("Safe friendships", "Weekly sessions with a youth worker", "Youth service"),
]
PROGRESS = [
    "Good progress: most actions done.",
    "Some progress; the plan is updated.",
    "Little progress; the family agreed to try again.",
]


@dataclass
class Episode:
    row: EarlyHelpEpisode
    leads: list[LeadProfessional] = field(default_factory=list)
    meetings: list[tuple[TafMeeting, list[TafAttendee]]] = field(default_factory=list)
    actions: list[PlanAction] = field(default_factory=list)
    reviews: list[PlanReview] = field(default_factory=list)
    assessment: EarlyHelpAssessment | None = None


def seed(context: SeedContext) -> None:
    staff = list(User.objects.filter(role=Role.EARLY_HELP_PRACTITIONER, is_active=True).order_by("pk"))
    staff = staff or list(User.objects.filter(role=Role.TEAM_MANAGER, is_active=True).order_by("pk"))
    requests = list(EarlyHelpRequest.objects.order_by("requested_on", "id"))
    if not staff or not requests:
        return
    rng, today = context.rng, context.today
    council = LocalAuthority.load().name or "The council"
    back_again = later_contacts()
    episodes: list[Episode] = []
    used: set[int] = set()
    for request in requests:
        if (today - request.requested_on).days <= STILL_WAITING_DAYS:
            continue
        practitioner = rng.choice(staff)
        decided = moment(min(request.requested_on + timedelta(days=rng.randint(1, 5)), today), 11)
        request.decided_by_id, request.decided_at = practitioner.pk, decided
        if rng.random() >= EPISODE_SHARE:
            request.status, request.decline_reason = EarlyHelpRequest.Status.DECLINED, rng.choice(DECLINED)
            continue
        episode = plan_episode(rng, context.faker, request, practitioner, today, council)
        step_up(rng, episode, back_again.get(request.person_id, []), used, today)
        request.status = (
            EarlyHelpRequest.Status.CLOSED
            if episode.row.status == EarlyHelpEpisode.Status.CLOSED
            else EarlyHelpRequest.Status.ACCEPTED
        )
        episodes.append(episode)
    EarlyHelpRequest.objects.bulk_update(
        requests, ["status", "decided_by", "decided_at", "decline_reason"], batch_size=2000
    )
    save(episodes)
    stepped = sum(1 for e in episodes if e.row.outcome == EarlyHelpEpisode.Outcome.STEP_UP)
    summary = f"Early help: {len(episodes):,} episodes, {stepped:,} stepped up to the front door"
    record_event(kind="seed.early_help", by=None, summary=summary, data={"episodes": len(episodes)})
    context.say(summary)


def moment(day: date, hour: int) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


def later_contacts() -> dict[int, list[tuple[date, int]]]:
    """Each identified child's contacts, in date order: where a step up would have come in."""
    found: dict[int, list[tuple[date, int]]] = defaultdict(list)
    rows = ContactChild.objects.filter(person__isnull=False).order_by("contact__received_at", "contact_id")
    for person, received, contact in rows.values_list("person_id", "contact__received_at", "contact_id").iterator(
        chunk_size=5000
    ):
        found[person].append((timezone.localtime(received).date(), contact))
    return found


def plan_episode(
    rng: random.Random, faker: Faker, request: EarlyHelpRequest, by: User, today: date, council: str
) -> Episode:
    accepted = request.decided_at.date() if request.decided_at else request.requested_on
    started = accepted + timedelta(days=rng.randint(2, 15))
    row = EarlyHelpEpisode(request=request, person_id=request.person_id, accepted_on=accepted, accepted_by=by)
    row.created_at = moment(accepted, 11)
    episode = Episode(row)
    if started > today:
        return episode  # still waiting for the family's consent
    row.status, row.started_on = EarlyHelpEpisode.Status.OPEN, started
    if rng.random() < NO_CONSENT_SHARE:
        row.no_consent_reason = "The young person, aged 16, agreed to help; their parents could not be reached."
    else:
        row.consent_given_by, row.consent_given_on = rng.choice(CONSENTING), started
    planned_end = started + timedelta(days=rng.randint(30, 270))
    ends = planned_end if planned_end < today else None
    until = ends or today
    agency = rng.choice(list(AGENCIES))
    assessed = started + timedelta(days=rng.randint(0, 10))
    if assessed <= until:
        completed = assessed + timedelta(days=rng.randint(10, 40))
        organisation = rng.choice([f"{council} early help team", "Northgate Primary School", "Health visiting"])
        episode.assessment = EarlyHelpAssessment(
            started_on=assessed,
            completed_on=completed if completed <= until else None,
            organisation=organisation,
            needs=rng.choice(NEEDS),
            recorded_by=by,
            recorded_at=moment(assessed, 15),
        )
    episode.leads.append(lead(rng, faker, agency, started))
    if rng.random() < LEAD_CHANGE_SHARE:
        changed = started + timedelta(days=rng.randint(30, 120))
        if changed < until:
            episode.leads[0].ended_on = changed
            episode.leads.append(lead(rng, faker, rng.choice(list(AGENCIES)), changed))
    held = started + timedelta(days=rng.randint(14, 35))
    while held <= until:
        agencies = rng.sample(list(AGENCIES), rng.randint(2, 3))
        people = [TafAttendee(name=rng.choice(CONSENTING[:4]), agency="Family")]
        people += [TafAttendee(name=faker.name(), agency=a) for a in agencies]
        episode.meetings.append((TafMeeting(held_on=held, summary=rng.choice(MEETINGS), recorded_by=by), people))
        nxt = held + timedelta(weeks=rng.randint(6, 10))
        if episode.actions:
            # Every meeting after the first reviews the plan the first agreed.
            episode.reviews.append(
                PlanReview(reviewed_on=held, progress=rng.choice(PROGRESS), next_review_on=nxt, reviewed_by=by)
            )
        for outcome, action, owner in [] if episode.actions else rng.sample(PLAN, rng.randint(2, 3)):
            due = held + timedelta(weeks=rng.randint(4, 12))
            made = PlanAction(outcome=outcome, action=action, owner=owner, due_on=due, added_by=by)
            made.added_at = moment(held, 16)
            episode.actions.append(made)
        row.next_review_on, held = nxt, nxt
    if ends is not None:
        close(row, ends, rng.choice(OUTCOMES), by)
        for appointed in episode.leads:
            appointed.ended_on = appointed.ended_on or ends
    return episode


def lead(rng: random.Random, faker: Faker, agency: str, started: date) -> LeadProfessional:
    return LeadProfessional(name=faker.name(), agency=agency, role=rng.choice(AGENCIES[agency]), started_on=started)


def close(row: EarlyHelpEpisode, day: date, outcome: str, by: User, reason: str = "") -> None:
    row.status, row.closed_on, row.outcome, row.closed_by, row.next_review_on = (
        EarlyHelpEpisode.Status.CLOSED,
        day,
        outcome,
        by,
        None,
    )
    row.closure_reason = (
        reason
        or {
            EarlyHelpEpisode.Outcome.NEEDS_MET: "The plan's outcomes are met; the family knows where to come back to.",
            EarlyHelpEpisode.Outcome.WITHDREW: "The family withdrew their consent to early help.",
            EarlyHelpEpisode.Outcome.MOVED_AWAY: "The family moved to another council's area; the file went with them.",
        }[EarlyHelpEpisode.Outcome(outcome)]
    )


def step_up(
    rng: random.Random, episode: Episode, contacts: list[tuple[date, int]], used: set[int], today: date
) -> None:
    """Close the episode on the child's next contact with the front door, if it came while early help worked."""
    row = episode.row
    if row.started_on is None or not contacts:
        return
    until = row.closed_on or today
    at = bisect_right(contacts, (row.started_on + timedelta(days=28), 0))
    found = next(((day, pk) for day, pk in contacts[at:] if day <= until and pk not in used), None)
    if found is None or rng.random() >= STEP_UP_SHARE:
        return
    day, contact = found
    used.add(contact)
    reason = "Worries grew despite the plan: the family needs an assessment by children's social care."
    close(row, day, EarlyHelpEpisode.Outcome.STEP_UP, row.accepted_by, reason)  # type: ignore[arg-type]
    row.stepped_up_to_id = contact
    # Nothing recorded after the step up: the work moved to the front door that day.
    episode.meetings = [(m, people) for m, people in episode.meetings if m.held_on <= day]
    episode.reviews = [r for r in episode.reviews if r.reviewed_on <= day]
    episode.actions = episode.actions if episode.meetings else []
    for made in list(episode.leads):
        if made.started_on > day:
            episode.leads.remove(made)
        elif made.ended_on is None or made.ended_on > day:
            made.ended_on = day
    if episode.assessment is not None:
        if episode.assessment.started_on > day:
            episode.assessment = None
        elif episode.assessment.completed_on and episode.assessment.completed_on > day:
            episode.assessment.completed_on = None


def save(episodes: list[Episode]) -> None:
    EarlyHelpEpisode.objects.bulk_create([e.row for e in episodes], batch_size=2000)
    assessments, leads, meetings, actions, reviews = [], [], [], [], []
    for episode in episodes:
        if episode.assessment is not None:
            episode.assessment.episode = episode.row
            assessments.append(episode.assessment)
        for made in episode.leads:
            made.episode = episode.row
            leads.append(made)
        for meeting, _ in episode.meetings:
            meeting.episode = episode.row
            meetings.append(meeting)
        for action in episode.actions:
            action.episode = episode.row
            actions.append(action)
        for review in episode.reviews:
            review.episode = episode.row
            reviews.append(review)
    EarlyHelpAssessment.objects.bulk_create(assessments, batch_size=2000)
    LeadProfessional.objects.bulk_create(leads, batch_size=2000)
    TafMeeting.objects.bulk_create(meetings, batch_size=2000)
    PlanAction.objects.bulk_create(actions, batch_size=2000)
    PlanReview.objects.bulk_create(reviews, batch_size=2000)
    attendees = []
    for episode in episodes:
        for meeting, people in episode.meetings:
            for person in people:
                person.meeting = meeting
                attendees.append(person)
    TafAttendee.objects.bulk_create(attendees, batch_size=2000)
