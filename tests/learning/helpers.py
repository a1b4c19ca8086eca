"""Driving `/learning` like a person would: the command, the modal, the shortcut, the buttons."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select

from bot.fakeslack.payloads import state_value
from bot.ids import LearningAction, LearningField, LearningShortcut
from storage.learnings import add_learning, soft_delete
from storage.models import Learning


def learnings(bot, *, include_deleted: bool = True) -> list[Learning]:
    """Every learning row, oldest first."""
    with bot.deps.sessions() as session:
        query = select(Learning).order_by(Learning.id)
        if not include_deleted:
            query = query.where(Learning.deleted_at.is_(None))
        return list(session.scalars(query))


def open_modal(bot, user: str = "UALICE", channel: str = "CGENERAL") -> dict:
    """`/learning` with no text; returns the modal Slack shows."""
    before = len(bot.slack.calls_to("views.open"))
    response = bot.requester.command("/learning", "", user_id=user, channel_id=channel)
    assert response.status == 200
    assert response.body.strip() == ""
    bot.slack.wait_for("views.open", before + 1)
    view = bot.slack.current_view(user)
    assert view is not None
    return view


def form(
    text: str | None = None,
    *,
    lever: str | None = None,
    expected: str | None = None,
    happened: str | None = None,
    why: str | None = None,
    keep: str | None = None,
    tags: str | None = None,
    share: str | None = None,
    anonymous: bool = False,
) -> dict[str, dict[str, Any]]:
    """state.values of a filled learning modal."""
    entries = {
        LearningField.TEXT: state_value("plain_text_input", text),
        LearningField.LEVER: state_value("static_select", lever),
        LearningField.EXPECTED: state_value("plain_text_input", expected),
        LearningField.HAPPENED: state_value("plain_text_input", happened),
        LearningField.WHY: state_value("plain_text_input", why),
        LearningField.NEXT: state_value("plain_text_input", keep),
        LearningField.TAGS: state_value("plain_text_input", tags),
        LearningField.SHARE: state_value("radio_buttons", share),
        LearningField.ANONYMOUS: state_value("checkboxes", ["anonymous"] if anonymous else []),
    }
    return {str(field): {str(field): value} for field, value in entries.items()}


def block_ids(view: dict) -> list[str]:
    """The block_ids of a view's blocks."""
    return [block.get("block_id", "") for block in view["blocks"]]


def submit(bot, view: dict, values: dict, user: str = "UALICE"):
    """Submit the modal with these values; returns the app's HTTP answer."""
    present = set(block_ids(view))
    kept = {block: value for block, value in values.items() if block in present}
    return bot.requester.view_submission(view, kept, user_id=user)


def initial_value(view: dict, field: LearningField) -> Any:
    """What an input of the modal starts with (text, or the selected option's value)."""
    for block in view["blocks"]:
        if block.get("block_id") == field:
            element = block["element"]
            option = element.get("initial_option")
            return option["value"] if option else element.get("initial_value")
    raise AssertionError(f"no input {field} in the modal")


def shortcut(bot, message: dict, user: str = "UALICE", channel: str = "CGENERAL"):
    """Run "Save as learning" on a message."""
    return bot.requester.message_shortcut(
        LearningShortcut.SAVE_MESSAGE, message, channel_id=channel, user_id=user
    )


def command(bot, text: str, user: str = "UALICE", channel: str = "CGENERAL"):
    """`/learning <text>`; returns the app's HTTP answer."""
    return bot.requester.command("/learning", text, user_id=user, channel_id=channel)


def answer_after(bot, text: str, user: str = "UALICE", channel: str = "CGENERAL") -> dict:
    """`/learning <sub-command>` answered after the response: the response_url post."""
    before = len(bot.slack.responses)
    response = command(bot, text, user, channel)
    assert response.status == 200
    assert response.elapsed < 3
    return bot.slack.wait_for_responses(before + 1)[before]


def buttons(message: dict, action_id: LearningAction) -> list[dict]:
    """The buttons with this action_id in a message's blocks."""
    found = []
    for block in message.get("blocks") or []:
        for element in block.get("elements") or []:
            if element.get("action_id") == action_id:
                found.append(element)
    return found


def click(bot, button: dict, user: str = "UALICE", channel: str = "CGENERAL"):
    """Click a button of an ephemeral message (Slack has already asked any confirmation)."""
    ephemeral = {"type": "message", "channel_id": channel, "is_ephemeral": True}
    return bot.requester.block_action(
        button["action_id"], button["value"], user_id=user, channel_id=channel, container=ephemeral
    )


def texts(message: dict) -> str:
    """All the text of a message (its text and every block), for assertions."""
    return str(message.get("text", "")) + str(message.get("blocks") or "")


def seed(
    bot,
    text: str,
    *,
    user: str | None = "UALICE",
    channel: str | None = "CGENERAL",
    lever: str = "other",
    day: int = 1,
    deleted: bool = False,
    **extra: Any,
) -> int:
    """Store a learning as if logged on day `day` of November 2026; returns its id."""
    when = datetime(2026, 11, day, 9, 0, tzinfo=UTC)
    with bot.deps.sessions.begin() as session:
        learning = add_learning(
            session,
            team_id="T0001",
            text=text,
            lever=lever,
            source="command",
            user_id=user,
            channel_id=channel,
            now=when,
            **extra,
        )
        if deleted:
            soft_delete(learning, when)
        return learning.id


def dm_messages(bot, user: str) -> list[dict]:
    """The messages of the bot's DM with a person."""
    for call in bot.slack.calls_to("conversations.open") + bot.slack.calls_to("chat.postMessage"):
        if call.response.get("ok") and user in str(call.params.get("users") or "") + str(
            call.params.get("channel")
        ):
            channel = call.response["channel"]
            channel = channel["id"] if isinstance(channel, dict) else channel
            if channel.startswith("D"):
                return bot.slack.messages(channel)
    return []
