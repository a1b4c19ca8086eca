"""Buttons and menus on learnings: the guessed lever, More results, Edit and Delete."""

from __future__ import annotations

import logging

from slack_bolt import Ack, App, Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.blocks.common import ephemeral
from bot.blocks.learning import lever_changed, parse_lever_choice, refusal_text
from bot.blocks.learning_library import read_more_value
from bot.blocks.learning_modal import Prefill
from bot.deps import deps_of
from bot.errors import InvalidInput
from bot.ids import Action, LearningAction
from bot.learning.curation import RETENTION, delete_learning, may_edit
from bot.learning.form import ModalContext
from bot.learning.library import KINDS, Asker
from bot.levers import Lever
from bot.messages import t
from handlers.commands.learning_library import find
from handlers.views.learning_modal import open_capture
from storage.learnings import get_learning, review_of, set_lever

log = logging.getLogger(__name__)


def register(app: App) -> None:
    """Attach the learning actions."""
    app.action(Action.SET_LEVER)(ack=_ack, lazy=[change_lever])
    app.action(LearningAction.MORE)(ack=_ack, lazy=[show_more])
    app.action(LearningAction.EDIT)(ack=_ack, lazy=[edit])
    app.action(LearningAction.DELETE)(ack=_ack, lazy=[delete])


def _ack(ack: Ack) -> None:
    ack()


def _who(body: dict) -> tuple[str, str]:
    return body["team"]["id"], body["user"]["id"]


def _learning_id(action: dict) -> int | None:
    value = str(action.get("value") or "")
    return int(value) if value.isdigit() else None


def change_lever(
    body: dict, action: dict, respond: Respond, client: WebClient, context: dict
) -> None:
    """Move a learning to the lever its author picked, and update the confirmation in place."""
    deps = deps_of(context)
    team_id, user_id = _who(body)
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


def show_more(body: dict, action: dict, respond: Respond, client: WebClient, context: dict) -> None:
    """The next page of the same search or list, in place of the one shown."""
    deps = deps_of(context)
    team_id, user_id = _who(body)
    read = read_more_value(str(action.get("value") or ""))
    if read is None or read[0] not in KINDS:
        return
    kind, args, offset = read
    page = find(Asker(deps, client, team_id, user_id), kind, args, offset)
    respond(**page, replace_original=True)


def edit(body: dict, action: dict, respond: Respond, client: WebClient, context: dict) -> None:
    """Open the modal on one's own learning, filled with what it holds."""
    deps = deps_of(context)
    team_id, user_id = _who(body)
    learning_id = _learning_id(action)
    if learning_id is None:
        return
    with deps.sessions() as session:
        learning = get_learning(session, team_id, learning_id)
        refusal = None
        if learning is None:
            refusal = "learning.not_found"
        elif not may_edit(learning, user_id):
            refusal = "learning.not_yours"
        else:
            prefill = Prefill(
                text=learning.text,
                lever=Lever(learning.lever),
                review=review_of(learning),
                tags=tuple(learning.tags or ()),
            )
    if refusal is not None:
        language = deps.language_for(client, team_id, user_id)
        respond(**ephemeral(t(refusal, language, id=learning_id)), replace_original=False)
        return
    channel = (body.get("channel") or {}).get("id") or (body.get("container") or {}).get(
        "channel_id"
    )
    open_capture(
        client,
        deps,
        trigger_id=body["trigger_id"],
        team_id=team_id,
        user_id=user_id,
        about=ModalContext(channel_id=channel, learning_id=learning_id),
        prefill=prefill,
        response_url=body.get("response_url"),
    )


def delete(body: dict, action: dict, respond: Respond, client: WebClient, context: dict) -> None:
    """Delete a learning (after Slack's confirmation dialog): one's own, or any for an admin."""
    deps = deps_of(context)
    team_id, user_id = _who(body)
    language = deps.language_for(client, team_id, user_id)
    learning_id = _learning_id(action)
    if learning_id is None:
        return
    is_admin = deps.is_admin(client, team_id, user_id)
    try:
        with deps.sessions.begin() as session:
            learning = delete_learning(
                session, team_id, learning_id, user_id, is_admin=is_admin, now=deps.now()
            )
            post = (learning.message_channel_id, learning.message_ts)
            posted_by_bot = learning.source == "modal" and learning.visibility == "post"
    except InvalidInput as refusal:
        respond(**ephemeral(refusal_text(refusal, language)), replace_original=False)
        return
    message = t("learning.deleted", language, id=learning_id, days=RETENTION.days)
    if posted_by_bot and all(post):
        try:
            client.chat_delete(channel=post[0], ts=post[1])
        except SlackApiError as error:
            problem = error.response.get("error")
            log.warning("post of learning %s not deleted: %s", learning_id, problem)
            if problem != "message_not_found":  # already gone: nothing left to say
                post_channel = f"<#{post[0]}>"
                message += "\n" + t("learning.post_not_deleted", language, channel=post_channel)
        except OSError as error:
            # No answer in time: Slack may well have deleted it, so nothing is said.
            log.warning("post of learning %s: no answer to its deletion (%r)", learning_id, error)
    respond(**ephemeral(message), replace_original=False)
