from django.urls import path

from frontdoor.workforce import views

app_name = "workforce"
urlpatterns = [
    path("team/", views.team, name="team"),
    path("unallocated/", views.unallocated, name="unallocated"),
    path("caseload-policy/", views.policy, name="policy"),
    path("workers/<int:user_id>/", views.worker, name="worker"),
    path("supervision/", views.supervision, name="supervision"),
    path("oversight/", views.oversight, name="oversight"),
    path("supervision/record/<int:user_id>/", views.record_supervision, name="record-supervision"),
    path("supervision/book/<int:user_id>/", views.book_supervision, name="book-supervision"),
    path("supervision/<int:session_id>/", views.supervision_session, name="supervision-session"),
    path("referrals/<int:referral_id>/direction/", views.give_direction, name="give-direction"),
]
