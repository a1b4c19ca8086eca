"""Queries on learnings. Every one is scoped by team_id."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, Select, delete, false, func, insert, or_, select
from sqlalchemy.orm import Session

from bot.levers import fold
from storage.models import Learning
from storage.search import text_match
from storage.types import utcnow
from storage.workspaces import ensure_workspace


@dataclass(frozen=True)
class Reader:
    """Someone reading learnings in Slack: they see those of no channel, those they logged or
    are credited with, and those of the channels they are a member of."""

    user_id: str
    channel_ids: frozenset[str]


@dataclass(frozen=True)
class LearningFilter:
    """What a search, a listing or an export narrows learnings to."""

    channel_id: str | None = None
    lever: str | None = None
    user_id: str | None = None  # logged by or credited to
    since: datetime | None = None
    terms: tuple[str, ...] = ()  # folded words; each must start a word of the learning
    reader: Reader | None = None  # None: everything (the CLI)


@dataclass(frozen=True)
class Page:
    """One page of learnings and how many match in all."""

    items: list[Learning]
    total: int
    offset: int


@dataclass(frozen=True)
class Review:
    """The After Action Review of a learning; every part is optional."""

    expected: str | None = None
    happened: str | None = None
    why: str | None = None
    next: str | None = None


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
    author_id: str | None = None,
    visibility: str = "private",
    review: Review | None = None,
    now: datetime | None = None,
) -> Learning:
    """Store a new learning and give it its id."""
    now = now or utcnow()
    ensure_workspace(session, team_id)
    learning = Learning(
        team_id=team_id,
        channel_id=channel_id,
        user_id=user_id,
        author_id=author_id,
        lever=lever,
        text=text,
        source=source,
        tags=list(tags),
        visibility=visibility,
        message_channel_id=message_channel_id,
        message_ts=message_ts,
        permalink=permalink,
        created_at=now,
        updated_at=now,
    )
    set_review(learning, review or Review())
    session.add(learning)
    session.flush()
    return learning


def insert_learning(
    session: Session,
    *,
    team_id: str,
    text: str,
    lever: str,
    source: str,
    user_id: str | None,
    channel_id: str | None,
    now: datetime,
) -> int:
    """Store a learning that is only a text (a `/learning <text>`) and give its id.

    The hot path of `/learning`: one INSERT … RETURNING, without the ORM's unit of work and
    without reading the workspace row (the caller creates it, with `ensure_workspace`, when
    the workspace's first learning fails its foreign key). The row is the one `add_learning`
    would store, `search_text` included.
    """
    table = Learning.__table__
    statement = (
        insert(table)
        .values(
            team_id=team_id,
            channel_id=channel_id,
            user_id=user_id,
            lever=lever,
            text=text,
            source=source,
            tags=[],
            visibility="private",
            search_text=fold(text),  # what search_text_of gives for a text alone
            created_at=now,
            updated_at=now,
        )
        .returning(table.c.id)
    )
    return session.execute(statement).scalar_one()


def set_review(learning: Learning, review: Review) -> None:
    """Replace a learning's After Action Review."""
    learning.aar_expected = review.expected
    learning.aar_happened = review.happened
    learning.aar_why = review.why
    learning.aar_next = review.next


def review_of(learning: Learning) -> Review:
    """A learning's After Action Review."""
    return Review(
        expected=learning.aar_expected,
        happened=learning.aar_happened,
        why=learning.aar_why,
        next=learning.aar_next,
    )


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


def soft_delete(learning: Learning, now: datetime) -> None:
    """Hide a learning everywhere; it is purged for good after the retention period."""
    learning.deleted_at = now
    learning.updated_at = now


def purge_deleted(session: Session, team_id: str, deleted_before: datetime) -> int:
    """Remove for good the learnings deleted before a date; how many were removed."""
    result = session.execute(
        delete(Learning).where(
            Learning.team_id == team_id,
            Learning.deleted_at.is_not(None),
            Learning.deleted_at < deleted_before,
        )
    )
    return result.rowcount or 0


def teams_with_deleted(session: Session, deleted_before: datetime) -> list[str]:
    """Workspaces holding learnings deleted before a date."""
    return list(
        session.scalars(
            select(Learning.team_id)
            .where(Learning.deleted_at.is_not(None), Learning.deleted_at < deleted_before)
            .distinct()
        )
    )


def _readable(reader: Reader) -> ColumnElement[bool]:
    visible_channels = (
        Learning.channel_id.in_(sorted(reader.channel_ids)) if reader.channel_ids else false()
    )
    return or_(
        Learning.channel_id.is_(None),
        visible_channels,
        Learning.user_id == reader.user_id,
        Learning.author_id == reader.user_id,
    )


def filtered(team_id: str, where: LearningFilter) -> Select[tuple[Learning]]:
    """Live learnings of a workspace matching a filter, oldest first."""
    query = select(Learning).where(Learning.team_id == team_id, Learning.deleted_at.is_(None))
    if where.channel_id:
        query = query.where(Learning.channel_id == where.channel_id)
    if where.lever:
        query = query.where(Learning.lever == where.lever)
    if where.user_id:
        query = query.where(
            or_(Learning.user_id == where.user_id, Learning.author_id == where.user_id)
        )
    if where.since:
        query = query.where(Learning.created_at >= where.since)
    if where.reader is not None:
        query = query.where(_readable(where.reader))
    return query.order_by(Learning.created_at, Learning.id)


def list_learnings(session: Session, team_id: str, where: LearningFilter) -> list[Learning]:
    """Live learnings matching a filter (and its words, if any), oldest first."""
    query = filtered(team_id, where)
    if where.terms:
        match = text_match(session, where.terms)
        query = query.join(match, match.c.id == Learning.id)
    return list(session.scalars(query))


def find_page(
    session: Session, team_id: str, where: LearningFilter, *, offset: int, limit: int
) -> Page:
    """One page of matching learnings: best match first when there are words, else newest."""
    query = filtered(team_id, where).order_by(None)
    if where.terms:
        match = text_match(session, where.terms)
        query = query.join(match, match.c.id == Learning.id).order_by(
            match.c.rank, Learning.created_at.desc(), Learning.id.desc()
        )
    else:
        query = query.order_by(Learning.created_at.desc(), Learning.id.desc())
    total = session.scalar(select(func.count()).select_from(query.order_by(None).subquery()))
    items = list(session.scalars(query.offset(offset).limit(limit)))
    return Page(items=items, total=total or 0, offset=offset)


def channels_of(session: Session, team_id: str, where: LearningFilter) -> set[str]:
    """The channels the live learnings matching a filter (words aside) were logged in."""
    query = filtered(team_id, where).order_by(None).with_only_columns(Learning.channel_id)
    return {channel for channel in session.scalars(query.distinct()) if channel}


def record_post(
    session: Session, team_id: str, learning_id: int, channel_id: str, ts: str, permalink: str
) -> None:
    """Remember the bot's post of a learning: it becomes the learning's message and link,
    unless the learning was saved from a message already."""
    learning = get_learning(session, team_id, learning_id)
    if learning is None:
        return
    if learning.message_ts is None:
        learning.message_channel_id, learning.message_ts = channel_id, ts
    if not learning.permalink:
        learning.permalink = permalink
