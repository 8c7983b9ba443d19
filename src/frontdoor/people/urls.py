from django.urls import path

from frontdoor.people import views

app_name = "people"
urlpatterns = [
    path("<int:person_id>/", views.detail, name="detail"),
]
