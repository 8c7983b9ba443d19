from django.urls import path

from frontdoor.earlyhelp import views

app_name = "earlyhelp"
urlpatterns = [
    path("", views.episodes, name="episodes"),
    path("requests/", views.requests, name="requests"),
    path("requests/new/", views.new_request, name="new-request"),
    path("requests/<int:request_id>/accept/", views.accept, name="accept"),
    path("requests/<int:request_id>/decline/", views.decline, name="decline"),
    path("episodes/<int:episode_id>/", views.episode, name="episode"),
    path("episodes/<int:episode_id>/start/", views.start, name="start"),
    path("episodes/<int:episode_id>/assessment/", views.assessment, name="assessment"),
    path("episodes/<int:episode_id>/lead-professional/", views.lead_professional, name="lead-professional"),
    path("episodes/<int:episode_id>/taf-meetings/", views.taf_meeting, name="taf-meeting"),
    path("episodes/<int:episode_id>/plan/", views.plan_action, name="plan-action"),
    path("episodes/<int:episode_id>/reviews/", views.review, name="review"),
    path("episodes/<int:episode_id>/close/", views.close, name="close"),
]
