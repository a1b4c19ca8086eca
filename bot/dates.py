"""Reading dates people type."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from bot.errors import InvalidInput


def parse_day(text: str, timezone: str, field: str = "since") -> datetime:
    """`YYYY-MM-DD` as the instant that day starts in `timezone`, or InvalidInput."""
    try:
        day = date.fromisoformat(text.strip())
    except ValueError:
        raise InvalidInput("input.bad_date", field=field, value=text.strip()[:40]) from None
    return datetime.combine(day, time.min, tzinfo=ZoneInfo(timezone))
