"""Opening what a process needs: the database (migrated) and the dependencies of listeners."""

from __future__ import annotations

from dataclasses import dataclass

from slack_sdk import WebClient
from sqlalchemy import Engine

from bot.app import make_web_client
from bot.deps import Deps
from bot.settings import Settings
from storage.db import make_engine, make_session_factory
from storage.migrate import upgrade


@dataclass
class Runtime:
    """A process's engine and dependencies."""

    engine: Engine
    deps: Deps


def open_runtime(settings: Settings, *, migrate: bool = True) -> Runtime:
    """Connect to the database, bring its schema up to date, and build the dependencies."""
    engine = make_engine(settings.database_url)
    if migrate:
        upgrade(engine)
    client = make_web_client(settings, settings.bot_token)

    def single_workspace_client(_team_id: str) -> WebClient:
        return client

    deps = Deps(
        settings=settings, sessions=make_session_factory(engine), clients=single_workspace_client
    )
    return Runtime(engine=engine, deps=deps)
