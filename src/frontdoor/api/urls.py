from django.urls import include, path

from frontdoor.accounts import api as accounts_api
from frontdoor.casework import api as casework_api
from frontdoor.contacts import api as contacts_api
from frontdoor.insight import api as insight_api
from frontdoor.partners import api as partners_api
from frontdoor.partners import meeting_api, portal_api, sharing_api
from frontdoor.people import api as people_api
from frontdoor.protection import api as protection_api
from frontdoor.quality import api as quality_api
from frontdoor.records import access_log_api
from frontdoor.records import api as records_api
from frontdoor.retention import api as retention_api
from frontdoor.timescales import api as timescales_api
from frontdoor.workforce import api as workforce_api

app_name = "api"
urlpatterns = [
    path("v1/me/", accounts_api.me, name="me"),
    path("v1/council/", accounts_api.council, name="council"),
    path("v1/calendar/working-days/", timescales_api.working_days, name="working-days"),
    path("v1/calls/", include("frontdoor.contacts.call_api_urls")),
    path("v1/early-help/", include("frontdoor.earlyhelp.api_urls")),
    path("v1/contacts/", contacts_api.contacts, name="contacts"),
    path("v1/contacts/<int:contact_id>/", contacts_api.contact_detail, name="contact-detail"),
    path(
        "v1/contacts/<int:contact_id>/children/<int:child_id>/decision/",
        contacts_api.decision,
        name="contact-decision",
    ),
    path("v1/indicators/", insight_api.indicators, name="indicators"),
    path("v1/indicators/<slug:slug>/", insight_api.indicator, name="indicator"),
    path("v1/people/", people_api.people, name="people"),
    path("v1/people/<int:person_id>/", people_api.person_detail, name="person-detail"),
    path("v1/people/<int:person_id>/chronology/", records_api.chronology, name="chronology"),
    path(
        "v1/people/<int:person_id>/subject-access-export/",
        retention_api.subject_access_export,
        name="subject-access-export",
    ),
    path("v1/people/<int:person_id>/chronology/entries/", records_api.add_entry, name="chronology-entries"),
    path(
        "v1/people/<int:person_id>/chronology/<str:source>/<int:item_id>/significance/",
        records_api.significance,
        name="chronology-significance",
    ),
    path("v1/people/<int:person_id>/access-log/", access_log_api.person_access_log, name="person-access-log"),
    path("v1/staff/<int:user_id>/access-log/", access_log_api.staff_access_log, name="staff-access-log"),
    path("v1/referrals/", casework_api.referrals, name="referrals"),
    path("v1/referrals/<int:referral_id>/", casework_api.referral_detail, name="referral-detail"),
    path("v1/referrals/<int:referral_id>/close/", casework_api.close_referral, name="referral-close"),
    path("v1/referrals/<int:referral_id>/assessments/", casework_api.start_assessment, name="referral-assessments"),
    path("v1/referrals/<int:referral_id>/cin-plans/", casework_api.start_cin_plan, name="referral-cin-plans"),
    path("v1/referrals/<int:referral_id>/allocations/", workforce_api.allocations, name="referral-allocations"),
    path("v1/caseloads/", workforce_api.caseloads, name="caseloads"),
    path("v1/supervision/", workforce_api.supervision, name="supervision"),
    path("v1/supervision/<int:session_id>/", workforce_api.supervision_detail, name="supervision-detail"),
    path("v1/police-notifications/", partners_api.police_notifications, name="police-notifications"),
    path(
        "v1/police-notifications/<int:notification_id>/",
        partners_api.police_notification,
        name="police-notification",
    ),
    path("v1/police-notifications/people/<int:named_id>/match/", partners_api.match, name="police-notification-match"),
    path("v1/triage-meetings/", meeting_api.meetings, name="triage-meetings"),
    path("v1/triage-meetings/<int:meeting_id>/", meeting_api.meeting, name="triage-meeting"),
    path("v1/triage-meetings/<int:meeting_id>/decisions/", meeting_api.decisions, name="triage-meeting-decisions"),
    path("v1/triage-meetings/<int:meeting_id>/close/", meeting_api.close, name="triage-meeting-close"),
    path("v1/triage-tasks/", meeting_api.tasks, name="triage-tasks"),
    path("v1/triage-tasks/<int:decision_id>/done/", meeting_api.task_done, name="triage-task-done"),
    path("v1/portal/referrals/", portal_api.referrals, name="portal-referrals"),
    path("v1/portal/referrals/<int:referral_id>/", portal_api.referral, name="portal-referral"),
    path("v1/portal/referrals/<int:referral_id>/feedback/", portal_api.feedback, name="portal-referral-feedback"),
    path("v1/information-requests/", sharing_api.requests, name="information-requests"),
    path(
        "v1/information-requests/<int:request_id>/decline/",
        sharing_api.decline,
        name="information-request-decline",
    ),
    path("v1/information-shares/", sharing_api.shares, name="information-shares"),
    path("v1/audit-programmes/", quality_api.programmes, name="audit-programmes"),
    path("v1/audits/", quality_api.audits, name="audits"),
    path("v1/audits/<int:audit_id>/", quality_api.audit_detail, name="audit-detail"),
    path("v1/audits/<int:audit_id>/grade/", quality_api.grade, name="audit-grade"),
    path("v1/audits/<int:audit_id>/moderation/", quality_api.moderate, name="audit-moderation"),
    path("v1/assessments/<int:assessment_id>/", casework_api.assessment_detail, name="assessment-detail"),
    path("v1/assessments/<int:assessment_id>/submit/", casework_api.submit_assessment, name="assessment-submit"),
    path(
        "v1/assessments/<int:assessment_id>/authorise/", casework_api.authorise_assessment, name="assessment-authorise"
    ),
    path("v1/assessments/<int:assessment_id>/return/", casework_api.return_assessment, name="assessment-return"),
    path("v1/assessments/<int:assessment_id>/amend/", casework_api.amend_assessment, name="assessment-amend"),
    path("v1/cin-plans/<int:plan_id>/reviews/", casework_api.review_cin_plan, name="cin-plan-reviews"),
    path("v1/cin-plans/<int:plan_id>/end/", casework_api.end_cin_plan, name="cin-plan-end"),
    path("v1/strategy-discussions/", protection_api.strategy_discussions, name="strategy-discussions"),
    path(
        "v1/strategy-discussions/<int:discussion_id>/",
        protection_api.strategy_discussion_detail,
        name="strategy-discussion-detail",
    ),
    path("v1/section-47s/<int:section_47_id>/", protection_api.section_47_detail, name="section-47-detail"),
    path("v1/section-47s/<int:section_47_id>/outcome/", protection_api.section_47_outcome, name="section-47-outcome"),
    path(
        "v1/section-47s/<int:section_47_id>/conference/",
        protection_api.section_47_conference,
        name="section-47-conference",
    ),
    path("v1/cp-plans/", protection_api.plans, name="cp-plans"),
    path("v1/cp-plans/<int:plan_id>/", protection_api.plan_detail, name="cp-plan-detail"),
    path("v1/cp-plans/<int:plan_id>/reviews/", protection_api.review_plan, name="cp-plan-reviews"),
    path("v1/cp-plans/<int:plan_id>/core-groups/", protection_api.record_core_group, name="cp-plan-core-groups"),
    path("v1/cp-plans/<int:plan_id>/visits/", protection_api.record_visit, name="cp-plan-visits"),
    path("v1/cp-plans/<int:plan_id>/end/", protection_api.end_plan, name="cp-plan-end"),
]
