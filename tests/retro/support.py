"""Playing a retro over signed requests against the running bot, as its people would."""

from __future__ import annotations

from typing import Any

from bot.fakeslack.payloads import state_value
from bot.ids import RetroAction, RetroBlock
from bot.retro.board import Column
from tests.support.waiting import eventually

ADD = {
    Column.WENT_WELL: RetroAction.ADD_WENT_WELL,
    Column.HARD: RetroAction.ADD_HARD,
    Column.LEARNED: RetroAction.ADD_LEARNED,
    Column.TRY_NEXT: RetroAction.ADD_TRY_NEXT,
}


def retro_messages(bot, channel: str = "CGENERAL") -> list[dict]:
    """Top-level retro messages the bot posted in a channel, oldest first."""
    return [
        m
        for m in bot.slack.messages(channel)
        if m.get("bot_id")
        and m.get("thread_ts") in (None, m["ts"])
        and (m.get("blocks") or [{}])[0].get("type") == "header"
    ]


def retro_message(bot, channel: str = "CGENERAL") -> dict:
    """The latest retro message of a channel, waiting for it to be posted."""
    return eventually(lambda: (retro_messages(bot, channel) or [None])[-1])


def message_text(message: dict) -> str:
    """Every text of a message's blocks, joined."""
    texts = []
    for block in message.get("blocks") or []:
        if "text" in block:
            texts.append(block["text"]["text"])
        for element in block.get("elements") or []:
            if isinstance(element, dict) and isinstance(element.get("text"), (str, dict)):
                text = element["text"]
                texts.append(text["text"] if isinstance(text, dict) else text)
    return "\n".join(texts)


def wait_for_text(bot, needle: str, channel: str = "CGENERAL") -> dict:
    """Wait until the retro message shows `needle`; the message."""

    def shows() -> dict | None:
        messages = retro_messages(bot, channel)
        return messages[-1] if messages and needle in message_text(messages[-1]) else None

    try:
        return eventually(shows)
    except AssertionError:
        messages = retro_messages(bot, channel)
        calls = [(c.method, c.response.get("error")) for c in bot.slack.calls[-15:]]
        shown = message_text(messages[-1]) if messages else None
        raise AssertionError(
            f"{needle!r} never shown; last calls {calls}; shown: {shown}"
        ) from None


def start(bot, user: str = "UALICE", text: str = "", channel: str = "CGENERAL") -> dict:
    """`/retro …`; the JSON answer."""
    response = bot.requester.command("/retro", text, user_id=user, channel_id=channel)
    assert response.status == 200, response.body
    return response.json() or {}


def open_modal(bot, user: str, count_before: int) -> dict:
    """The modal opened for a user after a click (views.open count_before+1)."""
    bot.slack.wait_for("views.open", count_before + 1, timeout=20)
    return eventually(lambda: bot.slack.current_view(user))


def add_item(
    bot,
    user: str,
    column: Column,
    text: str,
    *,
    anonymous: bool = False,
    lever: str | None = None,
    channel: str = "CGENERAL",
) -> Any:
    """Click the column's add button, then submit the modal; the submission response."""
    message = retro_message(bot, channel)
    opened = len(bot.slack.calls_to("views.open"))
    click = bot.requester.block_action(
        ADD[column], user_id=user, message=message, channel_id=channel
    )
    assert click.status == 200
    view = open_modal(bot, user, opened)
    values = {
        RetroBlock.ITEM_TEXT: {RetroAction.ITEM_TEXT: state_value("plain_text_input", text)},
        RetroBlock.ITEM_LEVER: {RetroAction.ITEM_LEVER: state_value("static_select", lever)},
        RetroBlock.ITEM_ANONYMOUS: {
            RetroAction.ITEM_ANONYMOUS: state_value(
                "checkboxes", ["anonymous"] if anonymous else []
            )
        },
    }
    return bot.requester.view_submission(view, values, user_id=user)


def vote_button(message: dict, number: int) -> dict:
    """The vote button of item `number` in the retro message."""
    for block in message["blocks"]:
        for element in block.get("elements") or []:
            if element.get("action_id", "").startswith(RetroAction.VOTE + ".") and element["text"][
                "text"
            ].endswith(f" {number}"):
                return element
    raise AssertionError(f"no vote button for #{number}")


def vote(bot, user: str, number: int, channel: str = "CGENERAL") -> Any:
    """Click item `number`'s vote button."""
    message = retro_message(bot, channel)
    button = vote_button(message, number)
    return bot.requester.block_action(
        button["action_id"], user_id=user, message=message, channel_id=channel
    )


def ephemerals_for(bot, user: str) -> list[str]:
    """Texts of ephemeral answers a user got through response_urls and chat.postEphemeral."""
    return [e["text"] for e in bot.slack.ephemerals(user=user)]


def wait_for_ephemeral(bot, user: str, needle: str) -> str:
    """Wait for an ephemeral answer to a user that contains `needle`."""
    return eventually(lambda: next((e for e in ephemerals_for(bot, user) if needle in e), None))
