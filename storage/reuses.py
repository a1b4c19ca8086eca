"""Reuse of learnings: the signal behind the digest's "most reused".

A learning is *reused* when someone other than its author finds it useful again: today a
click on "Useful" in App Home (kind `useful`); another feature that shows a learning to
someone who then acts on it may record its own kind with `record_reuse`. Each person counts
once per learning and kind.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from storage.models import Learning, LearningReuse


def record_reuse(
    session: Session, team_id: str, learning_id: int, user_id: str | None, kind: str, now: datetime
) -> bool:
    """Record that `user_id` reused a learning; False when it was already recorded."""
    already = session.scalar(
        select(LearningReuse.id).where(
            LearningReuse.team_id == team_id,
            LearningReuse.learning_id == learning_id,
            LearningReuse.user_id == user_id,
            LearningReuse.kind == kind,
        )
    )
    if already is not None:
        return False
    try:
        with session.begin_nested():
            session.add(
                LearningReuse(
                    team_id=team_id,
                    learning_id=learning_id,
                    user_id=user_id,
                    kind=kind,
                    created_at=now,
                )
            )
    except IntegrityError:
        return False  # the same click, delivered twice at once
    return True


def reused_by(session: Session, team_id: str, user_id: str, learning_ids: list[int]) -> set[int]:
    """Which of these learnings the person already marked as reused."""
    if not learning_ids:
        return set()
    query = select(LearningReuse.learning_id).where(
        LearningReuse.team_id == team_id,
        LearningReuse.user_id == user_id,
        LearningReuse.learning_id.in_(learning_ids),
    )
    return set(session.scalars(query))


def most_reused(
    session: Session, team_id: str, start: datetime, end: datetime, limit: int
) -> list[tuple[Learning, int]]:
    """Live learnings with the most reuses recorded in [start, end), most first."""
    count = func.count(LearningReuse.id).label("reuses")
    query = (
        select(Learning, count)
        .join(LearningReuse, LearningReuse.learning_id == Learning.id)
        .where(
            Learning.team_id == team_id,
            LearningReuse.team_id == team_id,
            Learning.deleted_at.is_(None),
            LearningReuse.created_at >= start,
            LearningReuse.created_at < end,
        )
        .group_by(Learning.id)
        .order_by(count.desc(), Learning.id)
        .limit(limit)
    )
    return [(learning, reuses) for learning, reuses in session.execute(query)]
