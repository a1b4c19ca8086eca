"""Calendar periods (ISO weeks, months, quarters) in a workspace's time zone, as UTC instants."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

CADENCES = ("weekly", "monthly", "quarterly")


@dataclass(frozen=True)
class Period:
    """[start, end) of one week, month or quarter; `key` names it (2026-W48, 2026-11, 2026-Q4)."""

    cadence: str
    key: str
    start: datetime
    end: datetime
    first_day: date
    last_day: date


def _instant(day: date, tz: ZoneInfo, at: time = time.min) -> datetime:
    return datetime.combine(day, at, tzinfo=tz).astimezone(UTC)


def _next_month(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def period_of(cadence: str, when: datetime, timezone: str) -> Period:
    """The period of `cadence` that holds the instant `when`, as lived in `timezone`."""
    tz = ZoneInfo(timezone)
    day = when.astimezone(tz).date()
    if cadence == "weekly":
        first = day - timedelta(days=day.weekday())
        after = first + timedelta(days=7)
        year, week, _ = first.isocalendar()
        key = f"{year}-W{week:02d}"
    elif cadence == "monthly":
        first = day.replace(day=1)
        after = _next_month(first, 1)
        key = f"{first.year}-{first.month:02d}"
    elif cadence == "quarterly":
        first = date(day.year, (day.month - 1) // 3 * 3 + 1, 1)
        after = _next_month(first, 3)
        key = f"{first.year}-Q{(first.month - 1) // 3 + 1}"
    else:
        raise ValueError(f"unknown cadence {cadence!r}")
    return Period(
        cadence, key, _instant(first, tz), _instant(after, tz), first, after - timedelta(days=1)
    )


def previous(period: Period, timezone: str) -> Period:
    """The period just before this one."""
    return period_of(period.cadence, period.start - timedelta(seconds=1), timezone)


def at_hour(period: Period, hour: int, timezone: str) -> datetime:
    """The instant `hour` o'clock strikes on the first day of the period, in `timezone`."""
    return _instant(period.first_day, ZoneInfo(timezone), time(hour))


def weeks_back(now: datetime, count: int, timezone: str) -> list[Period]:
    """The `count` ISO weeks ending with the one before `now`'s week, oldest first."""
    week = previous(period_of("weekly", now, timezone), timezone)
    weeks = [week]
    for _ in range(count - 1):
        week = previous(week, timezone)
        weeks.append(week)
    return weeks[::-1]
