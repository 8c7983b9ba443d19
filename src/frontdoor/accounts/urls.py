from django.urls import path

from frontdoor.accounts import views

app_name = "accounts"
urlpatterns = [
    path("council/", views.council_settings, name="council"),
    path("teams/", views.teams, name="teams"),
]
