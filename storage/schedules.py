"""Queries on prompt schedules. Every one is scoped by team_id, but the scheduler's scan."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from storage.models import Schedule, Workspace
from storage.workspaces import ensure_workspace


def add_schedule(
    session: Session,
    *,
    team_id: str,
    channel_id: str,
    cron: str,
    timezone: str,
    lever_mode: str,
    levers: Sequence[str],
    language: str | None,
    created_by: str | None,
    now: datetime,
    enabled: bool = True,
) -> Schedule:
    """Store a new schedule, active from now."""
    ensure_workspace(session, team_id)
    schedule = Schedule(
        team_id=team_id,
        channel_id=channel_id,
        cron=cron,
        timezone=timezone,
        lever_mode=lever_mode,
        levers=list(levers),
        language=language,
        enabled=enabled,
        created_by=created_by,
        active_from=now,
        created_at=now,
        updated_at=now,
    )
    session.add(schedule)
    session.flush()
    return schedule


def get_schedule(session: Session, team_id: str, schedule_id: int) -> Schedule | None:
    """A schedule of this workspace."""
    return session.scalar(
        select(Schedule).where(Schedule.team_id == team_id, Schedule.id == schedule_id)
    )


def schedule_for_channel(session: Session, team_id: str, channel_id: str) -> Schedule | None:
    """The schedule of a channel, if it has one."""
    return session.scalar(
        select(Schedule).where(Schedule.team_id == team_id, Schedule.channel_id == channel_id)
    )


def list_schedules(session: Session, team_id: str) -> list[Schedule]:
    """A workspace's schedules, oldest first."""
    return list(
        session.scalars(select(Schedule).where(Schedule.team_id == team_id).order_by(Schedule.id))
    )


def active_schedules(session: Session) -> list[Schedule]:
    """Schedules that are on and not paused, in every installed workspace: what the scheduler
    reads."""
    return list(
        session.scalars(
            select(Schedule)
            .join(Workspace, Workspace.team_id == Schedule.team_id)
            .where(
                Schedule.enabled.is_(True),
                Schedule.paused_reason.is_(None),
                Workspace.uninstalled_at.is_(None),
            )
            .order_by(Schedule.id)
        )
    )


def update_schedule(
    schedule: Schedule,
    *,
    cron: str,
    timezone: str,
    lever_mode: str,
    levers: Sequence[str],
    language: str | None,
    enabled: bool,
    now: datetime,
) -> None:
    """Change a schedule; a new rhythm, or switching it on, counts from now."""
    if (cron, timezone, enabled) != (schedule.cron, schedule.timezone, schedule.enabled):
        schedule.active_from = now
    schedule.cron = cron
    schedule.timezone = timezone
    schedule.lever_mode = lever_mode
    schedule.levers = list(levers)
    schedule.language = language
    schedule.enabled = enabled
    schedule.updated_at = now


def pause(session: Session, team_id: str, schedule_id: int, reason: str, now: datetime) -> bool:
    """Pause a schedule the bot can no longer post for; True only for the call that paused it,
    so whoever set it up is told once."""
    result = session.execute(
        update(Schedule)
        .where(
            Schedule.team_id == team_id,
            Schedule.id == schedule_id,
            Schedule.paused_reason.is_(None),
        )
        .values(paused_reason=reason, updated_at=now)
        .execution_options(synchronize_session=False)
    )
    return result.rowcount == 1


def resume_channel(
    session: Session, team_id: str, channel_id: str, now: datetime
) -> Schedule | None:
    """Resume the paused schedule of a channel the bot is back in; the schedule, if resumed."""
    schedule = schedule_for_channel(session, team_id, channel_id)
    if schedule is None or schedule.paused_reason is None:
        return None
    schedule.paused_reason = None
    schedule.active_from = now
    schedule.updated_at = now
    return schedule


def remove_schedule(session: Session, schedule: Schedule) -> None:
    """Delete a schedule; its posted prompts stay, so replies are still recognised."""
    session.delete(schedule)
    session.flush()
