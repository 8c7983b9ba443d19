"""The case audit API: draw a programme, grade an audit with every required answer, moderate it."""

from django.utils import timezone

from frontdoor.accounts.models import User
from frontdoor.quality.models import Audit, AuditTemplate
from tests.conftest import api_client
from tests.quality.test_audits import MONTH, cases_in_two_teams, template_by

JSON = "application/json"


def test_an_officer_draws_grades_and_a_manager_moderates_through_the_api(
    qa_officer: User, team_manager: User, social_worker: User
) -> None:
    cases_in_two_teams(social_worker)
    template: AuditTemplate = template_by(qa_officer)
    officer = api_client(qa_officer)
    drawn = officer.post(
        "/api/v1/audit-programmes/",
        {"template": template.pk, "month": MONTH.isoformat(), "theme": "random", "per_team": 1},
        content_type=JSON,
    )
    assert drawn.status_code == 201 and len(drawn.json()["audits"]) == 2
    audit_id = drawn.json()["audits"][0]
    voice, plan, _ = template.questions.all()
    body = {"answers": [{"question": voice.pk, "grade": "good"}], "grade": "good", "findings": "F.", "version": 1}
    refused = officer.post(f"/api/v1/audits/{audit_id}/grade/", body, content_type=JSON)
    assert refused.status_code == 400 and f"answer_{plan.pk}" in refused.json()["errors"]
    body["answers"].append({"question": plan.pk, "grade": "inadequate"})
    graded = officer.post(f"/api/v1/audits/{audit_id}/grade/", body, content_type=JSON)
    assert graded.status_code == 200 and graded.json()["status"] == "graded"
    moderated = api_client(team_manager).post(
        f"/api/v1/audits/{audit_id}/moderation/",
        {"grade": "requires_improvement", "notes": "The plan is inadequate.", "version": 2},
        content_type=JSON,
    )
    assert moderated.json()["moderated_grade"] == "requires_improvement"
    assert Audit.objects.get(pk=audit_id).moderated_at <= timezone.now()
    assert api_client(social_worker).get("/api/v1/audits/").status_code == 403
