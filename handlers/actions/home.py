"""App Home's buttons: log a learning, search, mark a learning useful, change settings."""

from __future__ import annotations

from slack_bolt import Ack, App
from slack_sdk import WebClient

from bot.blocks.home import search_modal, settings_modal
from bot.deps import deps_of
from bot.home.publish import publish_home
from bot.home.settings import current_settings
from bot.ids import HomeAction, row_id
from bot.learning.form import ModalContext
from handlers.modals import open_modal
from handlers.views.learning_modal import open_capture
from storage.learnings import get_learning
from storage.reuses import record_reuse


def register(app: App) -> None:
    """Attach App Home's buttons."""
    app.action(HomeAction.LOG_LEARNING)(ack=_ack, lazy=[open_log_modal])
    app.action(HomeAction.SEARCH)(ack=_ack, lazy=[open_search_modal])
    app.action(HomeAction.USEFUL)(ack=mark_useful, lazy=[refresh_home])
    app.action(HomeAction.SETTINGS)(ack=_ack, lazy=[open_settings_modal])


def _ack(ack: Ack) -> None:
    ack()


def _who(body: dict) -> tuple[str, str]:
    return body["team"]["id"], body["user"]["id"]


def open_log_modal(body: dict, client: WebClient, context: dict) -> None:
    """The learning modal of `/learning`, for a learning of no particular channel."""
    team_id, user_id = _who(body)
    open_capture(
        client,
        deps_of(context),
        trigger_id=body["trigger_id"],
        team_id=team_id,
        user_id=user_id,
        about=ModalContext(),
    )


def open_search_modal(body: dict, client: WebClient, context: dict) -> None:
    """An empty search box."""
    team_id, user_id = _who(body)
    language = deps_of(context).language_for(client, team_id, user_id)
    open_modal(client, body["trigger_id"], search_modal(language), "search")


def mark_useful(ack: Ack, body: dict, action: dict, context: dict) -> None:
    """Count a reuse of someone else's learning (once per person)."""
    deps = deps_of(context)
    team_id, user_id = _who(body)
    learning_id = row_id(action.get("value"))
    if learning_id is not None:
        with deps.sessions.begin() as session:
            learning = get_learning(session, team_id, learning_id)
            if learning is not None and user_id not in (learning.user_id, learning.author_id):
                record_reuse(session, team_id, learning.id, user_id, "useful", deps.now())
    ack()


def refresh_home(body: dict, client: WebClient, context: dict) -> None:
    """Show the person their home again, with what just changed."""
    team_id, user_id = _who(body)
    publish_home(client, deps_of(context), team_id, user_id)


def open_settings_modal(body: dict, client: WebClient, context: dict) -> None:
    """The workspace settings, for admins only (others get their home back unchanged)."""
    deps = deps_of(context)
    team_id, user_id = _who(body)
    if not deps.is_admin(client, team_id, user_id):
        publish_home(client, deps, team_id, user_id)
        return
    language = deps.language_for(client, team_id, user_id)
    view = settings_modal(current_settings(deps, team_id), deps.settings.timezone, language)
    open_modal(client, body["trigger_id"], view, "settings")
