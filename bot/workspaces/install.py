"""A workspace's life with the app: installed, uninstalled (data kept a while), then purged.

When a workspace uninstalls the app (or revokes its bot token), its schedules stop and its
tokens are deleted at once; its learnings and everything else are kept for RETENTION, so a
reinstall within that time finds them again, and then a clock job purges them.
`learnloop purge --team T` purges at once.

An Enterprise Grid organisation-wide install has no team of its own: its token serves every
workspace of the organisation. Removing it stops every one of those workspaces (those
learnloop saw in the organisation and that hold no token of their own); installing it again
resumes them.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import datetime, timedelta

from sqlalchemy.orm import Session, sessionmaker

from bot.deps import Deps
from storage.installations import (
    PAUSED_UNINSTALLED,
    delete_tokens,
    delete_user_tokens,
    organisation_teams,
    pause_schedules,
    purge_team,
    record_install,
    record_uninstall,
    resume_schedules,
    teams_uninstalled_before,
)
from storage.models import Workspace

log = logging.getLogger(__name__)

# How long the data of a workspace that uninstalled the app is kept before it is purged.
RETENTION = timedelta(days=30)


def installed(
    deps: Deps, team_id: str | None, enterprise_id: str | None = None, name: str | None = None
) -> None:
    """Record an installation: the workspace row, and schedules paused by an uninstall resumed
    (in every workspace of the organisation for an organisation-wide install, team_id None)."""
    with deps.sessions.begin() as session:
        if team_id is not None:
            teams = [record_install(session, team_id, enterprise_id, name).team_id]
        elif enterprise_id is not None:
            teams = organisation_teams(session, enterprise_id)
            for team in teams:
                record_install(session, team, enterprise_id, None)
        else:
            teams = []
        resumed = sum(resume_schedules(session, team, PAUSED_UNINSTALLED) for team in teams)
    _forget_tokens(deps, teams)
    log.info(
        "installed in workspace %s; %d schedules resumed",
        team_id or f"{len(teams)} workspaces of organisation {enterprise_id}",
        resumed,
        extra={"team_id": team_id},
    )


def uninstalled(
    deps: Deps, team_id: str, enterprise_id: str | None = None, *, org_wide: bool = False
) -> None:
    """Stop a workspace's schedules and delete its tokens; its data is kept for RETENTION.
    `org_wide`: the organisation's install was removed, so every workspace it served stops."""
    now = deps.now()
    with deps.sessions.begin() as session:
        removed = delete_tokens(session, None if org_wide else team_id, enterprise_id)
        teams = {team_id}
        if org_wide and enterprise_id is not None:
            teams.update(organisation_teams(session, enterprise_id))
        paused = 0
        for team in sorted(teams):
            paused += pause_schedules(session, team, PAUSED_UNINSTALLED)
            record_uninstall(session, team, now)
    _forget_tokens(deps, teams)
    log.info(
        "workspace %s uninstalled the app: %d schedules paused, %d token rows deleted; its data "
        "is purged after %d days",
        ", ".join(sorted(teams)),
        paused,
        removed,
        RETENTION.days,
        extra={"team_id": team_id},
    )


def _forget_tokens(deps: Deps, teams: Iterable[str]) -> None:
    if deps.installations is not None:
        for team in teams:
            deps.installations.forget(team)


def tokens_revoked(
    deps: Deps,
    team_id: str,
    enterprise_id: str | None,
    *,
    bot_user_ids: list[str],
    user_ids: list[str],
    org_wide: bool = False,
) -> None:
    """A revoked bot token is an uninstall (of the whole organisation's install when
    `org_wide`); revoked user tokens are forgotten."""
    if bot_user_ids:
        uninstalled(deps, team_id, enterprise_id, org_wide=org_wide)
    if user_ids:
        with deps.sessions.begin() as session:
            delete_user_tokens(session, team_id, user_ids)


def purge(sessions: sessionmaker[Session], team_id: str) -> dict[str, int]:
    """Delete everything stored for a workspace now; rows deleted by table."""
    with sessions.begin() as session:
        counts = purge_team(session, team_id)
    log.info(
        "purged workspace %s: %s", team_id, counts or "nothing stored", extra={"team_id": team_id}
    )
    return counts


def purge_expired_workspaces(deps: Deps, now: datetime) -> None:
    """Clock job: purge the workspaces that uninstalled the app more than RETENTION ago."""
    cutoff = now - RETENTION
    with deps.sessions() as session:
        teams = teams_uninstalled_before(session, cutoff)
    for team_id in teams:
        with deps.sessions.begin() as session:
            workspace = session.get(Workspace, team_id, with_for_update=True)
            # Reinstalled (or purged by another clock) since the list was read: nothing to do.
            if (
                workspace is None
                or workspace.uninstalled_at is None
                or workspace.uninstalled_at >= cutoff
            ):
                continue
            counts = purge_team(session, team_id)
        log.info(
            "purged workspace %s, uninstalled over %d days ago: %s",
            team_id,
            RETENTION.days,
            counts,
            extra={"team_id": team_id},
        )
