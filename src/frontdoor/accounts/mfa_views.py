"""The second step of signing in, and each person's authenticator app, passkeys and recovery codes."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_POST

from frontdoor.accounts import passkeys, services, signin
from frontdoor.accounts.access import require
from frontdoor.accounts.forms import EnrolAuthenticatorForm, SignInCodeForm
from frontdoor.accounts.middleware import mfa_not_required
from frontdoor.accounts.models import AuthenticatorApp, Passkey, RecoveryCode, User
from frontdoor.accounts.roles import Capability


@login_not_required
@sensitive_post_parameters("code")
@never_cache
def sign_in_code(request: HttpRequest) -> HttpResponse:
    user = signin.pending_user(request)
    if user is None or signin.is_locked_out(request, user):
        return redirect("login")
    if "credential" in request.POST:
        return _sign_in_with_passkey(request, user)
    form = SignInCodeForm(request.POST or None)
    if form.is_valid():
        used = services.verify_second_factor(user=user, code=form.cleaned_data["code"], by=user)
        if used is not None:
            if used == services.SecondFactor.RECOVERY_CODE:
                messages.warning(request, "You used a recovery code. Each works once: make new ones if few are left")
            return redirect(signin.finish_with_code(request, user))
        signin.code_failed(request, user)
        form.add_error("code", "The code is not correct. Check your authenticator app and try again")
    return _sign_in_code_page(request, user, form)


def _sign_in_code_page(request: HttpRequest, user: User, form: SignInCodeForm, passkey_error: str = "") -> HttpResponse:
    has_passkey = Passkey.objects.filter(user=user).exists()
    context = {
        "form": form,
        "has_app": signin.has_authenticator_app(user),
        "passkey_options": passkeys.authentication_options(request, user) if has_passkey else None,
        "passkey_error": passkey_error,
    }
    return render(request, "accounts/mfa/sign_in_code.html", context)


def _sign_in_with_passkey(request: HttpRequest, user: User) -> HttpResponse:
    challenge = passkeys.take_challenge(request, passkeys.SIGN_IN)
    if challenge is not None:
        passkey = services.verify_passkey(
            user=user,
            credential=request.POST["credential"],
            challenge=challenge,
            relying_party=passkeys.relying_party(request),
            by=user,
        )
        if passkey is not None:
            return redirect(signin.finish_with_code(request, user))
    # Counted like a wrong code: axes answers with the lockout page once the limit is reached.
    signin.code_failed(request, user)
    error = "Your passkey could not be checked. Try again, or use another way to sign in on this page"
    return _sign_in_code_page(request, user, SignInCodeForm(), passkey_error=error)


def _current_user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)
    return user


@mfa_not_required
@sensitive_post_parameters("code")
@never_cache
def set_up_authenticator(request: HttpRequest) -> HttpResponse:
    user = _current_user(request)
    if signin.has_authenticator_app(user) or (signin.has_second_factor(user) and not signin.is_mfa_verified(request)):
        return _already_set_up(request)
    secret = request.session.setdefault(signin.ENROLMENT_SECRET_KEY, services.new_totp_secret())
    form = EnrolAuthenticatorForm(request.POST or None)
    if form.is_valid():
        try:
            codes = services.enrol_authenticator_app(user=user, secret=secret, code=form.cleaned_data["code"], by=user)
        except ValidationError as error:
            form.add_error("code", error)
        else:
            del request.session[signin.ENROLMENT_SECRET_KEY]
            signin.mark_mfa_verified(request)
            request.session[signin.NEW_RECOVERY_CODES_KEY] = codes
            return redirect("accounts:mfa-recovery-codes")
    qr_svg = signin.provisioning_qr_svg(user, secret, issuer=settings.SERVICE_NAME)
    context = {"form": form, "qr_svg": qr_svg, "secret": signin.grouped_secret(secret)}
    return render(request, "accounts/mfa/set_up.html", context)


def _already_set_up(request: HttpRequest) -> HttpResponse:
    if signin.is_mfa_verified(request):
        return redirect("accounts:security")
    # Signed in some way that skipped the code (the admin site, a test login): start again properly.
    logout(request)
    return redirect("login")


@mfa_not_required
@never_cache
def new_recovery_codes(request: HttpRequest) -> HttpResponse:
    """Shown once: only their hashes are kept."""
    codes = request.session.pop(signin.NEW_RECOVERY_CODES_KEY, None)
    if not codes:
        return redirect("accounts:security")
    return render(request, "accounts/mfa/recovery_codes.html", {"codes": codes})


@require_GET
def security(request: HttpRequest) -> HttpResponse:
    user = _current_user(request)
    app = AuthenticatorApp.objects.filter(user=user).first()
    codes_left = RecoveryCode.objects.filter(user=user, used_at__isnull=True).count()
    context = {
        "app": app,
        "passkeys": Passkey.objects.filter(user=user),
        "codes_left": codes_left,
        "mfa_required": settings.MFA_REQUIRED,
    }
    return render(request, "accounts/mfa/security.html", context)


@require_POST
def replace_recovery_codes(request: HttpRequest) -> HttpResponse:
    user = _current_user(request)
    try:
        codes = services.regenerate_recovery_codes(user=user, by=user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
        return redirect("accounts:security")
    request.session[signin.NEW_RECOVERY_CODES_KEY] = codes
    return redirect("accounts:mfa-recovery-codes")


def reset_staff_mfa(request: HttpRequest, user_id: int) -> HttpResponse:
    admin = require(request, Capability.MANAGE_STAFF)
    staff_member = get_object_or_404(User, pk=user_id)
    if request.method == "POST":
        try:
            services.reset_mfa(user=staff_member, by=admin)
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(request, f"Reset the authenticator app of {staff_member.display_name}")
        return redirect("accounts:edit-staff", user_id=staff_member.pk)
    context = {"staff_member": staff_member, "has_app": signin.has_second_factor(staff_member)}
    return render(request, "accounts/mfa/reset.html", context)
