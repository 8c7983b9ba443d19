"""Every page and API endpoint that shows a child's record writes an access-log row.

The URLs come from the resolver and the OpenAPI schema, not from a list kept by
hand: a URL added later fails here until it is declared either in COVERED (how
to fill its arguments and which child it concerns) or in EXEMPT (why it shows
no one child's record). The visits run against the demo council, each inside
its own rolled-back transaction, so one visit's writes never reach the next.
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from django.db import models, transaction
from django.test import Client, override_settings
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, resolve, reverse
from django.utils import timezone
from drf_spectacular.generators import SchemaGenerator

from frontdoor.accounts.models import User
from frontdoor.accounts.roles import Role
from frontdoor.casework.models import Assessment, CinPlan, Referral
from frontdoor.contacts.models import ContactChild, QualitySample, ThresholdDecision
from frontdoor.earlyhelp.models import EarlyHelpEpisode, EarlyHelpRequest
from frontdoor.partners.models import InformationRequest, NotificationPerson, PortalReferral, TriageDecision
from frontdoor.people.merging import merge_people
from frontdoor.people.models import (
    DuplicateCandidate,
    Involvement,
    Person,
    Relationship,
    Residence,
    RestrictionGrant,
    Warning,
)
from frontdoor.people.safety import grant_access
from frontdoor.protection.models import ChildProtectionPlan, Section47, StrategyChild
from frontdoor.quality.models import Audit, AuditAction
from frontdoor.quality.services import add_audit_action
from frontdoor.records.models import AccessLog, ChronologyEntry, Event
from frontdoor.retention.models import RetentionReview
from tests.conftest import CAST, make_user
from tests.factories import PersonFactory

Filled = tuple[dict[str, Any], Person]


@dataclass(frozen=True)
class Visit:
    """How to open one URL: its arguments and the child it concerns, and who opens it."""

    fill: Callable[[], Filled]
    role: Role = Role.TEAM_MANAGER
    # For pages only one user may open (the partner who wrote it, the case's worker): that user, from the arguments.
    opener: Callable[[dict[str, Any]], User] | None = None


def one[M: models.Model](model: type[M], **filters: Any) -> M:
    """A record of the demo council's that an allowed user may open: never a restricted child's."""
    found = model.objects.filter(**filters).order_by("pk").first()  # type: ignore[attr-defined]
    assert found is not None, f"The demo council has no {model.__name__} matching {filters}"
    return found


def cast(role: Role) -> User:
    """The test's named user for the role, made before the visits begin."""
    return User.objects.get(username=CAST[role][0])


OPEN_CHILD = {"is_restricted": False, "merged_into": None}


def child() -> Person:
    return one(Person, **OPEN_CHILD, referrals__isnull=False)


def person(*keys: str) -> Callable[[], Filled]:
    def fill() -> Filled:
        someone = child()
        return dict.fromkeys(keys or ("person_id",), someone.pk), someone

    return fill


def chronology_item(source: str) -> Callable[[], Filled]:
    """An event on a child's chronology: the pages call the source 'event', the API 'events'."""

    def fill() -> Filled:
        entry = one(Event, child__is_restricted=False, child__merged_into=None, kind="referral.opened")
        assert entry.child is not None
        return {"person_id": entry.child_id, "source": source, "item_id": entry.pk}, entry.child

    return fill


def by_person[M: models.Model](model: type[M], key: str, **filters: Any) -> Callable[[], Filled]:
    """A record with a `person`, and the URL's `person_id` beside its own id."""

    def fill() -> Filled:
        found = one(model, person__is_restricted=False, person__merged_into=None, **filters)
        return {"person_id": found.person_id, key: found.pk}, found.person  # type: ignore[attr-defined]

    return fill


def relative() -> Filled:
    """A child and a relative of theirs whose records may be opened: the URL names both."""
    found = one(
        Relationship,
        person__is_restricted=False,
        person__merged_into=None,
        relative__is_restricted=False,
        relative__merged_into=None,
    )
    return {"person_id": found.person_id, "relative_id": found.relative_id}, found.person


def referral(key: str = "referral_id") -> Callable[[], Filled]:
    def fill() -> Filled:
        found = one(Referral, person__is_restricted=False)
        return {key: found.pk}, found.person

    return fill


def through_referral[M: models.Model](model: type[M], key: str, **filters: Any) -> Callable[[], Filled]:
    def fill() -> Filled:
        found = one(model, referral__person__is_restricted=False, **filters)
        return {key: found.pk}, found.referral.person  # type: ignore[attr-defined]

    return fill


def contact(*, with_decision: bool = False) -> Callable[[], Filled]:
    def fill() -> Filled:
        found = one(ContactChild, person__is_restricted=False, decisions__isnull=not with_decision)
        assert found.person is not None
        kwargs = {"contact_id": found.contact_id}
        if with_decision:
            kwargs["child_id"] = found.pk
        return kwargs, found.person

    return fill


def decision() -> Filled:
    found = one(ThresholdDecision, contact_child__person__is_restricted=False)
    return {"decision_id": found.pk}, found.contact_child.person  # type: ignore[return-value]


def quality_sample() -> Filled:
    found = one(QualitySample, contact__children__person__is_restricted=False)
    return {"sample_id": found.pk}, found.contact.children.exclude(person=None).first().person  # type: ignore[union-attr]


def strategy() -> Filled:
    found = one(StrategyChild, referral__person__is_restricted=False)
    return {"discussion_id": found.discussion_id}, found.referral.person


def audit(key: str = "audit_id") -> Callable[[], Filled]:
    def fill() -> Filled:
        found = one(Audit, referral__person__is_restricted=False)
        assert found.referral is not None
        return {key: found.pk}, found.referral.person

    return fill


def audit_action() -> Filled:
    """The demo council's audits set no actions yet: set one on a graded audit, as quality assurance would."""
    graded = one(Audit, referral__person__is_restricted=False, referral__worker__isnull=False, status="graded")
    found = add_audit_action(
        audit=graded, by=cast(Role.QA_OFFICER), action="Visit again", owner="Social worker", due_on=timezone.localdate()
    )
    assert found.audit.referral is not None
    return {"action_id": found.pk}, found.audit.referral.person


def duplicate() -> Filled:
    found = one(DuplicateCandidate, person_a__is_restricted=False, person_b__is_restricted=False)
    return {"candidate_id": found.pk}, found.person_a


def named_on_notification() -> Filled:
    found = one(NotificationPerson, person__is_restricted=False)
    assert found.person is not None
    return {"named_id": found.pk}, found.person


def notification() -> Filled:
    kwargs, someone = named_on_notification()
    return {"notification_id": NotificationPerson.objects.get(pk=kwargs["named_id"]).notification_id}, someone


def triage_task() -> Filled:
    found = one(TriageDecision, child__person__is_restricted=False, done_at=None, assigned_to__isnull=False)
    assert found.child.person is not None
    return {"decision_id": found.pk}, found.child.person


def portal_referral() -> Filled:
    found = one(PortalReferral, contact__children__person__is_restricted=False)
    return {"referral_id": found.pk}, found.contact.children.exclude(person=None).first().person  # type: ignore[union-attr]


def portal_author(kwargs: dict[str, Any]) -> User:
    return PortalReferral.objects.get(pk=kwargs["referral_id"]).submitted_by


def task_holder(kwargs: dict[str, Any]) -> User:
    holder = TriageDecision.objects.get(pk=kwargs["decision_id"]).assigned_to
    assert holder is not None
    return holder


def case_worker(kwargs: dict[str, Any]) -> User:
    """The case's social worker: only they, or their manager, answer an audit."""
    if "action_id" in kwargs:
        case = AuditAction.objects.get(pk=kwargs["action_id"]).audit.referral
    else:
        case = Audit.objects.get(pk=kwargs["audit_id"]).referral
    assert case is not None and case.worker is not None
    return case.worker


def information_request() -> Filled:
    found = one(InformationRequest, person__is_restricted=False, status=InformationRequest.Status.OPEN)
    return {"request_id": found.pk}, found.person


def early_help_request() -> Filled:
    found = one(EarlyHelpRequest, person__is_restricted=False, status=EarlyHelpRequest.Status.OPEN)
    return {"request_id": found.pk}, found.person


def episode() -> Filled:
    found = one(EarlyHelpEpisode, person__is_restricted=False)
    return {"episode_id": found.pk}, found.person


def restricted_grant() -> Filled:
    """A grant on a restricted child, which only a manager who holds a grant of their own may open."""
    found = one(RestrictionGrant, revoked_at=None)
    manager = cast(Role.TEAM_MANAGER)
    if not found.person.restriction_grants.filter(user=manager, revoked_at=None).exists():
        grant_access(person=found.person, by=one(User, role=Role.SERVICE_MANAGER), user=manager)
    return {"person_id": found.person_id, "grant_id": found.pk}, found.person


def merge() -> Filled:
    """The demo council has no merges: merge two records of one child, as a data officer would."""
    survivor = child()
    twin = PersonFactory(first_name=survivor.first_name, last_name=survivor.last_name)
    done = merge_people(
        survivor=survivor,
        merged=twin,
        by=cast(Role.TEAM_MANAGER),
        take_from_merged=[],
        expected_versions=(survivor.version, twin.version),
    )
    return {"merge_id": done.pk}, survivor


def chronology_entry_page() -> Filled:
    found = one(ChronologyEntry, child__is_restricted=False)
    return {"person_id": found.child_id, "source": "entry", "item_id": found.pk}, found.child


PEOPLE = {
    "people:detail": Visit(person()),
    "people:edit": Visit(person()),
    "people:family": Visit(person()),
    "people:access-log": Visit(person(), role=Role.QA_OFFICER),
    "people:access-log-csv": Visit(person(), role=Role.QA_OFFICER),
    "people:chronology:show": Visit(person()),
    "people:chronology:family": Visit(person()),
    "people:chronology:print": Visit(person()),
    "people:chronology:add": Visit(person()),
    "people:chronology:mark": Visit(chronology_item("event")),
    "people:chronology:unmark": Visit(chronology_item("event")),
    "people:add-other-name": Visit(person()),
    "people:add-identifier": Visit(person()),
    "people:move": Visit(person()),
    "people:end-residence": Visit(by_person(Residence, "residence_id", moved_out=None)),
    "people:join-household": Visit(relative),
    "people:add-relationship": Visit(person()),
    "people:end-relationship": Visit(by_person(Relationship, "relationship_id")),
    "people:add-involvement": Visit(person()),
    "people:end-involvement": Visit(by_person(Involvement, "involvement_id")),
    "people:raise-warning": Visit(person()),
    "people:review-warning": Visit(by_person(Warning, "warning_id", ended_at=None)),
    "people:end-warning": Visit(by_person(Warning, "warning_id", ended_at=None)),
    "people:restriction": Visit(person()),
    "people:lift-restriction": Visit(person()),
    "people:revoke-grant": Visit(restricted_grant),
    "people:compare": Visit(duplicate),
    "people:not-duplicate": Visit(duplicate),
    "people:merge": Visit(merge),
    "people:undo-merge": Visit(merge),
    "api:person-detail": Visit(person()),
    "api:person-access-log": Visit(person(), role=Role.QA_OFFICER),
    "api:chronology": Visit(person()),
    "api:chronology-entries": Visit(person()),
    "api:chronology-significance": Visit(chronology_item("events")),
}

CONTACTS = {
    "contacts:detail": Visit(contact()),
    "contacts:pick-up": Visit(contact()),
    "contacts:release": Visit(contact()),
    "contacts:tell-referrer": Visit(contact()),
    "contacts:decide": Visit(contact(with_decision=True)),
    "contacts:review": Visit(decision),
    "contacts:review-sample": Visit(quality_sample),
    "api:contact-detail": Visit(contact()),
    "api:contact-decision": Visit(contact(with_decision=True)),
}

CASEWORK = {
    "casework:referral": Visit(referral()),
    "casework:allocate": Visit(referral()),
    "casework:primary-need": Visit(referral()),
    "casework:close": Visit(referral()),
    "casework:start-assessment": Visit(referral()),
    "casework:start-cin-plan": Visit(referral()),
    "casework:review-cin-plan": Visit(through_referral(CinPlan, "plan_id")),
    "casework:end-cin-plan": Visit(through_referral(CinPlan, "plan_id")),
    **{
        f"casework:{name}": Visit(through_referral(Assessment, "assessment_id"))
        for name in ("assessment", "edit-assessment", "autosave-assessment", "submit-assessment")
    },
    "casework:authorise-assessment": Visit(through_referral(Assessment, "assessment_id")),
    "casework:amend-assessment": Visit(through_referral(Assessment, "assessment_id")),
    "workforce:give-direction": Visit(referral()),
    "api:referral-detail": Visit(referral()),
    "api:referral-close": Visit(referral()),
    "api:referral-assessments": Visit(referral()),
    "api:referral-cin-plans": Visit(referral()),
    "api:referral-allocations": Visit(referral()),
    **{
        f"api:assessment-{name}": Visit(through_referral(Assessment, "assessment_id"))
        for name in ("detail", "submit", "authorise", "return", "amend")
    },
    "api:cin-plan-reviews": Visit(through_referral(CinPlan, "plan_id")),
    "api:cin-plan-end": Visit(through_referral(CinPlan, "plan_id")),
}

PROTECTION = {
    "protection:record-strategy": Visit(referral()),
    "protection:record-order": Visit(referral()),
    "protection:strategy": Visit(strategy),
    **{
        f"protection:{name}": Visit(through_referral(Section47, "section_47_id"))
        for name in ("section-47", "section-47-outcome", "conference")
    },
    **{
        f"protection:{name}": Visit(through_referral(ChildProtectionPlan, "plan_id"))
        for name in ("plan", "review", "core-group", "visit", "end")
    },
    "api:strategy-discussion-detail": Visit(strategy),
    **{
        f"api:{name}": Visit(through_referral(Section47, "section_47_id"))
        for name in ("section-47-detail", "section-47-outcome", "section-47-conference")
    },
    **{
        f"api:{name}": Visit(through_referral(ChildProtectionPlan, "plan_id"))
        for name in ("cp-plan-detail", "cp-plan-reviews", "cp-plan-core-groups", "cp-plan-visits", "cp-plan-end")
    },
}

QUALITY = {
    **{f"quality:{name}": Visit(audit()) for name in ("audit", "moderate", "add-action")},
    "quality:respond": Visit(audit(), opener=case_worker),
    "quality:complete-action": Visit(audit_action, opener=case_worker),
    **{f"api:{name}": Visit(audit()) for name in ("audit-detail", "audit-grade", "audit-moderation")},
}

PARTNERS = {
    "partners:notification": Visit(notification),
    "partners:match": Visit(named_on_notification),
    "partners:task-done": Visit(triage_task, opener=task_holder),
    "partners:portal-referral": Visit(portal_referral, role=Role.PARTNER, opener=portal_author),
    "partners:portal-feedback": Visit(portal_referral),
    "partners:new-information-request": Visit(person()),
    "partners:new-information-share": Visit(person()),
    "partners:information-request": Visit(information_request),
    "partners:decline-information-request": Visit(information_request),
    "api:police-notification": Visit(notification),
    "api:police-notification-match": Visit(named_on_notification),
    "api:triage-task-done": Visit(triage_task, opener=task_holder),
    "api:portal-referral": Visit(portal_referral, role=Role.PARTNER, opener=portal_author),
    "api:portal-referral-feedback": Visit(portal_referral),
    "api:information-request-decline": Visit(information_request),
}

EARLY_HELP = {
    "earlyhelp:accept": Visit(early_help_request),
    "earlyhelp:decline": Visit(early_help_request),
    **{
        f"earlyhelp:{name}": Visit(episode, role=Role.EARLY_HELP_PRACTITIONER)
        for name in ("episode", "start", "assessment", "lead-professional", "taf-meeting", "plan-action", "review")
    },
    "earlyhelp:close": Visit(episode, role=Role.EARLY_HELP_PRACTITIONER),
    **{
        f"api:early-help-{name}": Visit(episode, role=Role.EARLY_HELP_PRACTITIONER)
        for name in ("episode", "assessment", "closure")
    },
}


def retention_review() -> Filled:
    """A record due for its retention review: the review shows whose record it is before a manager decides."""
    found = one(RetentionReview, status=RetentionReview.Status.DUE, person__is_restricted=False)
    return {"review_id": found.pk}, found.person


RETENTION = {
    **{
        f"retention:{name}": Visit(retention_review, role=Role.SERVICE_MANAGER)
        for name in ("review", "keep", "hold", "anonymise")
    },
    "retention:subject-access": Visit(person(), role=Role.SERVICE_MANAGER),
    "api:subject-access-export": Visit(person(), role=Role.SERVICE_MANAGER),
}

COVERED: dict[str, Visit] = PEOPLE | CONTACTS | CASEWORK | PROTECTION | QUALITY | PARTNERS | EARLY_HELP | RETENTION

LIST = "a list scoped to the user; each row links to the child's own page, which logs the read"
FORM = "a form that names no child until it is submitted; the record it makes is written by a service"
COUNCIL = "council-wide settings or figures: no child's record"
STAFF = "about a member of staff, not a child"
EXEMPT: dict[str, str] = {
    "home": "the user's home page: links only",
    "login": "signing in",
    "logout": "signing out",
    "accessibility": "the accessibility statement",
    "privacy": "the privacy notice",
    "api-schema": "the OpenAPI schema",
    "api-docs": "the API documentation",
    "api:me": "the signed-in user's own account",
    "api:council": COUNCIL,
    "api:working-days": COUNCIL,
    "accounts:council": COUNCIL,
    "accounts:teams": COUNCIL,
    "accounts:staff": STAFF,
    "accounts:add-staff": STAFF,
    "accounts:edit-staff": STAFF,
    "accounts:staff-account": STAFF,
    "accounts:staff-password": STAFF,
    "accounts:staff-mfa": STAFF,
    "accounts:security": "the signed-in user's own account",
    "accounts:mfa-set-up": "the signed-in user's own account",
    "accounts:mfa-recovery-codes": "the signed-in user's own account",
    "accounts:mfa-replace-recovery-codes": "the signed-in user's own account",
    "accounts:passkey-add": "the signed-in user's own account",
    "accounts:passkey-remove": "the signed-in user's own account",
    "sign-in-code": "signing in",
    "sso-sign-in": "signing in",
    "sso-callback": "signing in",
    "healthz": "the health check: whether the database answers",
    "retention:queue": LIST,
    "retention:review-now": "runs the review, which lists records due; each one's review page logs the read",
    "retention:change-rule": COUNCIL,
    "records:staff-access-log": STAFF + "; reading it is written to the event log",
    "records:staff-access-log-csv": STAFF + "; downloading it is written to the event log",
    "api:staff-access-log": STAFF + "; reading it is written to the event log",
    "timescales:overview": COUNCIL,
    "timescales:add-closure-day": COUNCIL,
    "timescales:remove-closure-day": COUNCIL,
    "records:events": "the event log for auditors: summaries across every child, filtered by area",
    "people:search": LIST,
    "people:create": FORM,
    "people:add-professional": "a professional's details, not a child's",
    "people:overdue-warnings": LIST,
    "people:duplicates": LIST,
    "people:find-duplicates": "starts the duplicate sweep: shows no record",
    "contacts:queue": LIST,
    "contacts:mine": LIST,
    "contacts:new": FORM,
    "contacts:tray": LIST,
    "contacts:handover": LIST,
    "contacts:acknowledge": "acknowledges the night's handover as a whole: shows no record",
    "contacts:quality": LIST,
    "contacts:draw-sample": "draws the quality sample: shows no record",
    "contacts:thresholds": COUNCIL,
    "contacts:edit-level": COUNCIL,
    "contacts:add-criterion": COUNCIL,
    "contacts:criterion-in-use": COUNCIL,
    "contacts:policy": COUNCIL,
    "contacts:call-figures": COUNCIL,
    "contacts:import-calls": "call events carry no child",
    "casework:my-assessments": LIST,
    "casework:overdue": LIST,
    "casework:authorisations": LIST,
    "protection:plans": LIST,
    "protection:awaiting-conference": LIST,
    "returns:index": COUNCIL,
    "returns:build-census": "starts a statutory return build: shows no record",
    "returns:build-annex-a": "starts a statutory return build: shows no record",
    "returns:build": "a return build's status and validation summary",
    "returns:build-progress": "a return build's progress",
    "returns:download": "the statutory return file for the DfE or Ofsted, prepared by named roles, logged as an event",
    "returns:quality": LIST,
    "workforce:team": STAFF,
    "workforce:unallocated": LIST,
    "workforce:policy": COUNCIL,
    "workforce:worker": STAFF,
    "workforce:supervision": STAFF,
    "workforce:oversight": LIST,
    "workforce:record-supervision": STAFF,
    "workforce:book-supervision": STAFF,
    "workforce:supervision-session": STAFF + "; its case directions link to each child's page",
    "quality:index": LIST,
    "quality:templates": COUNCIL,
    "quality:template": COUNCIL,
    "quality:programme": LIST,
    "quality:report": COUNCIL,
    "partners:police": LIST,
    "partners:import": "imports a file of notifications; matching is done on each notification's page",
    "partners:unmatched": LIST,
    "partners:meetings": LIST,
    "partners:meeting": "the daily triage meeting's agenda: " + LIST,
    "partners:decide": "decides the meeting's agenda rows; each child's notification page logs the read",
    "partners:close-meeting": "closes the meeting: shows no record",
    "partners:portal": LIST,
    "partners:portal-new": FORM,
    "partners:sharing": LIST,
    "partners:tasks": LIST,
    "earlyhelp:episodes": LIST,
    "earlyhelp:requests": LIST,
    "earlyhelp:new-request": FORM,
    "insight:dashboard": COUNCIL,
    "insight:records": "an indicator's records: " + LIST,
    "insight:records-csv": "an indicator's records as CSV, logged as an event: " + LIST,
    "api:call-events": "call events carry no child",
    "api:early-help-episodes": LIST,
    "api:early-help-requests": LIST,
    "api:contacts": LIST,
    "api:indicators": COUNCIL,
    "api:indicator": COUNCIL,
    "api:people": LIST,
    "api:referrals": LIST,
    "api:caseloads": STAFF,
    "api:supervision": STAFF,
    "api:supervision-detail": STAFF,
    "api:police-notifications": LIST,
    "api:triage-meetings": LIST,
    "api:triage-meeting": "the daily triage meeting's agenda: " + LIST,
    "api:triage-meeting-decisions": "decides the meeting's agenda rows; each notification's endpoint logs the read",
    "api:triage-meeting-close": "closes the meeting: shows no record",
    "api:triage-tasks": LIST,
    "api:portal-referrals": LIST,
    "api:information-requests": LIST,
    "api:information-shares": LIST,
    "api:audit-programmes": LIST,
    "api:audits": LIST,
    "api:strategy-discussions": LIST,
    "api:cp-plans": LIST,
}


def url_names(patterns: list[Any], namespace: str = "") -> Iterator[str]:
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace == "admin":
                continue  # Django's admin has its own log and is for administrators only.
            prefix = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from url_names(pattern.url_patterns, prefix)
        elif isinstance(pattern, URLPattern):
            assert pattern.name, f"Every URL needs a name to be classified: {pattern.pattern} has none"
            yield namespace + pattern.name


def schema_paths() -> set[str]:
    schema = SchemaGenerator().get_schema(request=None, public=True)
    return set(schema["paths"])


def test_every_url_is_either_checked_for_access_logging_or_exempt_with_a_reason() -> None:
    names = set(url_names(get_resolver().url_patterns))
    unclassified = names - COVERED.keys() - EXEMPT.keys()
    assert not unclassified, f"Classify these URLs in COVERED or EXEMPT: {sorted(unclassified)}"
    assert not COVERED.keys() & EXEMPT.keys(), "A URL is either covered or exempt, not both"
    gone = (COVERED.keys() | EXEMPT.keys()) - names
    assert not gone, f"These classified URLs no longer exist: {sorted(gone)}"


def test_every_endpoint_in_the_api_schema_is_classified_by_its_url_name() -> None:
    for path in schema_paths():
        concrete = path.replace("{source}", "event")
        for argument in ("{", "}"):
            concrete = concrete.replace(argument, "")
        # Each {name_id} becomes a number so the resolver can match the path.
        concrete = "/".join("1" if part.endswith("_id") or part == "slug" else part for part in concrete.split("/"))
        match = resolve(concrete)
        name = f"{match.namespace}:{match.url_name}" if match.namespace else match.url_name
        assert name in COVERED or name in EXEMPT, f"{path} ({name}) is in the API schema but not classified"


@pytest.fixture
def demo_council(db: None) -> None:
    from django.core.management import call_command

    with override_settings(DEBUG=True):
        call_command("seed", "--size", "demo", "--seed", "1", verbosity=0, stdout=open("/dev/null", "w"))  # noqa: SIM115


def visit(client: Client, name: str, kwargs: dict[str, Any]) -> int:
    """Open the URL as a reader would; a URL that only takes a POST gets an empty one (its form is refused)."""
    url = reverse(name, kwargs=kwargs)
    status = client.get(url).status_code
    if status == 405:
        as_json = {"content_type": "application/json"} if url.startswith("/api/") else {}
        status = client.post(url, data={}, **as_json).status_code
    return status


def test_every_child_scoped_page_and_endpoint_logs_who_read_which_child(demo_council: None) -> None:
    openers = {role: make_user(role) for role in {visit.role for visit in COVERED.values()}}
    failures = []
    for name, how in sorted(COVERED.items()):
        with transaction.atomic():
            try:
                kwargs, concerned = how.fill()
                reverse(name, kwargs=kwargs)
            except (NoReverseMatch, AssertionError) as problem:
                failures.append(f"{name}: its arguments cannot be filled: {problem}")
                continue
            user = how.opener(kwargs) if how.opener else openers[how.role]
            client = Client()
            client.force_login(user)
            before = AccessLog.objects.filter(user=user, child=concerned, allowed=True).count()
            status = visit(client, name, kwargs)
            after = AccessLog.objects.filter(user=user, child=concerned, allowed=True).count()
            transaction.set_rollback(True)
        if status in (403, 404, 405) or status >= 500:
            failures.append(f"{name}: {user.role} was answered {status}")
        elif after == before:
            failures.append(f"{name}: no access-log row for {concerned.pk} by {user.username} (answered {status})")
    assert not failures, "\n".join(failures)
