"""response_url: URLs handed to apps in commands/actions, and what posting to them does."""

from __future__ import annotations

import copy
import secrets
from typing import Any

from .args import message_content
from .store import ApiError, Store


def new_response_url(
    store: Store,
    *,
    team_id: str,
    channel_id: str | None = None,
    user_id: str | None = None,
    message_ts: str | None = None,
) -> str:
    """A fresh response_url on this server remembering where the interaction happened."""
    url_id = secrets.token_hex(8)
    store.response_urls[url_id] = {
        "team_id": team_id,
        "channel_id": channel_id,
        "user_id": user_id,
        "message_ts": message_ts,
    }
    return f"{store.base_url}response/{url_id}"


def _ephemeral(ctx: dict[str, Any], content: dict[str, Any], payload: dict[str, Any]) -> dict:
    """An ephemeral record shaped like chat.postEphemeral's."""
    return {
        "channel": ctx["channel_id"],
        "user": ctx["user_id"],
        "text": content.get("text", ""),
        "blocks": content.get("blocks"),
        "attachments": content.get("attachments"),
        "thread_ts": payload.get("thread_ts"),
        "source": "response_url",
        "replace_original": bool(payload.get("replace_original")),
    }


def receive_response(store: Store, url_id: str, payload: Any) -> tuple[int, str]:
    """Apply a POST to a response_url; errors answer HTTP 400 with the error name as text."""
    ctx = store.response_urls.get(url_id)
    if ctx is None:
        return 404, "expired_url"
    if not isinstance(payload, dict):
        return 400, "invalid_payload"
    store.responses.append(copy.deepcopy(payload))
    channel = store.channels.get(ctx["channel_id"] or "")
    original = store.find_message(channel.id, ctx["message_ts"]) if channel else None
    if payload.get("delete_original"):
        if original is not None:
            store.messages[original["channel"]].remove(original)
        return 200, '{"ok":true}'
    try:
        content = message_content(payload)
    except ApiError as exc:
        return 400, exc.error
    ws = store.workspaces.get(ctx["team_id"])
    if payload.get("replace_original") and original is not None:
        original.update(text=content.get("text", ""), blocks=content.get("blocks"))
        if "attachments" in content:
            original["attachments"] = content["attachments"]
        original["edited"] = {"user": original.get("user"), "ts": store.next_ts()}
    elif payload.get("response_type") == "in_channel" and not payload.get("replace_original"):
        if channel is None or ws is None:
            return 404, "channel_not_found"
        store.add_message(
            channel,
            user=ws.bot_user_id,
            bot_id=ws.bot_id,
            thread_ts=payload.get("thread_ts"),
            **content,
        )
    else:
        record = _ephemeral(ctx, content, payload)
        record["ts"] = store.next_ts()
        store.ephemerals.append(record)
    return 200, '{"ok":true}'


def apply_command_answer(
    store: Store, *, team_id: str, channel_id: str, user_id: str, answer: Any
) -> dict[str, Any] | None:
    """Show a slash command's immediate answer as Slack does; the message or ephemeral made.

    A JSON body with `response_type: in_channel` is posted in the channel by the app; any
    other JSON body, or a plain text one, is shown to the user alone; an empty one, nothing.
    """
    if isinstance(answer, str):
        answer = {"text": answer} if answer.strip() else None
    if not isinstance(answer, dict):
        return None
    try:
        content = message_content(answer, require=False)
    except ApiError:
        return None
    if not content.get("text") and not content.get("blocks") and not content.get("attachments"):
        return None
    channel = store.channels.get(channel_id)
    ws = store.workspaces.get(team_id)
    if answer.get("response_type") == "in_channel" and channel is not None and ws is not None:
        return store.add_message(channel, user=ws.bot_user_id, bot_id=ws.bot_id, **content)
    record = _ephemeral(
        {"channel_id": channel_id, "user_id": user_id}, content, {"thread_ts": None}
    )
    record.update(ts=store.next_ts(), source="command")
    store.ephemerals.append(record)
    return record
