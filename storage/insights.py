"""Read-only summaries of a team's learnings for App Home, digests and reports.

Every query is scoped by team_id and skips deleted learnings.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from storage.models import Learning

_live = Learning.deleted_at.is_(None)


def learnings_of_user(
    session: Session, team_id: str, user_id: str, limit: int
) -> tuple[list[Learning], int]:
    """A person's latest learnings, logged by or credited to them (newest first, at most
    `limit`), and how many they have."""
    mine = or_(Learning.user_id == user_id, Learning.author_id == user_id)
    where = (Learning.team_id == team_id, mine, _live)
    total = session.scalar(select(func.count()).select_from(Learning).where(*where)) or 0
    latest = session.scalars(
        select(Learning).where(*where).order_by(Learning.created_at.desc(), Learning.id.desc())
    ).fetchmany(limit)
    return list(latest), total


def latest_of_lever(session: Session, team_id: str, lever: str, limit: int) -> list[Learning]:
    """A lever's newest learnings, at most `limit`."""
    query = (
        select(Learning)
        .where(Learning.team_id == team_id, Learning.lever == lever, _live)
        .order_by(Learning.created_at.desc(), Learning.id.desc())
        .limit(limit)
    )
    return list(session.scalars(query))


def count_by_lever(
    session: Session, team_id: str, start: datetime | None = None, end: datetime | None = None
) -> dict[str, int]:
    """How many live learnings each lever holds, created in [start, end) when given."""
    query = select(Learning.lever, func.count()).where(Learning.team_id == team_id, _live)
    if start is not None:
        query = query.where(Learning.created_at >= start)
    if end is not None:
        query = query.where(Learning.created_at < end)
    return {lever: count for lever, count in session.execute(query.group_by(Learning.lever))}


def created_between(
    session: Session, team_id: str, start: datetime, end: datetime
) -> list[tuple[str, datetime]]:
    """(lever, created_at) of the live learnings created in [start, end)."""
    query = select(Learning.lever, Learning.created_at).where(
        Learning.team_id == team_id,
        _live,
        Learning.created_at >= start,
        Learning.created_at < end,
    )
    return [(lever, created_at) for lever, created_at in session.execute(query)]


def authorship(session: Session, team_id: str) -> list[tuple[str, str | None, list[str], datetime]]:
    """(lever, author, tags, created_at) of every live learning of the team; the author is
    the person credited (a saved message's writer), else who logged it, None if anonymous."""
    author = func.coalesce(Learning.author_id, Learning.user_id)
    query = select(Learning.lever, author, Learning.tags, Learning.created_at).where(
        Learning.team_id == team_id, _live
    )
    return [tuple(row) for row in session.execute(query)]


def search_candidates(session: Session, team_id: str, limit: int) -> Sequence[Learning]:
    """The newest live learnings of the team, for a simple search in App Home."""
    query = (
        select(Learning)
        .where(Learning.team_id == team_id, _live)
        .order_by(Learning.created_at.desc(), Learning.id.desc())
        .limit(limit)
    )
    return list(session.scalars(query))
