"""Workspace settings an admin changes from App Home: language, time zone, anonymity.

The anonymity policy lives in `Workspace.settings["anonymity"]`: `allowed` (the default:
people may choose to log a learning anonymously) or `never` (every learning names its author).
`Workspace.settings["retention_days"]`: learnings older than this are purged (0: kept forever).
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from storage.models import Workspace
from storage.workspaces import ensure_workspace

ANONYMITY_POLICIES = ("allowed", "never")


def anonymity_policy(workspace: Workspace | None) -> str:
    """The workspace's anonymity policy, `allowed` unless an admin chose `never`."""
    policy = ((workspace and workspace.settings) or {}).get("anonymity")
    return policy if policy in ANONYMITY_POLICIES else "allowed"


def anonymity_allowed(session: Session, team_id: str) -> bool:
    """Whether people may log learnings anonymously in this workspace."""
    return anonymity_policy(session.get(Workspace, team_id)) == "allowed"


def save_workspace_settings(
    session: Session,
    team_id: str,
    *,
    language: str,
    timezone: str,
    anonymity: str,
    retention_days: int = 0,
) -> Workspace:
    """Store what an admin chose; the caller checked each value."""
    workspace = ensure_workspace(session, team_id)
    workspace.language = language
    workspace.timezone = timezone
    # A new dict, so SQLAlchemy sees the JSON column change.
    workspace.settings = {
        **(workspace.settings or {}),
        "anonymity": anonymity,
        "retention_days": retention_days,
    }
    session.flush()
    return workspace


def workspace_timezone(session: Session, team_id: str, default: str) -> str:
    """The time zone an admin chose for the workspace, else `default` (LEARNLOOP_TIMEZONE)."""
    workspace = session.get(Workspace, team_id)
    return (workspace and workspace.timezone) or default


def workspace_language(session: Session, team_id: str, default: str) -> str:
    """The language an admin chose for the workspace, else `default` (LEARNLOOP_LANGUAGE)."""
    workspace = session.get(Workspace, team_id)
    return (workspace and workspace.language) or default
