"""The steps of signing in, kept in the session: password, then (when the account has one) a code.

Someone who has given the right password but not yet a code is *not* signed
in: the session only remembers who they said they were, for a few minutes.
So nothing that checks `request.user` can be reached half way, the API
included, and axes counts a wrong code as a failed sign-in. A failure
lockout is reset only once both steps succeed.
"""

from datetime import datetime, timedelta

import pyotp
import segno
from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.contrib.auth import login, user_login_failed
from django.http import HttpRequest
from django.utils import timezone

from frontdoor.accounts.models import AuthenticatorApp, Passkey, User

PENDING_KEY = "signin.pending"
SIGNED_IN_AT_KEY = "signin.at"
MFA_KEY = "signin.mfa"
ENROLMENT_SECRET_KEY = "signin.enrolment_secret"  # noqa: S105 (a session key name, not a secret)
NEW_RECOVERY_CODES_KEY = "signin.new_recovery_codes"
VERIFIED = "verified"


def has_authenticator_app(user: User) -> bool:
    return AuthenticatorApp.objects.filter(user=user).exists()


def has_second_factor(user: User) -> bool:
    """An app or a passkey: either makes the password only the first step of signing in.

    Recovery codes are a way back in, not a factor of their own.
    """
    return has_authenticator_app(user) or Passkey.objects.filter(user=user).exists()


def start_session(request: HttpRequest, user: User, *, mfa_verified: bool, backend: str | None = None) -> None:
    """Sign in: Django gives the session a new key, so a key planted before sign-in is worthless."""
    login(request, user, backend=backend)
    forget_pending(request)
    request.session[SIGNED_IN_AT_KEY] = timezone.now().isoformat()
    if mfa_verified:
        request.session[MFA_KEY] = VERIFIED


def mark_mfa_verified(request: HttpRequest) -> None:
    request.session[MFA_KEY] = VERIFIED


def is_mfa_verified(request: HttpRequest) -> bool:
    return request.session.get(MFA_KEY) == VERIFIED


def signed_in_at(request: HttpRequest) -> datetime | None:
    value = request.session.get(SIGNED_IN_AT_KEY)
    return datetime.fromisoformat(value) if value else None


def await_code(request: HttpRequest, user: User, *, next_url: str) -> None:
    """The password was right; remember who it was while they find their code."""
    # A fresh key here too: the pending sign-in must not ride on a key set before the password.
    request.session.cycle_key()
    request.session[PENDING_KEY] = {
        "user_id": user.pk,
        "backend": getattr(user, "backend", None),
        "next": next_url,
        "since": timezone.now().isoformat(),
    }


def pending_user(request: HttpRequest) -> User | None:
    pending = request.session.get(PENDING_KEY)
    if not pending:
        return None
    since = datetime.fromisoformat(pending["since"])
    if timezone.now() - since > timedelta(minutes=settings.MFA_PENDING_MINUTES):
        forget_pending(request)
        return None
    return User.objects.filter(pk=pending["user_id"], is_active=True).first()


def finish_with_code(request: HttpRequest, user: User) -> str:
    """Both steps passed: sign in, and return where they were going."""
    pending = request.session.pop(PENDING_KEY)
    start_session(request, user, mfa_verified=True, backend=pending["backend"])
    return str(pending["next"] or settings.LOGIN_REDIRECT_URL)


def forget_pending(request: HttpRequest) -> None:
    request.session.pop(PENDING_KEY, None)


def _credentials(user: User) -> dict[str, str]:
    return {"username": user.username}


def is_locked_out(request: HttpRequest, user: User) -> bool:
    """Locked by failed passwords or codes; axes's middleware then answers with the lockout page."""
    locked = AxesProxyHandler.is_locked(request, _credentials(user))
    if locked:
        forget_pending(request)
        request.axes_locked_out = True  # type: ignore[attr-defined]
        request.axes_credentials = _credentials(user)  # type: ignore[attr-defined]
    return locked


def code_failed(request: HttpRequest, user: User) -> None:
    """A wrong code counts against the same limit as a wrong password, so codes cannot be guessed."""
    user_login_failed.send(sender=__name__, credentials=_credentials(user), request=request)
    if getattr(request, "axes_locked_out", False):
        forget_pending(request)


def provisioning_qr_svg(user: User, secret: str, issuer: str) -> str:
    """The otpauth:// link as an inline SVG QR code, drawn here so the secret never goes to another site."""
    uri = pyotp.TOTP(secret).provisioning_uri(name=user.username, issuer_name=issuer)
    svg = segno.make(uri, error="m").svg_inline(scale=5, border=4, light="#ffffff", dark="#0b0c0c")
    label = "QR code to scan with your authenticator app"
    return svg.replace("<svg ", f'<svg role="img" aria-label="{label}" focusable="false" ', 1)


def grouped_secret(secret: str) -> str:
    """The secret in groups of four, easier to type into an app by hand."""
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))
