from django.urls import path

from frontdoor.timescales import views

app_name = "timescales"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("closure-days/add/", views.add_closure_day, name="add-closure-day"),
    path("closure-days/<int:closure_id>/remove/", views.remove_closure_day, name="remove-closure-day"),
]
