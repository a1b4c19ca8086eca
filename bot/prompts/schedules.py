"""Prompt schedules as pure rules: checking what people type, when a schedule is due, which lever.

A schedule is a standard five-field cron expression read in an IANA time zone, so "0 10 * * MON"
in Europe/Paris fires at 10:00 Paris time in winter and in summer alike (08:00 or 09:00 UTC).

Missed runs: a due time is posted when a tick sees it within GRACE of it. A bot that was down
posts the most recent missed due time once when it comes back, if that is less than GRACE ago,
and skips older ones: it never replays a burst of missed prompts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from apscheduler.triggers.cron import CronTrigger

from bot.errors import InvalidInput
from bot.levers import Lever, parse_lever
from bot.settings import LANGUAGES

GRACE = timedelta(hours=6)
DEFAULT_CRON = "0 10 * * MON"
# What the schedules table holds (String(100), String(64)); an IANA name is at most ~32.
MAX_CRON_CHARS = 100
MAX_TIMEZONE_CHARS = 64
LEVER_MODES = ("rotate", "fixed", "subset")

# Cron counts weekdays from Sunday = 0 (7 is Sunday too); APScheduler 3 from Monday = 0, so
# every weekday field is rewritten with names before APScheduler reads it.
DAY_NAMES = ("sun", "mon", "tue", "wed", "thu", "fri", "sat")
_DAY_ITEM = re.compile(r"^(?P<base>\*|[0-7a-z]{1,3}(?:-[0-7a-z]{1,3})?)(?:/(?P<step>\d+))?$")


def _day_number(token: str) -> int:
    if token.isdigit() and int(token) <= 7:
        return int(token)
    if token in DAY_NAMES:
        return DAY_NAMES.index(token)
    raise ValueError(token)


def _weekdays(field: str) -> str:
    """A cron weekday field in APScheduler's terms: `*` or a list of day names."""
    field = field.lower()
    if field in ("*", "?"):
        return "*"
    days: set[int] = set()
    for item in field.split(","):
        match = _DAY_ITEM.match(item)
        if not match:
            raise ValueError(item)
        base, step = match.group("base"), int(match.group("step") or 1)
        if step < 1:
            raise ValueError(item)
        if base == "*":
            first, last = 0, 6
        elif "-" in base:
            first, last = (_day_number(token) for token in base.split("-"))
        else:
            first = _day_number(base)
            last = 6 if match.group("step") else first
        if last < first:
            raise ValueError(item)
        days.update(day % 7 for day in range(first, last + 1, step))
    return ",".join(DAY_NAMES[day] for day in sorted(days))


def cron_trigger(cron: str, timezone: str) -> CronTrigger:
    """The APScheduler trigger of a five-field cron expression, or InvalidInput naming it."""
    fields = cron.split()
    try:
        if len(fields) != 5:
            raise ValueError("five fields")
        fields[4] = _weekdays(fields[4])
        return CronTrigger.from_crontab(" ".join(fields), timezone=ZoneInfo(timezone))
    except (ValueError, KeyError, TypeError):
        raise InvalidInput("prompts.bad_cron", field="cron", value=cron.strip()[:60]) from None


def check_cron(cron: str, now: datetime | None = None) -> str:
    """The cron expression with single spaces, or InvalidInput, also when it does not come due
    within a year of `now` (day and weekday must both match, or a 29th of February)."""
    cron = " ".join(cron.split())
    if len(cron) > MAX_CRON_CHARS:
        raise InvalidInput(
            "prompts.cron_too_long", field="cron", length=len(cron), limit=MAX_CRON_CHARS
        )
    cron_trigger(cron, "UTC")
    if next_occurrence(cron, "UTC", now or datetime.now(UTC)) is None:
        raise InvalidInput("prompts.cron_never_due", field="cron", value=cron[:60])
    return cron


def check_timezone(name: str, *, key: str = "prompts.bad_timezone", field: str = "timezone") -> str:
    """An IANA time zone name, or InvalidInput (`key`, naming `field`)."""
    name = name.strip()
    if len(name) > MAX_TIMEZONE_CHARS:
        raise InvalidInput(
            "input.timezone_too_long", field=field, length=len(name), limit=MAX_TIMEZONE_CHARS
        )
    try:
        if not name or name.startswith(("/", ".")):
            raise ValueError(name)
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        # OSError: a folder of the database such as `Europe` is not a zone.
        raise InvalidInput(key, field=field, value=name[:60] or "—") from None
    return name


def check_language(value: str | None) -> str | None:
    """`en`, `fr`, or None for the workspace's language; InvalidInput otherwise."""
    if value is None or not value.strip():
        return None
    value = value.strip().lower()
    if value not in LANGUAGES:
        raise InvalidInput("prompts.bad_language", field="language", value=value[:20])
    return value


def lever_selection(names: Sequence[str], mode: str | None = None) -> tuple[str, list[str]]:
    """(lever_mode, levers) from lever names; without a mode: none rotates, one is fixed,
    several are taken in turn."""
    levers: list[str] = []
    for name in names:
        lever = parse_lever(name, field="levers").value
        if lever not in levers:
            levers.append(lever)
    if mode is None:
        mode = "rotate" if not levers else "fixed" if len(levers) == 1 else "subset"
    if mode == "rotate":
        return mode, []
    if mode == "fixed" and len(levers) != 1:
        raise InvalidInput("prompts.fixed_needs_one", field="levers")
    if mode == "subset" and not levers:
        raise InvalidInput("prompts.subset_needs_levers", field="levers")
    if mode not in LEVER_MODES:
        raise InvalidInput("prompts.subset_needs_levers", field="levers")
    return mode, levers


def lever_cycle(mode: str, levers: Sequence[str]) -> list[Lever]:
    """The levers a schedule takes in turn."""
    chosen = [Lever(lever) for lever in levers if lever in Lever._value2member_map_]
    if mode == "fixed" and chosen:
        return chosen[:1]
    if mode == "subset" and chosen:
        return chosen
    return list(Lever)


def next_lever(mode: str, levers: Sequence[str], last: str | None) -> Lever:
    """The lever after `last` in the schedule's cycle (the first one to begin with)."""
    cycle = lever_cycle(mode, levers)
    if last in cycle:
        return cycle[(cycle.index(Lever(last)) + 1) % len(cycle)]
    return cycle[0]


def _repeated(moment: datetime) -> bool:
    """A wall-clock time met for the second time, in the hour repeated when clocks go back."""
    return moment.fold == 1 and moment.replace(fold=0).utcoffset() != moment.utcoffset()


def occurrences(cron: str, timezone: str, after: datetime, until: datetime) -> list[datetime]:
    """The due times in (after, until], in UTC, oldest first.

    When clocks go back, a schedule at set hours fires once in the repeated hour (as cron
    does); one whose hour field is `*` keeps its rhythm through it."""
    return list(_each_occurrence(cron, timezone, after, until))


def _each_occurrence(
    cron: str, timezone: str, after: datetime, until: datetime
) -> Iterator[datetime]:
    trigger = cron_trigger(cron, timezone)
    once_per_wall_time = not cron.split()[1].startswith("*")
    previous = None
    cursor = (after + timedelta(microseconds=1)).astimezone(UTC)
    while True:
        moment = trigger.get_next_fire_time(previous, cursor)
        if moment is None or moment.astimezone(UTC) > until:
            return
        instant = moment.astimezone(UTC)
        if instant < cursor:  # never go back in time, whatever the trigger answers
            return
        if not (once_per_wall_time and _repeated(moment)):
            yield instant
        previous, cursor = moment, instant + timedelta(seconds=1)


def next_occurrence(cron: str, timezone: str, after: datetime) -> datetime | None:
    """The first due time strictly after `after`, in UTC (within a year).

    It stops at the first one: `* * * * *` has half a million in a year."""
    return next(_each_occurrence(cron, timezone, after, after + timedelta(days=366)), None)


def due_time(
    cron: str, timezone: str, now: datetime, active_from: datetime, grace: timedelta = GRACE
) -> datetime | None:
    """The due time to post at `now`: the latest one not after now, not before `active_from`
    and less than `grace` ago; None when there is none."""
    start = max(active_from - timedelta(microseconds=1), now - grace)
    found = occurrences(cron, timezone, start, now)
    return found[-1] if found else None
