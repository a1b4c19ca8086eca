"""Queries on installations: bot tokens, uninstalls, paused schedules, and purging a workspace."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, desc, select, update
from sqlalchemy.orm import Session

from storage.models import SLACK_BOTS, SLACK_INSTALLATIONS, Base, Schedule, Workspace
from storage.workspaces import ensure_workspace

# Why schedules were paused when their workspace uninstalled the app; a reinstall resumes them.
PAUSED_UNINSTALLED = "uninstalled"


def bot_token(session: Session, team_id: str, enterprise_id: str | None = None) -> str | None:
    """The newest bot token installed for a workspace, or for its organisation (Enterprise Grid)."""
    c = SLACK_BOTS.c
    newest = select(c.bot_token).where(c.bot_token.is_not(None)).order_by(desc(c.installed_at))
    token = session.scalar(newest.where(c.team_id == team_id).limit(1))
    if token is None and enterprise_id is not None:
        # An organisation-wide install has no team_id: its token serves every workspace of the org.
        org = newest.where(
            c.enterprise_id == enterprise_id, c.team_id.is_(None), c.is_enterprise_install
        )
        token = session.scalar(org.limit(1))
    return token


def delete_tokens(session: Session, team_id: str | None, enterprise_id: str | None = None) -> int:
    """Forget every token of a workspace (or of an organisation-wide install when team_id is None)."""
    removed = 0
    for table in (SLACK_BOTS, SLACK_INSTALLATIONS):
        if team_id is not None:
            where = table.c.team_id == team_id
        else:
            where = (table.c.enterprise_id == enterprise_id) & table.c.team_id.is_(None)
        removed += session.execute(delete(table).where(where)).rowcount or 0
    return removed


def organisation_teams(session: Session, enterprise_id: str) -> list[str]:
    """The workspaces of an Enterprise Grid organisation that the organisation's install serves:
    those learnloop saw in it, less any holding a bot token of its own."""
    c = SLACK_BOTS.c
    own_token = select(c.team_id).where(c.team_id.is_not(None), c.bot_token.is_not(None))
    return list(
        session.scalars(
            select(Workspace.team_id)
            .where(Workspace.enterprise_id == enterprise_id, Workspace.team_id.not_in(own_token))
            .order_by(Workspace.team_id)
        )
    )


def note_enterprise(session: Session, team_id: str, enterprise_id: str) -> None:
    """Remember which organisation a workspace belongs to (its row created on first sight)."""
    workspace = ensure_workspace(session, team_id, enterprise_id)
    if workspace.enterprise_id is None:
        workspace.enterprise_id = enterprise_id


def delete_user_tokens(session: Session, team_id: str, user_ids: list[str]) -> int:
    """Forget the user tokens of some people (the bot's token stays)."""
    c = SLACK_INSTALLATIONS.c
    result = session.execute(
        update(SLACK_INSTALLATIONS)
        .where(c.team_id == team_id, c.user_id.in_(user_ids))
        .values(user_token=None, user_refresh_token=None, user_scopes=None)
    )
    return result.rowcount or 0


def pause_schedules(session: Session, team_id: str, reason: str) -> int:
    """Stop every enabled schedule of a workspace, noting why."""
    result = session.execute(
        update(Schedule)
        .where(Schedule.team_id == team_id, Schedule.enabled)
        .values(enabled=False, paused_reason=reason)
    )
    return result.rowcount or 0


def resume_schedules(session: Session, team_id: str, reason: str) -> int:
    """Start again the schedules of a workspace that were paused for `reason`."""
    result = session.execute(
        update(Schedule)
        .where(Schedule.team_id == team_id, Schedule.paused_reason == reason)
        .values(enabled=True, paused_reason=None)
    )
    return result.rowcount or 0


def record_install(
    session: Session, team_id: str, enterprise_id: str | None, name: str | None
) -> Workspace:
    """The workspace row after an install: created, or back from an uninstall."""
    workspace = session.get(Workspace, team_id)
    if workspace is None:
        workspace = Workspace(team_id=team_id, settings={})
        session.add(workspace)
    workspace.enterprise_id = enterprise_id or workspace.enterprise_id
    workspace.name = name or workspace.name
    workspace.uninstalled_at = None
    session.flush()
    return workspace


def record_uninstall(session: Session, team_id: str, now: datetime) -> Workspace | None:
    """Note when a workspace uninstalled the app (the first time, if told twice)."""
    workspace = session.get(Workspace, team_id)
    if workspace is not None and workspace.uninstalled_at is None:
        workspace.uninstalled_at = now
    return workspace


def teams_uninstalled_before(session: Session, moment: datetime) -> list[str]:
    """Workspaces that uninstalled the app before `moment`."""
    return list(
        session.scalars(
            select(Workspace.team_id)
            .where(Workspace.uninstalled_at.is_not(None), Workspace.uninstalled_at < moment)
            .order_by(Workspace.team_id)
        )
    )


def purge_team(session: Session, team_id: str) -> dict[str, int]:
    """Delete every row of a workspace, in every table that has a team_id; rows deleted by table.

    Tables are visited children first (the reverse of their foreign-key order), so the
    workspace row itself goes last.
    """
    counts: dict[str, int] = {}
    for table in reversed(Base.metadata.sorted_tables):
        if "team_id" in table.c:
            deleted = session.execute(delete(table).where(table.c.team_id == team_id)).rowcount
            if deleted:
                counts[table.name] = deleted
    return counts
