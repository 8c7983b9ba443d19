"""The browser's side of passkeys (WebAuthn): the options it is sent and the challenge it must sign.

py_webauthn (Duo Labs) checks the browser's answers; this module keeps the
challenge in the session, where each can be answered once and only for a few
minutes, and works out which site (relying party) the passkeys belong to.
The writes are in services.py.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone
from webauthn import generate_authentication_options, generate_registration_options
from webauthn.helpers import base64url_to_bytes, bytes_to_base64url, options_to_json_dict
from webauthn.helpers.structs import (
    AuthenticatorSelectionCriteria,
    AuthenticatorTransport,
    PublicKeyCredentialDescriptor,
    ResidentKeyRequirement,
    UserVerificationRequirement,
)

from frontdoor.accounts.models import Passkey, User

CHALLENGE_KEY = "signin.passkey_challenge"
REGISTER = "register"
SIGN_IN = "sign-in"


@dataclass(frozen=True)
class RelyingParty:
    """The site a passkey is for: its domain name (the RP ID) and the origin the browser must report."""

    id: str
    origin: str


def relying_party(request: HttpRequest) -> RelyingParty:
    # get_host() refuses a Host header not in ALLOWED_HOSTS, so an attacker cannot choose the origin.
    origin = settings.WEBAUTHN_ORIGIN or f"{request.scheme}://{request.get_host()}"
    return RelyingParty(id=settings.WEBAUTHN_RP_ID or (urlsplit(origin).hostname or ""), origin=origin)


def _new_challenge(request: HttpRequest, purpose: str, challenge: bytes) -> None:
    request.session[CHALLENGE_KEY] = {
        "purpose": purpose,
        "challenge": bytes_to_base64url(challenge),
        "at": timezone.now().isoformat(),
    }


def take_challenge(request: HttpRequest, purpose: str) -> bytes | None:
    """The challenge last sent for `purpose`, removed so it cannot be answered twice; None if none or expired."""
    stored = request.session.pop(CHALLENGE_KEY, None)
    if not stored or stored.get("purpose") != purpose:
        return None
    age = timezone.now() - datetime.fromisoformat(stored["at"])
    if age > timedelta(seconds=settings.WEBAUTHN_CHALLENGE_SECONDS):
        return None
    return base64url_to_bytes(stored["challenge"])


def _descriptors(user: User) -> list[PublicKeyCredentialDescriptor]:
    descriptors = []
    for credential_id, transports in Passkey.objects.filter(user=user).values_list("credential_id", "transports"):
        known = [AuthenticatorTransport(name) for name in transports if name in AuthenticatorTransport]
        descriptors.append(PublicKeyCredentialDescriptor(id=base64url_to_bytes(credential_id), transports=known))
    return descriptors


def registration_options(request: HttpRequest, user: User) -> dict[str, Any]:
    """Options for navigator.credentials.create(), ready for JSON; the challenge is kept in the session."""
    options = generate_registration_options(
        rp_id=relying_party(request).id,
        rp_name=settings.SERVICE_NAME,
        # A stable, meaningless handle: the username may change and is not the authenticator's business.
        user_id=f"frontdoor-user-{user.pk}".encode(),
        user_name=user.username,
        user_display_name=user.display_name,
        timeout=settings.WEBAUTHN_CHALLENGE_SECONDS * 1000,
        authenticator_selection=AuthenticatorSelectionCriteria(
            resident_key=ResidentKeyRequirement.PREFERRED,
            user_verification=UserVerificationRequirement.PREFERRED,
        ),
        # The same device cannot be added twice.
        exclude_credentials=_descriptors(user),
    )
    _new_challenge(request, REGISTER, options.challenge)
    return options_to_json_dict(options)


def authentication_options(request: HttpRequest, user: User) -> dict[str, Any]:
    """Options for navigator.credentials.get(), offering only this person's passkeys."""
    options = generate_authentication_options(
        rp_id=relying_party(request).id,
        timeout=settings.WEBAUTHN_CHALLENGE_SECONDS * 1000,
        allow_credentials=_descriptors(user),
        user_verification=UserVerificationRequirement.PREFERRED,
    )
    _new_challenge(request, SIGN_IN, options.challenge)
    return options_to_json_dict(options)
