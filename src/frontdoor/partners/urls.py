from django.urls import path

from frontdoor.partners import views

app_name = "partners"
urlpatterns = [
    path("police/", views.police, name="police"),
    path("police/import/", views.import_file, name="import"),
    path("police/unmatched/", views.unmatched, name="unmatched"),
    path("police/<int:notification_id>/", views.notification, name="notification"),
    path("police/people/<int:named_id>/match/", views.match, name="match"),
]
