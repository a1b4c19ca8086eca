"""Queries on learnings. Every one is scoped by team_id."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from storage.models import Learning
from storage.types import utcnow
from storage.workspaces import ensure_workspace


@dataclass(frozen=True)
class LearningFilter:
    """What an export or a listing narrows learnings to."""

    channel_id: str | None = None
    lever: str | None = None
    user_id: str | None = None
    since: datetime | None = None


def add_learning(
    session: Session,
    *,
    team_id: str,
    text: str,
    lever: str,
    source: str,
    user_id: str | None,
    channel_id: str | None,
    tags: Sequence[str] = (),
    message_channel_id: str | None = None,
    message_ts: str | None = None,
    permalink: str | None = None,
    now: datetime | None = None,
) -> Learning:
    """Store a new learning and give it its id."""
    now = now or utcnow()
    ensure_workspace(session, team_id)
    learning = Learning(
        team_id=team_id,
        channel_id=channel_id,
        user_id=user_id,
        lever=lever,
        text=text,
        source=source,
        tags=list(tags),
        message_channel_id=message_channel_id,
        message_ts=message_ts,
        permalink=permalink,
        created_at=now,
        updated_at=now,
    )
    session.add(learning)
    session.flush()
    return learning


def get_learning(session: Session, team_id: str, learning_id: int) -> Learning | None:
    """A learning of this workspace that is not deleted."""
    return session.scalar(
        select(Learning).where(
            Learning.team_id == team_id,
            Learning.id == learning_id,
            Learning.deleted_at.is_(None),
        )
    )


def find_by_message(
    session: Session, team_id: str, channel_id: str, message_ts: str
) -> Learning | None:
    """The learning stored from a Slack message, deleted or not."""
    return session.scalar(
        select(Learning).where(
            Learning.team_id == team_id,
            Learning.message_channel_id == channel_id,
            Learning.message_ts == message_ts,
        )
    )


def set_lever(learning: Learning, lever: str, now: datetime) -> None:
    """Move a learning to another lever."""
    learning.lever = lever
    learning.updated_at = now


def filtered(team_id: str, where: LearningFilter) -> Select[tuple[Learning]]:
    """Live learnings of a workspace matching a filter, oldest first."""
    query = select(Learning).where(Learning.team_id == team_id, Learning.deleted_at.is_(None))
    if where.channel_id:
        query = query.where(Learning.channel_id == where.channel_id)
    if where.lever:
        query = query.where(Learning.lever == where.lever)
    if where.user_id:
        query = query.where(Learning.user_id == where.user_id)
    if where.since:
        query = query.where(Learning.created_at >= where.since)
    return query.order_by(Learning.created_at, Learning.id)


def list_learnings(session: Session, team_id: str, where: LearningFilter) -> list[Learning]:
    """Live learnings matching a filter, oldest first."""
    return list(session.scalars(filtered(team_id, where)))
