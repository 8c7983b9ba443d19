"""Valid arguments for every service function, drawn from the seeded demo council.

tests/test_fault_injection.py calls each service with these arguments while the
event log refuses to be written, and checks that nothing else was left behind.
Each builder returns fresh objects from the database, so one call's changes in
memory never leak into the next. A service missing from ARGUMENTS and from
EXEMPT fails that test: a new service is covered the day it is written.
"""

import io
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from typing import Any, TypeVar

import pyotp
from django.db.models import Model, QuerySet
from django.utils import timezone
from webauthn.helpers import bytes_to_base64url

from frontdoor.accounts.models import AuthenticatorApp, LocalAuthority, Passkey, Team, User
from frontdoor.accounts.passkeys import RelyingParty
from frontdoor.accounts.roles import Role
from frontdoor.accounts.services import create_api_token, enrol_authenticator_app, new_totp_secret, register_passkey
from tests.accounts.authenticator import SoftwareAuthenticator

M = TypeVar("M", bound=Model)
Builder = Callable[[], dict[str, Any]]


def first(queryset: "QuerySet[M]") -> M:
    found = queryset.order_by("pk").first()
    assert found is not None, f"the demo council has no {queryset.model.__name__} for this service"
    return found


def staff(role: Role, **filters: Any) -> User:
    return first(User.objects.filter(role=role, is_active=True, **filters))


def today() -> date:
    return timezone.localdate()


def manager_of(team_id: int | None) -> User:
    return staff(Role.TEAM_MANAGER, team_id=team_id)


# accounts


def _update_local_authority() -> dict[str, Any]:
    council = LocalAuthority.load()
    return {
        "council": council,
        "by": staff(Role.ADMINISTRATOR),
        "expected_version": council.version,
        "changes": {"name": "Renamed Council"},
    }


def _update_staff_member() -> dict[str, Any]:
    user = staff(Role.SOCIAL_WORKER)
    return {
        "user": user,
        "by": staff(Role.ADMINISTRATOR),
        "expected_version": user.version,
        "changes": {"first_name": "Renamed"},
    }


def _add_staff_member() -> dict[str, Any]:
    return {
        "by": staff(Role.ADMINISTRATOR),
        "username": "fault.injected",
        "password": "a-long-enough-password-for-the-validators",
        "first_name": "Fault",
        "last_name": "Injected",
        "email": "fault.injected@council.example",
        "role": Role.SOCIAL_WORKER,
        "team": first(Team.objects.filter(kind=Team.Kind.LOCALITY)),
    }


def _mfa_user(enrolled: bool) -> User:
    """A social worker with an authenticator app (set up through the service, before the snapshot) or without."""
    user = first(User.objects.filter(role=Role.SOCIAL_WORKER, is_active=True, authenticator_app__isnull=True))
    if enrolled:
        secret = new_totp_secret()
        enrol_authenticator_app(user=user, secret=secret, code=pyotp.TOTP(secret).now(), by=user)
    return user


def _enrol_authenticator_app() -> dict[str, Any]:
    user, secret = _mfa_user(enrolled=False), new_totp_secret()
    return {"user": user, "secret": secret, "code": pyotp.TOTP(secret).now(), "by": user}


def _verify_second_factor() -> dict[str, Any]:
    user = _mfa_user(enrolled=True)
    app = AuthenticatorApp.objects.get(user=user)
    # Enrolment used the current code; the next one is within the allowed drift and not yet used.
    totp = pyotp.TOTP(app.secret)
    return {"user": user, "code": totp.generate_otp(totp.timecode(timezone.now()) + 1), "by": user}


# casework


def _assessment(status: str) -> Any:
    from frontdoor.casework.models import Assessment

    return first(Assessment.objects.filter(status=status, referral__closed_on=None, referral__worker__isnull=False))


def _open_referral_to_close() -> Any:
    from frontdoor.casework.models import Referral
    from frontdoor.casework.services import open_work

    open_referrals = Referral.objects.filter(closed_on=None, worker__isnull=False).exclude(primary_need="")
    found = next((r for r in open_referrals.order_by("pk")[:500] if not open_work(r)), None)
    assert found is not None, "the demo council has no open referral with nothing left open on it"
    return found


def _allocated_referral() -> Any:
    from frontdoor.casework.models import Referral

    return first(Referral.objects.filter(closed_on=None, worker__isnull=False))


def _open_cin_plan() -> Any:
    from frontdoor.casework.models import CinPlan

    return first(CinPlan.objects.filter(ended_on=None, referral__closed_on=None))


def _casework() -> dict[str, Builder]:
    from frontdoor.casework.models import Assessment, Referral
    from frontdoor.people.models import Person

    def start_assessment() -> dict[str, Any]:
        referral = first(
            Referral.objects.filter(closed_on=None, worker__isnull=False).exclude(
                assessments__status__in=["draft", "submitted", "returned"]
            )
        )
        return {"referral": referral, "by": referral.worker, "started_on": today()}

    def save_assessment() -> dict[str, Any]:
        assessment = _assessment(Assessment.Status.DRAFT)
        return {
            "assessment": assessment,
            "by": assessment.worker,
            "expected_version": assessment.version,
            "changes": {"child_seen_on": today()},
        }

    def submit_assessment() -> dict[str, Any]:
        # Complete a draft as its worker would (written before the snapshot), from an authorised one.
        done = _assessment(Assessment.Status.AUTHORISED)
        assessment = _assessment(Assessment.Status.DRAFT)
        fields = ["child_seen_on", "seen_alone", "childs_views", "views_not_gathered", "parents_views", "analysis"]
        Assessment.objects.filter(pk=assessment.pk).update(
            **{name: getattr(done, name) for name in [*fields, "factors", "outcome"]}
        )
        assessment.refresh_from_db()
        return {
            "assessment": assessment,
            "by": assessment.worker,
            "expected_version": assessment.version,
            "late_reason": "Family away",
        }

    def authorise_assessment() -> dict[str, Any]:
        assessment = _assessment(Assessment.Status.SUBMITTED)
        return {
            "assessment": assessment,
            "by": manager_of(assessment.referral.team_id),
            "grade": Assessment.Grade.GOOD,
            "comment": "Clear analysis",
        }

    def return_assessment() -> dict[str, Any]:
        assessment = _assessment(Assessment.Status.SUBMITTED)
        return {"assessment": assessment, "by": manager_of(assessment.referral.team_id), "comment": "Add the views"}

    def amend_assessment() -> dict[str, Any]:
        assessment = _assessment(Assessment.Status.AUTHORISED)
        return {
            "assessment": assessment,
            "by": manager_of(assessment.referral.team_id),
            "expected_version": assessment.version,
            "reason": "A sentence was left out",
            "changes": {"analysis": assessment.analysis + " The school confirmed attendance."},
        }

    def open_referral() -> dict[str, Any]:
        person = first(Person.objects.filter(referrals__isnull=True, merged_into=None, date_of_birth__isnull=False))
        return {"person": person, "by": staff(Role.TEAM_MANAGER), "referral_date": today(), "source": "1A"}

    def allocate_referral() -> dict[str, Any]:
        referral = _allocated_referral()
        return {
            "referral": referral,
            "by": manager_of(referral.team_id),
            "team": referral.team,
            "worker": staff(Role.SOCIAL_WORKER, team_id=referral.team_id),
            "expected_version": referral.version,
            "reason": "Reallocated while the worker is on leave",
            "over_limit_confirmed": True,
        }

    def set_primary_need() -> dict[str, Any]:
        referral = _allocated_referral()
        return {"referral": referral, "by": referral.worker, "primary_need": "N1", "expected_version": referral.version}

    def close_referral() -> dict[str, Any]:
        referral = _open_referral_to_close()
        return {
            "referral": referral,
            "by": manager_of(referral.team_id),
            "closed_on": today(),
            "reason": "RC8",
            "expected_version": referral.version,
        }

    def start_cin_plan() -> dict[str, Any]:
        referral = first(Referral.objects.filter(closed_on=None, worker__isnull=False, cin_plans=None))
        return {"referral": referral, "by": referral.worker, "started_on": today()}

    def record_cin_plan_review() -> dict[str, Any]:
        plan = _open_cin_plan()
        return {"plan": plan, "by": plan.referral.worker, "held_on": today(), "summary": "Plan reviewed"}

    def end_cin_plan() -> dict[str, Any]:
        plan = _open_cin_plan()
        return {"plan": plan, "by": manager_of(plan.referral.team_id), "ended_on": today()}

    return {
        "casework.assessments.start_assessment": start_assessment,
        "casework.assessments.save_assessment": save_assessment,
        "casework.assessments.submit_assessment": submit_assessment,
        "casework.assessments.authorise_assessment": authorise_assessment,
        "casework.assessments.return_assessment": return_assessment,
        "casework.assessments.amend_assessment": amend_assessment,
        "casework.services.open_referral": open_referral,
        "casework.services.allocate_referral": allocate_referral,
        "casework.services.set_primary_need": set_primary_need,
        "casework.services.close_referral": close_referral,
        "casework.services.start_cin_plan": start_cin_plan,
        "casework.services.record_cin_plan_review": record_cin_plan_review,
        "casework.services.end_cin_plan": end_cin_plan,
    }


# contacts


def _contacts() -> dict[str, Builder]:
    from frontdoor.contacts.calls import CallEventData
    from frontdoor.contacts.models import (
        Contact,
        ContactChild,
        FrontDoorPolicy,
        QualitySample,
        ThresholdCriterion,
        ThresholdDecision,
        ThresholdLevel,
    )
    from frontdoor.contacts.services import ChildOnContact, Referrer
    from frontdoor.people.models import Person

    def record_contact() -> dict[str, Any]:
        return {
            "by": staff(Role.CONTACT_OFFICER),
            "received_at": timezone.now() - timedelta(minutes=5),
            "channel": first(Contact.objects.all()).channel,
            "source": "1A",
            "referrer": Referrer(name="Pat Neighbour", role="Neighbour"),
            "children": [
                ChildOnContact(
                    person=first(Person.objects.filter(merged_into=None, date_of_birth__gt=date(2012, 1, 1)))
                )
            ],
            "concern": "Children left alone overnight",
        }

    def open_contact_child() -> ContactChild:
        return first(
            ContactChild.objects.filter(contact__status=Contact.Status.OPEN, person__isnull=False, decisions=None)
        )

    def decide() -> dict[str, Any]:
        child = open_contact_child()
        level = first(ThresholdLevel.objects.filter(is_active=True))
        return {
            "contact_child": child,
            "by": staff(Role.CONTACT_OFFICER),
            "level": level,
            "outcome": level.allowed_outcomes[0],
            "rationale": "Universal services can meet these needs",
            "rag": "green",
        }

    def waiting_decision() -> ThresholdDecision:
        return first(ThresholdDecision.objects.filter(status=ThresholdDecision.Status.AWAITING_AUTHORISATION))

    def authorise_decision() -> dict[str, Any]:
        return {"decision": waiting_decision(), "by": staff(Role.TEAM_MANAGER), "comment": "Agreed"}

    def return_decision() -> dict[str, Any]:
        return {"decision": waiting_decision(), "by": staff(Role.TEAM_MANAGER), "comment": "Check the history"}

    def open_contact() -> Contact:
        return first(Contact.objects.filter(status=Contact.Status.OPEN, picked_up_by=None))

    def pick_up() -> dict[str, Any]:
        return {"contact": open_contact(), "by": staff(Role.CONTACT_OFFICER)}

    def release() -> dict[str, Any]:
        contact = first(Contact.objects.filter(status=Contact.Status.OPEN, picked_up_by__isnull=False))
        return {"contact": contact, "by": contact.picked_up_by}

    def tell_referrer() -> dict[str, Any]:
        contact = first(Contact.objects.filter(status=Contact.Status.CLOSED, referrer_told_at=None))
        return {"contact": contact, "by": staff(Role.CONTACT_OFFICER), "how": "phone", "told_at": timezone.now()}

    def acknowledge_handover() -> dict[str, Any]:
        contacts = list(Contact.objects.filter(out_of_hours=True, handover_acknowledged_at=None).order_by("pk")[:2])
        assert contacts, "the demo council has no out-of-hours contact waiting for handover"
        return {"contacts": contacts, "by": staff(Role.TEAM_MANAGER)}

    def update_level() -> dict[str, Any]:
        level = first(ThresholdLevel.objects.all())
        return {
            "level": level,
            "by": staff(Role.ADMINISTRATOR),
            "expected_version": level.version,
            "name": level.name + " (renamed)",
            "description": level.description,
            "allowed_outcomes": level.allowed_outcomes,
            "is_active": level.is_active,
        }

    def add_criterion() -> dict[str, Any]:
        criterion = first(ThresholdCriterion.objects.all())
        return {"level": criterion.level, "by": staff(Role.ADMINISTRATOR), "domain": criterion.domain, "text": "New"}

    def set_criterion_in_use() -> dict[str, Any]:
        criterion = first(ThresholdCriterion.objects.filter(is_active=True))
        return {"criterion": criterion, "by": staff(Role.ADMINISTRATOR), "in_use": False}

    def update_policy() -> dict[str, Any]:
        policy = FrontDoorPolicy.load()
        return {
            "by": staff(Role.ADMINISTRATOR),
            "expected_version": policy.version,
            "changes": {"amber_response_hours": policy.amber_response_hours + 1},
        }

    def draw_quality_sample() -> dict[str, Any]:
        week = today() - timedelta(days=today().weekday() + 7)
        QualitySample.objects.filter(week_starting=week).delete()
        return {"week_start": week, "by": staff(Role.TEAM_MANAGER)}

    def review_sample() -> dict[str, Any]:
        sample = first(QualitySample.objects.filter(verdict=""))
        return {"sample": sample, "by": staff(Role.TEAM_MANAGER), "verdict": "agree", "comment": "Right call"}

    def record_call_event() -> dict[str, Any]:
        return {"call_id": "FAULT-1", "kind": "offered", "occurred_at": timezone.now() - timedelta(minutes=3)}

    def record_call_events() -> dict[str, Any]:
        at = timezone.now() - timedelta(minutes=3)
        return {
            "events": [
                CallEventData(call_id="FAULT-2", kind="offered", occurred_at=at),
                CallEventData(call_id="FAULT-2", kind="answered", occurred_at=at + timedelta(seconds=20)),
            ]
        }

    def import_call_log() -> dict[str, Any]:
        at = (timezone.now() - timedelta(minutes=3)).isoformat()
        return {
            "file": io.StringIO(
                f"call_id,started,answered,ended,queue,agent,transfers\nFAULT-3,{at},,,Front door,,0\n"
            ),
            "by": staff(Role.TEAM_MANAGER),
        }

    return {
        "contacts.services.record_contact": record_contact,
        "contacts.services.decide": decide,
        "contacts.services.authorise_decision": authorise_decision,
        "contacts.services.return_decision": return_decision,
        "contacts.services.pick_up": pick_up,
        "contacts.services.release": release,
        "contacts.services.tell_referrer": tell_referrer,
        "contacts.services.acknowledge_handover": acknowledge_handover,
        "contacts.thresholds.update_level": update_level,
        "contacts.thresholds.add_criterion": add_criterion,
        "contacts.thresholds.set_criterion_in_use": set_criterion_in_use,
        "contacts.thresholds.update_policy": update_policy,
        "contacts.quality.draw_quality_sample": draw_quality_sample,
        "contacts.quality.review_sample": review_sample,
        "contacts.calls.record_call_event": record_call_event,
        "contacts.calls.record_call_events": record_call_events,
        "contacts.calls.import_call_log": import_call_log,
    }


# earlyhelp


def _earlyhelp() -> dict[str, Builder]:
    from frontdoor.earlyhelp.models import EarlyHelpEpisode, EarlyHelpRequest
    from frontdoor.earlyhelp.services import Attendee, accept_request
    from frontdoor.people.models import Person

    practitioner = lambda: staff(Role.EARLY_HELP_PRACTITIONER)  # noqa: E731

    def child() -> Person:
        return first(
            Person.objects.filter(merged_into=None, date_of_birth__gt=date(2012, 1, 1), early_help_requests=None)
        )

    def open_request() -> EarlyHelpRequest:
        return first(EarlyHelpRequest.objects.filter(status=EarlyHelpRequest.Status.OPEN))

    def open_episode() -> EarlyHelpEpisode:
        return first(EarlyHelpEpisode.objects.filter(status=EarlyHelpEpisode.Status.OPEN))

    def waiting_episode() -> EarlyHelpEpisode:
        # The demo has none waiting: accept a request first (that write is before the snapshot).
        return accept_request(request=open_request(), by=practitioner())

    return {
        "earlyhelp.services.request_early_help": lambda: {
            "person": child(),
            "by": practitioner(),
            "requested_on": today(),
        },
        "earlyhelp.services.record_partner_request": lambda: {
            "person": child(),
            "by": practitioner(),
            "agency": "Northbridge Primary",
            "referrer_name": "Ms Head",
            "reason": "Attendance falling",
            "requested_on": today(),
        },
        "earlyhelp.services.accept_request": lambda: {"request": open_request(), "by": practitioner()},
        "earlyhelp.services.decline_request": lambda: {
            "request": open_request(),
            "by": practitioner(),
            "reason": "Needs met by school",
        },
        "earlyhelp.services.start_episode": lambda: {
            "episode": waiting_episode(),
            "by": practitioner(),
            "started_on": today(),
            "consent_given_by": "Mother",
            "consent_given_on": today(),
        },
        "earlyhelp.services.record_assessment": lambda: {
            "episode": first(EarlyHelpEpisode.objects.filter(status=EarlyHelpEpisode.Status.OPEN, assessment=None)),
            "by": practitioner(),
            "started_on": today(),
            "completed_on": None,
            "organisation": "Early help team",
            "needs": "Routines and school attendance",
        },
        "earlyhelp.services.appoint_lead_professional": lambda: {
            "episode": open_episode(),
            "by": practitioner(),
            "name": "Sam Lead",
            "agency": "School",
            "role": "Family support worker",
            "started_on": today(),
        },
        "earlyhelp.services.record_taf_meeting": lambda: {
            "episode": open_episode(),
            "by": practitioner(),
            "held_on": today(),
            "attendees": [Attendee(name="Sam Lead", agency="School")],
            "summary": "Plan agreed",
        },
        "earlyhelp.services.add_plan_action": lambda: {
            "episode": open_episode(),
            "by": practitioner(),
            "outcome": "Gets to school on time",
            "action": "Morning routine chart",
            "owner": "Mother",
            "due_on": today() + timedelta(days=14),
        },
        "earlyhelp.services.review_plan": lambda: {
            "episode": open_episode(),
            "by": practitioner(),
            "reviewed_on": today(),
            "progress": "Attendance up",
            "next_review_on": today() + timedelta(days=42),
        },
        "earlyhelp.services.close_episode": lambda: {
            "episode": open_episode(),
            "by": practitioner(),
            "closed_on": today(),
            "outcome": EarlyHelpEpisode.Outcome.NEEDS_MET,
        },
    }


def _records_timescales_returns() -> dict[str, Builder]:
    from frontdoor.people.models import Person
    from frontdoor.records.models import ChronologyEntry, SignificanceMark
    from frontdoor.returns.models import ReturnBuild
    from frontdoor.timescales.models import ClosureDay
    from frontdoor.timescales.services import add_closure_day

    def chronology_child() -> Person:
        return first(Person.objects.filter(merged_into=None, chronology_entries__isnull=False).distinct())

    def unmarked_entry() -> dict[str, Any]:
        entry = first(ChronologyEntry.objects.filter(significance_marks=None, child__merged_into=None))
        return {"child": entry.child, "by": staff(Role.SOCIAL_WORKER), "entry": entry, "reason": "Turning point"}

    def marked_entry() -> dict[str, Any]:
        mark = first(SignificanceMark.objects.filter(unmarked_at=None, entry__isnull=False))
        return {"child": mark.child, "by": staff(Role.SOCIAL_WORKER), "entry": mark.entry}

    return {
        "records.services.add_chronology_entry": lambda: {
            "child": chronology_child(),
            "by": staff(Role.SOCIAL_WORKER),
            "occurred_on": today(),
            "what_happened": "School reported a bruise",
            "source": "Head teacher",
        },
        "records.services.mark_significant": unmarked_entry,
        "records.services.unmark_significant": marked_entry,
        "records.services.note_access_log_read": lambda: {
            "by": staff(Role.ADMINISTRATOR),
            "filters_described": "all dates",
            "child": chronology_child(),
        },
        "timescales.services.add_closure_day": lambda: {
            "day": today() + timedelta(days=400),
            "reason": "Council closure",
            "by": staff(Role.ADMINISTRATOR),
        },
        "timescales.services.remove_closure_day": lambda: {
            "closure": first(ClosureDay.objects.all())
            if ClosureDay.objects.exists()
            else add_closure_day(day=today() + timedelta(days=401), reason="Closed", by=staff(Role.ADMINISTRATOR)),
            "by": staff(Role.ADMINISTRATOR),
        },
        "returns.services.request_census": lambda: {"year": 2026, "by": staff(Role.PERFORMANCE_ANALYST)},
        "returns.services.request_annex_a": lambda: {
            "inspection_date": today(),
            "by": staff(Role.PERFORMANCE_ANALYST),
        },
        "returns.services.record_download": lambda: {
            "build": first(ReturnBuild.objects.all())
            if ReturnBuild.objects.exists()
            else ReturnBuild.objects.create(kind="cin_census", year=2026, requested_by=staff(Role.PERFORMANCE_ANALYST)),
            "by": staff(Role.PERFORMANCE_ANALYST),
        },
    }


PASSKEY_CHALLENGE = b"a-challenge-of-at-least-16-bytes"
TEST_SERVER = RelyingParty(id="testserver", origin="http://testserver")


def _register_passkey() -> dict[str, Any]:
    user = first(User.objects.filter(role=Role.SOCIAL_WORKER, is_active=True, authenticator_app__isnull=True))
    answer = SoftwareAuthenticator().register({"challenge": bytes_to_base64url(PASSKEY_CHALLENGE)})
    return {
        "user": user,
        "name": "Laptop",
        "credential": answer,
        "challenge": PASSKEY_CHALLENGE,
        "relying_party": TEST_SERVER,
        "by": user,
    }


def _passkey() -> tuple[Passkey, SoftwareAuthenticator]:
    """A passkey added through the service, before the snapshot, and the authenticator that holds its key."""
    authenticator = SoftwareAuthenticator()
    arguments = {
        **_register_passkey(),
        "credential": authenticator.register({"challenge": bytes_to_base64url(PASSKEY_CHALLENGE)}),
    }
    passkey, _ = register_passkey(**arguments)
    return passkey, authenticator


def _verify_passkey() -> dict[str, Any]:
    passkey, authenticator = _passkey()
    options = {"challenge": bytes_to_base64url(PASSKEY_CHALLENGE), "allowCredentials": [{"id": passkey.credential_id}]}
    return {
        "user": passkey.user,
        "credential": authenticator.sign_in(options),
        "challenge": PASSKEY_CHALLENGE,
        "relying_party": TEST_SERVER,
        "by": passkey.user,
    }


def _accounts() -> dict[str, Builder]:
    return {
        "accounts.services.update_local_authority": _update_local_authority,
        "accounts.services.create_api_token": lambda: {
            "user": staff(Role.ADMINISTRATOR),
            "name": "Case import",
            "by": staff(Role.ADMINISTRATOR),
        },
        "accounts.services.revoke_api_token": lambda: {
            "token": create_api_token(user=staff(Role.ADMINISTRATOR), name="To revoke", by=None)[0],
            "by": staff(Role.ADMINISTRATOR),
        },
        "accounts.services.add_staff_member": _add_staff_member,
        "accounts.services.update_staff_member": _update_staff_member,
        "accounts.services.set_staff_account_open": lambda: {
            "user": staff(Role.SOCIAL_WORKER),
            "by": staff(Role.ADMINISTRATOR),
            "is_open": False,
        },
        "accounts.services.reset_staff_password": lambda: {
            "user": staff(Role.SOCIAL_WORKER),
            "by": staff(Role.ADMINISTRATOR),
            "password": "another-long-enough-password-2026",
        },
        "accounts.services.enrol_authenticator_app": _enrol_authenticator_app,
        "accounts.services.regenerate_recovery_codes": lambda: (lambda user: {"user": user, "by": user})(
            _mfa_user(enrolled=True)
        ),
        "accounts.services.verify_second_factor": _verify_second_factor,
        "accounts.services.reset_mfa": lambda: {"user": _mfa_user(enrolled=True), "by": staff(Role.ADMINISTRATOR)},
        "accounts.services.register_passkey": _register_passkey,
        "accounts.services.verify_passkey": _verify_passkey,
        "accounts.services.remove_passkey": lambda: (lambda passkey: {"passkey": passkey, "by": passkey.user})(
            _passkey()[0]
        ),
    }


def _workforce() -> dict[str, Builder]:
    from frontdoor.casework.models import Referral
    from frontdoor.workforce.models import CaseloadPolicy, WorkerProfile

    def set_caseload_policy() -> dict[str, Any]:
        policy = CaseloadPolicy.load()
        return {
            "by": staff(Role.ADMINISTRATOR),
            "expected_version": policy.version,
            "assessment_weight": Decimal("1"),
            "cin_plan_weight": Decimal("1"),
            "cp_plan_weight": Decimal("1.5"),
            "worker_limit": Decimal("18"),
            "newly_qualified_limit": Decimal("12"),
            "newly_qualified_months": 12,
        }

    def worker_and_manager() -> tuple[User, User]:
        worker = staff(Role.SOCIAL_WORKER, team__isnull=False)
        return worker, manager_of(worker.team_id)

    def set_worker_profile() -> dict[str, Any]:
        worker, manager = worker_and_manager()
        profile = WorkerProfile.objects.filter(user=worker).first()
        return {
            "worker": worker,
            "by": manager,
            "expected_version": profile.version if profile else 1,
            "qualified_on": date(2020, 7, 1),
            "caseload_limit": None,
        }

    def record_supervision() -> dict[str, Any]:
        worker, manager = worker_and_manager()
        return {
            "worker": worker,
            "by": manager,
            "held_on": today(),
            "minutes": 60,
            "kind": "case",
            "summary": "Caseload reviewed",
        }

    def give_case_direction() -> dict[str, Any]:
        referral = _allocated_referral()
        return {"referral": referral, "by": manager_of(referral.team_id), "direction": "Visit within the week"}

    def schedule_supervision() -> dict[str, Any]:
        worker, manager = worker_and_manager()
        return {"worker": worker, "by": manager, "on": today() + timedelta(days=7), "kind": "case"}

    assert Referral  # the referral builders above come from casework
    return {
        "workforce.services.set_caseload_policy": set_caseload_policy,
        "workforce.services.set_worker_profile": set_worker_profile,
        "workforce.directions.record_supervision": record_supervision,
        "workforce.directions.give_case_direction": give_case_direction,
        "workforce.directions.schedule_supervision": schedule_supervision,
    }


def arguments() -> dict[str, Builder]:
    from tests.fault_arguments_more import more_arguments

    return {
        **_accounts(),
        **_casework(),
        **_contacts(),
        **_earlyhelp(),
        **_records_timescales_returns(),
        **_workforce(),
        **more_arguments(),
    }


# Services the fault test does not call, each with the reason; keep this short.
EXEMPT: dict[str, str] = {
    "records.services.log_access": "Writes only the access-log row, in its own transaction, and no event: "
    "there is nothing to be half-written",
    "contacts.services.release_idle_contacts": "A periodic job over every idle contact; each release is its own "
    "small transaction, and release itself is covered",
    "people.duplicates.find_duplicates": "A periodic job that rebuilds the candidate list in one transaction and "
    "writes no event until the end; covered by tests/people/test_duplicate_finder.py",
    "records.services.record_event": "The event writer itself, the point where the fault is injected",
    "contacts.services.touch": "A pick-up's heartbeat: one UPDATE of last_touched_at, no event by design",
    "quality.services.closure_sample": "A read called inside draw_programme's transaction; the weeks it draws "
    "go through draw_quality_sample, which is covered",
    "workforce.services.note_allocation": "Runs only inside allocate_referral's transaction, which is covered",
    "returns.services.run_build": "A task that records its own failure on the build row by design "
    "(the failed build is kept so the analyst sees why); covered by tests/returns",
}

# Services whose fault goes at their last write statement instead of the event, with why.
FAULT_AT_LAST_WRITE = {
    "contacts.calls.record_call_event": "Call events are machine data: no event in the log",
    "contacts.calls.record_call_events": "Call events are machine data: no event in the log",
    "timescales.services.remove_closure_day": "Writes its event before it deletes the day",
}

# Services whose only write is the event itself, so there is nothing else to half-write.
ONLY_AN_EVENT = {
    "records.services.note_access_log_read",
    "partners.portal.note_refused_request",
    "returns.services.record_download",
}
