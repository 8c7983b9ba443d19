"""Passkeys (WebAuthn) as a second factor: adding one, signing in with it, and what is refused.

The answers come from a software authenticator with its own key pair
(tests/accounts/authenticator.py), checked by the real py_webauthn.
"""

import re

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from webauthn.helpers import bytes_to_base64url

from frontdoor.accounts import services
from frontdoor.accounts.models import Passkey, RecoveryCode, User
from frontdoor.accounts.passkeys import RelyingParty
from frontdoor.accounts.roles import Role
from frontdoor.records.models import Event
from tests.accounts.authenticator import SoftwareAuthenticator, page_options
from tests.accounts.test_mfa import enrol, is_signed_in, sign_in_with_password
from tests.conftest import make_user

TEST_SERVER = RelyingParty(id="testserver", origin="http://testserver")


def add_passkey_in_the_browser(client: Client, authenticator: SoftwareAuthenticator, name: str = "Work laptop"):
    options = page_options(client.get("/account/passkeys/add/").content.decode())
    return client.post("/account/passkeys/add/", {"name": name, "credential": authenticator.register(options)})


def added(user: User, authenticator: SoftwareAuthenticator, name: str = "Work laptop") -> Passkey:
    """A passkey set up through the service, as the add page does, with a challenge of the test's own."""
    challenge = b"a-challenge-of-at-least-16-bytes"
    credential = authenticator.register({"challenge": bytes_to_base64url(challenge)})
    passkey, _ = services.register_passkey(
        user=user, name=name, credential=credential, challenge=challenge, relying_party=TEST_SERVER, by=user
    )
    return passkey


def to_the_passkey_step(user: User) -> tuple[Client, dict]:
    """Give the password, and return the client with the passkey options of the code page."""
    client = Client()
    assert sign_in_with_password(client, user.username)["Location"] == "/sign-in/code/"
    return client, page_options(client.get("/sign-in/code/").content.decode())


@pytest.fixture
def authenticator() -> SoftwareAuthenticator:
    return SoftwareAuthenticator()


# Adding a passkey


def test_a_first_passkey_is_added_named_and_comes_with_recovery_codes(
    client_for, social_worker: User, authenticator: SoftwareAuthenticator
) -> None:
    client = client_for(social_worker)
    response = add_passkey_in_the_browser(client, authenticator, name="  Work   laptop ")
    assert response["Location"] == "/account/recovery-codes/"
    passkey = Passkey.objects.get(user=social_worker)
    assert passkey.name == "Work laptop"
    assert passkey.credential_id == bytes_to_base64url(authenticator.credential_id)
    assert passkey.transports == ["internal"]
    assert RecoveryCode.objects.filter(user=social_worker).count() == 10
    event = Event.objects.get(kind="mfa.passkey_added")
    assert event.actor == social_worker
    assert event.data == {"passkey": "Work laptop", "first_factor": True}
    security = client.get("/account/security/").content.decode()
    assert "Work laptop" in security
    assert "Not used yet" in security


def test_a_passkey_added_beside_an_app_keeps_the_recovery_codes(
    client_for, social_worker: User, authenticator: SoftwareAuthenticator
) -> None:
    codes = enrol(social_worker)
    client = client_for(social_worker)
    session = client.session
    session["signin.mfa"] = "verified"
    session.save()
    assert add_passkey_in_the_browser(client, authenticator)["Location"] == "/account/security/"
    assert services.verify_second_factor(user=social_worker, code=codes[0], by=social_worker)


def test_someone_who_skipped_their_second_factor_cannot_add_a_passkey(
    client_for, social_worker: User, authenticator: SoftwareAuthenticator
) -> None:
    enrol(social_worker)
    client = client_for(social_worker)  # signed in without the code
    assert client.get("/account/passkeys/add/")["Location"] == "/sign-in/"
    assert not Passkey.objects.exists()


def test_a_passkey_needs_a_name(client_for, social_worker: User, authenticator: SoftwareAuthenticator) -> None:
    page = add_passkey_in_the_browser(client_for(social_worker), authenticator, name="").content.decode()
    assert "Enter a name for the passkey" in page
    assert not Passkey.objects.exists()


def test_without_javascript_the_page_says_what_is_needed(client_for, social_worker: User) -> None:
    client = client_for(social_worker)
    page = client.get("/account/passkeys/add/").content.decode()
    assert "Adding a passkey needs JavaScript" in page
    response = client.post("/account/passkeys/add/", {"name": "Laptop"})
    assert "Your browser did not send a passkey" in response.content.decode()


def test_a_registration_answer_is_good_for_one_challenge_only(
    client_for, social_worker: User, authenticator: SoftwareAuthenticator
) -> None:
    client = client_for(social_worker)
    options = page_options(client.get("/account/passkeys/add/").content.decode())
    answer = authenticator.register(options)
    client.post("/account/passkeys/add/", {"name": "Laptop", "credential": "{}"})  # uses up the challenge
    # The page shown again carries a new challenge, which the old answer does not sign.
    page = client.post("/account/passkeys/add/", {"name": "Laptop", "credential": answer}).content.decode()
    assert "The passkey could not be added" in page
    assert not Passkey.objects.exists()


def test_an_answer_without_a_challenge_from_this_session_is_out_of_date(
    client_for, social_worker: User, authenticator: SoftwareAuthenticator
) -> None:
    options = page_options(client_for(social_worker).get("/account/passkeys/add/").content.decode())
    other_session = client_for(social_worker)
    page = other_session.post(
        "/account/passkeys/add/", {"name": "Laptop", "credential": authenticator.register(options)}
    )
    assert "The passkey request was out of date" in page.content.decode()
    assert not Passkey.objects.exists()


def test_a_passkey_made_for_another_site_is_refused(social_worker: User) -> None:
    phished = SoftwareAuthenticator(origin="https://frontdoor-login.example", rp_id="frontdoor-login.example")
    with pytest.raises(ValidationError, match="The passkey could not be added"):
        added(social_worker, phished)
    assert not Passkey.objects.exists()


def test_no_one_adds_a_passkey_to_someone_elses_account(
    social_worker: User, administrator: User, authenticator: SoftwareAuthenticator
) -> None:
    challenge = b"a-challenge-of-at-least-16-bytes"
    with pytest.raises(ValidationError, match="Only the account's owner"):
        services.register_passkey(
            user=social_worker,
            name="Laptop",
            credential=authenticator.register({"challenge": bytes_to_base64url(challenge)}),
            challenge=challenge,
            relying_party=TEST_SERVER,
            by=administrator,
        )


def test_the_origin_comes_from_the_setting_when_it_is_set(
    client_for, social_worker: User, authenticator: SoftwareAuthenticator, settings
) -> None:
    settings.WEBAUTHN_ORIGIN = "https://frontdoor.council.example"
    client = client_for(social_worker)
    options = page_options(client.get("/account/passkeys/add/").content.decode())
    assert options["rp"]["id"] == "frontdoor.council.example"
    # The browser reports the address it was on; one that is not the configured origin is refused.
    page = client.post("/account/passkeys/add/", {"name": "Laptop", "credential": authenticator.register(options)})
    assert "The passkey could not be added" in page.content.decode()
    assert not Passkey.objects.exists()


# Signing in with a passkey


def test_the_password_then_a_passkey_signs_in(social_worker: User, authenticator: SoftwareAuthenticator) -> None:
    added(social_worker, authenticator)
    client, options = to_the_passkey_step(social_worker)
    assert not is_signed_in(client)
    response = client.post("/sign-in/code/", {"credential": authenticator.sign_in(options)})
    assert response["Location"] == "/"
    assert is_signed_in(client)
    passkey = Passkey.objects.get(user=social_worker)
    assert passkey.sign_count == 1
    assert passkey.last_used_at is not None
    assert Event.objects.filter(kind="mfa.passkey_used", actor=social_worker).count() == 1


def test_the_code_page_offers_the_passkey_and_a_recovery_code_without_an_app(
    social_worker: User, authenticator: SoftwareAuthenticator
) -> None:
    added(social_worker, authenticator)
    client, options = to_the_passkey_step(social_worker)
    assert [descriptor["id"] for descriptor in options["allowCredentials"]] == [
        bytes_to_base64url(authenticator.credential_id)
    ]
    page = client.get("/sign-in/code/").content.decode()
    assert '<h1 class="govuk-heading-l">Use your passkey</h1>' in page
    assert "I do not have my passkey" in page
    assert "Passkeys need JavaScript and a browser that supports them" in page  # shown until the script runs


def test_a_recovery_code_works_for_someone_with_only_a_passkey(
    client_for, social_worker: User, authenticator: SoftwareAuthenticator
) -> None:
    client = client_for(social_worker)
    add_passkey_in_the_browser(client, authenticator)
    codes = re.findall(r"<code>([a-z2-9-]{11})</code>", client.get("/account/recovery-codes/").content.decode())
    assert len(codes) == 10
    signing_in, _ = to_the_passkey_step(social_worker)
    assert signing_in.post("/sign-in/code/", {"code": codes[0]})["Location"] == "/"
    assert is_signed_in(signing_in)


def test_a_replayed_answer_is_refused(social_worker: User, authenticator: SoftwareAuthenticator) -> None:
    added(social_worker, authenticator)
    client, options = to_the_passkey_step(social_worker)
    answer = authenticator.sign_in(options)
    assert client.post("/sign-in/code/", {"credential": answer})["Location"] == "/"
    # Someone who captured the answer tries it in their own sign-in, with a fresh challenge.
    thief, _ = to_the_passkey_step(social_worker)
    page = thief.post("/sign-in/code/", {"credential": answer}).content.decode()
    assert "Your passkey could not be checked" in page
    assert not is_signed_in(thief)
    assert Passkey.objects.get(user=social_worker).sign_count == 1


def test_a_challenge_can_be_answered_only_once(social_worker: User, authenticator: SoftwareAuthenticator) -> None:
    added(social_worker, authenticator)
    client, options = to_the_passkey_step(social_worker)
    client.post("/sign-in/code/", {"credential": "not an answer"})
    # The right answer to the challenge that was just used up is refused.
    client.post("/sign-in/code/", {"credential": authenticator.sign_in(options)})
    assert not is_signed_in(client)


def test_a_challenge_expires(social_worker: User, authenticator: SoftwareAuthenticator, settings) -> None:
    added(social_worker, authenticator)
    client, options = to_the_passkey_step(social_worker)
    settings.WEBAUTHN_CHALLENGE_SECONDS = -1
    client.post("/sign-in/code/", {"credential": authenticator.sign_in(options)})
    assert not is_signed_in(client)


def test_an_answer_given_on_another_site_is_refused(social_worker: User, authenticator: SoftwareAuthenticator) -> None:
    added(social_worker, authenticator)
    client, options = to_the_passkey_step(social_worker)
    authenticator.origin = "https://frontdoor-login.example"  # a phishing page relaying our challenge
    client.post("/sign-in/code/", {"credential": authenticator.sign_in(options)})
    assert not is_signed_in(client)
    assert not Event.objects.filter(kind="mfa.passkey_used").exists()


def test_a_sign_count_that_goes_back_is_refused(social_worker: User, authenticator: SoftwareAuthenticator) -> None:
    added(social_worker, authenticator)
    client, options = to_the_passkey_step(social_worker)
    assert client.post("/sign-in/code/", {"credential": authenticator.sign_in(options)})["Location"] == "/"
    # A clone of the key, whose counter has not moved on since.
    clone, options = to_the_passkey_step(social_worker)
    clone.post("/sign-in/code/", {"credential": authenticator.sign_in(options, count_up=False)})
    assert not is_signed_in(clone)
    assert Passkey.objects.get(user=social_worker).sign_count == 1


def test_another_persons_passkey_does_not_sign_you_in(
    social_worker: User, authenticator: SoftwareAuthenticator
) -> None:
    manager = make_user(Role.TEAM_MANAGER)
    added(manager, authenticator)
    added(social_worker, SoftwareAuthenticator())
    client, options = to_the_passkey_step(social_worker)
    options["allowCredentials"] = [{"id": bytes_to_base64url(authenticator.credential_id), "type": "public-key"}]
    client.post("/sign-in/code/", {"credential": authenticator.sign_in(options)})
    assert not is_signed_in(client)


# Removing a passkey


def test_a_passkey_is_removed_after_asking(
    client_for, social_worker: User, authenticator: SoftwareAuthenticator
) -> None:
    enrol(social_worker)
    passkey = added(social_worker, authenticator)
    client = client_for(social_worker)
    page = client.get(f"/account/passkeys/{passkey.pk}/remove/").content.decode()
    assert "Remove passkey" in page
    assert client.post(f"/account/passkeys/{passkey.pk}/remove/")["Location"] == "/account/security/"
    assert not Passkey.objects.exists()
    assert Event.objects.get(kind="mfa.passkey_removed").data == {"passkey": "Work laptop"}


def test_the_last_way_to_sign_in_cannot_be_removed_where_mfa_is_required(
    social_worker: User, authenticator: SoftwareAuthenticator, settings
) -> None:
    settings.MFA_REQUIRED = True
    passkey = added(social_worker, authenticator)
    with pytest.raises(ValidationError, match="This is your only passkey"):
        services.remove_passkey(passkey=passkey, by=social_worker)
    second = added(social_worker, SoftwareAuthenticator(), name="Phone")
    services.remove_passkey(passkey=second, by=social_worker)
    assert list(Passkey.objects.all()) == [passkey]


def test_removing_the_last_factor_where_allowed_also_ends_the_recovery_codes(
    social_worker: User, authenticator: SoftwareAuthenticator
) -> None:
    passkey = added(social_worker, authenticator)
    assert RecoveryCode.objects.filter(user=social_worker).count() == 10
    services.remove_passkey(passkey=passkey, by=social_worker)
    assert not RecoveryCode.objects.filter(user=social_worker).exists()


def test_no_one_removes_someone_elses_passkey(client_for, social_worker: User, authenticator) -> None:
    passkey = added(social_worker, authenticator)
    other = make_user(Role.TEAM_MANAGER)
    assert client_for(other).post(f"/account/passkeys/{passkey.pk}/remove/").status_code == 404
    with pytest.raises(ValidationError):
        services.remove_passkey(passkey=passkey, by=other)
    assert Passkey.objects.filter(pk=passkey.pk).exists()


def test_an_administrators_reset_removes_the_passkeys_too(
    social_worker: User, administrator: User, authenticator: SoftwareAuthenticator
) -> None:
    added(social_worker, authenticator)
    services.reset_mfa(user=social_worker, by=administrator)
    assert not Passkey.objects.filter(user=social_worker).exists()
    assert Event.objects.get(kind="mfa.reset").data == {"had_app": False, "passkeys_removed": 1}
