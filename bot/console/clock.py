"""The console's clock: real time, moved forward by `time`, and the scheduler ticks on the way."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot.console.lines import BadLine, Time
from storage.types import utcnow

# The real clock ticks every 20 s; across a jump the console ticks on every whole hour (and
# at the end), which keeps a week's jump quick while jobs still see each hour go by.
TICK_EVERY = timedelta(hours=1)


class ConsoleClock:
    """Real time plus however far the console moved it; `deps.now` and the fake Slack read it."""

    def __init__(self) -> None:
        self.offset = timedelta()

    def __call__(self) -> datetime:
        return utcnow() + self.offset

    def timestamp(self) -> float:
        """Seconds since the epoch, for the fake's message timestamps."""
        return self().timestamp()

    def set(self, moment: datetime) -> None:
        """Make it `moment` now (never backwards)."""
        self.offset = max(self.offset, self.offset + (moment - self()))


def target_of(verb: Time, now: datetime, timezone: str) -> datetime:
    """Where `time …` moves the clock: now + step, or the next such weekday/time of day."""
    if verb.step is not None:
        return now + verb.step
    local = now.astimezone(ZoneInfo(timezone))
    at = verb.at or local.time().replace(second=0, microsecond=0)
    candidate = local.replace(hour=at.hour, minute=at.minute, second=0, microsecond=0)
    if verb.weekday is not None:
        candidate += timedelta(days=(verb.weekday - local.weekday()) % 7)
    if verb.weekday is None and verb.at is None:
        raise BadLine('time needs "+7d", a weekday or a time of day, e.g. "time monday 09:00"')
    while candidate <= local:
        candidate += timedelta(days=7 if verb.weekday is not None else 1)
    return candidate.astimezone(now.tzinfo)


def ticks(start: datetime, end: datetime, every: timedelta = TICK_EVERY) -> list[datetime]:
    """The moments the scheduler runs between start (excluded) and end (included)."""
    moments: list[datetime] = []
    epoch = datetime(2000, 1, 1, tzinfo=start.tzinfo)
    step = epoch + ((start - epoch) // every + 1) * every
    while step < end:
        moments.append(step)
        step += every
    if end > start:
        moments.append(end)
    return moments


def describe(moment: datetime, timezone: str) -> str:
    """`Mon 7 Dec 2026, 09:00 (Europe/Paris)`."""
    local = moment.astimezone(ZoneInfo(timezone))
    return f"{local:%a} {local.day} {local:%b %Y, %H:%M} ({timezone})"
