"""The case audit programme: templates, a month's sample, grading, moderation and the grades report."""

import re
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from frontdoor.accounts.models import User
from frontdoor.quality import services
from frontdoor.quality.models import Audit, AuditProgramme, AuditTemplate
from frontdoor.quality.queries import grade_report
from frontdoor.records.models import Event
from tests.factories import PersonFactory, TeamFactory, UserFactory
from tests.returns.records import referral

TODAY = timezone.localdate()
MONTH = TODAY.replace(day=1)


def template_by(user: User) -> AuditTemplate:
    return services.create_template(
        by=user,
        name="Practice standards",
        guidance="Read the last three months of the record.",
        questions=[
            services.Question("Is the child's voice heard?", "Look for the child's own words."),
            services.Question("Is the plan specific?"),
            services.Question("Anything else?", is_required=False),
        ],
    )


def cases_in_two_teams(worker: User, count: int = 3) -> None:
    other_team = TeamFactory(name="Locality team South")
    other = UserFactory(role="social_worker", team=other_team, username="south")
    for n in range(count):
        referral(PersonFactory(), MONTH + timedelta(days=n % 2), worker)
        referral(PersonFactory(), MONTH, other)


@pytest.fixture
def drawn(qa_officer: User, social_worker: User) -> AuditProgramme:
    cases_in_two_teams(social_worker)
    return services.draw_programme(
        by=qa_officer, month=MONTH, theme="random", template=template_by(qa_officer), per_team=2
    )


def test_a_month_draws_cases_from_each_team_for_an_auditor_outside_it(drawn: AuditProgramme, qa_officer: User) -> None:
    audits = list(drawn.audits.all())
    assert len(audits) == 4 and len({a.team_id for a in audits}) == 2
    assert all(a.auditor == qa_officer and a.auditor.team_id != a.team_id for a in audits)


def test_a_month_in_the_future_or_a_theme_we_do_not_have_is_refused(qa_officer: User) -> None:
    template = template_by(qa_officer)
    next_month = (MONTH + timedelta(days=32)).replace(day=1)
    with pytest.raises(ValidationError, match="future"):
        services.draw_programme(by=qa_officer, month=next_month, theme="random", template=template, per_team=2)
    with pytest.raises(ValidationError, match="theme"):
        services.draw_programme(by=qa_officer, month=MONTH, theme="whim", template=template, per_team=2)


def test_an_audit_is_graded_only_with_every_required_answer(drawn: AuditProgramme, qa_officer: User) -> None:
    audit = drawn.audits.first()
    assert audit is not None
    voice, plan, _ = drawn.template.questions.all()
    answers = [services.Answer(voice, "good", "The child's words are recorded.")]
    with pytest.raises(ValidationError, match="Is the plan specific"):
        services.grade_audit(
            audit=audit, by=qa_officer, answers=answers, grade="good", findings="Good work.", expected_version=1
        )
    answers.append(services.Answer(plan, "requires_improvement"))
    services.grade_audit(
        audit=audit, by=qa_officer, answers=answers, grade="good", findings="Good work.", expected_version=1
    )
    audit.refresh_from_db()
    assert (audit.status, audit.grade, audit.answers.count()) == ("graded", "good", 2)
    assert Event.objects.filter(kind="audit.graded", child=audit.referral.person).exists()


def test_moderation_is_by_someone_else_and_a_changed_grade_says_why(
    drawn: AuditProgramme, qa_officer: User, team_manager: User
) -> None:
    audit = drawn.audits.first()
    assert audit is not None
    voice, plan, _ = drawn.template.questions.all()
    answers = [services.Answer(voice, "good"), services.Answer(plan, "good")]
    services.grade_audit(audit=audit, by=qa_officer, answers=answers, grade="good", findings="F.", expected_version=1)
    with pytest.raises(PermissionDenied):
        services.moderate_audit(audit=audit, by=qa_officer, grade="good", notes="", expected_version=2)
    with pytest.raises(ValidationError, match="why"):
        services.moderate_audit(audit=audit, by=team_manager, grade="inadequate", notes="", expected_version=2)
    services.moderate_audit(
        audit=audit, by=team_manager, grade="requires_improvement", notes="The plan has no dates.", expected_version=2
    )
    audit.refresh_from_db()
    assert (audit.status, audit.final_grade) == ("moderated", "requires_improvement")
    (row,) = grade_report()
    assert row.grades["requires_improvement"] == 1 and row.total == 1


def test_a_quality_officer_runs_the_programme_from_the_pages(client_for, qa_officer: User, social_worker: User) -> None:
    cases_in_two_teams(social_worker)
    client = client_for(qa_officer)
    made = client.post(
        "/quality/templates/",
        {"name": "Monthly audit", "question_1": "Is the child seen?", "required_1": "on", "question_2": "Notes"},
    )
    template = AuditTemplate.objects.get()
    assert made.url == f"/quality/templates/{template.pk}/"
    drawn = client.post(
        "/quality/", {"template": template.pk, "theme": "random", "month": f"{MONTH:%Y-%m}", "per_team": "1"}
    )
    programme = AuditProgramme.objects.get()
    assert drawn.url == f"/quality/programmes/{programme.pk}/"
    audit = Audit.objects.filter(programme=programme).first()
    assert audit is not None
    question = template.questions.get(position=1)
    page = client.get(f"/quality/audits/{audit.pk}/").content.decode()
    assert "Is the child seen?" in page and "Grade the audit" in page
    ids = re.findall(r' id="([^"]+)"', page)
    assert len(ids) == len(set(ids)), "every label must point at one control"
    refused = client.post(
        f"/quality/audits/{audit.pk}/", {"version": audit.version, "grade": "good", "findings": "Fine."}
    )
    assert "it is required" in refused.content.decode()
    graded = client.post(
        f"/quality/audits/{audit.pk}/",
        {"version": audit.version, f"answer_{question.pk}": "good", "grade": "good", "findings": "Fine."},
    )
    assert graded.status_code == 302
    assert "Graded, waiting for moderation" in client.get(f"/quality/programmes/{programme.pk}/").content.decode()


@pytest.mark.parametrize("path", ["/quality/", "/quality/templates/", "/quality/report/"])
def test_audits_are_for_quality_assurance_and_managers(client_for, social_worker: User, path: str) -> None:
    assert client_for(social_worker).get(path).status_code == 403


def graded(drawn: AuditProgramme, auditor: User) -> Audit:
    audit = drawn.audits.filter(referral__worker__username="ben").first()
    assert audit is not None
    voice, plan, _ = drawn.template.questions.all()
    answers = [services.Answer(voice, "good"), services.Answer(plan, "good")]
    return services.grade_audit(
        audit=audit, by=auditor, answers=answers, grade="good", findings="F.", expected_version=1
    )


def test_the_practitioner_and_their_manager_respond_and_actions_are_set(
    client_for, drawn: AuditProgramme, qa_officer: User, social_worker: User, team_manager: User
) -> None:
    audit = graded(drawn, qa_officer)
    due = TODAY + timedelta(days=14)
    client_for(qa_officer).post(
        f"/quality/audits/{audit.pk}/actions/",
        {
            "action": "Update the plan",
            "owner": "Ben",
            "due_on_day": due.day,
            "due_on_month": due.month,
            "due_on_year": due.year,
        },
    )
    assert audit.actions.get().action == "Update the plan"
    worker = client_for(social_worker)
    referral_page = worker.get(f"/casework/referrals/{audit.referral_id}/").content.decode()
    assert f"/quality/audits/{audit.pk}/respond/" in referral_page
    worker.post(f"/quality/audits/{audit.pk}/respond/", {"response": "I will update the plan this week."})
    client_for(team_manager).post(f"/quality/audits/{audit.pk}/respond/", {"response": "Agreed; I will check it."})
    audit.refresh_from_db()
    assert (audit.practitioner_response, audit.manager_response) == (
        "I will update the plan this week.",
        "Agreed; I will check it.",
    )


def test_someone_else_cannot_respond_to_an_audit(drawn: AuditProgramme, qa_officer: User) -> None:
    audit = graded(drawn, qa_officer)
    stranger = UserFactory(role="social_worker", username="stranger")
    with pytest.raises(PermissionDenied):
        services.respond_to_audit(audit=audit, by=stranger, response="Not mine.")


def test_the_cases_worker_marks_an_action_done_and_a_stranger_cannot(
    client_for, drawn: AuditProgramme, qa_officer: User, social_worker: User
) -> None:
    audit = graded(drawn, qa_officer)
    action = services.add_audit_action(
        audit=audit, by=qa_officer, action="Update the plan", owner="Ben", due_on=TODAY + timedelta(days=7)
    )
    stranger = UserFactory(role="social_worker", username="stranger")
    with pytest.raises(PermissionDenied):
        services.complete_audit_action(action=action, by=stranger, done_on=TODAY)
    response = client_for(social_worker).post(f"/quality/actions/{action.pk}/done/", {"back": "https://evil.example/"})
    assert response.url == f"/casework/referrals/{audit.referral_id}/"  # not the page they were sent from
    action.refresh_from_db()
    assert action.done_on == TODAY
