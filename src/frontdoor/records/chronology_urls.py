from django.urls import path

from frontdoor.records import chronology_views as views

app_name = "chronology"
urlpatterns = [
    path("", views.chronology, name="show"),
    path("family/", views.family, name="family"),
    path("print/", views.print_view, name="print"),
    path("add/", views.add_entry, name="add"),
    path("<str:source>/<int:item_id>/significant/", views.mark, name="mark"),
    path("<str:source>/<int:item_id>/not-significant/", views.unmark, name="unmark"),
]
