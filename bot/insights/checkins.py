"""Maturity check-ins: the four-step scale, which levers are asked, and anonymous results.

A result is only ever shown as counts and an average, and only when at least
MIN_ANSWERS people answered for that lever: fewer could point at a person.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from bot.errors import InvalidInput
from bot.levers import Lever
from bot.periods import CADENCES, Period, at_hour, period_of

# 1 not started, 2 first steps, 3 practised in places, 4 part of how we work.
LEVELS = (1, 2, 3, 4)
MIN_ANSWERS = 3
MAX_COMMENT = 1000
DEFAULT_CADENCE = "monthly"
# A round opens at this hour (workspace time) on the first day of its period.
OPENING_HOUR = 10
# "Something else" has no maturity to measure.
CHECKIN_LEVERS = tuple(lever for lever in Lever if lever is not Lever.OTHER)
OFF = "off"


@dataclass(frozen=True)
class LeverResult:
    """What may be shown of one lever's answers: counts and average, or only that it is hidden."""

    lever: Lever
    answers: int
    counts: tuple[int, ...] | None
    average: float | None

    @property
    def shown(self) -> bool:
        return self.average is not None


def parse_cadence(word: str, *, allow_off: bool = True) -> str:
    """weekly, monthly, quarterly (or off), in English or French; else InvalidInput."""
    value = FRENCH_CADENCES.get(word.strip().lower(), word.strip().lower())
    if value in CADENCES or (allow_off and value == OFF):
        return value
    raise InvalidInput("checkin.bad_cadence", field="cadence", value=word.strip()[:20])


FRENCH_CADENCES = {
    "hebdomadaire": "weekly",
    "mensuel": "monthly",
    "mensuelle": "monthly",
    "trimestriel": "quarterly",
    "trimestrielle": "quarterly",
    "arret": OFF,
    "arrêt": OFF,
}


def parse_level(value: object) -> int | None:
    """A level from a button or a form value; None when it is not one of LEVELS."""
    text = str(value).strip()
    return int(text) if text.isascii() and text.isdigit() and int(text) in LEVELS else None


def check_comment(text: str | None) -> str | None:
    """A comment, stripped (None when empty), or InvalidInput past MAX_COMMENT characters."""
    comment = (text or "").strip()
    if len(comment) > MAX_COMMENT:
        raise InvalidInput(
            "checkin.comment_too_long", field="comment", length=len(comment), limit=MAX_COMMENT
        )
    return comment or None


def result_for(lever: Lever, levels: Sequence[int]) -> LeverResult:
    """Counts per level and the average, or nothing but the number when too few answered."""
    if len(levels) < MIN_ANSWERS:
        return LeverResult(lever, len(levels), None, None)
    counts = tuple(sum(1 for level in levels if level == step) for step in LEVELS)
    return LeverResult(lever, len(levels), counts, round(sum(levels) / len(levels), 2))


def results(levels_by_lever: Mapping[str, Sequence[int]]) -> list[LeverResult]:
    """One result per check-in lever, in catalogue order."""
    return [result_for(lever, levels_by_lever.get(lever.value, ())) for lever in CHECKIN_LEVERS]


def round_due(cadence: str, now: datetime, timezone: str, since: datetime) -> Period | None:
    """The period whose round should be open at `now`, or None before its opening hour.

    A channel that turned check-ins on after this period's opening hour gets its round at
    once; a period the bot slept through entirely is skipped, never posted late.
    """
    period = period_of(cadence, now, timezone)
    opens = max(at_hour(period, OPENING_HOUR, timezone), min(since, period.end))
    return period if now >= opens else None
