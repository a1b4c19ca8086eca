"""Opening what a process needs: the database (migrated) and the dependencies of listeners."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from slack_sdk import WebClient
from sqlalchemy import Engine

from bot.clients import make_web_client
from bot.deps import Deps
from bot.settings import Settings
from storage.db import make_engine, make_session_factory
from storage.migrate import upgrade

log = logging.getLogger(__name__)


@dataclass
class Runtime:
    """A process's engine and dependencies."""

    engine: Engine
    deps: Deps


def open_runtime(
    settings: Settings, *, migrate: bool = True, connections: int | None = None
) -> Runtime:
    """Connect to the database, bring its schema up to date, and build the dependencies.

    `connections`: how many the pool keeps open, when more threads than its default (5) may
    each hold one at once. With SLACK_CLIENT_ID and SLACK_CLIENT_SECRET set, each workspace's
    bot token comes from the installations in the database; otherwise the one SLACK_BOT_TOKEN
    serves every request.
    """
    pool = {} if connections is None else {"pool_size": connections}
    engine = make_engine(settings.database_url, **pool)
    if migrate:
        upgrade(engine)
    sessions = make_session_factory(engine)
    if settings.oauth_enabled:
        from bot.workspaces.oauth import (
            Installations,  # slack_sdk's stores need greenlet: only load them here
        )

        installations = Installations(settings, engine, sessions)
        clients = _installed_workspace_clients(settings, installations)
        deps = Deps(
            settings=settings, sessions=sessions, clients=clients, installations=installations
        )
    else:
        client = make_web_client(settings, settings.bot_token)

        def single_workspace_client(_team_id: str) -> WebClient:
            return client

        deps = Deps(settings=settings, sessions=sessions, clients=single_workspace_client)
    return Runtime(engine=engine, deps=deps)


def _installed_workspace_clients(settings: Settings, installations) -> Callable[[str], WebClient]:
    def installed_workspace_client(team_id: str) -> WebClient:
        token = installations.token(team_id)
        if token is None:
            # The call it makes will fail with not_authed, which jobs handle like any Slack error.
            log.warning(
                "no installation for workspace %s: its Slack calls will fail until the app is "
                "installed there again",
                team_id,
                extra={"team_id": team_id},
            )
        return make_web_client(settings, token)

    return installed_workspace_client
