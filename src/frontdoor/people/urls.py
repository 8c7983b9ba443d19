from django.urls import include, path

from frontdoor.people import duplicate_views, family_views, safety_views, views
from frontdoor.records import access_log_views

app_name = "people"
urlpatterns = [
    path("", views.search, name="search"),
    path("new/", views.create, name="create"),
    path("<int:person_id>/", views.detail, name="detail"),
    path("<int:person_id>/edit/", views.edit, name="edit"),
    path("<int:person_id>/family/", views.family, name="family"),
    path("<int:person_id>/chronology/", include("frontdoor.records.chronology_urls")),
    path("<int:person_id>/access-log/", access_log_views.child_log, name="access-log"),
    path("<int:person_id>/access-log/csv/", access_log_views.child_log_csv, name="access-log-csv"),
    path("<int:person_id>/names/add/", family_views.add_other_name, name="add-other-name"),
    path("<int:person_id>/references/add/", family_views.add_identifier, name="add-identifier"),
    path("<int:person_id>/address/", family_views.move, name="move"),
    path("<int:person_id>/addresses/<int:residence_id>/end/", family_views.end_residence, name="end-residence"),
    path("<int:person_id>/household/<int:relative_id>/", family_views.join_household, name="join-household"),
    path("<int:person_id>/relationships/add/", family_views.add_relationship, name="add-relationship"),
    path(
        "<int:person_id>/relationships/<int:relationship_id>/end/",
        family_views.end_relationship,
        name="end-relationship",
    ),
    path("<int:person_id>/professionals/add/", family_views.add_involvement, name="add-involvement"),
    path(
        "<int:person_id>/professionals/<int:involvement_id>/end/", family_views.end_involvement, name="end-involvement"
    ),
    path("professionals/add/", family_views.add_professional, name="add-professional"),
    path("<int:person_id>/warnings/add/", safety_views.raise_warning, name="raise-warning"),
    path("<int:person_id>/warnings/<int:warning_id>/review/", safety_views.review_warning, name="review-warning"),
    path("<int:person_id>/warnings/<int:warning_id>/end/", safety_views.end_warning, name="end-warning"),
    path("warnings/overdue/", safety_views.overdue_warnings, name="overdue-warnings"),
    path("<int:person_id>/restriction/", safety_views.restriction, name="restriction"),
    path("<int:person_id>/restriction/lift/", safety_views.lift_restriction, name="lift-restriction"),
    path("<int:person_id>/restriction/<int:grant_id>/revoke/", safety_views.revoke_grant, name="revoke-grant"),
    path("duplicates/", duplicate_views.queue, name="duplicates"),
    path("duplicates/find/", duplicate_views.find_now, name="find-duplicates"),
    path("duplicates/<int:candidate_id>/", duplicate_views.compare, name="compare"),
    path("duplicates/<int:candidate_id>/not-duplicate/", duplicate_views.not_duplicate, name="not-duplicate"),
    path("merges/<int:merge_id>/", duplicate_views.merge_record, name="merge"),
    path("merges/<int:merge_id>/undo/", duplicate_views.undo, name="undo-merge"),
]
