"""Queries on learnings. Every one is scoped by team_id."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import (
    ColumnElement,
    Engine,
    Select,
    delete,
    exists,
    false,
    func,
    insert,
    literal,
    or_,
    select,
    union,
)
from sqlalchemy.orm import Session, aliased

from bot.levers import fold
from storage.driver import DriverInsert
from storage.models import Learning
from storage.search import latest_matches, matching, relevance
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


# Counting stops past COUNTED ("more than 100"), and a search ranks its COUNTED latest
# matches: no query reads every learning of a large workspace.
COUNTED = 100


@dataclass(frozen=True)
class Page:
    """One page of learnings, how many match in all (None: more than COUNTED), and whether
    more follow this page (by default, what the total says)."""

    items: list[Learning]
    total: int | None
    offset: int
    more: bool | None = None

    @property
    def has_more(self) -> bool:
        """Whether learnings follow this page."""
        if self.more is not None:
            return self.more
        return self.total is None or self.offset + len(self.items) < self.total


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


_TEXT_LEARNING_COLUMNS = (
    "team_id", "channel_id", "user_id", "lever", "text", "source", "tags", "visibility",
    "search_text", "created_at", "updated_at",
)  # fmt: skip
_INSERT_TEXT_LEARNING = DriverInsert(
    insert(Learning.__table__).returning(Learning.__table__.c.id), _TEXT_LEARNING_COLUMNS
)


def insert_learning(
    engine: Engine,
    *,
    team_id: str,
    text: str,
    lever: str,
    source: str,
    user_id: str | None,
    channel_id: str | None,
    now: datetime,
) -> int:
    """Store a learning that is only a text (a `/learning <text>`) in a transaction of its own,
    and give its id.

    The hot path of `/learning`: one INSERT … RETURNING on the driver (storage/driver.py),
    without reading the workspace row (the caller creates it, with `ensure_workspace`, when
    the workspace's first learning fails its foreign key). The row is the one `add_learning`
    would store, `search_text` included.
    """
    values = {
        "team_id": team_id,
        "channel_id": channel_id,
        "user_id": user_id,
        "lever": lever,
        "text": text,
        "source": source,
        "tags": [],
        "visibility": "private",
        "search_text": fold(text),  # what search_text_of gives for a text alone
        "created_at": now,
        "updated_at": now,
    }
    return _INSERT_TEXT_LEARNING.returning(engine, values)


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


def _conditions(session: Session, team_id: str, where: LearningFilter) -> list[ColumnElement[bool]]:
    """What a live learning of the workspace must satisfy to match a filter (words aside)."""
    conditions = [Learning.team_id == team_id, Learning.deleted_at.is_(None)]
    if where.channel_id:
        conditions.append(Learning.channel_id == where.channel_id)
    if where.lever:
        conditions.append(Learning.lever == where.lever)
    if where.user_id:
        conditions.append(_by_person(session, team_id, where.user_id))
    if where.since:
        conditions.append(Learning.created_at >= where.since)
    if where.reader is not None and where.user_id != where.reader.user_id:
        # One's own learnings are readable by oneself, so the person filter implies the rule;
        # stating it as well would only mislead the planner into thinking few rows match.
        conditions.append(_readable(where.reader))
    return conditions


def _by_person(session: Session, team_id: str, user_id: str) -> ColumnElement[bool]:
    """Logged by or credited to a person."""
    if session.get_bind().dialect.name == "postgresql":
        # Its planner ORs the two indexes together (ix_learnings_team_user, _team_author).
        return or_(Learning.user_id == user_id, Learning.author_id == user_id)
    # SQLite, without statistics (the app never runs ANALYZE), reads the OR off an index of
    # team_id alone, that is every learning of the workspace; spelt as a union, each half
    # has its own index.
    other = aliased(Learning)
    logged = select(other.id).where(other.team_id == team_id, other.user_id == user_id)
    credited = select(other.id).where(other.team_id == team_id, other.author_id == user_id)
    return Learning.id.in_(union(logged, credited))


def filtered(session: Session, team_id: str, where: LearningFilter) -> Select[tuple[Learning]]:
    """Live learnings of a workspace matching a filter (words aside), oldest first."""
    return (
        select(Learning)
        .where(*_conditions(session, team_id, where))
        .order_by(Learning.created_at, Learning.id)
    )


def list_learnings(session: Session, team_id: str, where: LearningFilter) -> list[Learning]:
    """Live learnings matching a filter (and its words, if any), oldest first: every one."""
    query = filtered(session, team_id, where)
    if where.terms:
        query = query.where(matching(session, where.terms))
    return list(session.scalars(query))


def find_page(
    session: Session, team_id: str, where: LearningFilter, *, offset: int, limit: int
) -> Page:
    """One page of matching learnings, newest first, counted only up to COUNTED (or to the
    end of the page, past it).

    With words, the COUNTED latest matches come first, best match first, then the older
    ones newest first. The work grows with offset + limit and with how rare the matches
    are, not with how many learnings the workspace holds (see storage.search).
    """
    enough = max(COUNTED, offset + limit)  # one more says whether more follow
    latest = latest_matches(
        session,
        team_id,
        where.terms,
        _conditions(session, team_id, where),
        limit=enough + 1,
        channel_id=where.channel_id,
        user_id=where.user_id,
        lever=where.lever,
    )
    ordered = latest
    if where.terms:
        ordered = _by_relevance(session, latest[:COUNTED], where.terms) + latest[COUNTED:]
    ids = ordered[offset : offset + limit]
    found = {
        learning.id: learning
        for learning in session.scalars(select(Learning).where(Learning.id.in_(ids)))
    }
    return Page(
        items=[found[learning_id] for learning_id in ids if learning_id in found],
        total=len(latest) if len(latest) <= enough else None,  # counted to the end
        offset=offset,
        more=len(latest) > offset + limit,
    )


def _by_relevance(session: Session, ids: Sequence[int], terms: Sequence[str]) -> list[int]:
    """Ids, best match first; the latest first among equals."""
    rows = session.execute(select(Learning.id, Learning.search_text).where(Learning.id.in_(ids)))
    texts = {learning_id: text for learning_id, text in rows}
    return sorted(ids, key=lambda i: (-relevance(texts.get(i, ""), terms), -i))


def channels_of(session: Session, team_id: str, where: LearningFilter) -> set[str]:
    """The channels the live learnings matching a filter (words aside) were logged in.

    The workspace's channels are read off `ix_learnings_team_channel` one index seek each
    (a loose index scan), not one row per learning; then each channel is kept if one of its
    learnings matches, which usually the first one read does.
    """
    if where.channel_id:
        candidates = select(literal(where.channel_id).label("channel_id")).cte("channels")
    else:
        first = select(func.min(Learning.channel_id).label("channel_id")).where(
            Learning.team_id == team_id
        )
        candidates = first.cte("channels", recursive=True)
        following = (
            select(Learning.channel_id)
            .where(Learning.team_id == team_id, Learning.channel_id > candidates.c.channel_id)
            .order_by(Learning.channel_id)
            .limit(1)
            .scalar_subquery()
        )
        candidates = candidates.union_all(
            select(following).where(candidates.c.channel_id.is_not(None))
        )
    holds_one = exists().where(
        Learning.channel_id == candidates.c.channel_id, *_conditions(session, team_id, where)
    )
    query = select(candidates.c.channel_id).where(candidates.c.channel_id.is_not(None), holds_one)
    return set(session.scalars(query))


def record_post(
    session: Session,
    team_id: str,
    learning_id: int,
    channel_id: str,
    ts: str,
    permalink: str | None,
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
