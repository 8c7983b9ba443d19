"""A software passkey authenticator, so tests can answer WebAuthn challenges as a browser and device would.

It holds an EC P-256 key pair, attests with the 'none' format (as most passkeys
do) and signs assertions with its private key; nothing of Front Door's is used
to build its answers, so the server's checks meet real WebAuthn data.
"""

import hashlib
import json
import re
import secrets
from typing import Any

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from webauthn.helpers import base64url_to_bytes, bytes_to_base64url
from webauthn.helpers.encode_cbor import encode_cbor

USER_PRESENT, USER_VERIFIED, ATTESTED_CREDENTIAL = 0x01, 0x04, 0x40


def page_options(html: str) -> dict[str, Any]:
    """The WebAuthn options a page hands to its script."""
    found = re.search(r'<script id="passkey-options" type="application/json">(.*?)</script>', html, re.S)
    assert found, "the page carries no passkey options"
    return dict(json.loads(found.group(1)))


class SoftwareAuthenticator:
    def __init__(self, origin: str = "http://testserver", rp_id: str = "testserver") -> None:
        self.origin, self.rp_id = origin, rp_id
        self.key = ec.generate_private_key(ec.SECP256R1())
        self.credential_id = secrets.token_bytes(32)
        self.sign_count = 0

    def _client_data(self, kind: str, challenge: str) -> bytes:
        return json.dumps({"type": kind, "challenge": challenge, "origin": self.origin, "crossOrigin": False}).encode()

    def _authenticator_data(self, flags: int, extra: bytes = b"") -> bytes:
        rp_id_hash = hashlib.sha256(self.rp_id.encode()).digest()
        return rp_id_hash + bytes([flags]) + self.sign_count.to_bytes(4, "big") + extra

    def _cose_public_key(self) -> bytes:
        numbers = self.key.public_key().public_numbers()
        # COSE_Key: kty EC2, alg ES256, crv P-256, x, y.
        return encode_cbor({1: 2, 3: -7, -1: 1, -2: numbers.x.to_bytes(32, "big"), -3: numbers.y.to_bytes(32, "big")})

    def register(self, options: dict[str, Any]) -> str:
        """The browser's answer to navigator.credentials.create(options), as JSON."""
        attested = bytes(16) + len(self.credential_id).to_bytes(2, "big") + self.credential_id
        auth_data = self._authenticator_data(
            USER_PRESENT | USER_VERIFIED | ATTESTED_CREDENTIAL, attested + self._cose_public_key()
        )
        attestation = encode_cbor({"fmt": "none", "attStmt": {}, "authData": auth_data})
        return self._answer(
            {
                "clientDataJSON": bytes_to_base64url(self._client_data("webauthn.create", options["challenge"])),
                "attestationObject": bytes_to_base64url(attestation),
                "transports": ["internal"],
            }
        )

    def sign_in(self, options: dict[str, Any], *, count_up: bool = True) -> str:
        """The browser's answer to navigator.credentials.get(options), as JSON; the use counter goes up first."""
        allowed = [base64url_to_bytes(descriptor["id"]) for descriptor in options.get("allowCredentials", [])]
        assert self.credential_id in allowed, "the server did not offer this passkey"
        if count_up:
            self.sign_count += 1
        auth_data = self._authenticator_data(USER_PRESENT | USER_VERIFIED)
        client_data = self._client_data("webauthn.get", options["challenge"])
        signature = self.key.sign(auth_data + hashlib.sha256(client_data).digest(), ec.ECDSA(hashes.SHA256()))
        return self._answer(
            {
                "clientDataJSON": bytes_to_base64url(client_data),
                "authenticatorData": bytes_to_base64url(auth_data),
                "signature": bytes_to_base64url(signature),
            }
        )

    def _answer(self, response: dict[str, Any]) -> str:
        """A PublicKeyCredential as the browser serialises it, around the ceremony's response."""
        credential_id = bytes_to_base64url(self.credential_id)
        return json.dumps(
            {
                "id": credential_id,
                "rawId": credential_id,
                "type": "public-key",
                "clientExtensionResults": {},
                "response": response,
            }
        )
