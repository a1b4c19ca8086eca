"""conversations.* Web API methods."""

from __future__ import annotations

from typing import Any

from .args import flag, id_list, page
from .render import channel_out, message_out
from .store import ApiError, Channel, Store


def info(store: Store, token: str | None, params: dict[str, Any]) -> dict[str, Any]:
    """conversations.info."""
    ws = store.workspace_for(token)
    channel = store.channel(ws, params.get("channel"))
    num = flag(params.get("include_num_members"))
    return {"ok": True, "channel": channel_out(store, channel, ws.bot_user_id, num_members=num)}


def members(store: Store, token: str | None, params: dict[str, Any]) -> dict[str, Any]:
    """conversations.members (paginated by cursor)."""
    ws = store.workspace_for(token)
    channel = store.channel(ws, params.get("channel"))
    chunk, cursor = page(list(channel.members), params, 100)
    return {"ok": True, "members": chunk, "response_metadata": {"next_cursor": cursor}}


def _open_mpim(store: Store, team_id: str, user_ids: list[str]) -> Channel:
    """A group DM between the users and the bot, reused when it already exists."""
    wanted = set(user_ids)
    for channel in store.channels.values():
        if channel.is_mpim and channel.team_id == team_id and set(channel.members) == wanted:
            return channel
    name = "mpdm-" + "--".join(store.users[u]["name"] for u in user_ids) + "-1"
    channel = Channel(
        id=store.next_id("G"),
        name=name,
        team_id=team_id,
        created=int(store.clock()),
        is_private=True,
        is_mpim=True,
        members=list(user_ids),
    )
    store.channels[channel.id] = channel
    store.messages[channel.id] = []
    return channel


def open_(store: Store, token: str | None, params: dict[str, Any]) -> dict[str, Any]:
    """conversations.open: a DM (D…) with one user or a group DM with several."""
    ws = store.workspace_for(token)
    if params.get("channel") and not params.get("users"):
        channel = store.channel(ws, params["channel"])
        return {"ok": True, "no_op": True, "already_open": True, "channel": {"id": channel.id}}
    user_ids = id_list(params.get("users"))
    if not user_ids:
        raise ApiError("users_list_not_supplied")
    for user_id in user_ids:
        if store.user(ws, user_id)["is_bot"]:
            raise ApiError("cannot_dm_bot")
    existed = set(store.channels)
    if len(user_ids) == 1:
        channel = store.dm_channel(ws, user_ids[0])
    else:
        channel = _open_mpim(store, ws.team_id, [*user_ids, ws.bot_user_id])
    answer: dict[str, Any] = {"ok": True, "channel": {"id": channel.id}}
    if channel.id in existed:
        answer.update(no_op=True, already_open=True)
    if flag(params.get("return_im")):
        answer["channel"] = channel_out(store, channel, ws.bot_user_id)
    return answer


def join(store: Store, token: str | None, params: dict[str, Any]) -> dict[str, Any]:
    """conversations.join: public channels only."""
    ws = store.workspace_for(token)
    channel = store.channel(ws, params.get("channel"))
    if channel.is_private or channel.is_im or channel.is_mpim:
        raise ApiError("method_not_supported_for_channel_type")
    if channel.is_archived:
        raise ApiError("is_archived")
    answer: dict[str, Any] = {"ok": True}
    if ws.bot_user_id in channel.members:
        answer.update(
            warning="already_in_channel",
            response_metadata={"warnings": ["already_in_channel"]},
        )
    else:
        channel.members.append(ws.bot_user_id)
    answer["channel"] = channel_out(store, channel, ws.bot_user_id)
    return answer


def _in_window(ts: str, params: dict[str, Any]) -> bool:
    """Apply oldest/latest (exclusive unless inclusive=true) like Slack."""
    value = float(ts)
    inclusive = flag(params.get("inclusive"))
    oldest, latest = params.get("oldest"), params.get("latest")
    if oldest not in (None, ""):
        bound = float(oldest)
        if value < bound or (value == bound and not inclusive):
            return False
    if latest not in (None, ""):
        bound = float(latest)
        if value > bound or (value == bound and not inclusive):
            return False
    return True


def _paged(store: Store, items: list[dict[str, Any]], params: dict[str, Any]) -> dict[str, Any]:
    """Common history/replies answer with has_more and next_cursor."""
    chunk, cursor = page(items, params, 100)
    answer: dict[str, Any] = {
        "ok": True,
        "messages": [message_out(store, m) for m in chunk],
        "has_more": bool(cursor),
    }
    if cursor:
        answer["response_metadata"] = {"next_cursor": cursor}
    return answer


def history(store: Store, token: str | None, params: dict[str, Any]) -> dict[str, Any]:
    """conversations.history: top-level messages, newest first; bot must be a member."""
    ws = store.workspace_for(token)
    channel = store.member_channel(ws, params.get("channel"))
    visible = [
        m
        for m in store.messages.get(channel.id, [])
        if (not m.get("thread_ts") or m["thread_ts"] == m["ts"] or m.get("reply_broadcast"))
        and _in_window(m["ts"], params)
    ]
    answer = _paged(store, visible[::-1], params)
    answer.update(pin_count=0, channel_actions_ts=None, channel_actions_count=0)
    return answer


def replies(store: Store, token: str | None, params: dict[str, Any]) -> dict[str, Any]:
    """conversations.replies: the parent then its replies, oldest first."""
    ws = store.workspace_for(token)
    channel = store.member_channel(ws, params.get("channel"))
    found = store.find_message(channel.id, params.get("ts"))
    if found is None:
        raise ApiError("thread_not_found")
    thread = found.get("thread_ts") or found["ts"]
    thread_messages = [
        m
        for m in store.messages.get(channel.id, [])
        if (m["ts"] == thread or m.get("thread_ts") == thread) and _in_window(m["ts"], params)
    ]
    return _paged(store, thread_messages, params)


def list_(store: Store, token: str | None, params: dict[str, Any]) -> dict[str, Any]:
    """conversations.list filtered by types; private ones only when the bot is in them."""
    ws = store.workspace_for(token)
    types = set(id_list(params.get("types")) or ["public_channel"])
    exclude_archived = flag(params.get("exclude_archived"))
    found = []
    for channel in store.channels.values():
        kind = (
            "im"
            if channel.is_im
            else "mpim"
            if channel.is_mpim
            else "private_channel"
            if channel.is_private
            else "public_channel"
        )
        hidden = kind != "public_channel" and ws.bot_user_id not in channel.members
        if channel.team_id != ws.team_id or kind not in types or hidden:
            continue
        if exclude_archived and channel.is_archived:
            continue
        found.append(channel_out(store, channel, ws.bot_user_id))
    chunk, cursor = page(found, params, 100)
    return {"ok": True, "channels": chunk, "response_metadata": {"next_cursor": cursor}}


METHODS = {
    "conversations.info": info,
    "conversations.members": members,
    "conversations.open": open_,
    "conversations.join": join,
    "conversations.history": history,
    "conversations.replies": replies,
    "conversations.list": list_,
}
