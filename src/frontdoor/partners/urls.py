from django.urls import path

from frontdoor.partners import meeting_views, portal_views, sharing_views, views

app_name = "partners"
urlpatterns = [
    path("police/", views.police, name="police"),
    path("police/import/", views.import_file, name="import"),
    path("police/unmatched/", views.unmatched, name="unmatched"),
    path("police/<int:notification_id>/", views.notification, name="notification"),
    path("police/people/<int:named_id>/match/", views.match, name="match"),
    path("meetings/", meeting_views.meetings, name="meetings"),
    path("meetings/<int:meeting_id>/", meeting_views.meeting, name="meeting"),
    path("meetings/<int:meeting_id>/decisions/", meeting_views.decide, name="decide"),
    path("meetings/<int:meeting_id>/close/", meeting_views.close, name="close-meeting"),
    path("portal/", portal_views.referrals, name="portal"),
    path("portal/new/", portal_views.new_referral, name="portal-new"),
    path("portal/<int:referral_id>/", portal_views.referral, name="portal-referral"),
    path("portal/<int:referral_id>/feedback/", portal_views.feedback, name="portal-feedback"),
    path("sharing/", sharing_views.index, name="sharing"),
    path("sharing/people/<int:person_id>/requests/new/", sharing_views.new_request, name="new-information-request"),
    path("sharing/people/<int:person_id>/shares/new/", sharing_views.new_share, name="new-information-share"),
    path("sharing/requests/<int:request_id>/", sharing_views.information_request, name="information-request"),
    path("sharing/requests/<int:request_id>/decline/", sharing_views.decline, name="decline-information-request"),
    path("tasks/", meeting_views.tasks, name="tasks"),
    path("tasks/<int:decision_id>/done/", meeting_views.task_done, name="task-done"),
]
