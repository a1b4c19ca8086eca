"""Posting and updating a retro's Slack messages, for listeners and jobs alike.

The retro message is rendered from the database each time. Two changes at the same instant
can have their chat.update calls land in either order, so whoever updates the message reads
the database again afterwards and updates once more if it changed meanwhile: the last
update to land always shows the latest state.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from sqlalchemy.orm import Session

from bot.blocks.retro import close_modal, retro_message
from bot.blocks.retro_followup import question_message, summary_message
from bot.deps import Deps
from bot.retro.board import ActionLine, Board, action_lines, load_board, local_today, top_items
from storage import retro_actions as action_store
from storage import retros as store

log = logging.getLogger(__name__)

MAX_REFRESHES = 5

# Context key through which a listener's ack tells its lazy half what is left to do.
LATER = "retro_later"


def team_today(deps: Deps, session: Session, team_id: str) -> date:
    """Today in the workspace's time zone."""
    timezone = store.workspace_timezone(session, team_id) or deps.settings.timezone
    return local_today(deps.now(), timezone)


def read_board(deps: Deps, team_id: str, retro_id: int) -> tuple[Board | None, str | None]:
    """The retro as its message shows it, and that message's ts."""
    with deps.sessions() as session:
        retro = store.get_retro(session, team_id, retro_id)
        if retro is None:
            return None, None
        return load_board(session, team_id, retro_id, team_today(deps, session, team_id)), (
            retro.message_ts
        )


def update_until_stable(
    render: Callable[[], dict | None], post: Callable[[dict], None], posted: dict | None = None
) -> None:
    """Post what `render` gives until rendering again gives what was posted last."""
    for _ in range(MAX_REFRESHES):
        message = render()
        if message is None or message == posted:
            return
        post(message)
        posted = message


def refresh_retro(
    deps: Deps, client: WebClient, team_id: str, retro_id: int, posted: dict | None = None
) -> None:
    """Bring the retro message in line with the database (`posted`: what it shows, if known)."""
    channel: dict[str, str] = {}

    def render() -> dict | None:
        board, ts = read_board(deps, team_id, retro_id)
        if board is None or ts is None:
            return None
        channel.update(id=board.channel_id, ts=ts)
        return retro_message(board)

    def post(message: dict) -> None:
        client.chat_update(channel=channel["id"], ts=channel["ts"], **message)

    try:
        update_until_stable(render, post, posted)
    except SlackApiError as error:
        log.warning(
            "the retro message could not be updated: %s",
            error.response.get("error"),
            extra={"team_id": team_id},
        )
    except OSError as error:
        # No answer in time: the update may land late; the next change renders it all again.
        log.warning(
            "the retro message could not be updated: no answer (%r)",
            error,
            extra={"team_id": team_id},
        )


def refresh_channel_retros(
    deps: Deps, client: WebClient, team_id: str, channel_id: str, retro_id: int
) -> None:
    """Refresh a retro's message and the one open in its channel, which looks back on it."""
    with deps.sessions() as session:
        current = store.open_retro(session, team_id, channel_id)
    refresh_retro(deps, client, team_id, retro_id)
    if current is not None and current.id != retro_id:
        refresh_retro(deps, client, team_id, current.id)


def may_close(deps: Deps, client: WebClient, team_id: str, user_id: str, facilitator: str) -> bool:
    """The facilitator or an admin may close a retro."""
    return user_id == facilitator or deps.is_admin(client, team_id, user_id)


def open_close_modal(
    deps: Deps, client: WebClient, team_id: str, retro_id: int, trigger_id: str, language: str
) -> None:
    """Open the modal that asks an owner and a due date for each top-voted item."""
    board, _ = read_board(deps, team_id, retro_id)
    if board is None:
        return
    client.views_open(
        trigger_id=trigger_id, view=close_modal(board, top_items(board.items), language)
    )


def post_retro(deps: Deps, client: WebClient, team_id: str, retro_id: int) -> str | None:
    """Post a new retro's message and remember it; Slack's error (the retro is then
    discarded) or None."""
    board, _ = read_board(deps, team_id, retro_id)
    if board is None:
        return "not_found"
    message = retro_message(board)
    try:
        posted = client.chat_postMessage(channel=board.channel_id, **message)
    except SlackApiError as error:
        with deps.sessions.begin() as session:
            store.discard_retro(session, team_id, retro_id)
        return str(error.response.get("error"))
    try:
        permalink = client.chat_getPermalink(channel=posted["channel"], message_ts=posted["ts"])
        link = permalink.get("permalink")
    except SlackApiError:
        link = None
    with deps.sessions.begin() as session:
        store.set_message(session, team_id, retro_id, posted["ts"], link)
    # Someone quick may have added an item before the message's ts was stored: its own
    # update found no message to update, so show it now.
    refresh_retro(deps, client, team_id, retro_id, posted=message)
    return None


def post_summary(
    deps: Deps, client: WebClient, team_id: str, retro_id: int, learnings: int
) -> None:
    """Post the closed retro's summary in its thread."""
    board, ts = read_board(deps, team_id, retro_id)
    if board is None:
        return
    try:
        posted = client.chat_postMessage(
            channel=board.channel_id, thread_ts=ts, **summary_message(board, learnings)
        )
    except SlackApiError as error:
        log.warning(
            "the retro summary could not be posted: %s",
            error.response.get("error"),
            extra={"team_id": team_id},
        )
        return
    with deps.sessions.begin() as session:
        store.set_summary(session, team_id, retro_id, posted["ts"])


@dataclass(frozen=True)
class ActionContext:
    """An action as shown, with what its messages need from its retro."""

    line: ActionLine
    retro_id: int
    title: str
    channel_id: str
    message_ts: str | None
    followup_weeks: int
    language: str


def read_action(deps: Deps, team_id: str, action_id: int) -> ActionContext | None:
    """An action and its retro, or None when it does not exist."""
    with deps.sessions() as session:
        action = action_store.get_action(session, team_id, action_id)
        retro = action and store.get_retro(session, team_id, action.retro_id)
        if action is None or retro is None:
            return None
        [line] = action_lines(session, team_id, [action], team_today(deps, session, team_id))
        return ActionContext(
            line=line,
            retro_id=retro.id,
            title=retro.title,
            channel_id=retro.channel_id,
            message_ts=retro.message_ts,
            followup_weeks=retro.followup_weeks,
            language=retro.language,
        )


def refresh_question(
    deps: Deps, client: WebClient, team_id: str, action_id: int, channel_id: str, ts: str
) -> None:
    """Show everyone's answers under a follow-up question, in the retro's language."""

    def render() -> dict | None:
        found = read_action(deps, team_id, action_id)
        if found is None:
            return None
        return question_message(
            found.line, found.title, found.followup_weeks, found.language, answered=True
        )

    def post(message: dict) -> None:
        client.chat_update(channel=channel_id, ts=ts, **message)

    try:
        update_until_stable(render, post)
    except SlackApiError as error:
        log.warning(
            "the follow-up question could not be updated: %s",
            error.response.get("error"),
            extra={"team_id": team_id},
        )
