"""Telephone calls: the telephony system's events, one at a time, and its call log, in bulk.

Nothing the telephony system sends is refused for looking wrong: an event for
a call never offered, one sent twice or late, an answer after the caller hung
up. It is stored with a flag saying what is odd (on the event, and in the
call's `flags`), so the figures can be checked against what really happened.
Only what cannot be stored at all (no call ID, an unknown kind of event, a time
without its offset) is refused.

The event log: a front door takes hundreds of calls a day, each with five or
six telephony events, and none of them is a change anyone made to a record.
One Event per call would bury the changes people make under telephony noise,
so the log gets an Event only for what someone may need to look into (a
flagged event) and one for each import of a call log (who imported what).
"""

import csv
import io
import json
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from typing import IO, Any

from django.core.exceptions import ValidationError
from django.db import connections, router, transaction
from django.utils import timezone

from frontdoor.accounts.models import User
from frontdoor.contacts.models import UK, Call, CallEvent
from frontdoor.records.services import record_event

Kind = CallEvent.Kind

# What a flag says. The same words go on the event and, once, in the call's flags.
FIRST_NOT_OFFERED = "first event was not 'offered'"
OUT_OF_ORDER = "arrived out of order"
DUPLICATE = "duplicate event"
ANSWERED_AFTER_ABANDONED = "answered after it was abandoned"
ANSWERED_TWICE = "answered more than once"
ANSWERED_BEFORE_OFFERED = "answered before it was offered"
AFTER_END = "event after the call ended"
FROM_CALL_LOG = "call was imported from the call log: its figures come from the log"
CLOCKS_BACK = "a time is in the hour the clocks went back: taken as British Summer Time"
CLOCKS_FORWARD = "a time does not exist (the clocks went forward): taken as GMT"

FLAG_SEPARATOR = "; "
CALL_ID_LENGTH = Call._meta.get_field("call_id").max_length or 100
QUEUE_LENGTH = Call._meta.get_field("queue").max_length or 60
AGENT_LENGTH = Call._meta.get_field("agent").max_length or 100
FLAG_LENGTH = CallEvent._meta.get_field("flag").max_length or 200


@dataclass(frozen=True)
class CallEventData:
    """One event as the telephony system sent it."""

    call_id: str
    kind: str
    occurred_at: datetime
    queue: str = ""
    agent: str = ""


def _check_event(event: CallEventData) -> dict[str, str]:
    problems: dict[str, str] = {}
    if not event.call_id:
        problems["call_id"] = "Enter the call ID"
    elif len(event.call_id) > CALL_ID_LENGTH:
        problems["call_id"] = f"Call ID must be {CALL_ID_LENGTH} characters or fewer"
    if event.kind not in Kind.values:
        problems["kind"] = f"Event must be one of {', '.join(Kind.values)}"
    if timezone.is_naive(event.occurred_at):
        problems["occurred_at"] = "Give the time with its offset from UTC, for example 2026-03-02T09:15:03+00:00"
    if len(event.queue) > QUEUE_LENGTH:
        problems["queue"] = f"Queue must be {QUEUE_LENGTH} characters or fewer"
    if len(event.agent) > AGENT_LENGTH:
        problems["agent"] = f"Agent must be {AGENT_LENGTH} characters or fewer"
    return problems


_Stored = tuple[str, datetime, str, str]  # kind, occurred_at, queue, agent


def _flags_for(new: _Stored, stored: Sequence[_Stored]) -> list[str]:
    """What is odd about a new event, given the call's events already stored."""
    if new in stored:
        # The rest would only repeat what was said about the first copy.
        return [DUPLICATE]
    kind, at = new[0], new[1]
    flags = []
    if not stored and kind != Kind.OFFERED:
        flags.append(FIRST_NOT_OFFERED)
    if any(other_at > at for _, other_at, _, _ in stored):
        flags.append(OUT_OF_ORDER)
    times = {k: [t for other, t, _, _ in stored if other == k] for k in (Kind.OFFERED, Kind.ANSWERED, Kind.ABANDONED)}
    if kind == Kind.ANSWERED:
        if any(t <= at for t in times[Kind.ABANDONED]):
            flags.append(ANSWERED_AFTER_ABANDONED)
        if times[Kind.ANSWERED]:
            flags.append(ANSWERED_TWICE)
        if times[Kind.OFFERED] and at < min(times[Kind.OFFERED]):
            flags.append(ANSWERED_BEFORE_OFFERED)
    elif kind == Kind.ABANDONED and any(t >= at for t in times[Kind.ANSWERED]):
        flags.append(ANSWERED_AFTER_ABANDONED)
    elif kind == Kind.OFFERED and any(t < at for t in times[Kind.ANSWERED]):
        flags.append(ANSWERED_BEFORE_OFFERED)
    if kind != Kind.ENDED and any(other == Kind.ENDED and t < at for other, t, _, _ in stored):
        flags.append(AFTER_END)
    return flags


def _summarise(call: Call, events: Sequence[_Stored]) -> None:
    """Set the call's summary from all its events, in the order they happened (a copy sent twice counts once)."""
    events = list(dict.fromkeys(events))
    if not events:
        return
    offered = [at for kind, at, _, _ in events if kind == Kind.OFFERED]
    answered = [at for kind, at, _, _ in events if kind == Kind.ANSWERED]
    endings = [at for kind, at, _, _ in events if kind in (Kind.ENDED, Kind.ABANDONED)]
    call.offered_at = offered[0] if offered else events[0][1]
    call.answered_at = answered[0] if answered else None
    call.ended_at = endings[-1] if endings else None
    call.transfers = sum(1 for kind, *_ in events if kind == Kind.TRANSFERRED)
    abandoned = seen_answer = False
    for kind, *_ in events:
        seen_answer = seen_answer or kind == Kind.ANSWERED
        abandoned = abandoned or (kind == Kind.ABANDONED and not seen_answer)
    call.abandoned = abandoned
    call.queue = next((queue for _, _, queue, _ in reversed(events) if queue), "")
    call.agent = next((agent for _, _, _, agent in reversed(events) if agent), "")


def _store_event(event: CallEventData, received_by: User | None) -> CallEvent:
    # Locks the call's row (PostgreSQL), so two events for one call arriving at
    # once are summarised one after the other.
    call, _ = Call.objects.select_for_update().get_or_create(call_id=event.call_id)
    fields = ("kind", "occurred_at", "queue", "agent")
    stored: list[_Stored] = list(call.events.order_by("occurred_at", "id").values_list(*fields))
    new: _Stored = (event.kind, event.occurred_at, event.queue, event.agent)
    # A call from the call log came with no events: the log is its record, and no event changes it.
    from_log = FROM_CALL_LOG in call.flags or (not stored and call.offered_at is not None)
    flags = [FROM_CALL_LOG] if from_log else _flags_for(new, stored)
    stored_event = CallEvent.objects.create(
        call=call,
        kind=event.kind,
        occurred_at=event.occurred_at,
        queue=event.queue,
        agent=event.agent,
        flag=FLAG_SEPARATOR.join(flags)[:FLAG_LENGTH],
    )
    if not from_log:
        # Sorted as the database sorts them: by time, then in the order they came.
        _summarise(call, sorted([*stored, new], key=lambda e: e[1]))
    call.flags = [*call.flags, *(flag for flag in flags if flag not in call.flags)]
    call.save()
    if flags:
        record_event(
            kind="call.event_flagged",
            by=received_by,
            record=call,
            summary=f"Call {call.call_id}: the '{event.kind}' event at {timezone.localtime(event.occurred_at):%H:%M:%S}"
            f" on {timezone.localtime(event.occurred_at):%-d %b %Y} was flagged: {FLAG_SEPARATOR.join(flags)}",
            data={
                "call_id": call.call_id,
                "event_id": stored_event.pk,
                "kind": event.kind,
                "occurred_at": event.occurred_at.isoformat(),
                "flags": flags,
            },
        )
    stored_event.call = call
    return stored_event


@transaction.atomic
def record_call_event(
    *,
    call_id: str,
    kind: str,
    occurred_at: datetime,
    queue: str = "",
    agent: str = "",
    received_by: User | None = None,
) -> CallEvent:
    """Store one telephony event and bring its call's summary up to date. Odd events are stored and flagged."""
    return _record(events=[CallEventData(call_id, kind, occurred_at, queue, agent)], received_by=received_by)[0]


@transaction.atomic
def record_call_events(*, events: Iterable[CallEventData], received_by: User | None = None) -> list[CallEvent]:
    """Store a batch of events, in the order given: all of them, or none if one cannot be stored at all."""
    return _record(events=events, received_by=received_by)


def _record(*, events: Iterable[CallEventData], received_by: User | None) -> list[CallEvent]:
    cleaned = [
        CallEventData(e.call_id.strip(), e.kind, e.occurred_at, e.queue.strip(), e.agent.strip()) for e in events
    ]
    for index, event in enumerate(cleaned):
        problems = _check_event(event)
        if problems:
            if len(cleaned) > 1:
                problems = {f"{index}.{name}": message for name, message in problems.items()}
            raise ValidationError(problems)
    return [_store_event(event, received_by) for event in cleaned]


# The call log -----------------------------------------------------------------------------------

LOG_COLUMNS = ("call_id", "started", "answered", "ended", "queue", "agent", "transfers")
UK_TIME = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$")
MAX_TRANSFERS = 32767
# Lines looked up and inserted together: few enough for any database's limit on query parameters.
BATCH = 2000


@dataclass(frozen=True)
class LineError:
    line: int
    problem: str

    def __str__(self) -> str:
        return f"Line {self.line}: {self.problem}" if self.line else self.problem


@dataclass
class ImportReport:
    rows: int = 0
    imported: int = 0
    already_imported: int = 0
    flagged: int = 0
    errors: list[LineError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def bad_lines(self) -> int:
        return len({error.line for error in self.errors})


class BadTime(ValueError):
    pass


class UnreadableFile(ValueError):
    pass


@lru_cache(maxsize=50_000)
def _uk_offset(year: int, month: int, day: int, hour: int) -> tuple[timedelta, str]:
    """UK time's offset from UTC in that hour, and a flag if the clocks changed then.

    The UK's clocks change at 1am (GMT) in March and at 2am (BST) in October:
    the hour from 1am either does not exist or happens twice, so an hour is
    enough to know.
    """
    local = datetime(year, month, day, hour, tzinfo=UK)
    offset = local.utcoffset() or timedelta(0)
    if local.replace(fold=1).utcoffset() == offset:
        return offset, ""
    round_trip = local.astimezone(UTC).astimezone(UK).replace(tzinfo=None)
    return offset, (CLOCKS_FORWARD if round_trip != local.replace(tzinfo=None) else CLOCKS_BACK)


def _log_time(text: str) -> tuple[datetime, str]:
    """A call log time as a naive UTC datetime (quick to compare and store), and any clock-change flag."""
    try:
        if len(text) > 10 and text[4] == "-":
            value = datetime.fromisoformat(text)
            offset = value.utcoffset()
            if offset is not None:
                return value.replace(tzinfo=None) - offset, ""
            return _uk_to_utc(value)
        if len(text) == 19 and text[2] == "/" and text[5] == "/" and text[13] == ":" and text[16] == ":":
            # The telephony system's own format, read a whole hour at a time: most lines are like this.
            # (The UK's offset from UTC is whole hours, so minutes and seconds carry over unchanged.)
            hour_start, flag = _uk_hour(text[:13])
            if not (text[14:16] + text[17:]).isdigit():
                raise ValueError(text)
            return hour_start.replace(minute=int(text[14:16]), second=int(text[17:])), flag
        if match := UK_TIME.match(text):
            parts = [int(part or 0) for part in match.groups()]
            # A UK wall-clock time, naive until _uk_to_utc applies the UK's offset.
            return _uk_to_utc(datetime(parts[2], parts[1], parts[0], parts[3], parts[4], parts[5]))  # noqa: DTZ001
    except ValueError:
        raise BadTime("is not a real date and time") from None
    raise BadTime("is not a date and time like 02/03/2026 09:15:03 or 2026-03-02T09:15:03+00:00")


def _uk_to_utc(local: datetime) -> tuple[datetime, str]:
    offset, flag = _uk_offset(local.year, local.month, local.day, local.hour)
    return local - offset, flag


@lru_cache(maxsize=50_000)
def _uk_hour(text: str) -> tuple[datetime, str]:
    """The start of an hour written dd/mm/yyyy HH, in UTC, and any clock-change flag."""
    if text[10] not in " T" or not (text[:2] + text[3:5] + text[6:10] + text[11:13]).isdigit():
        raise ValueError(text)
    wall_clock = datetime(int(text[6:10]), int(text[3:5]), int(text[:2]), int(text[11:13]))  # noqa: DTZ001
    return _uk_to_utc(wall_clock)


def parse_log_time(text: str) -> tuple[datetime, str]:
    """A call log time, and a flag if the UK clock change makes it ambiguous.

    ISO 8601 with an offset is taken as it is; dd/mm/yyyy HH:MM:SS, and ISO
    8601 without an offset, are UK local time. Raises BadTime.
    """
    value, flag = _log_time(text)
    return value.replace(tzinfo=UTC), flag


def _read_text(file: IO[bytes] | IO[str]) -> str:
    data = file.read()
    if isinstance(data, bytes):
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise UnreadableFile("The file must be a CSV file saved as UTF-8 text") from None
    return data.removeprefix("\ufeff")


# call_id, started, answered, ended (naive UTC), queue, agent, transfers, flags
_Row = tuple[str, datetime, datetime | None, datetime | None, str, str, int, tuple[str, ...]]


def _time_field(name: str, text: str, problems: list[str]) -> tuple[datetime | None, str]:
    text = text.strip()
    if not text:
        if name == "started":
            problems.append("started is empty")
        return None, ""
    try:
        return _log_time(text)
    except BadTime as error:
        problems.append(f"{name} {error}")
        return None, ""


def _parse_log(text: str, errors: list[LineError]) -> list[_Row]:
    """Every line of the log checked; the good ones parsed, a LineError for each problem on the others.

    This runs for every line of logs of hundreds of thousands, so a good line
    makes only tuples of strings, times and numbers: no lists, which would keep
    the garbage collector busy.
    """
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, None)
    if header is None or not any(name.strip() for name in header):
        errors.append(LineError(0, "The file is empty"))
        return []
    names = [name.strip().lower() for name in header]
    missing = [name for name in LOG_COLUMNS if name not in names]
    if missing:
        errors.append(
            LineError(1, f"the header must name the columns {','.join(LOG_COLUMNS)} (missing: {', '.join(missing)})")
        )
        return []
    position = [names.index(name) for name in LOG_COLUMNS]
    as_is = names == list(LOG_COLUMNS)
    width = len(names)
    rows: list[_Row] = []
    first_line: dict[str, int] = {}
    for values in reader:
        if len(values) != width:
            if values and any(v.strip() for v in values):
                errors.append(LineError(reader.line_num, f"has {len(values)} values, not {width}"))
            continue
        if not as_is:
            values = [values[i] for i in position]
        call_id, started_text, answered_text, ended_text, queue, agent, transfers_text = values
        call_id, queue, agent, transfers_text = call_id.strip(), queue.strip(), agent.strip(), transfers_text.strip()
        problems: list[str] = []
        started, started_flag = _time_field("started", started_text, problems)
        answered, answered_flag = _time_field("answered", answered_text, problems)
        ended, ended_flag = _time_field("ended", ended_text, problems)
        if started and answered and answered < started:
            problems.append("answered is before started")
        if started and ended and ended < started:
            problems.append("ended is before started")
        if answered and ended and ended < answered:
            problems.append("ended is before answered")
        if len(queue) > QUEUE_LENGTH:
            problems.append(f"queue is longer than {QUEUE_LENGTH} characters")
        if len(agent) > AGENT_LENGTH:
            problems.append(f"agent is longer than {AGENT_LENGTH} characters")
        transfers = 0
        if transfers_text:
            if transfers_text.isdigit() and int(transfers_text) <= MAX_TRANSFERS:
                transfers = int(transfers_text)
            else:
                problems.append("transfers is not a whole number of 0 or more")
        line = reader.line_num
        if not call_id:
            problems.insert(0, "call_id is empty")
        elif len(call_id) > CALL_ID_LENGTH:
            problems.insert(0, f"call_id is longer than {CALL_ID_LENGTH} characters")
        elif call_id in first_line:
            problems.insert(0, f"call_id {call_id} is also on line {first_line[call_id]}")
        else:
            first_line[call_id] = line
        if problems:
            errors.extend(LineError(line, problem) for problem in problems)
        elif started is not None:
            flags = (
                tuple(dict.fromkeys(f for f in (started_flag, answered_flag, ended_flag) if f))
                if (started_flag or answered_flag or ended_flag)
                else ()
            )
            rows.append((call_id, started, answered, ended, queue, agent, transfers, flags))
    return rows


def _batches(rows: Sequence[_Row]) -> Iterator[Sequence[_Row]]:
    limit = connections[router.db_for_read(Call)].features.max_query_params
    size = min(BATCH, limit) if limit else BATCH
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def _call_inserter() -> Callable[[Sequence[_Row]], None]:
    """Insert calls many at a time.

    bulk_create prepares every value of every row through its field, which
    takes most of an import's time; this prepares them with the database's
    own adapters (times in the database's time zone, flags as JSON) and sends
    one statement with many rows of parameters.
    """
    connection = connections[router.db_for_write(Call)]
    ops = connection.ops
    column_of = {f.name: f.column or f.name for f in Call._meta.concrete_fields}
    columns = ("call_id", "offered_at", "answered_at", "ended_at", "queue", "agent", "transfers", "abandoned", "flags")
    # Only the model's own table and column names, quoted, go into the SQL; every value is a parameter.
    sql = "INSERT INTO {} ({}) VALUES ({})".format(  # noqa: S608
        ops.quote_name(Call._meta.db_table),
        ", ".join(ops.quote_name(column_of[name]) for name in columns),
        ", ".join(["%s"] * len(columns)),
    )
    if connection.vendor == "postgresql":
        return _copy_inserter(connection, columns=[ops.quote_name(column_of[name]) for name in columns])
    no_flags = ops.adapt_json_value([], None)
    if connection.vendor == "sqlite" and connection.timezone_name == "UTC":
        # What the SQLite backend's adapter does, without its checks: naive UTC as text.
        def when(value: datetime | None) -> Any:
            return None if value is None else str(value)

    else:

        def when(value: datetime | None) -> Any:
            return None if value is None else ops.adapt_datetimefield_value(value.replace(tzinfo=UTC))

    def insert(rows: Sequence[_Row]) -> None:
        params = [
            (
                call_id,
                when(started),
                when(answered),
                when(ended),
                queue,
                agent,
                transfers,
                answered is None,
                ops.adapt_json_value(list(flags), None) if flags else no_flags,
            )
            for call_id, started, answered, ended, queue, agent, transfers, flags in rows
        ]
        if params:
            with connection.cursor() as cursor:
                cursor.executemany(sql, params)

    return insert


def _copy_inserter(connection: Any, *, columns: list[str]) -> Callable[[Sequence[_Row]], None]:
    """PostgreSQL's COPY: several times faster than many-row INSERTs for a day's or a month's log."""
    sql = f"COPY {connection.ops.quote_name(Call._meta.db_table)} ({', '.join(columns)}) FROM STDIN"

    def utc(value: datetime | None) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)

    def insert(rows: Sequence[_Row]) -> None:
        if not rows:
            return
        with connection.cursor() as cursor, cursor.cursor.copy(sql) as copy:
            for call_id, started, answered, ended, queue, agent, transfers, flags in rows:
                values = (call_id, utc(started), utc(answered), utc(ended), queue, agent, transfers, answered is None)
                copy.write_row((*values, json.dumps(list(flags))))

    return insert


def _fill_in(row: _Row) -> None:
    call_id, started, answered, ended, queue, agent, transfers, flags = row
    Call.objects.filter(call_id=call_id, offered_at__isnull=True).update(
        offered_at=started.replace(tzinfo=UTC),
        answered_at=answered.replace(tzinfo=UTC) if answered else None,
        ended_at=ended.replace(tzinfo=UTC) if ended else None,
        queue=queue,
        agent=agent,
        transfers=transfers,
        abandoned=answered is None,
        flags=list(flags),
    )


@transaction.atomic
def import_call_log(*, file: IO[bytes] | IO[str], by: User | None) -> ImportReport:
    """Import a telephony call log (CSV): every line, or none if any line is wrong.

    Calls already stored (by call_id) are skipped and counted, so the same log
    can be imported twice without counting its calls twice.
    """
    report = ImportReport()
    try:
        text = _read_text(file)
    except UnreadableFile as error:
        report.errors.append(LineError(0, str(error)))
        return report
    rows = _parse_log(text, report.errors)
    report.rows = len(rows)
    if report.errors:
        report.rows += report.bad_lines
        return report
    insert = _call_inserter()
    for batch in _batches(rows):
        existing = dict(Call.objects.filter(call_id__in=[row[0] for row in batch]).values_list("call_id", "offered_at"))
        new = [row for row in batch if row[0] not in existing]
        insert(new)
        # A contact recorded during a call makes an empty call with its ID: the log fills it in.
        placeholders = [row for row in batch if row[0] in existing and existing[row[0]] is None]
        for row in placeholders:
            _fill_in(row)
        imported = len(new) + len(placeholders)
        report.imported += imported
        report.already_imported += len(batch) - imported
        report.flagged += sum(1 for row in (*new, *placeholders) if row[7])
    name = getattr(file, "name", "") or ""
    record_event(
        kind="calls.imported",
        by=by,
        summary=f"Imported {report.imported:,} calls from the call log"
        + (f" {name}" if name else "")
        + (f"; {report.already_imported:,} were already there" if report.already_imported else ""),
        data={
            "file": str(name),
            "rows": report.rows,
            "imported": report.imported,
            "already_imported": report.already_imported,
            "flagged": report.flagged,
        },
    )
    return report
