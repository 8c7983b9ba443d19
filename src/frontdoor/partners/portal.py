"""The partner portal: a partner agency's referral becomes a contact in the front door's queue, and the front
door's feedback goes back to the partner. Partners see their own referrals and nothing else."""

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from frontdoor.accounts.access import require_capability
from frontdoor.accounts.models import User
from frontdoor.accounts.roles import Capability
from frontdoor.contacts import services as contacts
from frontdoor.contacts.models import Channel, Consent, Contact
from frontdoor.partners.models import PartnerProfile, PortalReferral
from frontdoor.records.services import record_event


@dataclass(frozen=True)
class ChildDetails:
    first_name: str
    last_name: str
    date_of_birth: date | None
    address: str
    school_or_setting: str = ""
    parents: str = ""


@dataclass(frozen=True)
class Referral:
    child: ChildDetails
    concern: str
    categories: tuple[str, ...]
    family_aware: str
    consent: str
    consent_reason: str = ""
    childs_views: str = ""
    support_so_far: str = ""


def profile_of(user: User) -> PartnerProfile:
    profile = PartnerProfile.objects.filter(user=user).first()
    if profile is None:
        raise PermissionDenied("Your account is not set up for an organisation yet: ask the council to add it")
    return profile


@transaction.atomic
def submit_referral(*, by: User, referral: Referral) -> PortalReferral:
    """A partner's multi-agency referral: checked, then a contact in the front door's queue."""
    require_capability(by, Capability.SUBMIT_REFERRALS, "Only partner agencies use the portal")
    profile = profile_of(by)
    child = referral.child
    problems = {}
    if not child.first_name.strip() or not child.last_name.strip():
        problems["first_name"] = "Enter the child's first and last names"
    if child.date_of_birth is not None and child.date_of_birth > timezone.localdate():
        problems["date_of_birth"] = "The date of birth must be today or in the past"
    if referral.consent in (Consent.REFUSED, Consent.NOT_SOUGHT) and not referral.consent_reason.strip():
        problems["consent_reason"] = "Say why you are sharing this without the family's consent"
    if referral.consent == Consent.NOT_KNOWN:
        problems["consent"] = "Say whether the family consents to this referral"
    if problems:
        raise ValidationError(problems)
    born = f", born {child.date_of_birth:%d/%m/%Y}" if child.date_of_birth else ", date of birth not known"
    details = [f"{child.first_name.strip()} {child.last_name.strip()}{born}", f"Address: {child.address.strip()}"]
    details += [f"School or setting: {child.school_or_setting.strip()}"] if child.school_or_setting.strip() else []
    details += [f"Parents or carers: {child.parents.strip()}"] if child.parents.strip() else []
    concern = referral.concern.strip()
    if referral.support_so_far.strip():
        concern += f"\n\nWhat we have done so far: {referral.support_so_far.strip()}"
    if referral.consent_reason.strip():
        concern += f"\n\nShared without consent because: {referral.consent_reason.strip()}"
    contact = contacts.record_contact(
        by=by,
        received_at=timezone.now(),
        channel=Channel.ONLINE,
        source=profile.agency,
        referrer=contacts.Referrer(
            name=by.display_name,
            role=by.job_title,
            organisation=profile.organisation,
            phone=profile.phone,
            email=by.email,
        ),
        children=[
            contacts.ChildOnContact(
                unidentified_details="\n".join(details), follow_up="Find the child in the people index"
            )
        ],
        concern=concern,
        categories=referral.categories,
        family_aware=referral.family_aware,
        consent=referral.consent,
        childs_views=referral.childs_views,
    )
    made = PortalReferral.objects.create(
        contact=contact,
        submitted_by=by,
        child_described=details[0][:300],
        consent_reason=referral.consent_reason.strip(),
        support_so_far=referral.support_so_far.strip(),
    )
    record_event(
        kind="portal.referral_submitted",
        by=by,
        record=made,
        summary=f"{profile.organisation} referred a child through the portal: contact {contact.reference}",
    )
    return made


@transaction.atomic
def give_feedback(*, portal_referral: PortalReferral, by: User, feedback: str) -> PortalReferral:
    """The front door tells the partner what happened, in words the partner sees on the portal."""
    contact = portal_referral.contact
    if not feedback.strip():
        raise ValidationError({"feedback": "Write the feedback for the referrer"})
    if contact.status != Contact.Status.CLOSED:
        raise ValidationError({"feedback": "Decide the contact before giving feedback"})
    now = timezone.now()
    if contact.referrer_told_at is None:
        contacts.tell_referrer(contact=contact, by=by, how="partner portal feedback", told_at=now)
    else:
        require_capability(by, Capability.RECORD_CONTACTS, "Your role cannot record this")
    portal_referral.feedback, portal_referral.feedback_at, portal_referral.feedback_by = feedback.strip(), now, by
    portal_referral.save(update_fields=["feedback", "feedback_at", "feedback_by"])
    record_event(
        kind="portal.feedback_given",
        by=by,
        record=portal_referral,
        summary=f"Feedback to {portal_referral.submitted_by.display_name} on contact {contact.reference}",
    )
    return portal_referral


@transaction.atomic
def note_refused_request(*, by: User, asked_for: str) -> None:
    """A partner asked for a record that is not theirs: they are told it does not exist, and it is logged."""
    record_event(
        kind="portal.refused",
        by=by,
        summary=f"{by.display_name} (partner) asked for {asked_for}, which is not theirs",
        data={"asked_for": asked_for},
    )


def status_of(portal_referral: PortalReferral) -> str:
    """What the partner is told about where their referral is."""
    contact = portal_referral.contact
    if contact.status == Contact.Status.CLOSED:
        return "Decided"
    if contact.status == Contact.Status.AWAITING_AUTHORISATION or contact.picked_up_by_id:
        return "Being considered"
    return "Received"
