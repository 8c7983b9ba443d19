from django.urls import path

from frontdoor.accounts import mfa_views, passkey_views, staff_views, views

app_name = "accounts"
urlpatterns = [
    path("council/", views.council_settings, name="council"),
    path("teams/", views.teams, name="teams"),
    path("staff/", staff_views.staff_list, name="staff"),
    path("staff/add/", staff_views.add_staff, name="add-staff"),
    path("staff/<int:user_id>/", staff_views.edit_staff, name="edit-staff"),
    path("staff/<int:user_id>/account/", staff_views.set_account_open, name="staff-account"),
    path("staff/<int:user_id>/password/", staff_views.reset_password, name="staff-password"),
    path("staff/<int:user_id>/authenticator/", mfa_views.reset_staff_mfa, name="staff-mfa"),
    path("account/security/", mfa_views.security, name="security"),
    path("account/authenticator/", mfa_views.set_up_authenticator, name="mfa-set-up"),
    path("account/recovery-codes/", mfa_views.new_recovery_codes, name="mfa-recovery-codes"),
    path("account/passkeys/add/", passkey_views.add_passkey, name="passkey-add"),
    path("account/passkeys/<int:passkey_id>/remove/", passkey_views.remove_passkey, name="passkey-remove"),
    path("account/recovery-codes/new/", mfa_views.replace_recovery_codes, name="mfa-replace-recovery-codes"),
]
