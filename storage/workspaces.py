"""Queries on workspaces and their settings."""

from __future__ import annotations

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from storage.models import Workspace
from storage.types import utcnow

_INSERT = {"postgresql": postgresql.insert, "sqlite": sqlite.insert}


def ensure_workspace(session: Session, team_id: str, enterprise_id: str | None = None) -> Workspace:
    """The workspace row for `team_id`, created on first sight.

    Two requests may see a new workspace at the same instant: the row is inserted with
    ON CONFLICT DO NOTHING, so the second one finds the first one's row instead of failing.
    """
    workspace = session.get(Workspace, team_id)
    if workspace is None:
        insert = _INSERT[session.get_bind().dialect.name](Workspace)
        session.execute(
            insert.values(
                team_id=team_id, enterprise_id=enterprise_id, settings={}, created_at=utcnow()
            ).on_conflict_do_nothing(index_elements=["team_id"])
        )
        workspace = session.get(Workspace, team_id, populate_existing=True)
    return workspace
