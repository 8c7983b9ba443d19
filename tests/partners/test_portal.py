"""The partner portal: a school refers a child, then sees its status and the front door's feedback; nothing else."""

import re
from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import URLPattern, URLResolver, get_resolver

from frontdoor.accounts.models import User
from frontdoor.contacts.models import Consent, Contact
from frontdoor.partners import portal
from frontdoor.partners.models import PartnerProfile, PortalReferral
from frontdoor.records.models import Event
from tests.factories import UserFactory
from tests.partners.decisions import decide_no_further_action


@pytest.fixture
def school(partner: User) -> User:
    PartnerProfile.objects.create(user=partner, organisation="Northbridge Primary", agency="2A", phone="0300 555 0100")
    return partner


def a_referral(**overrides: object) -> portal.Referral:
    details: dict[str, object] = {
        "child": portal.ChildDetails(
            "Mia", "Harrington", date(2017, 5, 9), "4 Mill Lane, Northbridge NB1 4QT", "Northbridge Primary"
        ),
        "concern": "Mia has come in hungry every day this week and said there is no food at home.",
        "categories": ("neglect",),
        "family_aware": "yes",
        "consent": Consent.GIVEN,
    }
    return portal.Referral(**{**details, **overrides})  # type: ignore[arg-type]


def test_a_schools_referral_becomes_a_contact_in_the_front_door_queue(school: User) -> None:
    made = portal.submit_referral(by=school, referral=a_referral())
    contact = made.contact
    assert (contact.channel, contact.source, contact.status) == ("online", "2A", Contact.Status.OPEN)
    assert contact.referrer_organisation == "Northbridge Primary" and contact.referrer_name == school.display_name
    (child,) = contact.children.all()
    assert child.person is None and "Mia Harrington, born 09/05/2017" in child.unidentified_details
    assert Event.objects.filter(kind="portal.referral_submitted").exists()


def test_the_partners_list_names_the_child_as_they_gave_them(client_for, school: User) -> None:
    made = portal.submit_referral(by=school, referral=a_referral())

    page = client_for(school).get("/partners/portal/").content.decode()

    assert made.child_described == "Mia Harrington, born 09/05/2017"
    assert "Mia Harrington, born 09/05/2017" in page


def test_sharing_without_consent_needs_the_reason(school: User) -> None:
    with pytest.raises(ValidationError, match="without the family's consent"):
        portal.submit_referral(by=school, referral=a_referral(consent=Consent.NOT_SOUGHT))
    made = portal.submit_referral(
        by=school, referral=a_referral(consent=Consent.NOT_SOUGHT, consent_reason="Mother's partner is the worry")
    )
    assert "Shared without consent because: Mother's partner is the worry" in made.contact.concern


def test_a_partner_without_an_organisation_or_a_staff_member_cannot_use_the_portal(
    partner: User, contact_officer: User
) -> None:
    with pytest.raises(PermissionDenied, match="not set up"):
        portal.submit_referral(by=partner, referral=a_referral())
    with pytest.raises(PermissionDenied):
        portal.submit_referral(by=contact_officer, referral=a_referral())


def test_the_partner_sees_the_status_and_then_the_front_doors_feedback(
    client_for, school: User, contact_officer: User, team_manager: User
) -> None:
    client = client_for(school)
    page = client.post(
        "/partners/portal/new/",
        {
            "first_name": "Mia",
            "last_name": "Harrington",
            "date_of_birth_day": "9",
            "date_of_birth_month": "5",
            "date_of_birth_year": "2017",
            "address": "4 Mill Lane",
            "concern": "Hungry every day this week.",
            "family_aware": "yes",
            "consent": "given",
        },
    )
    made = PortalReferral.objects.get()
    assert page.url == f"/partners/portal/{made.pk}/"
    assert "Received" in client.get(f"/partners/portal/{made.pk}/").content.decode()
    contact = made.contact
    staff = client_for(contact_officer)
    assert "Feedback can be given once the contact is decided" in staff.get(f"/contacts/{contact.pk}/").content.decode()
    decide_no_further_action(contact, contact_officer, team_manager)
    assert "Feedback for the referrer" in staff.get(f"/contacts/{contact.pk}/").content.decode()
    staff.post(
        f"/partners/portal/{made.pk}/feedback/", {"feedback": "We have offered the family a food bank referral."}
    )
    mine = client.get(f"/partners/portal/{made.pk}/").content.decode()
    assert "Decided" in mine and "food bank referral" in mine
    contact.refresh_from_db()
    assert contact.referrer_told_at is not None


def test_another_partners_referral_is_not_found_and_the_attempt_is_logged(client_for, school: User) -> None:
    other = UserFactory(role="partner", username="gp")
    PartnerProfile.objects.create(user=other, organisation="Mill Lane Surgery", agency="3A")
    theirs = portal.submit_referral(by=other, referral=a_referral())
    assert client_for(school).get(f"/partners/portal/{theirs.pk}/").status_code == 404
    assert Event.objects.filter(kind="portal.refused", actor=school).exists()
    assert f"/partners/portal/{theirs.pk}/" not in client_for(school).get("/partners/portal/").content.decode()


PORTAL = re.compile(r"^/(partners/portal/(new/)?|api/v1/portal/referrals/)(\d+/)?$")
# What every signed-in user has: their home (the portal's front page for a partner), the service's
# statements, their own account, signing out, and public facts with no one's records in them (the
# council's phone numbers and working calendar, the API's documentation, the health check).
EVERYONE = {
    "/",
    "/accessibility/",
    "/privacy/",
    "/healthz",
    "/sign-out/",
    "/account/",
    "/account/password/",
    "/account/security/",
    "/account/authenticator/",
    "/account/recovery-codes/",
    "/account/recovery-codes/new/",
    "/account/passkeys/add/",
    "/api/v1/me/",
    "/api/v1/council/",
    "/api/v1/calendar/working-days/",
    "/api/docs/",
    "/api/schema/",
}
SIGN_IN = ("/sign-in", "/django-admin/login/")
SIGN_OUT = ("/sign-out/", "/django-admin/logout/")  # not followed: the rest of the walk must stay signed in


def every_path() -> list[str]:
    paths: list[str] = []

    def walk(patterns: list, prefix: str) -> None:
        for p in patterns:
            route = str(p.pattern)
            if isinstance(p, URLResolver):
                walk(p.url_patterns, prefix + route)
            elif isinstance(p, URLPattern):
                path = "/" + re.sub(r"<(?:int:)?[^>]+>", "1", prefix + route).lstrip("^").rstrip("$")
                paths.append(path.replace("\\Z", ""))

    walk(get_resolver().url_patterns, "")
    return sorted(set(paths))


def test_a_partner_reaches_nothing_but_the_portal(client_for, school: User) -> None:
    client = client_for(school)
    reached = []
    for path in every_path():
        if PORTAL.match(path) or path in EVERYONE or path.startswith(("/static/", *SIGN_IN, *SIGN_OUT)):
            continue
        posted = client.post(path, "{}", content_type="application/json") if path.startswith("/api/") else None
        for answer in (client.get(path), posted or client.post(path, {})):
            refused = answer.status_code in (401, 403, 404, 405)
            sent_to_sign_in = answer.status_code == 302 and answer.get("Location", "").startswith(SIGN_IN)
            if not (refused or sent_to_sign_in):
                reached.append((path, answer.status_code))
    assert reached == []
    assert client.get("/partners/portal/").status_code == 200  # still signed in: every refusal was real
