"""What a digest (and `learnloop report`) says about a period, gathered from the database.

The digest covers the period before the one it is posted in: a weekly digest on Monday
tells about the week before, a monthly one on the 1st about the month before. Other
features can add a part with DIGEST_SECTIONS.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from bot.insights.checkins import LeverResult, results
from bot.insights.coverage import Coverage, team_coverage
from bot.levers import Lever
from bot.periods import Period, at_hour, period_of, previous, weeks_back
from storage.checkins import closed_periods, comments_by_lever
from storage.insights import authorship, count_by_lever, created_between
from storage.reuses import most_reused

DIGEST_CADENCES = ("weekly", "monthly")
DIGEST_HOUR = 9  # workspace time, on the first day of the period
CHART_WEEKS = 8
REUSED_SHOWN = 5
ACTIONS_AHEAD_DAYS = 7
ACTIONS_SHOWN = 10


def digest_due(
    cadence: str, now: datetime, timezone: str, since: datetime
) -> tuple[Period, Period] | None:
    """(the period to report on, the period it is posted in) once the digest is due, else None.

    It is due from DIGEST_HOUR on the first day of a week or month; a digest set up (or
    changed) after that waits for the next period rather than posting at once.
    """
    current = period_of(cadence, now, timezone)
    due = at_hour(current, DIGEST_HOUR, timezone)
    if now < due or since > due:
        return None
    return previous(current, timezone), current


@dataclass(frozen=True)
class DigestContext:
    """What a digest part may read: the session, the workspace and the period covered."""

    session: Session
    team_id: str
    start: datetime
    end: datetime
    now: datetime
    language: str


# Parts other features add: fn(DigestContext) -> (title, lines in Slack mrkdwn) or None.
DIGEST_SECTIONS: list[Callable[[DigestContext], tuple[str, list[str]] | None]] = []


@dataclass(frozen=True)
class Reused:
    """A much-reused learning; `text` is None when the reader may not see where it was said."""

    learning_id: int
    lever: Lever
    text: str | None
    reuses: int


@dataclass(frozen=True)
class ActionDue:
    """An open retro action due soon (or late)."""

    text: str
    owner_id: str
    due_on: date
    late: bool


@dataclass(frozen=True)
class Standing:
    """The latest check-in result of a lever, and the previous period's average if shown."""

    latest: LeverResult
    previous_average: float | None


@dataclass
class Digest:
    """Everything a digest or report shows, ready to render."""

    team_id: str
    language: str
    period: Period
    new_by_lever: dict[Lever, int]
    reused: list[Reused]
    actions_due: list[ActionDue] | None  # None when the retro feature is not installed
    retros_held: int | None
    stand_period: str | None
    standings: list[Standing]
    coverage: Coverage
    weeks: list[Period]
    weekly_counts: list[dict[Lever, int]]
    comments: dict[Lever, list[str]] = field(default_factory=dict)
    extra: list[tuple[str, list[str]]] = field(default_factory=list)

    @property
    def new_total(self) -> int:
        return sum(self.new_by_lever.values())

    @property
    def has_chart_data(self) -> bool:
        """Whether a chart would show anything: learnings in the weeks, or a shown result."""
        return any(sum(week.values()) for week in self.weekly_counts) or any(
            standing.latest.shown for standing in self.standings
        )


def build_digest(
    session: Session,
    team_id: str,
    period: Period,
    now: datetime,
    language: str,
    timezone: str,
    can_show: Callable[[str | None], bool],
    *,
    with_comments: bool = False,
) -> Digest:
    """Gather the digest of `period`; `can_show(channel_id)` guards texts from private places."""
    counts = count_by_lever(session, team_id, period.start, period.end)
    new_by_lever = {lever: counts.get(lever.value, 0) for lever in Lever}
    reused = [
        Reused(
            learning.id,
            Lever(learning.lever),
            learning.text if can_show(learning.channel_id) else None,
            reuses,
        )
        for learning, reuses in most_reused(
            session, team_id, period.start, period.end, REUSED_SHOWN
        )
    ]
    periods = closed_periods(session, team_id, 2)
    standings: list[Standing] = []
    comments: dict[Lever, list[str]] = {}
    if periods:
        latest = results(periods[-1].levels)
        previous = results(periods[-2].levels) if len(periods) > 1 else None
        for index, result in enumerate(latest):
            before = previous[index].average if previous else None
            standings.append(Standing(result, before))
        if with_comments:
            shown = {result.lever.value for result in latest if result.shown}
            found = comments_by_lever(session, team_id, periods[-1].round_ids)
            comments = {Lever(lever): found[lever] for lever in found if lever in shown}
    weeks = weeks_back(now, CHART_WEEKS, timezone)
    weekly = _weekly_counts(session, team_id, weeks)
    actions, retros = _retro_activity(session, team_id, period, now, timezone)
    digest = Digest(
        team_id=team_id,
        language=language,
        period=period,
        new_by_lever=new_by_lever,
        reused=reused,
        actions_due=actions,
        retros_held=retros,
        stand_period=periods[-1].period if periods else None,
        standings=standings,
        coverage=team_coverage(authorship(session, team_id), now),
        weeks=weeks,
        weekly_counts=weekly,
        comments=comments,
    )
    context = DigestContext(session, team_id, period.start, period.end, now, language)
    for part in DIGEST_SECTIONS:
        found_part = part(context)
        if found_part is not None:
            digest.extra.append(found_part)
    return digest


def _weekly_counts(session: Session, team_id: str, weeks: list[Period]) -> list[dict[Lever, int]]:
    counts: list[dict[Lever, int]] = [dict.fromkeys(Lever, 0) for _ in weeks]
    starts = [week.start for week in weeks]
    for lever, created_at in created_between(session, team_id, weeks[0].start, weeks[-1].end):
        index = bisect.bisect_right(starts, created_at) - 1
        if 0 <= index < len(weeks):
            counts[index][Lever(lever)] += 1
    return counts


def _retro_activity(
    session: Session, team_id: str, period: Period, now: datetime, timezone: str
) -> tuple[list[ActionDue] | None, int | None]:
    """Open retro actions due soon and retros held in the period, when /retro is installed."""
    try:
        from storage.models.retro import Retro, RetroAction
    except ImportError:  # the retro feature is not part of this build
        return None, None
    from sqlalchemy import func, select

    today = now.astimezone(ZoneInfo(timezone)).date()
    rows = session.execute(
        select(RetroAction.text, RetroAction.owner_id, RetroAction.due_on)
        .where(
            RetroAction.team_id == team_id,
            RetroAction.status == "open",
            RetroAction.due_on <= today + timedelta(days=ACTIONS_AHEAD_DAYS),
        )
        .order_by(RetroAction.due_on, RetroAction.id)
        .limit(ACTIONS_SHOWN)
    ).all()
    actions = [ActionDue(text, owner, due, due < today) for text, owner, due in rows]
    held = session.scalar(
        select(func.count())
        .select_from(Retro)
        .where(
            Retro.team_id == team_id,
            Retro.opened_at >= period.start,
            Retro.opened_at < period.end,
        )
    )
    return actions, int(held or 0)
