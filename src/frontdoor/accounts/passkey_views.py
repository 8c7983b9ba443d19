"""Adding and removing your passkeys. Signing in with one is part of the code step (mfa_views.sign_in_code)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache

from frontdoor.accounts import passkeys, services, signin
from frontdoor.accounts.forms import PasskeyForm
from frontdoor.accounts.mfa_views import _already_set_up, _current_user
from frontdoor.accounts.middleware import mfa_not_required
from frontdoor.accounts.models import Passkey

CHALLENGE_GONE = "The passkey request was out of date. Try adding the passkey again"


@mfa_not_required
@never_cache
def add_passkey(request: HttpRequest) -> HttpResponse:
    # Reachable before a second factor where MFA is required, since a passkey can be the first one;
    # but someone who has a factor and skipped it must not add another.
    user = _current_user(request)
    if signin.has_second_factor(user) and not signin.is_mfa_verified(request):
        return _already_set_up(request)
    form = PasskeyForm(request.POST or None)
    if form.is_valid():
        challenge = passkeys.take_challenge(request, passkeys.REGISTER)
        if challenge is None:
            form.add_error(None, CHALLENGE_GONE)
        else:
            try:
                passkey, codes = services.register_passkey(
                    user=user,
                    name=form.cleaned_data["name"],
                    credential=form.cleaned_data["credential"],
                    challenge=challenge,
                    relying_party=passkeys.relying_party(request),
                    by=user,
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                return _added(request, passkey, codes)
    context = {"form": form, "passkey_options": passkeys.registration_options(request, user)}
    return render(request, "accounts/mfa/add_passkey.html", context)


def _added(request: HttpRequest, passkey: Passkey, codes: list[str]) -> HttpResponse:
    signin.mark_mfa_verified(request)
    messages.success(request, f"Added your passkey '{passkey.name}'")
    if codes:
        request.session[signin.NEW_RECOVERY_CODES_KEY] = codes
        return redirect("accounts:mfa-recovery-codes")
    return redirect("accounts:security")


@never_cache
def remove_passkey(request: HttpRequest, passkey_id: int) -> HttpResponse:
    user = _current_user(request)
    passkey = get_object_or_404(Passkey, pk=passkey_id, user=user)
    if request.method == "POST":
        try:
            services.remove_passkey(passkey=passkey, by=user)
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(request, f"Removed your passkey '{passkey.name}'")
        return redirect("accounts:security")
    return render(request, "accounts/mfa/remove_passkey.html", {"passkey": passkey})
