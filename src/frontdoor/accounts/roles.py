"""Roles and what each may do.

Views and services ask `user.can(Capability.X)`; the whole authorisation
matrix is the table at the bottom of this module.
"""

from enum import StrEnum

from django.db import models


class Role(models.TextChoices):
    CONTACT_OFFICER = "contact_officer", "Contact officer"
    SOCIAL_WORKER = "social_worker", "Social worker"
    SENIOR_PRACTITIONER = "senior_practitioner", "Senior practitioner"
    TEAM_MANAGER = "team_manager", "Team manager"
    SERVICE_MANAGER = "service_manager", "Service manager"
    EDT_WORKER = "edt_worker", "Emergency duty worker"
    EARLY_HELP_PRACTITIONER = "early_help_practitioner", "Early help practitioner"
    PARTNER = "partner", "Partner agency user"
    QA_OFFICER = "qa_officer", "Quality assurance officer"
    PERFORMANCE_ANALYST = "performance_analyst", "Performance analyst"
    ADMINISTRATOR = "administrator", "System administrator"


class Capability(StrEnum):
    VIEW_CHILDREN = "view_children"
    EDIT_PEOPLE = "edit_people"
    MERGE_PEOPLE = "merge_people"
    MANAGE_RESTRICTIONS = "manage_restrictions"
    REVIEW_WARNINGS = "review_warnings"
    RECORD_CONTACTS = "record_contacts"
    DECIDE_CONTACTS = "decide_contacts"
    AUTHORISE_DECISIONS = "authorise_decisions"
    ACKNOWLEDGE_HANDOVER = "acknowledge_handover"
    REVIEW_QUALITY = "review_quality"
    VIEW_CALL_FIGURES = "view_call_figures"
    IMPORT_CALLS = "import_calls"
    MANAGE_THRESHOLDS = "manage_thresholds"
    DO_CASEWORK = "do_casework"
    AUTHORISE_CASEWORK = "authorise_casework"
    VIEW_TIMESCALES = "view_timescales"
    VIEW_TEAMS = "view_teams"
    VIEW_EVENT_LOG = "view_event_log"
    VIEW_ACCESS_LOG = "view_access_log"  # who saw a child's record, and what a user saw
    MANAGE_COUNCIL = "manage_council"
    MANAGE_STAFF = "manage_staff"
    PREPARE_RETURNS = "prepare_returns"
    RECEIVE_POLICE_NOTIFICATIONS = "receive_police_notifications"
    SUBMIT_REFERRALS = "submit_referrals"  # partner agencies, through the portal
    DO_EARLY_HELP = "do_early_help"
    VIEW_INSIGHT = "view_insight"  # their own team's dashboard
    VIEW_COUNCIL_INSIGHT = "view_council_insight"  # every team's, and the whole council's
    MANAGE_RETENTION = "manage_retention"  # review records past their retention date, anonymise
    HANDLE_SUBJECT_ACCESS = "handle_subject_access"  # export a person's record for a subject access request


_PRACTICE = {Capability.VIEW_CHILDREN, Capability.EDIT_PEOPLE, Capability.VIEW_TIMESCALES}
# The front door: taking contacts, deciding them, and taking over the night's work.
_DUTY = _PRACTICE | {
    Capability.RECORD_CONTACTS,
    Capability.DECIDE_CONTACTS,
    Capability.ACKNOWLEDGE_HANDOVER,
    Capability.RECEIVE_POLICE_NOTIFICATIONS,
}
# Qualified social work: assessments, plans, the work of a referral.
_CASEWORK = _DUTY | {Capability.DO_CASEWORK}
_MANAGEMENT = _CASEWORK | {
    Capability.AUTHORISE_DECISIONS,
    Capability.AUTHORISE_CASEWORK,
    Capability.REVIEW_QUALITY,
    Capability.VIEW_CALL_FIGURES,
    Capability.VIEW_TEAMS,
    Capability.VIEW_EVENT_LOG,
    Capability.MERGE_PEOPLE,
    Capability.MANAGE_RESTRICTIONS,
    Capability.REVIEW_WARNINGS,
    Capability.DO_EARLY_HELP,
    Capability.VIEW_INSIGHT,
}
# Data officers: quality assurance and performance staff keep the people index clean.
_DATA = {Capability.VIEW_CHILDREN, Capability.VIEW_TIMESCALES, Capability.MERGE_PEOPLE}

ROLE_CAPABILITIES: dict[Role, frozenset[Capability]] = {
    Role.CONTACT_OFFICER: frozenset(_DUTY),
    Role.SOCIAL_WORKER: frozenset(_CASEWORK),
    Role.SENIOR_PRACTITIONER: frozenset(_CASEWORK),
    Role.TEAM_MANAGER: frozenset(_MANAGEMENT),
    Role.SERVICE_MANAGER: frozenset(
        _MANAGEMENT
        | {
            Capability.PREPARE_RETURNS,
            Capability.VIEW_COUNCIL_INSIGHT,
            Capability.VIEW_ACCESS_LOG,
            Capability.MANAGE_RETENTION,
            Capability.HANDLE_SUBJECT_ACCESS,
        }
    ),
    # Out of hours the emergency duty team records and decides; the day team acknowledges.
    Role.EDT_WORKER: frozenset(_PRACTICE | {Capability.RECORD_CONTACTS, Capability.DECIDE_CONTACTS}),
    # Early help works with families by consent, and steps a family up to the front door with a contact.
    Role.EARLY_HELP_PRACTITIONER: frozenset(_PRACTICE | {Capability.DO_EARLY_HELP, Capability.RECORD_CONTACTS}),
    # Partners see only what they submitted, through the partner portal.
    Role.PARTNER: frozenset({Capability.SUBMIT_REFERRALS}),
    Role.QA_OFFICER: frozenset(
        _DATA
        | {
            Capability.VIEW_EVENT_LOG,
            Capability.VIEW_ACCESS_LOG,
            Capability.REVIEW_QUALITY,
            Capability.PREPARE_RETURNS,
            # Quality assurance officers often prepare disclosure bundles for the data protection officer.
            Capability.HANDLE_SUBJECT_ACCESS,
        }
    ),
    Role.PERFORMANCE_ANALYST: frozenset(
        _DATA
        | {
            Capability.VIEW_TEAMS,
            Capability.VIEW_CALL_FIGURES,
            Capability.IMPORT_CALLS,
            Capability.PREPARE_RETURNS,
            Capability.VIEW_INSIGHT,
            Capability.VIEW_COUNCIL_INSIGHT,
        }
    ),
    # Administrators run the system; they do not read children's records. They do run the retention
    # review, which shows only enough of a record (name, birth year, retention date) to decide on it.
    Role.ADMINISTRATOR: frozenset(
        {
            Capability.MANAGE_RETENTION,
            Capability.VIEW_TIMESCALES,
            Capability.VIEW_TEAMS,
            Capability.VIEW_EVENT_LOG,
            # Auditing who read what is not reading a child's record: administrators answer the auditors.
            Capability.VIEW_ACCESS_LOG,
            Capability.MANAGE_COUNCIL,
            Capability.MANAGE_STAFF,
            Capability.MANAGE_THRESHOLDS,
            Capability.VIEW_CALL_FIGURES,
            Capability.IMPORT_CALLS,
        }
    ),
}

MANAGER_ROLES = frozenset({Role.TEAM_MANAGER, Role.SERVICE_MANAGER})
