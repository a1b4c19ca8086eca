"""Buttons and menus on learnings: changing the lever the bot guessed."""

from __future__ import annotations

from slack_bolt import Ack, App, Respond
from slack_sdk import WebClient

from bot.blocks.learning import lever_changed, parse_lever_choice
from bot.deps import deps_of
from bot.ids import Action
from bot.messages import t
from storage.learnings import get_learning, set_lever


def register(app: App) -> None:
    """Attach the learning actions."""
    app.action(Action.SET_LEVER)(ack=_ack, lazy=[change_lever])


def _ack(ack: Ack) -> None:
    ack()


def change_lever(
    body: dict, action: dict, respond: Respond, client: WebClient, context: dict
) -> None:
    """Move a learning to the lever its author picked, and update the confirmation in place."""
    deps = deps_of(context)
    team_id, user_id = body["team"]["id"], body["user"]["id"]
    language = deps.language_for(client, team_id, user_id)
    choice = parse_lever_choice(action["selected_option"]["value"])
    if choice is None:
        return
    learning_id, lever = choice
    with deps.sessions.begin() as session:
        learning = get_learning(session, team_id, learning_id)
        if learning is None:
            respond(text=t("learning.not_found", language, id=learning_id), replace_original=False)
            return
        if learning.user_id != user_id:
            respond(text=t("learning.not_yours", language, id=learning_id), replace_original=False)
            return
        set_lever(learning, lever, deps.now())
        text = learning.text
    respond(**lever_changed(learning_id, lever, text, language), replace_original=True)
