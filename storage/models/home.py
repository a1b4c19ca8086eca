"""Tables of App Home, "where do we stand" check-ins and digests.

Check-in answers keep the person's id only to hold one answer per person, lever and period;
what is shown is never more than counts and averages of at least three answers.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base, SlackId, TeamId
from storage.types import utcnow


class CheckinSetting(Base):
    """How often a channel is asked where the organisation stands (off keeps the row)."""

    __tablename__ = "checkin_settings"
    __table_args__ = (
        UniqueConstraint("team_id", "channel_id", name="uq_checkin_settings_channel"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[str] = mapped_column(TeamId, ForeignKey("workspaces.team_id"))
    channel_id: Mapped[str] = mapped_column(SlackId)
    cadence: Mapped[str] = mapped_column(String(16), default="monthly")
    created_by: Mapped[str | None] = mapped_column(SlackId)
    paused_reason: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class CheckinRound(Base):
    """One check-in poll posted in a channel for one period; the unique key is its claim."""

    __tablename__ = "checkin_rounds"
    __table_args__ = (
        UniqueConstraint("team_id", "channel_id", "period", name="uq_checkin_rounds_period"),
        Index("ix_checkin_rounds_status_end", "status", "period_end"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[str] = mapped_column(TeamId, ForeignKey("workspaces.team_id"))
    channel_id: Mapped[str] = mapped_column(SlackId)
    cadence: Mapped[str] = mapped_column(String(16))
    period: Mapped[str] = mapped_column(String(16))  # 2026-W48, 2026-11 or 2026-Q4
    period_start: Mapped[datetime]
    period_end: Mapped[datetime]
    language: Mapped[str] = mapped_column(String(2))
    message_ts: Mapped[str | None] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(16), default="pending")  # open, closed, failed
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    closed_at: Mapped[datetime | None]


class CheckinAnswer(Base):
    """One person's answer for one lever in one round; answering again changes it."""

    __tablename__ = "checkin_answers"
    __table_args__ = (
        UniqueConstraint("round_id", "lever", "user_id", name="uq_checkin_answers_person"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[str] = mapped_column(TeamId, ForeignKey("workspaces.team_id"))
    round_id: Mapped[int] = mapped_column(
        ForeignKey("checkin_rounds.id", ondelete="CASCADE"), index=True
    )
    lever: Mapped[str] = mapped_column(String(32))
    user_id: Mapped[str] = mapped_column(SlackId)
    level: Mapped[int]
    comment: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class DigestSetting(Base):
    """Where and how often a workspace's digest is posted; `problem` says why it could not be."""

    __tablename__ = "digest_settings"

    team_id: Mapped[str] = mapped_column(TeamId, ForeignKey("workspaces.team_id"), primary_key=True)
    channel_id: Mapped[str | None] = mapped_column(SlackId)
    cadence: Mapped[str] = mapped_column(String(16), default="weekly")  # weekly, monthly, off
    created_by: Mapped[str | None] = mapped_column(SlackId)
    problem: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class DigestRun(Base):
    """A digest claimed for one period, so two clocks or a restart never post it twice."""

    __tablename__ = "digest_runs"
    __table_args__ = (UniqueConstraint("team_id", "period", name="uq_digest_runs_period"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[str] = mapped_column(TeamId, ForeignKey("workspaces.team_id"))
    period: Mapped[str] = mapped_column(String(16))
    channel_id: Mapped[str] = mapped_column(SlackId)
    status: Mapped[str] = mapped_column(String(16), default="pending")  # posted, failed
    file_id: Mapped[str | None] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class LearningReuse(Base):
    """Someone found a learning useful again: the signal behind "most reused"."""

    __tablename__ = "learning_reuses"
    __table_args__ = (
        UniqueConstraint("learning_id", "user_id", "kind", name="uq_learning_reuses_once"),
        Index("ix_learning_reuses_team_created", "team_id", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[str] = mapped_column(TeamId, ForeignKey("workspaces.team_id"))
    learning_id: Mapped[int] = mapped_column(ForeignKey("learnings.id", ondelete="CASCADE"))
    user_id: Mapped[str | None] = mapped_column(SlackId)
    kind: Mapped[str] = mapped_column(String(16))  # useful (App Home), or another feature's
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
