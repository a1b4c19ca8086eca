"""Queries on check-in settings, rounds and answers. Every one is scoped by team_id."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from storage.models import CheckinAnswer, CheckinRound, CheckinSetting
from storage.workspaces import ensure_workspace


def get_setting(session: Session, team_id: str, channel_id: str) -> CheckinSetting | None:
    """The check-in setting of a channel, if it ever had one."""
    return session.scalar(
        select(CheckinSetting).where(
            CheckinSetting.team_id == team_id, CheckinSetting.channel_id == channel_id
        )
    )


def set_cadence(
    session: Session, team_id: str, channel_id: str, cadence: str, user_id: str, now: datetime
) -> CheckinSetting:
    """Turn a channel's check-ins on at a cadence, change it, or turn them off."""
    ensure_workspace(session, team_id)
    setting = get_setting(session, team_id, channel_id)
    if setting is None:
        setting = CheckinSetting(
            team_id=team_id, channel_id=channel_id, created_by=user_id, created_at=now
        )
        session.add(setting)
    setting.cadence = cadence
    setting.paused_reason = None
    setting.updated_at = now
    session.flush()
    return setting


def pause(session: Session, setting_id: int, reason: str) -> bool:
    """Pause a setting because Slack refused the channel; True the first time only."""
    result = session.execute(
        update(CheckinSetting)
        .where(CheckinSetting.id == setting_id, CheckinSetting.paused_reason.is_(None))
        .values(paused_reason=reason)
    )
    return result.rowcount == 1


def settings_to_run(session: Session) -> list[CheckinSetting]:
    """Every setting that is on and not paused, in every workspace (the job's input)."""
    query = select(CheckinSetting).where(
        CheckinSetting.cadence != "off", CheckinSetting.paused_reason.is_(None)
    )
    return list(session.scalars(query.order_by(CheckinSetting.id)))


def settings_of_team(session: Session, team_id: str) -> list[CheckinSetting]:
    """A workspace's check-in settings, by channel."""
    query = select(CheckinSetting).where(CheckinSetting.team_id == team_id)
    return list(session.scalars(query.order_by(CheckinSetting.channel_id)))


def has_round(session: Session, team_id: str, channel_id: str, period: str) -> bool:
    """Whether the round of this period was already claimed."""
    return (
        session.scalar(
            select(CheckinRound.id).where(
                CheckinRound.team_id == team_id,
                CheckinRound.channel_id == channel_id,
                CheckinRound.period == period,
            )
        )
        is not None
    )


def claim_round(session: Session, **fields: object) -> CheckinRound | None:
    """Insert a pending round; None when another process claimed the same period first."""
    checkin_round = CheckinRound(status="pending", **fields)
    try:
        with session.begin_nested():
            session.add(checkin_round)
    except IntegrityError:
        return None
    return checkin_round


def get_round(session: Session, team_id: str, round_id: int) -> CheckinRound | None:
    """A round of this workspace."""
    return session.scalar(
        select(CheckinRound).where(CheckinRound.team_id == team_id, CheckinRound.id == round_id)
    )


def set_round_status(
    session: Session, round_id: int, status: str, message_ts: str | None = None
) -> None:
    """Record what became of a claimed round once Slack answered."""
    values: dict[str, object] = {"status": status}
    if message_ts is not None:
        values["message_ts"] = message_ts
    session.execute(update(CheckinRound).where(CheckinRound.id == round_id).values(**values))


def release_round(session: Session, round_id: int) -> None:
    """Give a claimed round back (Slack failed for a passing reason): the next tick retries."""
    session.execute(
        delete(CheckinRound).where(CheckinRound.id == round_id, CheckinRound.status == "pending")
    )


def rounds_ending(session: Session, now: datetime) -> list[CheckinRound]:
    """Open rounds whose period is over, in every workspace."""
    query = select(CheckinRound).where(
        CheckinRound.status == "open", CheckinRound.period_end <= now
    )
    return list(session.scalars(query.order_by(CheckinRound.id)))


def claim_close(session: Session, round_id: int, now: datetime) -> bool:
    """Close an open round; True only for the one process that closed it."""
    result = session.execute(
        update(CheckinRound)
        .where(CheckinRound.id == round_id, CheckinRound.status == "open")
        .values(status="closed", closed_at=now)
    )
    return result.rowcount == 1


def answer_of(
    session: Session, team_id: str, round_id: int, lever: str, user_id: str
) -> CheckinAnswer | None:
    """A person's answer for one lever of a round."""
    return session.scalar(
        select(CheckinAnswer).where(
            CheckinAnswer.team_id == team_id,
            CheckinAnswer.round_id == round_id,
            CheckinAnswer.lever == lever,
            CheckinAnswer.user_id == user_id,
        )
    )


def save_answer(
    session: Session,
    checkin_round: CheckinRound,
    lever: str,
    user_id: str,
    level: int,
    now: datetime,
    comment: str | None = None,
    *,
    set_comment: bool = False,
) -> CheckinAnswer:
    """Store or change a person's answer; the comment changes only when `set_comment`."""
    team_id = checkin_round.team_id
    answer = answer_of(session, team_id, checkin_round.id, lever, user_id)
    if answer is None:
        try:
            with session.begin_nested():
                answer = CheckinAnswer(
                    team_id=team_id,
                    round_id=checkin_round.id,
                    lever=lever,
                    user_id=user_id,
                    level=level,
                    comment=comment if set_comment else None,
                    created_at=now,
                    updated_at=now,
                )
                session.add(answer)
            return answer
        except IntegrityError:
            # Two clicks of the same person at once: the other one inserted; change it.
            answer = answer_of(session, team_id, checkin_round.id, lever, user_id)
            assert answer is not None
    answer.level = level
    if set_comment:
        answer.comment = comment
    answer.updated_at = now
    session.flush()
    return answer


def levels_by_lever(session: Session, team_id: str, round_ids: list[int]) -> dict[str, list[int]]:
    """Every level answered in these rounds, by lever."""
    found: dict[str, list[int]] = defaultdict(list)
    if not round_ids:
        return found
    query = select(CheckinAnswer.lever, CheckinAnswer.level).where(
        CheckinAnswer.team_id == team_id, CheckinAnswer.round_id.in_(round_ids)
    )
    for lever, level in session.execute(query):
        found[lever].append(level)
    return found


def comments_by_lever(session: Session, team_id: str, round_ids: list[int]) -> dict[str, list[str]]:
    """The comments left in these rounds, by lever, in alphabetical order (never by time)."""
    found: dict[str, list[str]] = defaultdict(list)
    if not round_ids:
        return found
    query = select(CheckinAnswer.lever, CheckinAnswer.comment).where(
        CheckinAnswer.team_id == team_id,
        CheckinAnswer.round_id.in_(round_ids),
        CheckinAnswer.comment.is_not(None),
    )
    for lever, comment in session.execute(query):
        if comment and comment.strip():
            found[lever].append(comment.strip())
    return {lever: sorted(comments) for lever, comments in found.items()}


@dataclass(frozen=True)
class PeriodAnswers:
    """The closed rounds of one period across the workspace, and their answers by lever."""

    period: str
    period_start: datetime
    round_ids: list[int]
    levels: dict[str, list[int]]


def closed_periods(session: Session, team_id: str, limit: int) -> list[PeriodAnswers]:
    """The latest `limit` periods with closed rounds, oldest first, answers merged by period."""
    rounds = session.execute(
        select(CheckinRound.id, CheckinRound.period, CheckinRound.period_start)
        .where(CheckinRound.team_id == team_id, CheckinRound.status == "closed")
        .order_by(CheckinRound.period_start.desc(), CheckinRound.id)
    ).all()
    periods: dict[str, tuple[datetime, list[int]]] = {}
    for round_id, period, start in rounds:
        if period not in periods:
            if len(periods) == limit:
                break
            periods[period] = (start, [])
        periods[period][1].append(round_id)
    found = [
        PeriodAnswers(period, start, ids, levels_by_lever(session, team_id, ids))
        for period, (start, ids) in periods.items()
    ]
    return found[::-1]
