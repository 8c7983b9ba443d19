from datetime import date
from typing import Any

from frontdoor.accounts.models import User
from frontdoor.records.models import Event
from frontdoor.timescales.calendar import add_working_days, forget_council_calendar
from frontdoor.timescales.models import ClosureDay


def closure(day: date, reason: str = "Council Christmas closure") -> dict[str, Any]:
    return {"day_day": day.day, "day_month": day.month, "day_year": day.year, "reason": reason}


def test_an_administrator_adds_a_closure_day_and_clocks_skip_it(
    client_for, administrator: User, council: object, django_capture_on_commit_callbacks
) -> None:
    forget_council_calendar()
    assert add_working_days(date(2025, 12, 23), 1) == date(2025, 12, 24)
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(administrator).post("/timescales/closure-days/add/", closure(date(2025, 12, 24)))
    assert response["Location"] == "/council/"
    assert add_working_days(date(2025, 12, 23), 1) == date(2025, 12, 29)
    event = Event.objects.get(kind="closure_day.added")
    assert (event.actor, event.data["date"]) == (administrator, "2025-12-24")


def test_removing_a_closure_day_makes_it_a_working_day_again(
    client_for, administrator: User, council: object, django_capture_on_commit_callbacks
) -> None:
    day = ClosureDay.objects.create(date=date(2025, 12, 24), reason="Closure", added_by=administrator)
    forget_council_calendar()
    assert add_working_days(date(2025, 12, 23), 1) == date(2025, 12, 29)
    with django_capture_on_commit_callbacks(execute=True):
        client_for(administrator).post(f"/timescales/closure-days/{day.pk}/remove/")
    assert add_working_days(date(2025, 12, 23), 1) == date(2025, 12, 24)
    assert Event.objects.filter(kind="closure_day.removed").exists()


def test_a_weekend_or_repeated_closure_day_is_refused(client_for, administrator: User, council: object) -> None:
    client = client_for(administrator)
    page = client.post("/timescales/closure-days/add/", closure(date(2026, 11, 28))).content.decode()
    assert "Closure days are weekdays" in page
    client.post("/timescales/closure-days/add/", closure(date(2026, 12, 24)))
    page = client.post("/timescales/closure-days/add/", closure(date(2026, 12, 24))).content.decode()
    assert "24 December 2026 is already a closure day" in page
    assert ClosureDay.objects.count() == 1


def test_only_administrators_manage_closure_days(client_for, team_manager: User, administrator: User) -> None:
    day = ClosureDay.objects.create(date=date(2025, 12, 24), reason="Closure", added_by=administrator)
    client = client_for(team_manager)
    assert client.post("/timescales/closure-days/add/", closure(date(2026, 12, 24))).status_code == 403
    assert client.post(f"/timescales/closure-days/{day.pk}/remove/").status_code == 403
    assert ClosureDay.objects.count() == 1


def test_the_calculator_works_out_a_due_date(client_for, social_worker: User, council: object) -> None:
    page = (
        client_for(social_worker)
        .get("/timescales/?start_day=19&start_month=12&start_year=2025&days=7")
        .content.decode()
    )
    assert "Due by Friday 2 January 2026" in page


def test_the_calculator_uses_the_regime_a_step_started_under(client_for, social_worker: User, council) -> None:
    council.regime_changed_on = date(2014, 4, 1)
    council.save()
    page = (
        client_for(social_worker)
        .get("/timescales/?start_day=2&start_month=4&start_year=2014&step=single_assessment")
        .content.decode()
    )
    assert "Single assessment (45 working days from the referral)" in page


def test_the_calculator_explains_bad_input(client_for, social_worker: User, council: object) -> None:
    page = client_for(social_worker).get("/timescales/?start_day=31&start_month=2&start_year=2025").content.decode()
    assert "Start date (day 0) must be a real date" in page
    assert "<title>Error: Timescales" in page
