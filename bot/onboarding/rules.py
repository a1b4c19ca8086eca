"""Rules of onboarding: what a valid resource is, who gets what, and which day is due when."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Protocol
from urllib.parse import urlparse

import yaml

from bot.errors import InvalidInput
from bot.levers import Lever, parse_lever

AUDIENCES = ("staff", "volunteer", "partner", "everyone")
STAFF_AUDIENCES = ("staff", "everyone")
# Slack guests (restricted users) are volunteers or partners, not staff.
GUEST_AUDIENCES = ("volunteer", "partner", "everyone")

DEFAULT_DAYS = (1, 3, 7, 14, 30)
FRESH_EYES_DAYS = (7, 30)
MAX_DAY = 365
MAX_TITLE = 200
MAX_URL = 2000
MAX_DESCRIPTION = 1000
MAX_DAY_CHARS = len(str(MAX_DAY))
MAX_DAYS_CHARS = 200  # the nudge days box: "1, 3, 7, 14, 30" and many more
# A Slack message holds 50 blocks; a nudge keeps room for its text and buttons.
MAX_RESOURCES_PER_MESSAGE = 20

# A newcomer's path: `active` until everything is done, they stop it, leave, or it ends.
ACTIVE, DONE, STOPPED, LEFT, ENDED = "active", "done", "stopped", "left", "ended"


@dataclass(frozen=True)
class ResourceInput:
    """A resource as an admin described it, checked."""

    title: str
    url: str
    lever: str
    day: int
    audience: str
    description: str = ""


class ResourceLike(Protocol):
    """What the path needs of a stored resource."""

    id: int
    day: int


class ImportRefused(InvalidInput):
    """One entry of a resources file was refused; `number` counts from 1."""

    def __init__(self, number: int, refusal: InvalidInput) -> None:
        super().__init__(refusal.key, refusal.field, **refusal.params)
        self.number = number


def check_title(title: Any) -> str:
    """A title: not empty, at most MAX_TITLE characters."""
    text = " ".join(str(title or "").split())
    if not text or len(text) > MAX_TITLE:
        raise InvalidInput("onboarding.bad_title", field="title", limit=MAX_TITLE)
    return text


def check_url(url: Any) -> str:
    """An http(s) link with a host, or InvalidInput naming the field."""
    text = str(url or "").strip()
    if len(text) > MAX_URL:
        raise InvalidInput("onboarding.url_too_long", field="url", length=len(text), limit=MAX_URL)
    parsed = urlparse(text)
    if (
        parsed.scheme not in ("http", "https")
        or not parsed.netloc
        or any(ch.isspace() for ch in text)
    ):
        raise InvalidInput("onboarding.bad_url", field="url", value=text[:60])
    return text


def check_day(day: Any) -> int:
    """A day of the path, 0 (the welcome) to 365."""
    text = str(day if day is not None else "").strip()
    if len(text) > MAX_DAY_CHARS or not _is_number(text) or int(text) > MAX_DAY:
        raise InvalidInput("onboarding.bad_day", field="day", value=text[:20], limit=MAX_DAY)
    return int(text)


def _is_number(text: str) -> bool:
    # ASCII digits only: `²` is a digit to str.isdigit but not to int().
    return text.isascii() and text.isdigit()


def check_audience(audience: Any) -> str:
    """One of AUDIENCES."""
    text = str(audience or "").strip().lower()
    if text not in AUDIENCES:
        raise InvalidInput("onboarding.bad_audience", field="audience", value=text[:40])
    return text


def check_description(description: Any) -> str:
    """An optional description of at most MAX_DESCRIPTION characters."""
    text = str(description or "").strip()
    if len(text) > MAX_DESCRIPTION:
        raise InvalidInput("onboarding.bad_description", field="description", limit=MAX_DESCRIPTION)
    return text


def check_resource(
    title: Any,
    url: Any,
    *,
    lever: Any = None,
    day: Any = 0,
    audience: Any = "everyone",
    description: Any = "",
) -> ResourceInput:
    """A resource with every field checked; the first bad field is refused, by name."""
    return ResourceInput(
        title=check_title(title),
        url=check_url(url),
        lever=parse_lever(str(lever)).value if lever not in (None, "") else Lever.ONBOARDING.value,
        day=check_day(day),
        audience=check_audience(audience),
        description=check_description(description),
    )


def parse_resources_yaml(text: str) -> list[ResourceInput]:
    """The resources of a YAML file (a list, or a mapping with `resources:`); all or nothing."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 0
        raise InvalidInput("onboarding.bad_yaml", field="file", line=line) from None
    if isinstance(data, dict):
        data = data.get("resources")
    if not isinstance(data, list) or not data:
        raise InvalidInput("onboarding.empty_yaml", field="file")
    resources = []
    for number, entry in enumerate(data, start=1):
        if not isinstance(entry, dict):
            raise ImportRefused(number, InvalidInput("onboarding.bad_entry", field="file"))
        try:
            resources.append(
                check_resource(
                    entry.get("title"),
                    entry.get("url"),
                    lever=entry.get("lever"),
                    day=entry.get("day", 0),
                    audience=entry.get("audience", "everyone"),
                    description=entry.get("description", ""),
                )
            )
        except InvalidInput as refusal:
            raise ImportRefused(number, refusal) from None
    return resources


def parse_days(text: str) -> list[int]:
    """Nudge days typed as `1, 3, 7`: each 1 to 365, sorted, without repeats."""
    if len(text) > MAX_DAYS_CHARS:
        raise InvalidInput(
            "onboarding.days_too_long", field="days", length=len(text), limit=MAX_DAYS_CHARS
        )
    parts = [part for part in text.replace(";", ",").replace(" ", ",").split(",") if part]
    if not parts or any(
        len(p) > MAX_DAY_CHARS or not _is_number(p) or not 1 <= int(p) <= MAX_DAY for p in parts
    ):
        raise InvalidInput("onboarding.bad_days", field="days", value=text.strip()[:60])
    return sorted({int(part) for part in parts})


def audiences_for(is_guest: bool) -> tuple[str, ...]:
    """The audiences whose resources a person gets: guests are volunteers or partners."""
    return GUEST_AUDIENCES if is_guest else STAFF_AUDIENCES


def path_days(configured: Iterable[int], resource_days: Iterable[int] = ()) -> list[int]:
    """The days a newcomer hears from the bot.

    The welcome (day 0), the configured nudge days (the defaults when none are), the
    fresh-eyes days, and the day of any resource that falls after all of those.
    """
    days = {0, *(configured or DEFAULT_DAYS), *FRESH_EYES_DAYS}
    last = max(days)
    days.update(day for day in resource_days if day > last)
    return sorted(days)


def due_at(started_at: datetime, day: int) -> datetime:
    """When a day of the path is due."""
    return started_at + timedelta(days=day)


def due_days(
    days: Sequence[int], started_at: datetime, now: datetime, claimed: Iterable[int]
) -> list[int]:
    """Days due by `now` and not claimed yet, never going back before a claimed day."""
    claimed = set(claimed)
    floor = max(claimed, default=-1)
    return [
        day for day in days if day > floor and day not in claimed and due_at(started_at, day) <= now
    ]


def asks_fresh_eyes(previous_day: int, day: int) -> bool:
    """Whether a nudge covering (previous_day, day] includes a fresh-eyes day."""
    return any(previous_day < fresh <= day for fresh in FRESH_EYES_DAYS)


def split_resources(
    resources: Sequence[ResourceLike], day: int, done: set[int], shown: set[int]
) -> tuple[list[ResourceLike], list[ResourceLike]]:
    """(new, still open) resources for a nudge on `day`, at most a message's worth."""
    due = [r for r in resources if r.day <= day and r.id not in done]
    new = [r for r in due if r.id not in shown][:MAX_RESOURCES_PER_MESSAGE]
    still_open = [r for r in due if r.id in shown][: MAX_RESOURCES_PER_MESSAGE - len(new)]
    return new, still_open


def everything_done(resource_ids: Iterable[int], done: set[int]) -> bool:
    """True when there was something to do and all of it is done."""
    ids = set(resource_ids)
    return bool(ids) and ids <= done


def day_of_path(started_at: datetime, now: datetime) -> int:
    """Which day of their path a newcomer is on (0 on the day they joined)."""
    return max(0, (now - started_at).days)
