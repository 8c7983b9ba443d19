from django.urls import path

from frontdoor.records import access_log_views, views

app_name = "records"
urlpatterns = [
    path("events/", views.events, name="events"),
    # What one member of staff saw; who saw one child is under the child's own pages (people:access-log).
    path("staff/<int:user_id>/access-log/", access_log_views.staff_log, name="staff-access-log"),
    path("staff/<int:user_id>/access-log/csv/", access_log_views.staff_log_csv, name="staff-access-log-csv"),
]
