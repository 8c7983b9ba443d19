from django.urls import path

from frontdoor.insight import views

app_name = "insight"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("indicators/<slug:slug>/", views.records, name="records"),
    path("indicators/<slug:slug>/csv/", views.records_csv, name="records-csv"),
]
