from django.test import Client

from frontdoor.accounts.models import User


def test_pages_carry_the_security_headers(client_for, social_worker: User, council: object) -> None:
    response = client_for(social_worker).get("/")
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "script-src 'self' 'nonce-" in csp
    assert "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_the_inline_script_carries_the_pages_nonce(client_for, social_worker: User, council: object) -> None:
    response = client_for(social_worker).get("/")
    nonce = response["Content-Security-Policy"].split("'nonce-")[1].split("'")[0]
    assert f'<script nonce="{nonce}">' in response.content.decode()


def test_the_session_cookie_is_not_readable_by_scripts(social_worker: User) -> None:
    response = Client().post("/sign-in/", {"username": "ben", "password": "correct-horse-battery"})
    cookie = response.cookies["sessionid"]
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"
