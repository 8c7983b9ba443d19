"""Telephony events, the call log import and the call figures."""

import io
from datetime import UTC, date, datetime, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from frontdoor.accounts.models import User
from frontdoor.accounts.roles import Role
from frontdoor.contacts import calls
from frontdoor.contacts.call_queries import call_figures, percentile
from frontdoor.contacts.calls import import_call_log, record_call_event
from frontdoor.contacts.models import Call, CallEvent
from frontdoor.records.models import Event
from tests.conftest import make_user

pytestmark = pytest.mark.django_db

NINE = datetime(2026, 3, 2, 9, 0, 0, tzinfo=UTC)
HEADER = "call_id,started,answered,ended,queue,agent,transfers\n"


def at(seconds: float) -> datetime:
    return NINE + timedelta(seconds=seconds)


def send(call_id: str, kind: str, seconds: float, queue: str = "", agent: str = "") -> CallEvent:
    return record_call_event(call_id=call_id, kind=kind, occurred_at=at(seconds), queue=queue, agent=agent)


def log(*lines: str) -> io.BytesIO:
    return io.BytesIO((HEADER + "".join(line + "\n" for line in lines)).encode())


@pytest.fixture
def analyst(db: None) -> User:
    return make_user(Role.PERFORMANCE_ANALYST)


# Events -----------------------------------------------------------------------------------------

A_CALL = [
    ("offered", 0, "Front door", ""),
    ("queued", 2, "Front door", ""),
    ("transferred", 30, "Police", ""),
    ("answered", 45, "", "Amira Shah"),
    ("transferred", 200, "Professionals", ""),
    ("ended", 400, "", ""),
]


def test_a_call_is_summarised_from_its_events() -> None:
    for kind, seconds, queue, agent in A_CALL:
        send("c1", kind, seconds, queue, agent)
    call = Call.objects.get(call_id="c1")
    assert (call.offered_at, call.answered_at, call.ended_at) == (at(0), at(45), at(400))
    assert call.transfers == 2
    assert call.abandoned is False
    assert (call.queue, call.agent) == ("Professionals", "Amira Shah")
    assert call.seconds_to_answer == 45
    assert call.flags == []
    assert CallEvent.objects.filter(call=call).count() == 6


def test_events_arriving_out_of_order_give_the_same_summary_and_are_flagged() -> None:
    for kind, seconds, queue, agent in reversed(A_CALL):
        send("c1", kind, seconds, queue, agent)
    call = Call.objects.get(call_id="c1")
    assert (call.offered_at, call.answered_at, call.ended_at) == (at(0), at(45), at(400))
    assert call.transfers == 2
    assert call.abandoned is False
    assert (call.queue, call.agent) == ("Professionals", "Amira Shah")
    assert calls.OUT_OF_ORDER in call.flags
    assert calls.FIRST_NOT_OFFERED in call.flags
    offered = call.events.get(kind="offered")
    assert calls.OUT_OF_ORDER in offered.flag


def test_an_event_for_an_unknown_call_is_stored_and_flagged() -> None:
    event = send("never-offered", "answered", 10, agent="Ben Jones")
    assert event.pk is not None
    assert event.flag == calls.FIRST_NOT_OFFERED
    call = Call.objects.get(call_id="never-offered")
    assert call.flags == [calls.FIRST_NOT_OFFERED]
    # With no offered event, the call counts from its first event.
    assert call.offered_at == call.answered_at == at(10)


def test_the_same_event_twice_is_stored_flagged_and_counted_once() -> None:
    send("c1", "offered", 0)
    send("c1", "transferred", 20, queue="Police")
    again = send("c1", "transferred", 20, queue="Police")
    assert again.flag == calls.DUPLICATE
    call = Call.objects.get(call_id="c1")
    assert call.events.count() == 3
    assert call.transfers == 1
    assert call.flags == [calls.DUPLICATE]


def test_answered_after_abandoned_is_flagged_and_the_call_stays_abandoned() -> None:
    send("c1", "offered", 0)
    send("c1", "abandoned", 50)
    late = send("c1", "answered", 60)
    assert late.flag == calls.ANSWERED_AFTER_ABANDONED
    call = Call.objects.get(call_id="c1")
    assert call.abandoned is True
    assert call.answered_at == at(60)


def test_an_abandoned_event_after_an_answer_does_not_make_the_call_abandoned() -> None:
    send("c1", "offered", 0)
    send("c1", "answered", 10)
    send("c1", "abandoned", 300)
    call = Call.objects.get(call_id="c1")
    assert call.abandoned is False
    assert call.ended_at == at(300)


def test_a_call_abandoned_in_the_queue() -> None:
    send("c1", "offered", 0, queue="Front door")
    send("c1", "queued", 1)
    send("c1", "abandoned", 95)
    call = Call.objects.get(call_id="c1")
    assert call.abandoned is True
    assert call.answered_at is None
    assert call.ended_at == at(95)
    assert call.queue == "Front door"


def test_only_flagged_events_are_written_to_the_event_log() -> None:
    analyst = make_user(Role.PERFORMANCE_ANALYST)
    before = Event.objects.count()
    for kind, seconds, queue, agent in A_CALL:
        record_call_event(call_id="c1", kind=kind, occurred_at=at(seconds), queue=queue, agent=agent)
    assert Event.objects.count() == before
    record_call_event(call_id="c1", kind="ended", occurred_at=at(400), received_by=analyst)
    event = Event.objects.get(kind="call.event_flagged")
    assert event.actor == analyst
    assert "duplicate event" in event.summary
    assert event.record_type == "contacts.Call"


def test_an_event_needs_a_call_id_a_known_kind_and_a_time_with_its_offset() -> None:
    with pytest.raises(ValidationError) as refused:
        record_call_event(call_id=" ", kind="rang", occurred_at=datetime(2026, 3, 2, 9, 0))
    assert set(refused.value.message_dict) == {"call_id", "kind", "occurred_at"}
    assert not Call.objects.exists()


def test_an_event_for_a_call_from_the_call_log_keeps_the_log_figures() -> None:
    import_call_log(
        file=log("c1,2026-03-02T09:00:00Z,2026-03-02T09:00:30Z,2026-03-02T09:05:00Z,Front door,Amira,1"), by=None
    )
    event = send("c1", "ended", 9999)
    assert event.flag == calls.FROM_CALL_LOG
    later = send("c1", "transferred", 9000)
    assert later.flag == calls.FROM_CALL_LOG
    call = Call.objects.get(call_id="c1")
    assert call.ended_at == at(300)
    assert call.transfers == 1
    assert call.flags == [calls.FROM_CALL_LOG]


# The call log ------------------------------------------------------------------------------------


def test_a_call_log_is_imported() -> None:
    analyst = make_user(Role.PERFORMANCE_ANALYST)
    report = import_call_log(
        file=log(
            "c1,02/07/2026 09:15:03,02/07/2026 09:15:21,02/07/2026 09:25:00,Front door,Amira Shah,2",
            "c2,2026-07-02T10:00:00+01:00,,2026-07-02T10:01:30+01:00,Police,,0",
            "c3,2026-01-05T08:00:00Z,2026-01-05T08:00:05Z,,Schools,Ben,",
        ),
        by=analyst,
    )
    assert report.ok
    assert (report.rows, report.imported, report.already_imported) == (3, 3, 0)
    c1 = Call.objects.get(call_id="c1")
    # UK time in summer is an hour ahead of UTC.
    assert c1.offered_at == datetime(2026, 7, 2, 8, 15, 3, tzinfo=UTC)
    assert c1.seconds_to_answer == 18
    assert (c1.queue, c1.agent, c1.transfers, c1.abandoned) == ("Front door", "Amira Shah", 2, False)
    c2 = Call.objects.get(call_id="c2")
    assert c2.abandoned is True and c2.answered_at is None
    assert c2.ended_at == datetime(2026, 7, 2, 9, 1, 30, tzinfo=UTC)
    c3 = Call.objects.get(call_id="c3")
    assert c3.ended_at is None and c3.transfers == 0
    event = Event.objects.get(kind="calls.imported")
    assert event.actor == analyst
    assert event.data["imported"] == 3


def test_a_malformed_call_log_reports_every_bad_line_and_imports_nothing() -> None:
    report = import_call_log(
        file=log(
            "c1,02/03/2026 09:15:03,02/03/2026 09:15:21,02/03/2026 09:25:00,Front door,Amira,0",
            ",02/03/2026 09:16:00,,,Front door,,0",
            "c3,,02/03/2026 09:15:21,,Front door,,0",
            "c4,31/02/2026 09:00:00,,,Front door,,0",
            "c5,02/03/2026 09:15:03,02/03/2026 09:15:21,02/03/2026 09:25:00,Front door,Amira,two",
            "c6,02/03/2026 09:15:03,02/03/2026 09:15:21,02/03/2026 09:25:00,Front door,Amira,-1",
            "c7,02/03/2026 09:15:03,02/03/2026 09:14:00,02/03/2026 09:25:00,Front door,Amira,0",
            "c8,02/03/2026 09:15:03,,02/03/2026 09:00:00,Front door,,0",
            "c1,02/03/2026 10:15:03,,,Front door,,0",
            "c10,02/03/2026 10:15:03,,,Front door",
            "c11,yesterday,,,Front door,,0",
            "",
            "c12,02/03/2026 10:15:03,,,Front door,,0",
        ),
        by=None,
    )
    assert not report.ok
    assert [str(error) for error in report.errors] == [
        "Line 3: call_id is empty",
        "Line 4: started is empty",
        "Line 5: started is not a real date and time",
        "Line 6: transfers is not a whole number of 0 or more",
        "Line 7: transfers is not a whole number of 0 or more",
        "Line 8: answered is before started",
        "Line 9: ended is before started",
        "Line 10: call_id c1 is also on line 2",
        "Line 11: has 5 values, not 7",
        "Line 12: started is not a date and time like 02/03/2026 09:15:03 or 2026-03-02T09:15:03+00:00",
    ]
    assert report.bad_lines == 10
    assert not Call.objects.exists()
    assert not Event.objects.filter(kind="calls.imported").exists()


def test_a_log_without_the_right_header_is_refused() -> None:
    report = import_call_log(file=io.BytesIO(b"id,start,end\nc1,02/03/2026 09:15:03,\n"), by=None)
    assert [error.line for error in report.errors] == [1]
    assert "missing: call_id, started, answered, ended, queue, agent, transfers" in report.errors[0].problem
    assert [str(e) for e in import_call_log(file=io.BytesIO(b""), by=None).errors] == ["The file is empty"]


def test_a_log_that_is_not_utf8_is_refused() -> None:
    report = import_call_log(
        file=io.BytesIO((HEADER + "c1,02/03/2026 09:15:03,,,Caf\xe9,,0\n").encode("latin-1")), by=None
    )
    assert str(report.errors[0]) == "The file must be a CSV file saved as UTF-8 text"


def test_columns_may_come_in_any_order_and_the_file_may_start_with_a_byte_order_mark() -> None:
    text = "\ufeffQueue,Call_ID,Started,Answered,Ended,Agent,Transfers\r\nPolice,c1,02/03/2026 09:15:03,,,,0\r\n"
    report = import_call_log(file=io.BytesIO(text.encode()), by=None)
    assert report.ok and report.imported == 1
    assert Call.objects.get(call_id="c1").queue == "Police"


def test_importing_the_same_log_again_imports_nothing_new() -> None:
    lines = [
        "c1,02/03/2026 09:15:03,02/03/2026 09:15:21,02/03/2026 09:25:00,Front door,Amira,0",
        "c2,02/03/2026 09:20:00,,02/03/2026 09:21:00,Front door,,0",
    ]
    import_call_log(file=log(*lines), by=None)
    again = import_call_log(file=log(*lines), by=None)
    assert (again.imported, again.already_imported) == (0, 2)
    assert Call.objects.count() == 2
    more = import_call_log(file=log(*lines, "c3,02/03/2026 09:30:00,,,Police,,0"), by=None)
    assert (more.imported, more.already_imported) == (1, 2)
    assert Event.objects.filter(kind="calls.imported").count() == 3


def test_the_log_fills_in_a_call_whose_id_was_recorded_on_a_contact() -> None:
    # Recording a contact during a call stores the call's ID before the telephony system says anything.
    Call.objects.create(call_id="c1")
    report = import_call_log(file=log("c1,02/03/2026 09:15:03,02/03/2026 09:15:13,,Front door,Amira,0"), by=None)
    assert (report.imported, report.already_imported) == (1, 0)
    call = Call.objects.get(call_id="c1")
    assert call.seconds_to_answer == 10
    assert call.agent == "Amira"


def test_a_time_in_the_hour_the_clocks_go_back_is_imported_and_flagged() -> None:
    report = import_call_log(file=log("c1,25/10/2026 01:30:00,25/10/2026 01:30:10,,Out of hours,Femi,0"), by=None)
    assert report.ok and report.flagged == 1
    call = Call.objects.get(call_id="c1")
    assert call.flags == [calls.CLOCKS_BACK]
    assert call.offered_at == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)


def test_the_import_command(tmp_path, analyst: User) -> None:
    good = tmp_path / "calls.csv"
    good.write_text(HEADER + "c1,02/03/2026 09:15:03,,,Front door,,0\n")
    out = io.StringIO()
    call_command("import_calls", str(good), "--by", analyst.username, stdout=out)
    assert "Imported 1 calls" in out.getvalue()
    assert Event.objects.get(kind="calls.imported").actor == analyst
    bad = tmp_path / "bad.csv"
    bad.write_text(HEADER + "c2,02/03/2026 09:15:03,,,Front door,,x\n")
    err = io.StringIO()
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("import_calls", str(bad), stderr=err)
    assert "Line 2: transfers is not a whole number" in err.getvalue()
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("import_calls", str(tmp_path / "missing.csv"))


# Figures -----------------------------------------------------------------------------------------


def a_call(
    call_id: str, offered: datetime, wait: float | None, *, queue: str = "Front door", transfers: int = 0
) -> Call:
    return Call.objects.create(
        call_id=call_id,
        offered_at=offered,
        answered_at=offered + timedelta(seconds=wait) if wait is not None else None,
        ended_at=offered + timedelta(seconds=(wait or 0) + 60),
        abandoned=wait is None,
        queue=queue,
        transfers=transfers,
    )


def test_the_figures_for_a_period() -> None:
    monday = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)  # 9:30 in the UK in March
    for n, wait in enumerate([5, 10, 15, 20, 30, 40, 60, 90, 120]):
        a_call(f"a{n}", monday + timedelta(minutes=n), wait, transfers=n % 2)
    a_call("gone", monday + timedelta(hours=5), None, queue="Police")
    a_call("before", datetime(2026, 2, 28, 23, 59, tzinfo=UTC), 5)
    a_call("after", datetime(2026, 3, 9, 0, 0, tzinfo=UTC), 5)

    report = call_figures(start=date(2026, 3, 1), end=date(2026, 3, 8))
    f = report.overall
    assert (f.offered, f.answered, f.abandoned) == (10, 9, 1)
    assert f.abandoned_percent == 10
    assert f.median_seconds == 30
    assert f.p90_seconds == pytest.approx(96)  # between 90 and 120, by interpolation
    assert f.answered_within_target == 4
    assert f.within_target_percent == 40  # of calls offered: the abandoned call counts against it
    assert f.transfers_per_call == 0.4
    assert [h.offered for h in report.by_hour][9:15] == [9, 0, 0, 0, 0, 1]
    assert len(report.by_hour) == 24 and report.by_hour[0].label == "00:00 to 00:59"
    assert [(q.label, q.offered) for q in report.by_queue] == [("Front door", 9), ("Police", 1)]
    assert report.queues == ["Front door", "Police"]

    police = call_figures(start=date(2026, 3, 1), end=date(2026, 3, 8), queue="Police")
    assert (police.overall.offered, police.overall.abandoned, police.overall.median_seconds) == (1, 1, None)
    assert police.queues == ["Front door", "Police"]


def test_hours_and_days_are_uk_time() -> None:
    # 23:30 UTC on 1 July is 00:30 on 2 July in the UK.
    a_call("late", datetime(2026, 7, 1, 23, 30, tzinfo=UTC), 10)
    report = call_figures(start=date(2026, 7, 2), end=date(2026, 7, 2))
    assert report.overall.offered == 1
    assert report.by_hour[0].offered == 1
    assert call_figures(start=date(2026, 7, 1), end=date(2026, 7, 1)).overall.offered == 0


def test_no_calls_gives_no_averages() -> None:
    f = call_figures(start=date(2026, 3, 1), end=date(2026, 3, 8)).overall
    assert f.offered == 0
    assert f.abandoned_percent is f.median_seconds is f.p90_seconds is f.transfers_per_call is None


def test_percentile() -> None:
    assert percentile([], 0.9) is None
    assert percentile([7], 0.9) == 7
    assert percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9) == pytest.approx(9.1)


# Pages ------------------------------------------------------------------------------------------


def test_a_social_worker_cannot_import_calls_or_see_the_figures(client_for, social_worker: User) -> None:
    client = client_for(social_worker)
    assert client.get("/contacts/calls/").status_code == 403
    assert client.get("/contacts/calls/import/").status_code == 403
    upload = SimpleUploadedFile("calls.csv", (HEADER + "c1,02/03/2026 09:15:03,,,Front door,,0\n").encode())
    assert client.post("/contacts/calls/import/", {"log": upload}).status_code == 403
    assert not Call.objects.exists()


def test_a_team_manager_sees_the_figures_but_cannot_import(client_for, team_manager: User) -> None:
    client = client_for(team_manager)
    page = client.get("/contacts/calls/")
    assert page.status_code == 200
    assert "Import a call log" not in page.text
    assert client.get("/contacts/calls/import/").status_code == 403


def test_an_analyst_imports_a_log_through_the_page(client_for, analyst: User) -> None:
    client = client_for(analyst)
    upload = SimpleUploadedFile(
        "calls.csv",
        (
            HEADER
            + "c1,02/03/2026 09:15:03,02/03/2026 09:15:10,,Front door,Amira,0\nc2,02/03/2026 09:20:00,,,Police,,0\n"
        ).encode(),
        content_type="text/csv",
    )
    page = client.post("/contacts/calls/import/", {"log": upload})
    assert page.status_code == 200
    assert "Imported 2 calls" in page.text
    assert Call.objects.count() == 2


def test_a_bad_log_uploaded_shows_every_problem_with_its_line(client_for, analyst: User) -> None:
    upload = SimpleUploadedFile(
        "calls.csv",
        (
            HEADER + "c1,02/03/2026 09:15:03,,,Front door,,0\nc2,,,,Police,,0\nc3,02/03/2026 09:15:03,,,Police,,many\n"
        ).encode(),
    )
    page = client_for(analyst).post("/contacts/calls/import/", {"log": upload})
    assert page.status_code == 200
    assert "The call log has 2 lines with problems: nothing was imported" in page.text
    assert "<title>Error:" in page.text
    assert 'govuk-table__cell--numeric">3</td>' in page.text
    assert "Started is empty" in page.text
    assert "Transfers is not a whole number of 0 or more" in page.text
    assert not Call.objects.exists()


def test_the_upload_must_be_a_csv(client_for, analyst: User) -> None:
    page = client_for(analyst).post("/contacts/calls/import/", {"log": SimpleUploadedFile("calls.xlsx", b"PK")})
    assert "The selected file must be a CSV" in page.text
    page = client_for(analyst).post("/contacts/calls/import/", {})
    assert "Select a call log" in page.text


def test_the_figures_page_shows_the_last_four_weeks_by_default(client_for, team_manager: User) -> None:
    now = timezone.now()
    a_call("recent", now - timedelta(days=3), 12, queue="Professionals")
    a_call("old", now - timedelta(days=40), 12)
    page = client_for(team_manager).get("/contacts/calls/")
    report = page.context["report"]
    assert report.end == timezone.localdate()
    assert report.start == timezone.localdate() - timedelta(days=27)
    assert report.overall.offered == 1
    assert "Professionals" in page.text
    assert 'govuk-table__cell govuk-table__cell--numeric">1</td>' in page.text


def test_the_figures_page_for_a_chosen_period_and_queue(client_for, team_manager: User) -> None:
    a_call("a", datetime(2026, 3, 2, 10, 0, tzinfo=UTC), 12, queue="Police")
    a_call("b", datetime(2026, 3, 2, 10, 5, tzinfo=UTC), 12, queue="Front door")
    query = "start_day=1&start_month=3&start_year=2026&end_day=8&end_month=3&end_year=2026"
    page = client_for(team_manager).get(f"/contacts/calls/?{query}&queue=Police")
    assert page.context["report"].overall.offered == 1
    assert "1 March 2026 to 8 March 2026, Police queue" in page.text
    assert '<option value="Police" selected>Police</option>' in page.text


def test_the_figures_page_refuses_a_period_that_ends_before_it_starts(client_for, team_manager: User) -> None:
    query = "start_day=8&start_month=3&start_year=2026&end_day=1&end_month=3&end_year=2026"
    page = client_for(team_manager).get(f"/contacts/calls/?{query}")
    assert page.context["report"] is None
    assert "The end of the period must be the same as or after its start" in page.text


def test_the_figures_page_query_count_does_not_grow_with_the_number_of_calls(client_for, team_manager: User) -> None:
    client = client_for(team_manager)
    start = timezone.now() - timedelta(days=2)
    queues = ["Front door", "Police", "Schools", "Health"]

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/contacts/calls/").status_code == 200
        return len(captured)

    a_call("first", start, 10)
    few = queries()
    for n in range(200):
        a_call(f"c{n}", start + timedelta(minutes=7 * n), n % 60 or None, queue=queues[n % 4], transfers=n % 3)
    assert queries() == few


def test_a_batch_with_an_event_that_cannot_be_stored_stores_none_of_it() -> None:
    good = calls.CallEventData("c1", "offered", at(0))
    naive = calls.CallEventData("c1", "answered", datetime(2026, 3, 2, 9, 0, 10))
    with pytest.raises(ValidationError) as refused:
        calls.record_call_events(events=[good, naive])
    assert list(refused.value.message_dict) == ["1.occurred_at"]
    assert not CallEvent.objects.exists()
