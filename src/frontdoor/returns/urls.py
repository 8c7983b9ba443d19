from django.urls import path

from frontdoor.returns import views

app_name = "returns"
urlpatterns = [
    path("", views.index, name="index"),
    path("census/", views.build_census, name="build-census"),
    path("annex-a/", views.build_annex_a, name="build-annex-a"),
    path("builds/<int:build_id>/", views.build, name="build"),
    path("builds/<int:build_id>/progress/", views.build_progress, name="build-progress"),
    path("builds/<int:build_id>/download/", views.download, name="download"),
    path("quality/", views.quality, name="quality"),
]
