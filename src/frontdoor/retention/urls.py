from django.urls import path

from frontdoor.retention import views

app_name = "retention"
urlpatterns = [
    path("", views.queue, name="queue"),
    path("review-now/", views.review_now, name="review-now"),
    path("<int:review_id>/", views.review, name="review"),
    path("<int:review_id>/keep/", views.keep, name="keep"),
    path("<int:review_id>/hold/", views.hold, name="hold"),
    path("<int:review_id>/anonymise/", views.anonymise, name="anonymise"),
    path("rules/<int:rule_id>/", views.change_rule, name="change-rule"),
    path("people/<int:person_id>/subject-access/", views.subject_access, name="subject-access"),
]
