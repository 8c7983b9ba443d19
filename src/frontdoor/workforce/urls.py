from django.urls import path

from frontdoor.workforce import views

app_name = "workforce"
urlpatterns = [
    path("team/", views.team, name="team"),
    path("unallocated/", views.unallocated, name="unallocated"),
    path("caseload-policy/", views.policy, name="policy"),
    path("workers/<int:user_id>/", views.worker, name="worker"),
]
