"""Queries on digest settings and the digests claimed for each period."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from storage.models import DigestRun, DigestSetting
from storage.workspaces import ensure_workspace


def get_digest_setting(session: Session, team_id: str) -> DigestSetting | None:
    """Where the workspace's digest goes, if it was ever set."""
    return session.get(DigestSetting, team_id)


def set_digest(
    session: Session,
    team_id: str,
    channel_id: str | None,
    cadence: str,
    user_id: str | None,
    now: datetime,
) -> DigestSetting:
    """Choose the digest channel and cadence (`off`, or no channel, stops it)."""
    ensure_workspace(session, team_id)
    setting = session.get(DigestSetting, team_id)
    if setting is None:
        setting = DigestSetting(team_id=team_id, created_at=now)
        session.add(setting)
    if setting.channel_id != channel_id:
        setting.problem = None
    setting.channel_id = channel_id
    setting.cadence = cadence
    setting.created_by = user_id or setting.created_by
    setting.updated_at = now
    session.flush()
    return setting


def set_problem(session: Session, team_id: str, problem: str | None) -> bool:
    """Record why the digest cannot be posted (None when it can); True when that changed."""
    result = session.execute(
        update(DigestSetting)
        .where(DigestSetting.team_id == team_id, DigestSetting.problem.is_distinct_from(problem))
        # Keep updated_at: it says when an admin last chose, which the job reads.
        .values(problem=problem, updated_at=DigestSetting.updated_at)
    )
    return result.rowcount == 1


def digests_to_run(session: Session) -> list[DigestSetting]:
    """Every workspace's digest that has a channel and is not off."""
    query = select(DigestSetting).where(
        DigestSetting.channel_id.is_not(None), DigestSetting.cadence != "off"
    )
    return list(session.scalars(query.order_by(DigestSetting.team_id)))


def claim_digest(session: Session, team_id: str, period: str, channel_id: str) -> int | None:
    """Claim the digest of a period; its id, or None when it was already claimed."""
    already = session.scalar(
        select(DigestRun.id).where(DigestRun.team_id == team_id, DigestRun.period == period)
    )
    if already is not None:
        return None
    run = DigestRun(team_id=team_id, period=period, channel_id=channel_id, status="pending")
    try:
        with session.begin_nested():
            session.add(run)
    except IntegrityError:
        return None
    return run.id


def finish_digest(session: Session, run_id: int, status: str, file_id: str | None = None) -> None:
    """Record what became of a claimed digest."""
    session.execute(
        update(DigestRun).where(DigestRun.id == run_id).values(status=status, file_id=file_id)
    )


def release_digest(session: Session, run_id: int) -> None:
    """Give a claimed digest back after a passing failure: the next tick tries again."""
    session.execute(delete(DigestRun).where(DigestRun.id == run_id))
