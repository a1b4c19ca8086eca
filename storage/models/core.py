"""Core tables: workspaces, learnings, prompt schedules, posted prompts, handled events."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

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
    """Something a team learned, from a prompt reply, a command, a modal, a shortcut or a retro."""

    __tablename__ = "learnings"
    __table_args__ = (
        # A redelivered Slack event finds its message already stored.
        UniqueConstraint(
            "team_id", "message_channel_id", "message_ts", name="uq_learnings_message"
        ),
        Index("ix_learnings_team_created", "team_id", "created_at"),
        Index("ix_learnings_team_channel", "team_id", "channel_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[str] = mapped_column(TeamId, ForeignKey("workspaces.team_id"))
    channel_id: Mapped[str | None] = mapped_column(SlackId)
    user_id: Mapped[str | None] = mapped_column(SlackId)  # None when anonymous
    lever: Mapped[str] = mapped_column(String(32))
    text: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(String(16))
    tags: Mapped[list[str]] = mapped_column(default=list)
    message_channel_id: Mapped[str | None] = mapped_column(SlackId)
    message_ts: Mapped[str | None] = mapped_column(String(32))
    permalink: Mapped[str | None] = mapped_column(String(500))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    deleted_at: Mapped[datetime | None]


class Schedule(Base):
    """When and how reflection prompts are posted in one channel."""

    __tablename__ = "schedules"

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
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class ProcessedEvent(Base):
    """Slack event ids already handled, so a redelivery does nothing twice."""

    __tablename__ = "processed_events"

    event_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    team_id: Mapped[str] = mapped_column(TeamId)
    received_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
