"""Queries on workspaces and their settings."""

from __future__ import annotations

from sqlalchemy.orm import Session

from storage.models import Workspace


def ensure_workspace(session: Session, team_id: str, enterprise_id: str | None = None) -> Workspace:
    """The workspace row for `team_id`, created on first sight."""
    workspace = session.get(Workspace, team_id)
    if workspace is None:
        workspace = Workspace(team_id=team_id, enterprise_id=enterprise_id, settings={})
        session.add(workspace)
        session.flush()
    return workspace
