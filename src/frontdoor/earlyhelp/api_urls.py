"""The early help API, under /api/v1/early-help/ (names in the "api" namespace)."""

from django.urls import path

from frontdoor.earlyhelp import api

urlpatterns = [
    path("episodes/", api.episodes, name="early-help-episodes"),
    path("episodes/<int:episode_id>/", api.episode_detail, name="early-help-episode"),
    path("episodes/<int:episode_id>/assessment/", api.assessment, name="early-help-assessment"),
    path("episodes/<int:episode_id>/closure/", api.closure, name="early-help-closure"),
    path("requests/", api.requests, name="early-help-requests"),
]
