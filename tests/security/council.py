"""The council the authorisation matrix visits: the demo council, the cast, and one of every record to ask for.

The demo council (`frontdoor seed`) is built by every app's own seed through
its services, so a record kind a new app adds is there without editing this
module. What the seed leaves out (a merge, a return build, an audit action, a
closure day, a partner's portal referral) is made here through the services.

`kwargs_for` fills a URL pattern's arguments from FILL. A pattern asking for an
argument FILL has no value for fails the matrix, naming the argument: add it
here, so that the new page is visited too.
"""

import fnmatch
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.db.models import Model
from django.utils import timezone

from frontdoor.accounts.models import Passkey, User
from frontdoor.accounts.roles import Role
from frontdoor.casework.models import Assessment, CinPlan, Referral
from frontdoor.contacts.models import Contact, QualitySample, ThresholdCriterion, ThresholdDecision, ThresholdLevel
from frontdoor.earlyhelp.models import EarlyHelpEpisode, EarlyHelpRequest
from frontdoor.insight.indicators import INDICATORS
from frontdoor.partners import portal
from frontdoor.partners.models import (
    InformationRequest,
    NotificationPerson,
    PartnerProfile,
    PoliceNotification,
    PortalReferral,
    TriageDecision,
    TriageMeeting,
)
from frontdoor.people import merging, safety
from frontdoor.people.models import DuplicateCandidate, Involvement, Person, Relationship, Residence, RestrictionReason
from frontdoor.protection.models import ChildProtectionPlan, Section47, StrategyDiscussion
from frontdoor.quality import services as quality
from frontdoor.quality.models import Audit, AuditProgramme, AuditTemplate
from frontdoor.records.models import Event
from frontdoor.retention.models import RetentionReview, RetentionRule
from frontdoor.returns import services as returns
from frontdoor.seeding import seed_council
from frontdoor.timescales import services as timescales
from frontdoor.workforce.models import SupervisionSession
from tests.conftest import CAST, make_user
from tests.factories import PersonFactory, UserFactory

OTHER_PARTNER = "other-partner"


@dataclass
class Council:
    """Who visits, and the records they ask for: `fill` for records anyone allowed may open, `restricted` for the
    same kinds of record about children whose records are restricted to people the cast is not among."""

    users: dict[str, User]
    fill: dict[str, dict[str, Any]]
    restricted: dict[str, dict[str, Any]] = field(default_factory=dict)


def _portal_referral(partner: User, organisation: str) -> PortalReferral:
    PartnerProfile.objects.get_or_create(
        user=partner, defaults={"organisation": organisation, "agency": PartnerProfile.Agency.SCHOOL}
    )
    child = portal.ChildDetails(first_name="Maya", last_name="Brook", date_of_birth=date(2017, 3, 1), address="")
    referral = portal.Referral(
        child=child, concern="Maya said she is scared to go home.", categories=(), family_aware="yes", consent="given"
    )
    return portal.submit_referral(by=partner, referral=referral)


def _first(rows: Iterable[Model], what: str) -> Any:
    found = next(iter(rows), None)
    assert found is not None, f"The demo council has no {what}: make one in tests/security/council.py"
    return found


def _people(obj: Model) -> set[int]:
    """The children a record is about: its access helper checks each of them."""
    if isinstance(obj, Person):
        return {obj.pk}
    if isinstance(obj, Contact):
        return set(obj.children.exclude(person=None).values_list("person_id", flat=True))
    if isinstance(obj, ThresholdDecision | QualitySample):
        contact = obj.contact_child.contact if isinstance(obj, ThresholdDecision) else obj.contact
        return _people(contact)
    if isinstance(obj, Referral | EarlyHelpEpisode | EarlyHelpRequest | InformationRequest):
        return {obj.person_id}
    if isinstance(obj, Assessment | CinPlan | Section47 | ChildProtectionPlan):
        return {obj.referral.person_id}
    if isinstance(obj, StrategyDiscussion):
        return set(obj.children.values_list("referral__person_id", flat=True))
    if isinstance(obj, Audit):
        return _people(obj.referral if obj.referral_id else obj.contact)
    if isinstance(obj, PoliceNotification):
        return set(obj.people.exclude(person=None).values_list("person_id", flat=True))
    if isinstance(obj, SupervisionSession):
        return set(obj.directions.values_list("person_id", flat=True))
    if isinstance(obj, NotificationPerson):
        return _people(obj.notification)
    raise AssertionError(f"Say which children a {type(obj).__name__} is about")


class _Picker:
    """Picks records about children none of whose records are restricted, and none of a set kept apart."""

    def __init__(self, avoid: set[int]) -> None:
        self.avoid = avoid
        self.restricted = set(Person.objects.filter(is_restricted=True).values_list("pk", flat=True))
        self.used: set[int] = set()

    def pick(self, rows: Iterable[Model], what: str) -> Any:
        for row in rows:
            people = _people(row)
            if people and not people & (self.avoid | self.restricted):
                self.used |= people
                return row
        raise AssertionError(f"The demo council has no {what} to visit: make one in tests/security/council.py")


def _records(picker: _Picker) -> dict[str, Model]:
    """One record of each kind that a URL asks for by ID, about children chosen by the picker."""
    pick = picker.pick
    # A child with a family and a home, so that the family pages have rows to act on.
    with_family = Referral.objects.filter(
        closed_on=None,
        assessments__isnull=False,
        person__relationships__ended_on=None,
        person__residences__isnull=False,
    )
    referral = pick(with_family.distinct().order_by("pk"), "open referral of a child with a family")
    contact = pick(Contact.objects.filter(children__person__isnull=False).distinct().order_by("-pk"), "contact")
    return {
        "person": referral.person,
        "contact": contact,
        "contact_decision": pick(ThresholdDecision.objects.order_by("-pk")[:200], "threshold decision"),
        "quality_sample": pick(QualitySample.objects.order_by("pk")[:200], "quality sample"),
        "referral": referral,
        "assessment": pick(Assessment.objects.filter(completed_on=None).order_by("pk")[:200], "open assessment"),
        "cin_plan": pick(CinPlan.objects.filter(ended_on=None).order_by("pk")[:200], "child in need plan"),
        "strategy_discussion": pick(StrategyDiscussion.objects.order_by("pk"), "strategy discussion"),
        "section_47": pick(Section47.objects.order_by("pk"), "section 47 enquiry"),
        "cp_plan": pick(ChildProtectionPlan.objects.order_by("pk"), "child protection plan"),
        "audit": pick(Audit.objects.order_by("pk"), "audit"),
        "notification": pick(PoliceNotification.objects.filter(people__person__isnull=False).distinct(), "notice"),
        "information_request": pick(InformationRequest.objects.order_by("pk"), "information request"),
        "early_help_request": pick(EarlyHelpRequest.objects.order_by("pk")[:200], "early help request"),
        "episode": pick(EarlyHelpEpisode.objects.filter(closed_on=None).order_by("pk")[:200], "early help episode"),
        "supervision_session": pick(
            SupervisionSession.objects.filter(directions__isnull=False).distinct().order_by("pk"), "supervision session"
        ),
    }


def build_council() -> Council:
    today = timezone.localdate()
    seed_council(size="demo", seed=1, today=today, say=lambda _: None)
    users = {role.value: make_user(role) for role in CAST}
    users[OTHER_PARTNER] = UserFactory(username="olu", role=Role.PARTNER, team=None)
    manager, qa, admin = users[Role.SERVICE_MANAGER], users[Role.QA_OFFICER], users[Role.ADMINISTRATOR]

    main = _records(_Picker(avoid=set()))
    person: Person = main["person"]
    contact: Contact = main["contact"]
    relationship = _first(Relationship.objects.filter(person=person, ended_on=None), "relationship of the person")
    relative = relationship.relative
    twins = PersonFactory.create_batch(2, first_name="Sam", last_name="Twin", date_of_birth=date(2018, 1, 1))
    merge = merging.merge_people(
        survivor=twins[0], merged=twins[1], by=manager, take_from_merged=[], expected_versions=(1, 1)
    )
    audit: Audit = main["audit"]
    task = _first(TriageDecision.objects.filter(outcome__in=TriageDecision.TASKS).order_by("pk"), "triage task")

    fill = {
        "*": {
            "person_id": person.pk,
            "relative_id": relative.pk,
            "residence_id": _first(Residence.objects.filter(person=person), "residence").pk,
            "relationship_id": relationship.pk,
            "involvement_id": (
                Involvement.objects.filter(person=person).first()
                or safety_involvement(person, manager)  # the person chosen may have no professional yet
            ).pk,
            "warning_id": safety.raise_warning(
                person=person, by=manager, kind="violence", details="Dog", review_on=today + timedelta(days=30)
            ).pk,
            "grant_id": safety.grant_access(person=person, by=manager, user=qa).pk,
            "source": "event",
            "item_id": _first(Event.objects.filter(child=person).order_by("pk"), "event about the person").pk,
            "candidate_id": _first(
                DuplicateCandidate.objects.filter(person_a__is_restricted=False, person_b__is_restricted=False),
                "duplicate pair",
            ).pk,
            "merge_id": merge.pk,
            "contact_id": contact.pk,
            "child_id": _first(contact.children.exclude(person=None), "child on the contact").pk,
            "sample_id": main["quality_sample"].pk,
            "level_id": _first(ThresholdLevel.objects.order_by("number"), "threshold level").pk,
            "criterion_id": _first(ThresholdCriterion.objects.order_by("pk"), "threshold criterion").pk,
            "assessment_id": main["assessment"].pk,
            "discussion_id": main["strategy_discussion"].pk,
            "section_47_id": main["section_47"].pk,
            "build_id": returns.request_annex_a(inspection_date=today, by=manager).pk,
            "session_id": main["supervision_session"].pk,
            "template_id": _first(AuditTemplate.objects.order_by("pk"), "audit template").pk,
            "programme_id": _first(AuditProgramme.objects.order_by("pk"), "audit programme").pk,
            "audit_id": audit.pk,
            "action_id": quality.add_audit_action(
                audit=audit, by=qa, action="Update the chronology", owner="Team manager", due_on=today
            ).pk,
            "notification_id": main["notification"].pk,
            "named_id": _first(main["notification"].people.exclude(person=None), "matched person").pk,
            "meeting_id": _first(TriageMeeting.objects.order_by("-pk"), "triage meeting").pk,
            "episode_id": main["episode"].pk,
            "slug": INDICATORS[0].slug,
            "user_id": users[Role.SOCIAL_WORKER].pk,
            "passkey_id": _passkey_outside_the_cast(users).pk,
            "closure_id": timescales.add_closure_day(day=today + timedelta(days=60), reason="Move", by=admin).pk,
            # Query parameters the API's schema marks required.
            "person": person.pk,
            "start": today.isoformat(),
            "days": 7,
            # The Django admin's own arguments: nobody in the cast is staff, so these are never reached.
            "object_id": users[Role.ADMINISTRATOR].pk,
            "id": users[Role.ADMINISTRATOR].pk,
            "content_type_id": 1,
            "app_label": "accounts",
        },
        # The same argument names mean different records in different places.
        "casework:*": {"referral_id": main["referral"].pk, "plan_id": main["cin_plan"].pk},
        "protection:*": {"referral_id": main["referral"].pk, "plan_id": main["cp_plan"].pk},
        "workforce:*": {"referral_id": main["referral"].pk},
        "retention:*": {
            "review_id": _first(
                RetentionReview.objects.filter(status=RetentionReview.Status.DUE), "retention review"
            ).pk,
            "rule_id": _first(RetentionRule.objects.order_by("pk"), "retention rule").pk,
        },
        "api:referral*": {"referral_id": main["referral"].pk},
        "api:cin-plan-*": {"plan_id": main["cin_plan"].pk},
        "api:cp-plan-*": {"plan_id": main["cp_plan"].pk},
        "contacts:*": {"decision_id": main["contact_decision"].pk},
        "partners:task-done": {"decision_id": task.pk},
        "api:triage-task-done": {"decision_id": task.pk},
        "api:chronology-significance": {"source": "events"},
        "api:caseloads": {"team": users[Role.SOCIAL_WORKER].team_id},
        "partners:portal*": {"referral_id": _portal_referral(users[Role.PARTNER], "Northbridge Primary").pk},
        "api:portal-referral*": {"referral_id": PortalReferral.objects.get(submitted_by=users[Role.PARTNER]).pk},
        "partners:*": {"request_id": main["information_request"].pk},
        "api:information-request*": {"request_id": main["information_request"].pk},
        "earlyhelp:*": {"request_id": main["early_help_request"].pk},
    }
    _portal_referral(users[OTHER_PARTNER], "Northbridge Health Visiting")
    # Restricted by a manager outside the cast, so that no one in the cast is named on these records.
    restrictor = User.objects.filter(role=Role.TEAM_MANAGER).exclude(pk__in=[u.pk for u in users.values()]).first()
    assert restrictor is not None, "The demo council has no team manager of its own"
    return Council(users=users, fill=fill, restricted=_restricted(picker_avoid=_used_people(main), by=restrictor))


def _passkey_outside_the_cast(users: dict[str, User]) -> Passkey:
    """A passkey of someone no visitor is, so every visitor is refused it (and none has to give it at sign-in)."""
    from webauthn.helpers import bytes_to_base64url

    from frontdoor.accounts import services as accounts
    from frontdoor.accounts.passkeys import RelyingParty
    from tests.accounts.authenticator import SoftwareAuthenticator

    owner = User.objects.filter(is_active=True).exclude(pk__in=[u.pk for u in users.values()]).first()
    assert owner is not None, "The demo council has no staff outside the cast"
    challenge = b"a-challenge-of-at-least-16-bytes"
    answer = SoftwareAuthenticator().register({"challenge": bytes_to_base64url(challenge)})
    passkey, _ = accounts.register_passkey(
        user=owner,
        name="Laptop",
        credential=answer,
        challenge=challenge,
        relying_party=RelyingParty(id="testserver", origin="http://testserver"),
        by=owner,
    )
    return passkey


def safety_involvement(person: Person, by: User) -> Involvement:
    from frontdoor.people import services as people

    professional = people.add_professional(by=by, name="Dr Okoye", role="GP", organisation="Northbridge Surgery")
    return people.add_involvement(person=person, professional=professional, by=by, started_on=None)


def _used_people(main: dict[str, Model]) -> set[int]:
    used: set[int] = set()
    for record in main.values():
        used |= _people(record)
    return used


def _restricted(*, picker_avoid: set[int], by: User) -> dict[str, dict[str, Any]]:
    """The same kinds of record about other children, whose records are then restricted to no one in the cast."""
    picker = _Picker(avoid=picker_avoid)
    records = _records(picker)
    for person in Person.objects.filter(pk__in=picker.used, is_restricted=False):
        safety.restrict_person(person=person, by=by, reason=RestrictionReason.values[0])
    contact: Contact = records["contact"]
    return {
        "*": {
            "person_id": records["person"].pk,
            "contact_id": contact.pk,
            "child_id": contact.children.exclude(person=None).first().pk,  # type: ignore[union-attr]
            "sample_id": records["quality_sample"].pk,
            "assessment_id": records["assessment"].pk,
            "discussion_id": records["strategy_discussion"].pk,
            "section_47_id": records["section_47"].pk,
            "audit_id": records["audit"].pk,
            "notification_id": records["notification"].pk,
            "episode_id": records["episode"].pk,
            "session_id": records["supervision_session"].pk,
        },
        "casework:*": {"referral_id": records["referral"].pk, "plan_id": records["cin_plan"].pk},
        "protection:*": {"referral_id": records["referral"].pk, "plan_id": records["cp_plan"].pk},
        "workforce:*": {"referral_id": records["referral"].pk},
        "api:referral*": {"referral_id": records["referral"].pk},
        "api:cin-plan-*": {"plan_id": records["cin_plan"].pk},
        "api:cp-plan-*": {"plan_id": records["cp_plan"].pk},
        "contacts:*": {"decision_id": records["contact_decision"].pk},
        "partners:*": {"request_id": records["information_request"].pk},
        "api:information-request*": {"request_id": records["information_request"].pk},
        "earlyhelp:*": {"request_id": records["early_help_request"].pk},
    }


class Unfillable(LookupError):
    pass


def kwargs_for(fill: dict[str, dict[str, Any]], name: str, wanted: Iterable[str]) -> dict[str, Any]:
    """The URL's arguments from the most specific entries of the fill map that match its name."""
    scopes = sorted((scope for scope in fill if fnmatch.fnmatchcase(name, scope)), key=len, reverse=True)
    kwargs = {}
    for argument in wanted:
        scope = next((scope for scope in scopes if argument in fill[scope]), None)
        if scope is None:
            raise Unfillable(argument)
        kwargs[argument] = fill[scope][argument]
    return kwargs
