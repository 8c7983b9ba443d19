"""The theme “contacts closed with no further action”: drawn from the front door's weekly closure sample."""

import pytest
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError

from frontdoor.accounts.models import User
from frontdoor.contacts.models import QualitySample
from frontdoor.contacts.quality import review_sample
from frontdoor.quality import services
from frontdoor.quality.models import Audit, AuditProgramme, AuditTemplate
from frontdoor.records.models import Event
from tests.conftest import api_client
from tests.factories import PersonFactory, UserFactory
from tests.quality.closures import LAST_MONTH, MONDAY, closed_contact
from tests.returns.records import referral


@pytest.fixture
def access_manager(contact_officer: User) -> User:
    return UserFactory(role="team_manager", team=contact_officer.team, username="olu")


def nfa_programme(by: User, per_team: int = 2) -> AuditProgramme:
    template = services.create_template(
        by=by,
        name="Closed contacts",
        guidance="Read the contact and the checks made before it closed.",
        questions=[services.Question("Was closing without a service right on what was known?")],
    )
    return services.draw_programme(by=by, month=LAST_MONTH, theme="closed_nfa", template=template, per_team=per_team)


def test_the_theme_audits_contacts_closed_without_a_service_from_the_weekly_sample(
    qa_officer: User, contact_officer: User, access_manager: User
) -> None:
    closed = [closed_contact(contact_officer, access_manager) for _ in range(10)]
    programme = nfa_programme(qa_officer, per_team=20)
    sampled = set(QualitySample.objects.filter(week_starting=MONDAY).values_list("contact_id", flat=True))
    assert len(sampled) == 1  # the council's 10% of the week's ten closures, drawn by the programme
    audits = list(programme.audits.all())
    assert [(a.contact_id, a.referral_id, a.team_id) for a in audits] == [
        (sampled.pop(), None, contact_officer.team_id)
    ]
    assert {a.contact_id for a in audits} <= {c.pk for c in closed}


def test_contacts_that_became_referrals_are_not_in_the_theme(
    qa_officer: User, contact_officer: User, access_manager: User
) -> None:
    nfa = closed_contact(contact_officer, access_manager)
    assessed = closed_contact(contact_officer, access_manager, outcome="assessment")
    QualitySample.objects.bulk_create(
        QualitySample(contact=contact, week_starting=MONDAY) for contact in (nfa, assessed)
    )
    programme = nfa_programme(qa_officer)
    assert list(programme.audits.values_list("contact_id", flat=True)) == [nfa.pk]


def test_decisions_the_weekly_review_disagreed_with_are_audited_first(
    qa_officer: User, contact_officer: User, access_manager: User
) -> None:
    found = [closed_contact(contact_officer, access_manager) for _ in range(6)]
    samples = QualitySample.objects.bulk_create(QualitySample(contact=c, week_starting=MONDAY) for c in found)
    for sample in samples[1:]:
        review_sample(sample=sample, by=qa_officer, verdict="agree", comment="")
    review_sample(sample=samples[0], by=qa_officer, verdict="disagree", comment="Should have gone to early help")
    programme = nfa_programme(qa_officer, per_team=1)
    assert list(programme.audits.values_list("contact_id", flat=True)) == [found[0].pk]


def graded_contact_audit(qa_officer: User, contact_officer: User, access_manager: User) -> Audit:
    contact = closed_contact(contact_officer, access_manager)
    QualitySample.objects.create(contact=contact, week_starting=MONDAY)
    audit = nfa_programme(qa_officer).audits.get()
    (question,) = audit.programme.template.questions.all()
    return services.grade_audit(
        audit=audit,
        by=qa_officer,
        answers=[services.Answer(question, "requires_improvement")],
        grade="requires_improvement",
        findings="No check with the school before closing.",
        expected_version=1,
    )


def test_the_audit_page_shows_the_decision_and_the_event_goes_on_the_childs_record(
    client_for, qa_officer: User, contact_officer: User, access_manager: User
) -> None:
    audit = graded_contact_audit(qa_officer, contact_officer, access_manager)
    page = client_for(qa_officer).get(f"/quality/audits/{audit.pk}/").content.decode()
    assert f"Contact {audit.contact.reference}" in page
    assert "Universal services are meeting the need." in page and "No further action" in page
    child = audit.contact.children.get().person
    assert Event.objects.filter(kind="audit.graded", child=child).exists()
    programme_page = client_for(qa_officer).get(f"/quality/programmes/{audit.programme_id}/").content.decode()
    assert f"Contact {audit.contact.reference}" in programme_page


def test_the_officer_who_closed_it_and_their_manager_respond_from_the_contact(
    client_for, qa_officer: User, contact_officer: User, access_manager: User
) -> None:
    audit = graded_contact_audit(qa_officer, contact_officer, access_manager)
    officer = client_for(contact_officer)
    contact_page = officer.get(f"/contacts/{audit.contact_id}/").content.decode()
    assert f"/quality/audits/{audit.pk}/respond/" in contact_page
    answered = officer.post(f"/quality/audits/{audit.pk}/respond/", {"response": "I will check with schools."})
    assert answered.url == f"/contacts/{audit.contact_id}/"
    services.respond_to_audit(audit=audit, by=access_manager, response="Agreed; discussed at the team meeting.")
    audit.refresh_from_db()
    assert audit.practitioner_response == "I will check with schools."
    assert audit.manager_response == "Agreed; discussed at the team meeting."
    with pytest.raises(PermissionDenied):
        services.respond_to_audit(audit=audit, by=UserFactory(role="contact_officer"), response="Not mine.")


def test_the_weekly_sample_page_links_each_contact_to_its_audit(
    client_for, qa_officer: User, contact_officer: User, access_manager: User
) -> None:
    audit = graded_contact_audit(qa_officer, contact_officer, access_manager)
    page = client_for(qa_officer).get("/contacts/quality/").content.decode()
    assert f'href="/quality/audits/{audit.pk}/"' in page


def test_the_api_names_the_contact_an_audit_is_of(
    qa_officer: User, contact_officer: User, access_manager: User
) -> None:
    audit = graded_contact_audit(qa_officer, contact_officer, access_manager)
    body = api_client(qa_officer).get(f"/api/v1/audits/{audit.pk}/").json()
    assert (body["contact"], body["referral"], body["person"], body["grade"]) == (
        audit.contact_id,
        None,
        None,
        "requires_improvement",
    )


def test_an_audit_is_of_a_referral_or_a_contact_never_both(
    qa_officer: User, contact_officer: User, social_worker: User, access_manager: User
) -> None:
    contact = closed_contact(contact_officer, access_manager)
    case = referral(PersonFactory(), LAST_MONTH, social_worker)
    template = AuditTemplate.objects.create(name="T", created_by=qa_officer)
    programme = AuditProgramme.objects.create(
        month=LAST_MONTH, theme="closed_nfa", template=template, created_by=qa_officer
    )
    with pytest.raises(IntegrityError):
        Audit.objects.create(programme=programme, contact=contact, referral=case)
