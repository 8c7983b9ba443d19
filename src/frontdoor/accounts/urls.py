from django.urls import path

from frontdoor.accounts import staff_views, views

app_name = "accounts"
urlpatterns = [
    path("council/", views.council_settings, name="council"),
    path("teams/", views.teams, name="teams"),
    path("staff/", staff_views.staff_list, name="staff"),
    path("staff/add/", staff_views.add_staff, name="add-staff"),
    path("staff/<int:user_id>/", staff_views.edit_staff, name="edit-staff"),
    path("staff/<int:user_id>/account/", staff_views.set_account_open, name="staff-account"),
    path("staff/<int:user_id>/password/", staff_views.reset_password, name="staff-password"),
]
