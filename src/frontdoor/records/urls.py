from django.urls import path

from frontdoor.records import views

app_name = "records"
urlpatterns = [
    path("events/", views.events, name="events"),
]
