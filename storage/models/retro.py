"""Retrospective tables: retros, their items and votes, the actions they decide, follow-ups.

Concurrency is handled by constraints, not by reading then writing: one open retro per
channel is a unique key on `open_channel_id` (NULL once closed), a person's votes are rows
unique per (retro, item, person) and per (retro, person, slot) with slots 1..limit, and each
reminder or follow-up question is claimed by inserting a row unique per occurrence.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base, SlackId, TeamId
from storage.types import utcnow


class Retro(Base):
    """A retrospective run in one channel, shown as one message updated in place."""

    __tablename__ = "retros"
    __table_args__ = (
        # NULLs are distinct: any number of closed retros, at most one open one per channel.
        UniqueConstraint("team_id", "open_channel_id", name="uq_retros_open_channel"),
        Index("ix_retros_team_channel", "team_id", "channel_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[str] = mapped_column(TeamId, ForeignKey("workspaces.team_id"))
    channel_id: Mapped[str] = mapped_column(SlackId)
    open_channel_id: Mapped[str | None] = mapped_column(SlackId)  # channel_id while open
    title: Mapped[str] = mapped_column(String(200))
    facilitator_id: Mapped[str] = mapped_column(SlackId)
    language: Mapped[str] = mapped_column(String(2))
    votes_per_person: Mapped[int] = mapped_column(default=3)
    followup_weeks: Mapped[int] = mapped_column(default=2)
    status: Mapped[str] = mapped_column(String(16), default="open")  # open, closed
    learnings_since: Mapped[datetime]
    message_ts: Mapped[str | None] = mapped_column(String(32))
    permalink: Mapped[str | None] = mapped_column(String(500))
    summary_ts: Mapped[str | None] = mapped_column(String(32))
    opened_at: Mapped[datetime] = mapped_column(default=utcnow)
    closed_at: Mapped[datetime | None]
    closed_by: Mapped[str | None] = mapped_column(SlackId)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class RetroItem(Base):
    """One card of a retro column; `author_id` is None when it was posted anonymously."""

    __tablename__ = "retro_items"
    __table_args__ = (Index("ix_retro_items_team_retro", "team_id", "retro_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[str] = mapped_column(TeamId, ForeignKey("workspaces.team_id"))
    retro_id: Mapped[int] = mapped_column(ForeignKey("retros.id", ondelete="CASCADE"))
    column: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    lever: Mapped[str] = mapped_column(String(32))
    author_id: Mapped[str | None] = mapped_column(SlackId)
    learning_id: Mapped[int | None] = mapped_column(ForeignKey("learnings.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class RetroVote(Base):
    """One dot a person put on an item; `slot` (1..limit) caps how many dots they have."""

    __tablename__ = "retro_votes"
    __table_args__ = (
        UniqueConstraint("retro_id", "item_id", "user_id", name="uq_retro_votes_item_user"),
        UniqueConstraint("retro_id", "user_id", "slot", name="uq_retro_votes_user_slot"),
        Index("ix_retro_votes_team_retro", "team_id", "retro_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[str] = mapped_column(TeamId, ForeignKey("workspaces.team_id"))
    retro_id: Mapped[int] = mapped_column(ForeignKey("retros.id", ondelete="CASCADE"))
    item_id: Mapped[int] = mapped_column(ForeignKey("retro_items.id", ondelete="CASCADE"))
    user_id: Mapped[str] = mapped_column(SlackId)
    slot: Mapped[int]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class RetroAction(Base):
    """What the team decided to do about a top-voted item: an owner, a due day, a status."""

    __tablename__ = "retro_actions"
    __table_args__ = (
        UniqueConstraint("retro_id", "item_id", name="uq_retro_actions_item"),
        Index("ix_retro_actions_team_status", "team_id", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[str] = mapped_column(TeamId, ForeignKey("workspaces.team_id"))
    retro_id: Mapped[int] = mapped_column(ForeignKey("retros.id", ondelete="CASCADE"))
    item_id: Mapped[int] = mapped_column(ForeignKey("retro_items.id", ondelete="CASCADE"))
    channel_id: Mapped[str] = mapped_column(SlackId)
    text: Mapped[str] = mapped_column(Text)
    owner_id: Mapped[str] = mapped_column(SlackId)
    due_on: Mapped[date]
    status: Mapped[str] = mapped_column(String(16), default="open")  # open, done, dropped
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    done_at: Mapped[datetime | None]


class RetroFollowup(Base):
    """A reminder DM or follow-up question, claimed (inserted) before it is sent."""

    __tablename__ = "retro_followups"
    __table_args__ = (
        # One reminder per due day and one question per completion, whichever clock fires.
        UniqueConstraint("action_id", "kind", "for_date", name="uq_retro_followups_occurrence"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[str] = mapped_column(TeamId, ForeignKey("workspaces.team_id"))
    action_id: Mapped[int] = mapped_column(ForeignKey("retro_actions.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16))  # reminder, question
    for_date: Mapped[date]
    status: Mapped[str] = mapped_column(String(16), default="claimed")  # claimed, sent, failed
    channel_id: Mapped[str | None] = mapped_column(SlackId)
    message_ts: Mapped[str | None] = mapped_column(String(32))
    claimed_at: Mapped[datetime] = mapped_column(default=utcnow)
    sent_at: Mapped[datetime | None]


class RetroEvidence(Base):
    """A person's answer to a follow-up question: did the change work?"""

    __tablename__ = "retro_evidence"
    __table_args__ = (
        UniqueConstraint("action_id", "user_id", name="uq_retro_evidence_action_user"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[str] = mapped_column(TeamId, ForeignKey("workspaces.team_id"))
    action_id: Mapped[int] = mapped_column(ForeignKey("retro_actions.id", ondelete="CASCADE"))
    learning_id: Mapped[int | None] = mapped_column(ForeignKey("learnings.id", ondelete="SET NULL"))
    user_id: Mapped[str] = mapped_column(SlackId)
    outcome: Mapped[str] = mapped_column(String(16))  # worked, not_yet
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class RetroLearning(Base):
    """Where a learning from a retro stands: identified, or learned once the change worked."""

    __tablename__ = "retro_learnings"

    learning_id: Mapped[int] = mapped_column(
        ForeignKey("learnings.id", ondelete="CASCADE"), primary_key=True
    )
    team_id: Mapped[str] = mapped_column(TeamId, ForeignKey("workspaces.team_id"), index=True)
    retro_id: Mapped[int] = mapped_column(ForeignKey("retros.id", ondelete="CASCADE"))
    item_id: Mapped[int] = mapped_column(ForeignKey("retro_items.id", ondelete="CASCADE"))
    status: Mapped[str] = mapped_column(String(16), default="identified")  # identified, learned
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
