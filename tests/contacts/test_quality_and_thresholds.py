from datetime import date, timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from frontdoor.accounts.models import User
from frontdoor.contacts import services
from frontdoor.contacts.models import Contact, FrontDoorPolicy, QualitySample, ThresholdLevel
from frontdoor.contacts.quality import draw_quality_sample, week_starting
from frontdoor.records.models import Event


def close(contacts: list[Contact], when) -> None:  # type: ignore[no-untyped-def]
    Contact.objects.filter(pk__in=[c.pk for c in contacts]).update(status=Contact.Status.CLOSED, closed_at=when)


def test_ten_percent_of_a_weeks_closed_contacts_are_sampled_the_same_way_every_time(
    contact_officer: User, record, ruby
) -> None:
    monday = week_starting(timezone.localdate()) - timedelta(days=7)
    contacts = [record(contact_officer, ruby) for _ in range(25)]
    close(contacts, timezone.now() - timedelta(days=(timezone.localdate() - monday).days - 1))
    first = draw_quality_sample(week_start=monday)
    assert len(first) == 3  # 10% of 25, rounded up
    again = draw_quality_sample(week_start=monday)
    assert {s.contact_id for s in again} == {s.contact_id for s in first}
    assert QualitySample.objects.count() == 3


def test_the_share_is_a_council_setting(contact_officer: User, record, ruby) -> None:
    FrontDoorPolicy.objects.update_or_create(pk=1, defaults={"qa_sample_percent": 50})
    monday = week_starting(timezone.localdate()) - timedelta(days=7)
    contacts = [record(contact_officer, ruby) for _ in range(10)]
    close(contacts, timezone.now() - timedelta(days=(timezone.localdate() - monday).days - 1))
    assert len(draw_quality_sample(week_start=monday)) == 5


def test_a_qa_officer_reviews_a_sampled_decision(
    client_for, qa_officer: User, contact_officer: User, record, ruby
) -> None:
    contact = record(contact_officer, ruby)
    sample = QualitySample.objects.create(contact=contact, week_starting=date(2026, 11, 16))
    client = client_for(qa_officer)
    page = client.post(f"/contacts/quality/{sample.pk}/", {"verdict": "disagree"}).content.decode()
    assert "Say why you disagree" in page
    client.post(f"/contacts/quality/{sample.pk}/", {"verdict": "disagree", "comment": "Should have gone to early help"})
    sample.refresh_from_db()
    assert (sample.verdict, sample.reviewed_by) == ("disagree", qa_officer)
    assert Event.objects.filter(kind="quality.sample_reviewed").exists()


def test_only_qa_and_managers_review_samples(client_for, contact_officer: User) -> None:
    assert client_for(contact_officer).get("/contacts/quality/").status_code == 403


def test_an_administrator_changes_what_a_level_allows(client_for, administrator: User, levels) -> None:
    level = levels[2]
    client_for(administrator).post(
        f"/contacts/threshold-model/levels/{level.pk}/",
        {
            "name": "Early help",
            "description": level.description,
            "allowed_outcomes": ["advice", "early_help"],
            "is_active": "on",
            "version": level.version,
        },
    )
    level.refresh_from_db()
    assert (level.name, level.allowed_outcomes) == ("Early help", ["advice", "early_help"])


def test_a_changed_model_is_applied_to_the_next_decision(
    administrator: User, contact_officer: User, record, ruby, levels
) -> None:
    from frontdoor.contacts.thresholds import update_level

    update_level(
        level=levels[3],
        by=administrator,
        expected_version=levels[3].version,
        name="Complex",
        description="",
        allowed_outcomes=["assessment"],
        is_active=True,
    )
    child = record(contact_officer, ruby).children.get()
    with pytest.raises(Exception, match="does not allow 'early help'"):
        services.decide(
            contact_child=child,
            by=contact_officer,
            level=ThresholdLevel.objects.get(number=3),
            outcome="early_help",
            rationale="x",
            rag="green",
        )


def test_criteria_are_retired_not_deleted(client_for, administrator: User, levels) -> None:
    criterion = levels[1].criteria.first()
    client_for(administrator).post(f"/contacts/threshold-model/criteria/{criterion.pk}/", {"in_use": "no"})
    criterion.refresh_from_db()
    assert not criterion.is_active


def test_only_administrators_change_the_threshold_model(client_for, team_manager: User, levels) -> None:
    assert client_for(team_manager).get("/contacts/threshold-model/").status_code == 403


def test_front_door_settings_refuse_a_stale_save(client_for, administrator: User) -> None:
    policy = FrontDoorPolicy.load()
    form = {
        "red_response_hours": 2,
        "amber_response_hours": 6,
        "green_response_hours": 24,
        "qa_sample_percent": 10,
        "pick_up_idle_minutes": 30,
        "repeat_contact_months": 12,
        "version": policy.version,
    }
    client = client_for(administrator)
    assert client.post("/contacts/threshold-model/settings/", {**form, "qa_sample_percent": 20}).status_code == 302
    page = client.post("/contacts/threshold-model/settings/", {**form, "qa_sample_percent": 30}).content.decode()
    assert "Someone else changed this" in page
    assert FrontDoorPolicy.load().qa_sample_percent == 20


def test_a_level_refuses_a_stale_save_and_keeps_the_first(client_for, administrator: User, levels) -> None:
    level = levels[2]
    form = {"description": level.description, "allowed_outcomes": ["advice"], "is_active": "on"}
    form["version"] = level.version
    first, second = client_for(administrator), client_for(administrator)
    assert first.post(f"/contacts/threshold-model/levels/{level.pk}/", {**form, "name": "First"}).status_code == 302
    page = second.post(f"/contacts/threshold-model/levels/{level.pk}/", {**form, "name": "Second"}).content.decode()
    assert "Someone else changed this threshold level while you were editing it" in page
    level.refresh_from_db()
    assert level.name == "First"
    assert Event.objects.filter(kind="threshold.level_changed").count() == 1


def test_the_monday_command_samples_last_weeks_closed_contacts(contact_officer: User, record, ruby) -> None:
    monday = week_starting(timezone.localdate()) - timedelta(days=7)
    contacts = [record(contact_officer, ruby) for _ in range(10)]
    close(contacts, timezone.now() - timedelta(days=(timezone.localdate() - monday).days - 1))
    out = StringIO()
    call_command("draw_quality_sample", stdout=out)
    assert QualitySample.objects.filter(week_starting=monday).count() == 1
    assert "1 contact(s) sampled" in out.getvalue()
