"""What the synthetic council's front door did with its partners: daily triage meetings, the partner portal's
users and referrals, and information shared.

Each working day at half past nine the police and the front door meet over the notifications that came in since
the last meeting; every child gets a decision (no further action, Encompass to the school, early help, a contact
where the contacts seed has a police contact about that child soon after, the allocated worker of an open case,
MARAC for high risk), and most tasks are done by their due time. The last working day's notifications still wait.
The portal's partners are the demo's school safeguarding lead and a health visitor and GP practice; online
contacts from schools and health are their referrals, with feedback on most decided ones. A share of children with
an open referral have a partner's request for information, mostly answered within the clock.
"""

import random
from collections import defaultdict
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from frontdoor.accounts.models import User
from frontdoor.accounts.roles import Role
from frontdoor.casework.models import Referral
from frontdoor.contacts.models import Channel, Contact, ContactChild
from frontdoor.partners.models import (
    InformationRequest,
    InformationShare,
    MeetingAttendee,
    NotificationPerson,
    PartnerProfile,
    PoliceNotification,
    PortalReferral,
    TriageDecision,
    TriageMeeting,
)
from frontdoor.partners.sharing import ANSWER_WITHIN_WORKING_DAYS, URGENT_WITHIN_WORKING_DAYS
from frontdoor.partners.triage import school_day_start
from frontdoor.seeding import SeedContext
from frontdoor.timescales.calendar import add_working_days, council_calendar

Outcome = TriageDecision.Outcome
MEETING_TIME = time(9, 30)
POLICE_OFFICERS = ["DC Amy Lowe", "DS Ian Marsh", "PC Ruth Cole"]
HEALTH = ["Jo Bell, safeguarding nurse", "Sam Reid, health visitor"]
EDUCATION = ["Priya Nair, education safeguarding", "Tom Hale, inclusion officer"]
TASK_DONE_SHARE = 0.93
PORTAL_FEEDBACK_SHARE = 0.85
REQUEST_SHARE = {"demo": 0.12, "large": 0.04}  # of children with an open referral, asked about by a partner
PARTNERS = [
    ("partner", "Northbridge Primary", PartnerProfile.Agency.SCHOOL),
    ("partner.health", "Northbridge Health Visiting", PartnerProfile.Agency.HEALTH_VISITOR),
    ("partner.gp", "Mill Lane Surgery", PartnerProfile.Agency.GP),
]


def seed(context: SeedContext) -> dict[str, int]:
    counts = {"meetings": 0, "decisions": 0, "portal_referrals": 0, "requests": 0, "shares": 0}
    counts |= seed_meetings(context)
    counts |= seed_portal(context)
    counts |= seed_sharing(context)
    return counts


def aware(day: date, at: time) -> datetime:
    return timezone.make_aware(datetime.combine(day, at))


def seed_meetings(context: SeedContext) -> dict[str, int]:
    rng, today = context.rng, context.today
    chairs = list(
        User.objects.filter(role__in=[Role.CONTACT_OFFICER, Role.TEAM_MANAGER], is_active=True).order_by("pk")
    )
    first = PoliceNotification.objects.order_by("received_at").values_list("received_at", flat=True).first()
    if not chairs or first is None:
        return {}
    calendar = council_calendar()
    children = list(
        NotificationPerson.objects.filter(role__in=NotificationPerson.CHILD_ROLES)
        .select_related("notification")
        .order_by("notification__received_at", "id")
    )
    police_contacts = _police_contacts()
    open_cases = dict(
        Referral.objects.filter(closed_on=None, worker__isnull=False).values_list("person_id", "worker_id")
    )
    meetings, attendees, decisions = [], [], []
    triaged: dict[int, datetime] = {}
    day = timezone.localtime(first).date() + timedelta(days=1)
    last_meeting = add_working_days(today, -1, calendar=calendar)  # today's meeting has not happened yet
    waiting = iter(children)
    pending = next(waiting, None)
    while day <= last_meeting:
        if not calendar.is_working_day(day):
            day += timedelta(days=1)
            continue
        starts = aware(day, MEETING_TIME)
        chair = rng.choice(chairs)
        meeting = TriageMeeting(
            held_on=day, started_at=starts, chair=chair, closed_at=starts + timedelta(minutes=rng.randint(30, 90))
        )
        meeting.minutes = "Notifications since the last meeting discussed with the police; decisions as recorded."
        present = [("police", rng.choice(POLICE_OFFICERS))]
        present += [("health", rng.choice(HEALTH))] if rng.random() < 0.8 else []
        present += [("education", rng.choice(EDUCATION))] if rng.random() < 0.6 else []
        todays = []
        while pending is not None and pending.notification.received_at < starts:
            todays.append(pending)
            pending = next(waiting, None)
        meetings.append((meeting, present, todays))
        day += timedelta(days=1)
    TriageMeeting.objects.bulk_create([m for m, _, _ in meetings], batch_size=500)
    for meeting, present, todays in meetings:
        attendees += [MeetingAttendee(meeting=meeting, agency=agency, name=name) for agency, name in present]
        for child in todays:
            decision = _decide(rng, meeting, child, police_contacts, open_cases)
            decisions.append(decision)
            triaged[child.notification_id] = meeting.closed_at  # type: ignore[assignment]
    MeetingAttendee.objects.bulk_create(attendees, batch_size=2_000)
    TriageDecision.objects.bulk_create(decisions, batch_size=2_000)
    by_time: dict[datetime, list[int]] = defaultdict(list)
    for notification, at in triaged.items():
        by_time[at].append(notification)
    for at, ids in by_time.items():
        for start in range(0, len(ids), 500):
            PoliceNotification.objects.filter(pk__in=ids[start : start + 500]).update(triaged_at=at)
    return {"meetings": len(meetings), "decisions": len(decisions)}


def _police_contacts() -> dict[int, list[tuple[datetime, int]]]:
    """Police contacts about each known child: a contact decision links to one the contacts seed already made."""
    found: dict[int, list[tuple[datetime, int]]] = defaultdict(list)
    rows = ContactChild.objects.filter(contact__source="6", person__isnull=False).values_list(
        "person_id", "contact__received_at", "contact_id"
    )
    for person, received, contact in rows:
        found[person].append((received, contact))
    return found


def _decide(
    rng: random.Random,
    meeting: TriageMeeting,
    child: NotificationPerson,
    police_contacts: dict[int, list[tuple[datetime, int]]],
    open_cases: dict[int, int],
) -> TriageDecision:
    notification = child.notification
    decided_at = meeting.started_at + timedelta(minutes=rng.randint(5, 50))
    made = TriageDecision(meeting=meeting, child=child, decided_by=meeting.chair, decided_at=decided_at)
    received = notification.received_at
    contact = next(
        (
            c
            for at, c in police_contacts.get(child.person_id or 0, [])
            if received <= at <= received + timedelta(days=3)
        ),
        None,
    )
    if contact is not None:
        made.outcome, made.contact_id = Outcome.CONTACT, contact
    elif child.person_id in open_cases and rng.random() < 0.9:
        made.outcome, made.assigned_to_id = Outcome.ALLOCATED_WORKER, open_cases[child.person_id]
        made.due_at = aware(add_working_days(meeting.held_on, 1), time(17))
    elif notification.dash_risk == PoliceNotification.Risk.HIGH and not notification.marac_referral:
        made.outcome, made.assigned_to = Outcome.MARAC, meeting.chair
        made.due_at = aware(add_working_days(meeting.held_on, 1), time(17))
    else:
        made.outcome = rng.choices([Outcome.NFA, Outcome.ENCOMPASS], weights=[45, 55])[0]
        if made.outcome == Outcome.ENCOMPASS:
            made.assigned_to, made.due_at = meeting.chair, school_day_start(meeting.started_at)
    if made.due_at is not None and rng.random() < TASK_DONE_SHARE:
        made.done_at = decided_at + timedelta(hours=rng.uniform(0.2, 5))
        made.done_by_id = made.assigned_to_id or meeting.chair_id
    return made


def seed_portal(context: SeedContext) -> dict[str, int]:
    """The partners' accounts, and the online contacts from schools and health as their portal referrals."""
    rng = context.rng
    users = {u.username: u for u in User.objects.filter(role=Role.PARTNER)}
    profiles = []
    for username, organisation, agency in PARTNERS:
        user = users.get(username)
        if user is None:
            user = User.objects.create(
                username=username,
                role=Role.PARTNER,
                first_name=context.faker.first_name(),
                last_name=context.faker.last_name(),
                job_title="Safeguarding lead",
            )
            user.set_unusable_password()
            user.save(update_fields=["password"])
        profiles.append(PartnerProfile(user=user, organisation=organisation, agency=agency, phone="0300 555 0100"))
    PartnerProfile.objects.bulk_create(profiles)
    by_source = {p.agency: p.user for p in profiles}
    online = Contact.objects.filter(channel=Channel.ONLINE, source__in=list(by_source)).order_by("id")
    # The child each partner named: the first child on the contact, as the portal keeps it.
    named = {}
    for contact_id, first, last, born in (
        ContactChild.objects.filter(contact__in=online, person__isnull=False)
        .order_by("-id")
        .values_list("contact_id", "person__first_name", "person__last_name", "person__date_of_birth")
    ):
        named[contact_id] = f"{first} {last}" + (f", born {born:%d/%m/%Y}" if born else ", date of birth not known")
    made = []
    for contact in online.only("id", "source", "received_at", "status", "referrer_told_at"):
        referral = PortalReferral(
            contact=contact,
            submitted_by=by_source[contact.source],
            submitted_at=contact.received_at,
            child_described=named.get(contact.pk, ""),
        )
        if contact.status == Contact.Status.CLOSED and rng.random() < PORTAL_FEEDBACK_SHARE:
            referral.feedback = rng.choice(FEEDBACK)
            referral.feedback_at = contact.referrer_told_at or contact.received_at + timedelta(days=1)
        made.append(referral)
    PortalReferral.objects.bulk_create(made, batch_size=2_000)
    return {"portal_referrals": len(made)}


FEEDBACK = [
    "Thank you for your referral. We have offered the family early help; the early help team will be in touch.",
    "We have started a social work assessment. The social worker will contact you for your view.",
    "We have given the family advice and information. Please refer again if your worries continue.",
    "This did not meet the threshold for children's social care. We have signposted the family to support.",
]
ASKED = [
    ("health", "Northbridge Health Visiting", "Is the family known to children's services?"),
    ("education", "Northbridge Primary", "Are there any current concerns we should know about?"),
    ("police", "Northbridge Police", "Is there an open case and an allocated worker?"),
    ("health", "Northbridge Hospital", "Is the child subject to a plan?"),
]


def seed_sharing(context: SeedContext) -> dict[str, int]:
    rng, today = context.rng, context.today
    staff = list(
        User.objects.filter(role__in=[Role.CONTACT_OFFICER, Role.SOCIAL_WORKER], is_active=True).order_by("pk")
    )
    if not staff:
        return {}
    cases = list(Referral.objects.filter(closed_on=None).values_list("person_id", "referral_date").order_by("id"))
    asked = [c for c in cases if rng.random() < REQUEST_SHARE[context.size]]
    requests, shares = [], []
    for person, opened in asked:
        agency, organisation, question = rng.choice(ASKED)
        received_on = opened + timedelta(days=rng.randint(0, max(0, (today - opened).days)))
        urgent = rng.random() < 0.15
        due = add_working_days(received_on, URGENT_WITHIN_WORKING_DAYS if urgent else ANSWER_WITHIN_WORKING_DAYS)
        request = InformationRequest(
            person_id=person,
            agency=agency,
            requester=f"{context.faker.name()}, safeguarding lead",
            organisation=organisation,
            asked_for=question,
            purpose="To plan our support for the child safely.",
            urgent=urgent,
            received_at=aware(received_on, time(rng.randint(9, 16))),
            due_on=due,
            recorded_by=rng.choice(staff),
        )
        answered_on = add_working_days(received_on, rng.choice([0, 1, 1, 2, 2, 3, 4]))
        if answered_on < today:
            request.status = InformationRequest.Status.ANSWERED
            request.closed_at = aware(answered_on, time(15))
            shares.append(
                InformationShare(
                    person_id=person,
                    request=request,
                    agency=agency,
                    recipient=request.requester,
                    organisation=organisation,
                    shared_on=answered_on,
                    what="Whether the child is known, the open case and the allocated worker's name.",
                    purpose=request.purpose,
                    basis=InformationShare.Basis.PUBLIC_TASK,
                    condition=InformationShare.Condition.SAFEGUARDING,
                    family_informed=rng.random() < 0.8,
                    recorded_by=request.recorded_by,
                )
            )
            if not shares[-1].family_informed:
                shares[-1].not_informed_reason = "Telling the family could put the child at risk."
        requests.append(request)
    InformationRequest.objects.bulk_create(requests, batch_size=2_000)
    for share in shares:
        share.request_id = share.request.pk  # type: ignore[union-attr]
    InformationShare.objects.bulk_create(shares, batch_size=2_000)
    return {"requests": len(requests), "shares": len(shares)}
