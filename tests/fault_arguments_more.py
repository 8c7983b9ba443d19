"""Valid arguments for the people, partners, protection, quality, retention and insight services (fault_arguments)."""

from datetime import date, timedelta
from typing import Any

from django.utils import timezone

from frontdoor.accounts.roles import Role
from tests.fault_arguments import Builder, first, manager_of, staff, today


def _people() -> dict[str, Builder]:
    from frontdoor.people.merging import merge_people as merge_people_service
    from frontdoor.people.models import (
        Address,
        DuplicateCandidate,
        Involvement,
        Merge,
        Person,
        Professional,
        Relationship,
        Residence,
        RestrictionGrant,
        Warning,
    )
    from frontdoor.people.services import AddressDetails

    def person() -> Person:
        return first(Person.objects.filter(merged_into=None, is_restricted=False, date_of_birth__gt=date(2012, 1, 1)))

    def another() -> Person:
        return first(Person.objects.filter(merged_into=None, is_restricted=False, date_of_birth__lt=date(1995, 1, 1)))

    worker = lambda: staff(Role.SOCIAL_WORKER)  # noqa: E731
    manager = lambda: staff(Role.TEAM_MANAGER)  # noqa: E731

    def merge_people() -> dict[str, Any]:
        candidate = first(DuplicateCandidate.objects.filter(status=DuplicateCandidate.Status.OPEN))
        survivor, merged = candidate.person_a, candidate.person_b
        return {
            "survivor": survivor,
            "merged": merged,
            "by": manager(),
            "take_from_merged": [],
            "expected_versions": (survivor.version, merged.version),
        }

    def end_warning_args() -> dict[str, Any]:
        warning = first(Warning.objects.filter(ended_at=None))
        return {"warning": warning, "by": manager(), "reason": "No longer a risk"}

    return {
        "people.services.create_person": lambda: {
            "by": worker(),
            "details": {"first_name": "Faultina", "last_name": "Injection", "date_of_birth": date(2019, 4, 1)},
        },
        "people.services.update_person": lambda: (
            lambda p: {
                "person": p,
                "by": worker(),
                "expected_version": p.version,
                "changes": {"first_language": "Welsh"},
            }
        )(person()),
        "people.services.add_other_name": lambda: {
            "person": person(),
            "by": worker(),
            "kind": "alias",
            "first_name": "Lou",
            "last_name": "Other",
        },
        "people.services.add_identifier": lambda: {
            "person": person(),
            "by": worker(),
            "kind": "police",
            "value": "FAULT/123",
            "issuer": "Northbridge Police",
        },
        "people.services.move_person": lambda: {
            "person": person(),
            "by": worker(),
            "address": AddressDetails(line_1="9 Fault Lane", town="Northbridge", postcode="NB9 9ZZ"),
            "moved_in": today(),
        },
        "people.services.add_to_household": lambda: {
            "address": Address.objects.exclude(residences__person=person()).order_by("-pk").first(),
            "person": person(),
            "by": worker(),
            "moved_in": today(),
        },
        "people.services.end_residence": lambda: {
            "residence": first(Residence.objects.filter(moved_out=None, person__merged_into=None)),
            "by": worker(),
            "moved_out": today(),
        },
        "people.services.add_relationship": lambda: {
            "person": person(),
            "relative": Person.objects.filter(merged_into=None, is_restricted=False, date_of_birth__lt=date(1995, 1, 1))
            .order_by("-pk")
            .first(),
            "kind": first(Relationship.objects.all()).kind,
            "by": worker(),
        },
        "people.services.end_relationship": lambda: {
            "relationship": first(Relationship.objects.filter(ended_on=None)),
            "by": worker(),
            "ended_on": today(),
        },
        "people.services.add_professional": lambda: {
            "by": worker(),
            "name": "Dr Fault",
            "role": first(Professional.objects.all()).role,
            "organisation": "Northbridge Surgery",
        },
        "people.services.add_involvement": lambda: {
            "person": person(),
            "professional": first(Professional.objects.all()),
            "by": worker(),
            "started_on": today(),
        },
        "people.services.end_involvement": lambda: {
            "involvement": first(Involvement.objects.filter(ended_on=None)),
            "by": worker(),
            "ended_on": today(),
        },
        "people.safety.raise_warning": lambda: {
            "person": person(),
            "by": worker(),
            "kind": "lone_working",
            "details": "Dog at the address",
            "review_on": today() + timedelta(days=90),
        },
        "people.safety.review_warning": lambda: {
            "warning": first(Warning.objects.filter(ended_at=None)),
            "by": manager(),
            "next_review_on": today() + timedelta(days=90),
        },
        "people.safety.end_warning": end_warning_args,
        "people.safety.restrict_person": lambda: {"person": person(), "by": manager(), "reason": "staff_relative"},
        "people.safety.lift_restriction": lambda: {
            "person": first(Person.objects.filter(is_restricted=True, merged_into=None)),
            "by": manager(),
        },
        "people.safety.grant_access": lambda: {
            "person": first(Person.objects.filter(is_restricted=True, merged_into=None)),
            "by": manager(),
            "role": Role.SERVICE_MANAGER,
        },
        "people.safety.revoke_access": lambda: {
            "grant": first(RestrictionGrant.objects.filter(revoked_at=None)),
            "by": manager(),
        },
        "people.merging.merge_people": merge_people,
        "people.merging.undo_merge": lambda: {
            "merge": first(Merge.objects.filter(undone_at=None))
            if Merge.objects.filter(undone_at=None).exists()
            else merge_people_service(**merge_people()),
            "by": manager(),
        },
        "people.merging.set_aside_duplicate": lambda: {
            "candidate": first(DuplicateCandidate.objects.filter(status=DuplicateCandidate.Status.OPEN)),
            "by": manager(),
        },
    }


def _partners() -> dict[str, Builder]:
    from frontdoor.contacts.models import Contact
    from frontdoor.partners.models import (
        InformationRequest,
        NotificationPerson,
        PoliceNotification,
        PortalReferral,
        TriageDecision,
        TriageMeeting,
    )
    from frontdoor.partners.notifications import Notification, PersonOnNotification
    from frontdoor.partners.portal import ChildDetails, Referral
    from frontdoor.partners.sharing import Asked, Disclosure
    from frontdoor.partners.triage import Attendee, Choice
    from frontdoor.partners.triage import open_meeting as open_meeting_service
    from frontdoor.people.models import Person

    front_door = lambda: staff(Role.CONTACT_OFFICER)  # noqa: E731
    partner = lambda: staff(Role.PARTNER, partner_profile__isnull=False)  # noqa: E731

    def child() -> Person:
        return first(Person.objects.filter(merged_into=None, is_restricted=False, date_of_birth__gt=date(2012, 1, 1)))

    def open_meeting() -> TriageMeeting:
        held = TriageMeeting.objects.filter(closed_at=None).order_by("pk").first()
        # The demo's meetings are all closed: open one first (that write is before the snapshot).
        return held or open_meeting_service(
            by=front_door(), held_on=today() - timedelta(days=3000), attendees=[Attendee(agency="police", name="PC")]
        )

    def record_decisions() -> dict[str, Any]:
        named = first(
            NotificationPerson.objects.filter(role="child_present", triage=None, notification__triaged_at=None)
        )
        return {"meeting": open_meeting(), "by": front_door(), "choices": [Choice(child=named, outcome="nfa", note="")]}

    return {
        "partners.notifications.receive_notifications": lambda: {
            "notifications": [
                Notification(
                    police_reference="FAULT/0001",
                    incident_at=timezone.now() - timedelta(hours=10),
                    kind=PoliceNotification.Kind.DOMESTIC_ABUSE,
                    summary="Verbal argument, children present",
                    dash_risk="standard",
                    people=(PersonOnNotification(role="child_present", first_name="Ada", last_name="Fault"),),
                )
            ],
            "by": front_door(),
            "source": first(PoliceNotification.objects.all()).source,
        },
        "partners.notifications.confirm_match": lambda: {
            "named": first(NotificationPerson.objects.filter(person=None)),
            "person": child(),
            "by": front_door(),
        },
        "partners.portal.submit_referral": lambda: {
            "by": partner(),
            "referral": Referral(
                child=ChildDetails(
                    first_name="Ada", last_name="Fault", date_of_birth=date(2016, 3, 1), address="1 Road"
                ),
                concern="Came to school hungry all week",
                categories=(),
                family_aware="yes",
                consent="given",
            ),
        },
        "partners.portal.give_feedback": lambda: {
            "portal_referral": first(PortalReferral.objects.filter(contact__status=Contact.Status.CLOSED, feedback="")),
            "by": front_door(),
            "feedback": "We have offered the family early help",
        },
        "partners.portal.note_refused_request": lambda: {"by": partner(), "asked_for": "/portal/referrals/999999/"},
        "partners.sharing.record_request": lambda: {
            "person": child(),
            "by": front_door(),
            "asked": Asked(
                agency="police",
                requester="DC Fault",
                organisation="Northbridge Police",
                asked_for="Previous concerns",
                purpose="Child protection enquiry",
                received_at=timezone.now() - timedelta(hours=1),
            ),
        },
        "partners.sharing.record_share": lambda: {
            "person": child(),
            "by": front_door(),
            "disclosure": Disclosure(
                agency="police",
                recipient="DC Fault",
                organisation="Northbridge Police",
                shared_on=today(),
                what="Dates of previous contacts",
                purpose="Child protection enquiry",
                basis="public_task",
                condition=first(InformationRequest.objects.all()).person.information_shares.first().condition
                if first(InformationRequest.objects.all()).person.information_shares.exists()
                else "safeguarding",
                family_informed=True,
            ),
        },
        "partners.sharing.decline_request": lambda: {
            "request": first(InformationRequest.objects.filter(status=InformationRequest.Status.OPEN)),
            "by": front_door(),
            "reason": "Not necessary for the stated purpose",
        },
        "partners.triage.open_meeting": lambda: {
            "by": front_door(),
            "held_on": today() - timedelta(days=3650),
            "attendees": [Attendee(agency="police", name="PC Fault")],
        },
        "partners.triage.record_decisions": record_decisions,
        "partners.triage.close_meeting": lambda: {"meeting": open_meeting(), "by": front_door(), "minutes": "Done"},
        "partners.triage.complete_task": lambda: {
            "decision": first(TriageDecision.objects.filter(done_at=None, assigned_to__isnull=False)),
            "by": front_door(),
        },
    }


def _protection() -> dict[str, Builder]:
    from frontdoor.casework.models import Referral
    from frontdoor.protection.models import ChildProtectionPlan, Section47
    from frontdoor.protection.services import Attendee, ChildDecision, Participant, record_section_47_outcome
    from frontdoor.timescales.calendar import council_calendar

    def open_plan() -> ChildProtectionPlan:
        return first(ChildProtectionPlan.objects.filter(ended_on=None, referral__closed_on=None))

    def open_enquiry(**filters: Any) -> Section47:
        return first(Section47.objects.filter(completed_on=None, referral__closed_on=None, **filters))

    def hold_initial_conference() -> dict[str, Any]:
        enquiry = open_enquiry()
        by = enquiry.referral.worker or staff(Role.SOCIAL_WORKER)
        # Conclude an enquiry as needing a conference first (written before the snapshot).
        record_section_47_outcome(
            section_47=enquiry, by=by, outcome="continuing", completed_on=today(), conference_needed=True
        )
        held_on = today()
        while not council_calendar().is_working_day(held_on):
            held_on -= timedelta(days=1)
        return {
            "section_47": enquiry,
            "by": by,
            "held_on": held_on,
            "needs_plan": True,
            "category": "NEG",
            "chaired_by": "Independent chair",
            "attendees": [Attendee(agency="police", name="PC Fault")],
        }

    def by_worker(plan: ChildProtectionPlan) -> Any:
        return plan.referral.worker or staff(Role.SOCIAL_WORKER)

    return {
        "protection.services.record_strategy_discussion": lambda: (
            lambda referral: {
                "by": referral.worker,
                "held_at": timezone.now() - timedelta(hours=1),
                "kind": "meeting",
                "information_shared": "Police and school histories",
                "children": [ChildDecision(referral=referral, decision="s47_single", rationale="Bruising")],
                "participants": [
                    Participant(agency="police", name="DS Fault"),
                    Participant(agency="health", name="Nurse Fault"),
                ],
            }
        )(first(Referral.objects.filter(closed_on=None, worker__isnull=False, strategy_decisions=None))),
        "protection.services.record_section_47_outcome": lambda: (
            lambda enquiry: {
                "section_47": enquiry,
                "by": enquiry.referral.worker or staff(Role.SOCIAL_WORKER),
                "outcome": "substantiated_no_risk" if False else Section47.Outcome.values[0],
                "completed_on": today(),
                "conference_needed": False,
                "not_required_reason": "Family working with the plan",
            }
        )(open_enquiry()),
        "protection.services.hold_initial_conference": hold_initial_conference,
        "protection.services.record_review_conference": lambda: (
            lambda plan: {
                "plan": plan,
                "by": by_worker(plan),
                "held_on": today(),
                "continue_plan": True,
                "category": plan.latest_category,
            }
        )(open_plan()),
        "protection.services.record_core_group": lambda: (
            lambda plan: {"plan": plan, "by": by_worker(plan), "held_on": today(), "summary": "Plan on track"}
        )(open_plan()),
        "protection.services.record_visit": lambda: (
            lambda plan: {
                "plan": plan,
                "by": by_worker(plan),
                "visited_on": today(),
                "child_seen": True,
                "seen_alone": True,
                "bedroom_seen": True,
                "notes": "Home warm, child chatty",
            }
        )(open_plan()),
        "protection.services.end_plan": lambda: (
            lambda plan: {
                "plan": plan,
                "by": manager_of(plan.referral.team_id),
                "ended_on": today(),
                "reason": ChildProtectionPlan.EndReason.NO_LONGER_AT_RISK,
            }
        )(open_plan()),
        "protection.services.record_protective_order": lambda: (
            lambda referral: {
                "referral": referral,
                "by": referral.worker,
                "kind": "police_protection",
                "started_on": today(),
            }
        )(first(Referral.objects.filter(closed_on=None, worker__isnull=False))),
    }


def _quality() -> dict[str, Builder]:
    from frontdoor.quality.models import Audit, AuditAction, AuditTemplate
    from frontdoor.quality.services import Answer, Question, add_audit_action, practitioner_and_team

    qa = lambda: staff(Role.QA_OFFICER)  # noqa: E731

    def assigned_audit() -> Audit:
        return first(Audit.objects.filter(status=Audit.Status.ASSIGNED))

    def grade_audit() -> dict[str, Any]:
        audit = assigned_audit()
        return {
            "audit": audit,
            "by": audit.auditor,
            "answers": [Answer(question=q, grade="good") for q in audit.programme.template.questions.all()],
            "grade": "good",
            "findings": "Timely and child-focused",
            "expected_version": audit.version,
        }

    def graded_audit() -> Audit:
        return first(Audit.objects.filter(status=Audit.Status.GRADED))

    return {
        "quality.services.create_template": lambda: {
            "by": qa(),
            "name": "Fault template",
            "guidance": "Read the file",
            "questions": [Question(text="Was the child seen?")],
        },
        "quality.services.draw_programme": lambda: {
            "by": qa(),
            "month": today().replace(day=1),
            "theme": "random",
            "template": first(AuditTemplate.objects.all()),
            "per_team": 1,
        },
        "quality.services.grade_audit": grade_audit,
        "quality.services.moderate_audit": lambda: (
            lambda audit: {
                "audit": audit,
                "by": staff(Role.SERVICE_MANAGER),
                "grade": "requires_improvement",
                "notes": "Plan lacked outcomes",
                "expected_version": audit.version,
            }
        )(graded_audit()),
        "quality.services.add_audit_action": lambda: {
            "audit": graded_audit(),
            "by": qa(),
            "action": "Add outcomes to the plan",
            "owner": "Team manager",
            "due_on": today() + timedelta(days=28),
        },
        "quality.services.respond_to_audit": lambda: (
            lambda audit: {
                "audit": audit,
                "by": manager_of(practitioner_and_team(audit)[1]),
                "response": "Agreed, done",
            }
        )(graded_audit()),
        "quality.services.complete_audit_action": lambda: {
            "action": first(AuditAction.objects.filter(done_on=None))
            if AuditAction.objects.filter(done_on=None).exists()
            else add_audit_action(
                audit=graded_audit(),
                by=qa(),
                action="Add outcomes",
                owner="Manager",
                due_on=today() + timedelta(days=9),
            ),
            "by": qa(),
            "done_on": today(),
        },
    }


def _retention() -> dict[str, Builder]:
    from frontdoor.people.models import Person
    from frontdoor.retention.models import RecordClass, RetentionReview, RetentionRule

    manager = lambda: staff(Role.SERVICE_MANAGER)  # noqa: E731

    def due() -> RetentionReview:
        return first(RetentionReview.objects.filter(status=RetentionReview.Status.DUE))

    def find_records_due() -> dict[str, Any]:
        # The demo's seed already ran the review: empty its queue first (written before the snapshot).
        RetentionReview.objects.filter(status=RetentionReview.Status.DUE).delete()
        return {"today": today(), "by": staff(Role.ADMINISTRATOR)}

    def update_retention_rule() -> dict[str, Any]:
        rule = first(RetentionRule.objects.filter(record_class=RecordClass.CHILDRENS_SOCIAL_CARE))
        by = staff(Role.ADMINISTRATOR)
        return {"rule": rule, "by": by, "expected_version": rule.version, "years": rule.years + 1}

    return {
        "retention.services.update_retention_rule": update_retention_rule,
        "retention.services.find_records_due": find_records_due,
        "retention.services.keep_record": lambda: {
            "review": due(),
            "by": manager(),
            "until": today() + timedelta(days=365),
            "reason": "The family's solicitor has asked us to keep it",
        },
        "retention.services.place_legal_hold": lambda: {
            "review": due(),
            "by": manager(),
            "reason": "Held for the Northbridge inquiry",
        },
        "retention.services.anonymise_person": lambda: {"review": due(), "by": manager(), "confirmed": True},
        "retention.services.export_subject_access": lambda: {
            "person": first(
                Person.objects.filter(merged_into=None, is_restricted=False, referrals__isnull=False).distinct()
            ),
            "by": staff(Role.QA_OFFICER),
            "path": "/retention/subject-access/",
        },
    }


def _insight() -> dict[str, Builder]:
    return {
        # The demo's seed built the summary: recount all of it, so every row is replaced.
        "insight.services.refresh_summary": lambda: {
            "today": today(),
            "by": staff(Role.ADMINISTRATOR),
            "rebuild": True,
        },
    }


def more_arguments() -> dict[str, Builder]:
    return {**_people(), **_partners(), **_protection(), **_quality(), **_retention(), **_insight()}
