"""chat.* and reactions.* Web API methods."""

from __future__ import annotations

from typing import Any

from .args import flag, message_content
from .render import message_out
from .store import ApiError, Channel, Store, Workspace


def postable_channel(store: Store, ws: Workspace, channel_id: Any) -> Channel:
    """Resolve where the bot may post: a channel it is in, or a user id meaning their DM."""
    user = store.users.get(channel_id) if isinstance(channel_id, str) else None
    if user is not None and user["team_id"] == ws.team_id:
        if user["is_bot"]:
            raise ApiError("cannot_dm_bot")
        return store.dm_channel(ws, user["id"])
    channel = store.channel(ws, channel_id)
    if channel.is_archived:
        raise ApiError("is_archived")
    if ws.bot_user_id not in channel.members:
        raise ApiError("not_in_channel")
    return channel


def post_message(store: Store, token: str | None, params: dict[str, Any]) -> dict[str, Any]:
    """chat.postMessage."""
    ws = store.workspace_for(token)
    channel = postable_channel(store, ws, params.get("channel"))
    content = message_content(params)
    message = store.add_message(
        channel,
        user=ws.bot_user_id,
        bot_id=ws.bot_id,
        thread_ts=params.get("thread_ts") or None,
        reply_broadcast=flag(params.get("reply_broadcast")) or None,
        metadata=params.get("metadata") or None,
        **content,
    )
    return {
        "ok": True,
        "channel": channel.id,
        "ts": message["ts"],
        "message": message_out(store, message),
    }


def post_ephemeral(store: Store, token: str | None, params: dict[str, Any]) -> dict[str, Any]:
    """chat.postEphemeral: only the target user would see it, so it is kept aside."""
    ws = store.workspace_for(token)
    channel = postable_channel(store, ws, params.get("channel"))
    user = store.user(ws, params.get("user"))
    if user["id"] not in channel.members:
        raise ApiError("user_not_in_channel")
    content = message_content(params)
    ts = store.next_ts()
    store.ephemerals.append(
        {
            "ts": ts,
            "channel": channel.id,
            "user": user["id"],
            "text": content.get("text", ""),
            "blocks": content.get("blocks"),
            "attachments": content.get("attachments"),
            "thread_ts": params.get("thread_ts") or None,
            "source": "chat.postEphemeral",
        }
    )
    return {"ok": True, "message_ts": ts}


def _own_message(store: Store, ws: Workspace, params: dict[str, Any], key: str) -> dict[str, Any]:
    """The bot's own message addressed by channel + ts, or Slack's error for it."""
    channel = store.channel(ws, params.get("channel"))
    message = store.find_message(channel.id, params.get(key))
    if message is None:
        raise ApiError("message_not_found")
    return message


def update(store: Store, token: str | None, params: dict[str, Any]) -> dict[str, Any]:
    """chat.update: omitted blocks/attachments are retained, as Slack documents."""
    ws = store.workspace_for(token)
    message = _own_message(store, ws, params, "ts")
    if message.get("bot_id") != ws.bot_id:
        raise ApiError("cant_update_message")
    content = message_content(params)
    message["text"] = content.get("text", "")
    for key in ("blocks", "attachments"):
        if key in content:
            message[key] = content[key]
    message["edited"] = {"user": ws.bot_user_id, "ts": store.next_ts()}
    return {
        "ok": True,
        "channel": message["channel"],
        "ts": message["ts"],
        "text": message["text"],
        "message": message_out(store, message),
    }


def delete(store: Store, token: str | None, params: dict[str, Any]) -> dict[str, Any]:
    """chat.delete: bots may only delete their own messages."""
    ws = store.workspace_for(token)
    message = _own_message(store, ws, params, "ts")
    if message.get("bot_id") != ws.bot_id:
        raise ApiError("cant_delete_message")
    store.messages[message["channel"]].remove(message)
    return {"ok": True, "channel": message["channel"], "ts": message["ts"]}


def permalink_for(ws: Workspace, message: dict[str, Any]) -> str:
    """https://<domain>.slack.com/archives/<C>/p<ts digits>[?thread_ts=..&cid=..]."""
    url = f"https://{ws.domain}.slack.com/archives/{message['channel']}/p"
    url += message["ts"].replace(".", "")
    thread_ts = message.get("thread_ts")
    if thread_ts and thread_ts != message["ts"]:
        url += f"?thread_ts={thread_ts}&cid={message['channel']}"
    return url


def get_permalink(store: Store, token: str | None, params: dict[str, Any]) -> dict[str, Any]:
    """chat.getPermalink."""
    ws = store.workspace_for(token)
    message = _own_message(store, ws, params, "message_ts")
    return {"ok": True, "channel": message["channel"], "permalink": permalink_for(ws, message)}


def _reaction_target(
    store: Store, token: str | None, params: dict[str, Any]
) -> tuple[Workspace, dict[str, Any], str]:
    """Workspace, message and emoji name of a reactions.* call."""
    ws = store.workspace_for(token)
    message = _own_message(store, ws, params, "timestamp")
    name = str(params.get("name") or "").strip(":")
    if not name:
        raise ApiError("invalid_name")
    return ws, message, name


def reactions_add(store: Store, token: str | None, params: dict[str, Any]) -> dict[str, Any]:
    """reactions.add: the same emoji twice by the bot is already_reacted."""
    ws, message, name = _reaction_target(store, token, params)
    for reaction in message["reactions"]:
        if reaction["name"] == name:
            if ws.bot_user_id in reaction["users"]:
                raise ApiError("already_reacted")
            reaction["users"].append(ws.bot_user_id)
            reaction["count"] += 1
            return {"ok": True}
    message["reactions"].append({"name": name, "users": [ws.bot_user_id], "count": 1})
    return {"ok": True}


def reactions_remove(store: Store, token: str | None, params: dict[str, Any]) -> dict[str, Any]:
    """reactions.remove: removing a reaction the bot did not add is no_reaction."""
    ws, message, name = _reaction_target(store, token, params)
    for reaction in message["reactions"]:
        if reaction["name"] == name and ws.bot_user_id in reaction["users"]:
            reaction["users"].remove(ws.bot_user_id)
            reaction["count"] -= 1
            if not reaction["count"]:
                message["reactions"].remove(reaction)
            return {"ok": True}
    raise ApiError("no_reaction")


METHODS = {
    "chat.postMessage": post_message,
    "chat.postEphemeral": post_ephemeral,
    "chat.update": update,
    "chat.delete": delete,
    "chat.getPermalink": get_permalink,
    "reactions.add": reactions_add,
    "reactions.remove": reactions_remove,
}
