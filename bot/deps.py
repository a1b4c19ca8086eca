"""What every listener and job needs, handed to listeners through Bolt's context."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from slack_sdk import WebClient
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from bot.pacing import Pacer
from bot.people import People, Person
from bot.settings import Settings
from storage.models import Workspace
from storage.types import utcnow

if TYPE_CHECKING:
    from bot.workspaces.oauth import Installations


@dataclass
class Deps:
    """Settings, the session factory, caches and the clock; one per process.

    Nothing here is state another process would miss: the database holds it all, and what
    is kept in memory (people, bot tokens) is a cache that any process may lose.
    """

    settings: Settings
    sessions: sessionmaker[Session]
    clients: Callable[[str], WebClient]
    people: People = field(default_factory=People)
    # The pace of the app's posts per workspace and channel, shared by the clock's fan-outs.
    pacer: Pacer = field(default_factory=Pacer)
    now: Callable[[], datetime] = utcnow
    # The OAuth stores when the app serves many workspaces (SLACK_CLIENT_ID set), else None.
    installations: Installations | None = None

    def __deepcopy__(self, _memo: dict) -> Deps:
        # Bolt deep-copies the context for lazy listeners; the dependencies are shared on purpose.
        return self

    @property
    def engine(self) -> Engine:
        """The engine sessions are bound to, for the few hot paths that skip the ORM."""
        return self.sessions.kw["bind"]

    def client_for(self, team_id: str) -> WebClient:
        """A Web API client holding the bot token of a workspace, for jobs outside a request."""
        return self.clients(team_id)

    def installed(self, team_id: str) -> bool:
        """Whether the app holds a bot token for the workspace (always, with a single token)."""
        return self.installations is None or self.installations.token(team_id) is not None

    def workspace_language(self, team_id: str) -> str:
        """The language a workspace chose, else the one set for the installation."""
        with self.sessions() as session:
            workspace = session.get(Workspace, team_id)
            return (workspace and workspace.language) or self.settings.language

    def person(self, client: WebClient, team_id: str, user_id: str) -> Person | None:
        """What Slack says of a user (cached a few minutes), or None if it cannot say."""
        return self.people.get(client, team_id, user_id)

    def language_for(self, client: WebClient, team_id: str, user_id: str) -> str:
        """The language to answer a person in: their Slack locale, else the workspace's."""
        person = self.person(client, team_id, user_id)
        return (person and person.language) or self.workspace_language(team_id)

    def is_admin(self, client: WebClient, team_id: str, user_id: str) -> bool:
        """Whether the user is an admin or owner of the workspace."""
        person = self.person(client, team_id, user_id)
        return bool(person and person.is_admin)


def deps_of(context: dict) -> Deps:
    """The Deps a listener was given."""
    return context["deps"]
