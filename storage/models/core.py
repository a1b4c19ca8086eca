"""Core tables: workspaces, learnings, prompt schedules, posted prompts, handled events."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint, event, text
from sqlalchemy.orm import Mapped, Mapper, mapped_column

from bot.levers import fold
from storage.models.base import Base, SlackId, TeamId
from storage.types import utcnow


class Workspace(Base):
    """A Slack workspace the bot serves, with its settings."""

    __tablename__ = "workspaces"

    team_id: Mapped[str] = mapped_column(TeamId, primary_key=True)
    enterprise_id: Mapped[str | None] = mapped_column(SlackId)
    name: Mapped[str | None] = mapped_column(String(200))
    language: Mapped[str | None] = mapped_column(String(2))
    timezone: Mapped[str | None] = mapped_column(String(64))
    settings: Mapped[dict[str, Any]] = mapped_column(default=dict)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    uninstalled_at: Mapped[datetime | None]


class Learning(Base):
    """Something a team learned, from a prompt reply, a command, a modal, a shortcut or a retro.

    `user_id` is who logged it (None when anonymous, and then never stored anywhere);
    `author_id` is whom it is credited to when it was saved from someone's message. The
    After Action Review fields are optional. `search_text` is the folded text that full-text
    search reads; it is recomputed on every ORM insert and update, so change learnings through
    the ORM. Migrations 0003 and 0008 index it outside the models: an FTS5 table
    `learnings_fts` kept by triggers on SQLite; on PostgreSQL a generated tsvector column
    `search_vector` with the GIN index `ix_learnings_search` (see storage/search.py).
    """

    __tablename__ = "learnings"
    __table_args__ = (
        # A redelivered Slack event, or a message saved twice, finds its learning stored.
        UniqueConstraint(
            "team_id", "message_channel_id", "message_ts", name="uq_learnings_message"
        ),
        # Lever and deleted_at too: counting a period's learnings by lever (App Home, digests)
        # reads the index alone.
        Index("ix_learnings_team_created", "team_id", "created_at", "lever", "deleted_at"),
        # A channel's or a person's learnings newest first, the ranges `in:`, `from:` and
        # `mine` walk (storage.search): id last, or PostgreSQL gives them in no order.
        Index("ix_learnings_team_channel", "team_id", "channel_id", "id"),
        Index("ix_learnings_team_user", "team_id", "user_id", "id"),
        # `from:` and `mine` match the credited author too (storage.learnings._conditions);
        # most learnings credit nobody, and no query asks for those.
        Index(
            "ix_learnings_team_author",
            "team_id",
            "author_id",
            "id",
            sqlite_where=text("author_id IS NOT NULL"),
            postgresql_where=text("author_id IS NOT NULL"),
        ),
        # A lever's learnings newest first: the range a `lever:` search walks (storage.search).
        # Partial on SQLite, so only a query saying `lever IS NOT NULL` (the walk) can use it:
        # SQLite's planner would rather count a workspace's learnings by lever through it,
        # every one looked up, than sort a period's off ix_learnings_team_created.
        Index(
            "ix_learnings_team_lever",
            "team_id",
            "lever",
            "id",
            sqlite_where=text("lever IS NOT NULL"),
        ),
        # Only deleted learnings, for the purge: SQLite would otherwise read "deleted_at IS
        # NULL" off it as if it were selective, and walk every live learning that way.
        Index(
            "ix_learnings_deleted_at",
            "deleted_at",
            sqlite_where=text("deleted_at IS NOT NULL"),
            postgresql_where=text("deleted_at IS NOT NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[str] = mapped_column(TeamId, ForeignKey("workspaces.team_id"))
    channel_id: Mapped[str | None] = mapped_column(SlackId)
    user_id: Mapped[str | None] = mapped_column(SlackId)  # None when anonymous
    author_id: Mapped[str | None] = mapped_column(SlackId)  # credited author of a saved message
    lever: Mapped[str] = mapped_column(String(32))
    text: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(String(16))
    tags: Mapped[list[str]] = mapped_column(default=list)
    # "post": also posted in its channel; "private": kept in the channel's store only.
    visibility: Mapped[str] = mapped_column(String(8), default="private", server_default="private")
    aar_expected: Mapped[str | None] = mapped_column(Text)  # what was expected
    aar_happened: Mapped[str | None] = mapped_column(Text)  # what happened
    aar_why: Mapped[str | None] = mapped_column(Text)  # why it differed
    aar_next: Mapped[str | None] = mapped_column(Text)  # what to keep or change
    search_text: Mapped[str] = mapped_column(Text, default="", server_default="")
    message_channel_id: Mapped[str | None] = mapped_column(SlackId)
    message_ts: Mapped[str | None] = mapped_column(String(32))
    permalink: Mapped[str | None] = mapped_column(String(500))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    deleted_at: Mapped[datetime | None]


def search_text_of(learning: Learning) -> str:
    """What full-text search reads of a learning: its words, accents and case folded."""
    parts = [
        learning.text,
        learning.aar_expected,
        learning.aar_happened,
        learning.aar_why,
        learning.aar_next,
        *(learning.tags or []),
    ]
    return fold(" ".join(part for part in parts if part))


@event.listens_for(Learning, "before_insert")
@event.listens_for(Learning, "before_update")
def _fold_search_text(_mapper: Mapper, _connection: object, learning: Learning) -> None:
    learning.search_text = search_text_of(learning)


class Schedule(Base):
    """When and how reflection prompts are posted in one channel."""

    __tablename__ = "schedules"
    __table_args__ = (
        # One schedule per channel: Slack's settings form and the CLI edit "the" schedule.
        UniqueConstraint("team_id", "channel_id", name="uq_schedules_channel"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[str] = mapped_column(TeamId, ForeignKey("workspaces.team_id"), index=True)
    channel_id: Mapped[str] = mapped_column(SlackId)
    cron: Mapped[str] = mapped_column(String(100))
    timezone: Mapped[str] = mapped_column(String(64))
    lever_mode: Mapped[str] = mapped_column(String(16), default="rotate")
    levers: Mapped[list[str]] = mapped_column(default=list)
    language: Mapped[str | None] = mapped_column(String(2))
    enabled: Mapped[bool] = mapped_column(default=True)
    created_by: Mapped[str | None] = mapped_column(SlackId)
    paused_reason: Mapped[str | None] = mapped_column(String(64))
    # Due times before this instant are never posted: set when the schedule starts, changes
    # rhythm or resumes, so a change never fires a time that already went by.
    active_from: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class PostedPrompt(Base):
    """A reflection prompt the bot posted; replies in its thread become learnings."""

    __tablename__ = "posted_prompts"
    __table_args__ = (
        # One prompt per schedule per due time, whichever process fires it.
        UniqueConstraint("schedule_id", "due_at", name="uq_posted_prompts_schedule_due"),
        UniqueConstraint("team_id", "channel_id", "message_ts", name="uq_posted_prompts_message"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[str] = mapped_column(TeamId, ForeignKey("workspaces.team_id"))
    channel_id: Mapped[str] = mapped_column(SlackId)
    schedule_id: Mapped[int | None] = mapped_column(ForeignKey("schedules.id", ondelete="SET NULL"))
    lever: Mapped[str] = mapped_column(String(32))
    question_key: Mapped[str] = mapped_column(String(64))
    language: Mapped[str] = mapped_column(String(2))
    due_at: Mapped[datetime | None]
    message_ts: Mapped[str | None] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(16), default="pending")
    attempts: Mapped[int] = mapped_column(default=0, server_default="0")
    error: Mapped[str | None] = mapped_column(String(64))
    tried_at: Mapped[datetime | None]  # the last attempt, for spacing out retries
    posted_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class ProcessedEvent(Base):
    """Slack event ids already handled, so a redelivery does nothing twice."""

    __tablename__ = "processed_events"

    event_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    team_id: Mapped[str] = mapped_column(TeamId)
    received_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
