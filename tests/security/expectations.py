"""Who may open each page and endpoint: the URL name and the capability it needs, from accounts/roles.py.

Every named URL must be here by name (a new one fails the matrix until it is classified).
A `Rule` names what reading needs and, where it differs, what writing needs;
`narrower` says why someone who has the capability may still be refused for the
particular record the matrix asks for (it is not their case, their session...).
Only the Django admin, whose names follow its registered models, is classified by a pattern.
"""

import fnmatch
from dataclasses import dataclass
from enum import StrEnum

from frontdoor.accounts.roles import Capability as C


class Audience(StrEnum):
    PUBLIC = "public"  # anyone, signed in or not
    SIGNED_IN = "signed in"  # every role, partners included
    DJANGO_STAFF = "django staff"  # the Django admin: is_staff accounts, which no role is given


Need = C | Audience


@dataclass(frozen=True)
class Rule:
    read: Need
    write: Need | None = None
    narrower: str = ""

    @property
    def writing(self) -> Need:
        return self.write or self.read


def rule(read: Need, write: Need | None = None, *, narrower: str = "") -> Rule:
    return Rule(read, write, narrower)


PUBLIC, SIGNED_IN, READ = rule(Audience.PUBLIC), rule(Audience.SIGNED_IN), rule(C.VIEW_CHILDREN)
MANAGE_COUNCIL, DO_CASEWORK, AUTHORISE_CASEWORK = (
    rule(C.MANAGE_COUNCIL),
    rule(C.DO_CASEWORK),
    rule(C.AUTHORISE_CASEWORK),
)
DECIDE_CONTACTS, RECORD_CONTACTS = rule(C.DECIDE_CONTACTS), rule(C.RECORD_CONTACTS)
REVIEW_QUALITY, POLICE = rule(C.REVIEW_QUALITY), rule(C.RECEIVE_POLICE_NOTIFICATIONS)
OWN_REFERRALS = rule(C.SUBMIT_REFERRALS, narrower="a partner sees only their own referrals")
OWN_TASK = rule(C.VIEW_CHILDREN, narrower="only the front door or the person given the task")

# Each app's URL names (its namespace), by the rule they follow.
# fmt: off
BY_APP: dict[str, dict[Rule, list[str]]] = {
    "": {
        PUBLIC: ["login", "logout", "accessibility", "privacy", "healthz", "sign-in-code"],
        rule(Audience.PUBLIC, narrower="only where the council has set up single sign-on"): [
            "sso-sign-in", "sso-callback",
        ],
        SIGNED_IN: ["home", "api-schema", "api-docs"],
    },
    "accounts": {
        MANAGE_COUNCIL: ["council"],
        rule(C.VIEW_TEAMS): ["teams"],
        rule(C.MANAGE_STAFF): ["staff", "add-staff", "edit-staff", "staff-account", "staff-password", "staff-mfa"],
        SIGNED_IN: ["security", "mfa-set-up", "mfa-recovery-codes", "mfa-replace-recovery-codes", "passkey-add"],
        rule(Audience.SIGNED_IN, narrower="only the passkey's owner"): ["passkey-remove"],
    },
    "timescales": {rule(C.VIEW_TIMESCALES): ["overview"], MANAGE_COUNCIL: ["add-closure-day", "remove-closure-day"]},
    "records": {
        rule(C.VIEW_EVENT_LOG): ["events"],
        rule(C.VIEW_ACCESS_LOG): ["staff-access-log", "staff-access-log-csv"],
    },
    "retention": {
        rule(C.MANAGE_RETENTION): ["queue", "review-now", "review", "keep", "hold", "anonymise"],
        MANAGE_COUNCIL: ["change-rule"],
        rule(C.HANDLE_SUBJECT_ACCESS): ["subject-access"],
    },
    "people": {
        READ: ["search", "detail", "family"],
        rule(C.VIEW_ACCESS_LOG): ["access-log", "access-log-csv"],
        rule(C.EDIT_PEOPLE): [
            "create", "edit", "add-other-name", "add-identifier", "move", "end-residence", "join-household",
            "add-relationship", "end-relationship", "add-professional", "add-involvement", "end-involvement",
            "raise-warning", "review-warning", "end-warning",
        ],
        rule(C.REVIEW_WARNINGS): ["overdue-warnings"],
        rule(C.MANAGE_RESTRICTIONS): ["restriction", "lift-restriction", "revoke-grant"],
        rule(C.MERGE_PEOPLE): ["duplicates", "find-duplicates", "compare", "not-duplicate", "merge", "undo-merge"],
    },
    "people:chronology": {READ: ["show", "family", "print"], DO_CASEWORK: ["add", "mark", "unmark"]},
    "contacts": {
        READ: ["detail"],
        RECORD_CONTACTS: ["new", "tell-referrer"],
        DECIDE_CONTACTS: ["queue", "mine", "pick-up", "decide"],
        rule(C.DECIDE_CONTACTS, narrower="only the person working on it, or a manager"): ["release"],
        rule(C.AUTHORISE_DECISIONS): ["tray", "review"],
        rule(C.ACKNOWLEDGE_HANDOVER): ["handover", "acknowledge"],
        REVIEW_QUALITY: ["quality", "draw-sample", "review-sample"],
        rule(C.MANAGE_THRESHOLDS): ["thresholds", "edit-level", "add-criterion", "criterion-in-use", "policy"],
        rule(C.VIEW_CALL_FIGURES): ["call-figures"],
        rule(C.IMPORT_CALLS): ["import-calls"],
    },
    "casework": {
        READ: ["referral", "assessment"],
        DO_CASEWORK: [
            "primary-need", "start-assessment", "start-cin-plan", "review-cin-plan", "end-cin-plan",
            "my-assessments", "overdue", "edit-assessment", "autosave-assessment", "submit-assessment",
            "amend-assessment",
        ],
        AUTHORISE_CASEWORK: ["allocate", "close", "authorisations", "authorise-assessment"],
    },
    "protection": {
        READ: ["plans", "awaiting-conference", "strategy", "section-47", "plan"],
        DO_CASEWORK: [
            "record-strategy", "record-order", "section-47-outcome", "conference", "review", "core-group", "visit",
        ],
        AUTHORISE_CASEWORK: ["end"],
    },
    "earlyhelp": {
        rule(C.DO_EARLY_HELP): [
            "episodes", "requests", "new-request", "accept", "decline", "episode", "start", "assessment",
            "lead-professional", "taf-meeting", "plan-action", "review", "close",
        ],
    },
    "partners": {
        POLICE: [
            "police", "import", "unmatched", "notification", "match", "meetings", "meeting", "decide",
            "close-meeting",
        ],
        READ: ["tasks"],
        OWN_TASK: ["task-done"],
        rule(C.SUBMIT_REFERRALS): ["portal", "portal-new"],
        OWN_REFERRALS: ["portal-referral"],
        RECORD_CONTACTS: ["portal-feedback"],
        DECIDE_CONTACTS: [
            "sharing", "new-information-request", "new-information-share", "information-request",
            "decline-information-request",
        ],
    },
    "workforce": {
        READ: ["supervision-session"],
        rule(C.VIEW_TEAMS): ["team", "worker", "supervision"],
        AUTHORISE_CASEWORK: ["unallocated", "oversight", "record-supervision", "book-supervision", "give-direction"],
        MANAGE_COUNCIL: ["policy"],
    },
    "quality": {
        REVIEW_QUALITY: ["index", "templates", "template", "programme", "audit", "moderate", "add-action", "report"],
        rule(C.VIEW_CHILDREN, narrower="only the case's worker or their manager responds"): ["respond"],
        rule(C.VIEW_CHILDREN, narrower="only QA, or the case's worker or manager"): ["complete-action"],
    },
    "returns": {
        rule(C.PREPARE_RETURNS): ["index", "build-census", "build-annex-a", "build", "build-progress", "quality"],
        rule(C.PREPARE_RETURNS, narrower="only a finished build, whose file is on the server"): ["download"],
    },
    "insight": {rule(C.VIEW_INSIGHT): ["dashboard", "records", "records-csv"]},
    "api": {
        SIGNED_IN: ["me", "council", "working-days"],
        READ: [
            "contact-detail", "chronology", "referrals", "referral-detail", "supervision-detail", "triage-tasks",
            "strategy-discussion-detail", "section-47-detail", "cp-plans", "cp-plan-detail",
        ],
        rule(C.VIEW_CHILDREN, C.RECORD_CONTACTS): ["contacts"],
        rule(C.VIEW_CHILDREN, C.EDIT_PEOPLE): ["people", "person-detail"],
        rule(C.VIEW_CHILDREN, C.DO_CASEWORK): ["assessment-detail"],
        rule(C.VIEW_CHILDREN, C.AUTHORISE_CASEWORK): ["referral-allocations"],
        DO_CASEWORK: [
            "chronology-entries", "chronology-significance", "referral-assessments", "referral-cin-plans",
            "assessment-submit", "assessment-amend", "cin-plan-reviews", "cin-plan-end", "strategy-discussions",
            "section-47-outcome", "section-47-conference", "cp-plan-reviews", "cp-plan-core-groups", "cp-plan-visits",
        ],
        AUTHORISE_CASEWORK: [
            "referral-close", "supervision", "assessment-authorise", "assessment-return", "cp-plan-end",
        ],
        DECIDE_CONTACTS: [
            "contact-decision", "information-requests", "information-request-decline", "information-shares",
        ],
        rule(C.DO_EARLY_HELP): [
            "early-help-episodes", "early-help-episode", "early-help-assessment", "early-help-closure",
            "early-help-requests",
        ],
        POLICE: [
            "police-notifications", "police-notification", "police-notification-match", "triage-meetings",
            "triage-meeting", "triage-meeting-decisions", "triage-meeting-close",
        ],
        OWN_TASK: ["triage-task-done"],
        rule(C.SUBMIT_REFERRALS): ["portal-referrals"],
        OWN_REFERRALS: ["portal-referral"],
        RECORD_CONTACTS: ["portal-referral-feedback"],
        REVIEW_QUALITY: ["audit-programmes", "audits", "audit-detail", "audit-grade", "audit-moderation"],
        rule(C.VIEW_TEAMS): ["caseloads"],
        rule(C.IMPORT_CALLS): ["call-events"],
        rule(C.VIEW_INSIGHT): ["indicators", "indicator"],
        rule(C.VIEW_ACCESS_LOG): ["person-access-log", "staff-access-log"],
        rule(C.HANDLE_SUBJECT_ACCESS): ["subject-access-export"],
    },
}
# fmt: on

EXPECTED: dict[str, Rule] = {
    f"{app}:{name}" if app else name: found
    for app, rules in BY_APP.items()
    for found, names in rules.items()
    for name in names
} | {
    # The Django admin names its URLs after each registered model; every one needs an is_staff account.
    "admin:login": PUBLIC,
    "admin:logout": PUBLIC,
    "admin:*": rule(Audience.DJANGO_STAFF),
}


def rule_for(name: str) -> Rule | None:
    """The exact entry if there is one, else the longest pattern that matches."""
    if name in EXPECTED:
        return EXPECTED[name]
    patterns = sorted((key for key in EXPECTED if "*" in key and fnmatch.fnmatchcase(name, key)), key=len, reverse=True)
    return EXPECTED[patterns[0]] if patterns else None
