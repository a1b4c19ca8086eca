"""The "Save as learning" message shortcut: the learning modal prefilled with a message."""

from __future__ import annotations

import logging

from slack_bolt import Ack, App
from slack_bolt.context.respond import Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.blocks.common import ephemeral
from bot.blocks.learning_modal import Prefill
from bot.deps import deps_of
from bot.ids import LearningShortcut
from bot.learning.curation import may_edit
from bot.learning.form import ModalContext, message_text
from bot.levers import Lever
from bot.messages import t
from handlers.views.learning_modal import open_capture
from storage.learnings import find_by_message, review_of

log = logging.getLogger(__name__)


def register(app: App) -> None:
    """Attach the message shortcut."""
    app.shortcut(LearningShortcut.SAVE_MESSAGE)(ack=_ack, lazy=[open_from_message])


def _ack(ack: Ack) -> None:
    ack()


def open_from_message(body: dict, client: WebClient, context: dict) -> None:
    """Open the modal on the message; one already saved opens with what was saved."""
    deps = deps_of(context)
    team_id, user_id = body["team"]["id"], body["user"]["id"]
    channel_id, message = body["channel"]["id"], body.get("message") or {}
    ts = message.get("ts") or body.get("message_ts")
    with deps.sessions() as session:
        existing = find_by_message(session, team_id, channel_id, ts)
        if existing is not None and existing.deleted_at is not None:
            existing = None
        if existing is not None and not may_edit(existing, user_id):
            language = deps.language_for(client, team_id, user_id)
            refusal = t("learning.already_saved", language, id=existing.id)
            Respond(response_url=body["response_url"])(**ephemeral(refusal))
            return
        if existing is not None:
            prefill = Prefill(
                text=existing.text,
                lever=Lever(existing.lever),
                review=review_of(existing),
                tags=tuple(existing.tags or ()),
            )
        else:
            prefill = Prefill(text=message_text(message.get("text") or ""))
    author = None if message.get("bot_id") else message.get("user")
    about = ModalContext(
        channel_id=channel_id,
        message_channel_id=channel_id,
        message_ts=ts,
        author_id=author,
        permalink=_permalink(client, channel_id, ts),
    )
    open_capture(
        client,
        deps,
        trigger_id=body["trigger_id"],
        team_id=team_id,
        user_id=user_id,
        about=about,
        prefill=prefill,
        response_url=body.get("response_url"),
    )


def _permalink(client: WebClient, channel_id: str, ts: str) -> str | None:
    try:
        return client.chat_getPermalink(channel=channel_id, message_ts=ts)["permalink"]
    except SlackApiError as error:
        # e.g. a private channel the bot is not in: the learning simply has no link.
        log.info("no permalink for a saved message: %s", error.response.get("error"))
        return None
    except OSError as error:
        # No answer in time: the form matters more than the link, and must open within 3 s.
        log.warning("no permalink for a saved message: no answer (%r)", error)
        return None
