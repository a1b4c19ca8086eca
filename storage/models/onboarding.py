"""Onboarding tables: the resources library, newcomers' paths, and departures."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base, SlackId, TeamId
from storage.types import utcnow


class OnboardingResource(Base):
    """A link newcomers get on a given day of their path, for an audience."""

    __tablename__ = "onboarding_resources"
    __table_args__ = (Index("ix_onboarding_resources_team_position", "team_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[str] = mapped_column(TeamId, ForeignKey("workspaces.team_id"))
    title: Mapped[str] = mapped_column(String(200))
    url: Mapped[str] = mapped_column(String(2000))
    description: Mapped[str] = mapped_column(Text, default="")
    lever: Mapped[str] = mapped_column(String(32))
    audience: Mapped[str] = mapped_column(String(16))
    day: Mapped[int]
    position: Mapped[int]
    created_by: Mapped[str | None] = mapped_column(SlackId)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class OnboardingSettings(Base):
    """A workspace's onboarding channels and nudge days (empty days: the defaults)."""

    __tablename__ = "onboarding_settings"

    team_id: Mapped[str] = mapped_column(TeamId, ForeignKey("workspaces.team_id"), primary_key=True)
    channel_ids: Mapped[list[str]] = mapped_column(default=list)
    days: Mapped[list[int]] = mapped_column(JSON, default=list)
    updated_by: Mapped[str | None] = mapped_column(SlackId)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class Newcomer(Base):
    """A person on the onboarding path; one path per person and workspace."""

    __tablename__ = "newcomers"
    __table_args__ = (
        # A redelivered team_join, or a join to a second onboarding channel, starts nothing.
        UniqueConstraint("team_id", "user_id", name="uq_newcomers_team_user"),
        Index("ix_newcomers_status", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[str] = mapped_column(TeamId, ForeignKey("workspaces.team_id"))
    user_id: Mapped[str] = mapped_column(SlackId)
    is_guest: Mapped[bool] = mapped_column(default=False)
    source: Mapped[str] = mapped_column(String(16))
    channel_id: Mapped[str | None] = mapped_column(SlackId)
    days: Mapped[list[int]] = mapped_column(JSON, default=list)
    status: Mapped[str] = mapped_column(String(16), default="active")
    started_at: Mapped[datetime]
    ended_at: Mapped[datetime | None]


class OnboardingNudge(Base):
    """One day of a newcomer's path, claimed before anything is sent so it goes out once."""

    __tablename__ = "onboarding_nudges"
    __table_args__ = (
        UniqueConstraint("newcomer_id", "day", name="uq_onboarding_nudges_newcomer_day"),
        Index("ix_onboarding_nudges_message", "team_id", "channel_id", "message_ts"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[str] = mapped_column(TeamId, ForeignKey("workspaces.team_id"))
    newcomer_id: Mapped[int] = mapped_column(ForeignKey("newcomers.id", ondelete="CASCADE"))
    day: Mapped[int]
    status: Mapped[str] = mapped_column(String(16))
    resource_ids: Mapped[list[int]] = mapped_column(JSON, default=list)
    fresh_eyes: Mapped[bool] = mapped_column(default=False)
    channel_id: Mapped[str | None] = mapped_column(SlackId)
    message_ts: Mapped[str | None] = mapped_column(String(32))
    error: Mapped[str | None] = mapped_column(String(64))
    claimed_at: Mapped[datetime]
    sent_at: Mapped[datetime | None]


class ResourceDone(Base):
    """A newcomer marked a resource done."""

    __tablename__ = "onboarding_done"
    __table_args__ = (
        UniqueConstraint("newcomer_id", "resource_id", name="uq_onboarding_done_newcomer_resource"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[str] = mapped_column(TeamId, ForeignKey("workspaces.team_id"))
    newcomer_id: Mapped[int] = mapped_column(ForeignKey("newcomers.id", ondelete="CASCADE"))
    resource_id: Mapped[int] = mapped_column(
        ForeignKey("onboarding_resources.id", ondelete="CASCADE")
    )
    done_at: Mapped[datetime]


class Handover(Base):
    """A debrief asked of someone who is leaving, and who takes over their actions."""

    __tablename__ = "handovers"
    __table_args__ = (Index("ix_handovers_team_user", "team_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[str] = mapped_column(TeamId, ForeignKey("workspaces.team_id"))
    user_id: Mapped[str] = mapped_column(SlackId)
    requested_by: Mapped[str] = mapped_column(SlackId)
    successor_id: Mapped[str | None] = mapped_column(SlackId)
    status: Mapped[str] = mapped_column(String(16), default="requested")
    channel_id: Mapped[str | None] = mapped_column(SlackId)
    message_ts: Mapped[str | None] = mapped_column(String(32))
    actions_moved: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime]
    answered_at: Mapped[datetime | None]


class Departure(Base):
    """A deactivated member whose admins were told what they leave behind, once."""

    __tablename__ = "departures"
    __table_args__ = (UniqueConstraint("team_id", "user_id", name="uq_departures_team_user"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[str] = mapped_column(TeamId, ForeignKey("workspaces.team_id"))
    user_id: Mapped[str] = mapped_column(SlackId)
    deactivated_at: Mapped[datetime]
    notified_at: Mapped[datetime | None]
