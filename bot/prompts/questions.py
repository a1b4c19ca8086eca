"""Reflection prompts: the questions asked about each lever, and how a schedule is described.

Each lever has five questions a team asks itself about it (why we chose this priority, what
concrete actions we take, what successes or challenges we meet, what our next steps are,
where our organisation stands), then one about what holds learning back. A schedule asks them
in that order, one per prompt, each time it comes back to the lever.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.levers import Lever, lever_name
from bot.messages import t
from bot.prompts.schedules import DAY_NAMES

QUESTION_KINDS = ("why", "actions", "results", "next_steps", "standing")
OBSTACLES_KEY = "prompts.q.obstacles"
REACTION = "memo"  # how the bot quietly says a reply was saved


def question_keys(lever: Lever | str) -> list[str]:
    """The catalogue keys of a lever's questions, in the order they are asked."""
    return [f"prompts.q.{Lever(lever).value}.{kind}" for kind in QUESTION_KINDS] + [OBSTACLES_KEY]


def question_key(lever: Lever | str, times_asked: int) -> str:
    """The question to ask about a lever that was asked `times_asked` times before."""
    keys = question_keys(lever)
    return keys[times_asked % len(keys)]


def question_text(key: str, lever: Lever | str, language: str) -> str:
    """A question in a language (the obstacles question names its lever)."""
    return t(key, language, lever=lever_name(lever, language))


def describe_when(cron: str, language: str) -> str:
    """A cron expression in words when it is one of the presets, else the expression itself."""
    fields = cron.split()
    minute, hour, day, month, weekday = fields if len(fields) == 5 else ("",) * 5
    if minute.isdigit() and hour.isdigit() and month == "*":
        time = t("prompts.time", language, hour=f"{int(hour):02d}", minute=f"{int(minute):02d}")
        if day == "*" and weekday.lower()[:3] in DAY_NAMES and len(weekday) == 3:
            name = t(f"prompts.day.{weekday.lower()}", language)
            return t("prompts.when.weekly", language, day=name, time=time)
        if day == "*" and weekday.lower() == "mon-fri":
            return t("prompts.when.weekdays", language, time=time)
        if day == "1" and weekday == "*":
            return t("prompts.when.monthly", language, time=time)
    return t("prompts.when.custom", language, cron=cron)


def describe_levers(mode: str, levers: Sequence[str], language: str) -> str:
    """Which levers a schedule asks about, in words."""
    if mode not in ("fixed", "subset") or not levers:
        return t("prompts.levers.rotate", language)
    names = ", ".join(lever_name(lever, language) for lever in levers)
    return t(f"prompts.levers.{mode}", language, levers=names)


def describe_moment(moment: datetime | None, timezone: str, language: str) -> str:
    """A due time as the schedule's time zone reads it, `YYYY-MM-DD HH:MM`."""
    if moment is None:
        return t("prompts.never", language)
    return moment.astimezone(ZoneInfo(timezone)).strftime("%Y-%m-%d %H:%M")


def describe_language(language: str | None, reader_language: str) -> str:
    """A prompt language's name for a reader."""
    return t(f"prompts.language.{language or 'en'}", reader_language)
