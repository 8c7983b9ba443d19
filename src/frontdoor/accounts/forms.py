from typing import Any

from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm

from frontdoor.accounts.models import LocalAuthority, Team, User
from frontdoor.govuk.forms import GovukDateField, GovukForm, GovukModelForm, name_required_fields


class LoginForm(AuthenticationForm):
    error_messages = {
        "invalid_login": "The username or password is not correct",
        "inactive": "This account has been closed. Ask the system administrator if you need it",
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["username"].error_messages["required"] = "Enter your username"
        self.fields["password"].error_messages["required"] = "Enter your password"
        # No autofocus: it skips the skip link and the page's heading for
        # screen reader and keyboard users (GOV.UK advice).
        self.fields["username"].widget.attrs.pop("autofocus", None)
        self.fields["username"].widget.attrs.update(
            {"autocomplete": "username", "spellcheck": "false", "autocapitalize": "none"}
        )


TIME_HINT = "Use the 24-hour clock, for example 09:00 or 17:30"


class LocalAuthorityForm(GovukModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = LocalAuthority
        fields = [
            "name",
            "la_code",
            "regime",
            "regime_changed_on",
            "office_opens",
            "office_closes",
            "office_closes_friday",
            "front_door_phone",
            "out_of_hours_phone",
            "cp_visit_interval_working_days",
            "cin_visit_interval_working_days",
            "cin_plan_review_interval_months",
            "child_population",
        ]
        labels = {
            "name": "Council name",
            "office_opens": "Office opens at",
            "office_closes": "Office closes at (Monday to Thursday)",
            "office_closes_friday": "Office closes at on Fridays",
            "front_door_phone": "Front door phone number",
            "out_of_hours_phone": "Out of hours (emergency duty) phone number",
        }
        help_texts = {
            "la_code": "For example, 931. The census and Annex A use it.",
            "office_opens": TIME_HINT,
            "office_closes": TIME_HINT,
            "office_closes_friday": TIME_HINT,
        }
        widgets = {"regime": forms.RadioSelect}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["regime_changed_on"] = GovukDateField(
            label="Date the council moved to this regime",
            required=False,
            help_text=("Work started before this date keeps the rules of the 2010 regime. For example, 1 4 2014"),
        )
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version
        for name in ("office_opens", "office_closes", "office_closes_friday"):
            self.fields[name].widget.format = "%H:%M"
            self.fields[name].widget.attrs["class"] = "govuk-input--width-5"
            self.fields[name].error_messages["invalid"] = "Enter a time such as 09:00"
        self.fields["child_population"].widget.attrs["class"] = "govuk-input--width-10"
        for name in ("la_code",):
            self.fields[name].widget.attrs["class"] = "govuk-input--width-3"
        for name in (
            "cp_visit_interval_working_days",
            "cin_visit_interval_working_days",
            "cin_plan_review_interval_months",
        ):
            self.fields[name].widget.attrs["class"] = "govuk-input--width-3"
        for name in ("front_door_phone", "out_of_hours_phone"):
            self.fields[name].widget.attrs.update({"class": "govuk-input--width-20", "autocomplete": "tel"})
            self.fields[name].widget.input_type = "tel"

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        opens, closes, friday = (
            data.get("office_opens"),
            data.get("office_closes"),
            data.get("office_closes_friday"),
        )
        if opens and closes and closes <= opens:
            self.add_error("office_closes", "The office must close after it opens")
        if opens and friday and friday <= opens:
            self.add_error("office_closes_friday", "The office must close after it opens on Fridays")
        return data


class StaffMemberForm(GovukModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = User
        fields = ["first_name", "last_name", "email", "job_title", "role", "team"]
        labels = {"team": "Team", "role": "Role", "email": "Email address"}
        widgets = {"role": forms.RadioSelect}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("first_name", "last_name"):
            self.fields[name].required = True
            self.fields[name].widget.attrs["class"] = "govuk-input--width-20"
        self.fields["email"].widget.attrs.update({"spellcheck": "false", "autocomplete": "off"})
        team = self.fields["team"]
        assert isinstance(team, forms.ModelChoiceField)
        team.queryset = Team.objects.filter(is_active=True)
        team.empty_label = "No team"
        team.required = False
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version
        name_required_fields(self)


class NewStaffMemberForm(StaffMemberForm):
    version = None  # type: ignore[assignment]  # a new account has no version to be stale against
    username = forms.CharField(
        label="Username",
        max_length=150,
        help_text="What they sign in with, for example firstname.lastname",
        widget=forms.TextInput(attrs={"class": "govuk-input--width-20", "spellcheck": "false"}),
    )
    password = forms.CharField(
        label="Temporary password",
        help_text="At least 12 characters. Give it to them in person or by phone, never by email",
        widget=forms.PasswordInput(attrs={"class": "govuk-input--width-20", "autocomplete": "new-password"}),
    )

    field_order = ["username", "password"]

    def clean_username(self) -> str:
        username = str(self.cleaned_data["username"]).strip()
        if User.objects.filter(username__iexact=username).exists():
            raise forms.ValidationError("Someone already has that username")
        return username

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if password := data.get("password"):
            candidate = User(username=data.get("username", ""), first_name=data.get("first_name", ""))
            try:
                password_validation.validate_password(password, candidate)
            except forms.ValidationError as error:
                self.add_error("password", error)
        return data


class PasswordResetForm(GovukForm):
    password = forms.CharField(
        label="New temporary password",
        help_text="At least 12 characters. Resetting the password also unlocks the account",
        widget=forms.PasswordInput(attrs={"class": "govuk-input--width-20", "autocomplete": "new-password"}),
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self) -> str:
        password = str(self.cleaned_data["password"])
        password_validation.validate_password(password, self.user)
        return password


class SignInCodeForm(GovukForm):
    code = forms.CharField(
        label="Code",
        max_length=20,
        help_text="The 6-digit code your authenticator app shows now, or one of your recovery codes",
        error_messages={"required": "Enter the code from your authenticator app"},
        widget=forms.TextInput(
            attrs={
                "class": "govuk-input--width-10",
                "autocomplete": "one-time-code",
                "spellcheck": "false",
                "autocapitalize": "none",
            }
        ),
    )


class EnrolAuthenticatorForm(GovukForm):
    code = forms.CharField(
        label="Code from your authenticator app",
        max_length=10,
        help_text="After scanning, the app shows a 6-digit code that changes every 30 seconds",
        error_messages={"required": "Enter the 6-digit code from your authenticator app"},
        widget=forms.TextInput(
            attrs={
                "class": "govuk-input--width-5",
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "spellcheck": "false",
            }
        ),
    )


class PasskeyForm(GovukForm):
    """A passkey's name, and the browser's answer (filled in by passkeys.mjs)."""

    name = forms.CharField(
        label="Name for this passkey",
        max_length=60,
        help_text="So you can tell your passkeys apart, for example 'Work laptop' or 'Phone'",
        error_messages={"required": "Enter a name for the passkey"},
        widget=forms.TextInput(attrs={"class": "govuk-input--width-20", "autocomplete": "off"}),
    )
    credential = forms.CharField(required=False, widget=forms.HiddenInput, max_length=20_000)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("name") and not cleaned.get("credential"):
            raise forms.ValidationError(
                "Your browser did not send a passkey. Passkeys need JavaScript and a browser that supports them"
            )
        return cleaned
