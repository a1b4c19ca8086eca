"""Shape stored records into the JSON objects Slack's Web API returns."""

from __future__ import annotations

import copy
from typing import Any

from .store import Channel, Store

_INTERNAL_MESSAGE_KEYS = {"channel", "reply_broadcast"}


def message_out(store: Store, message: dict[str, Any]) -> dict[str, Any]:
    """A message as found in history/replies/postMessage answers."""
    out = {
        k: copy.deepcopy(v)
        for k, v in message.items()
        if v is not None and k not in _INTERNAL_MESSAGE_KEYS and not k.startswith("_")
    }
    if not out.get("reactions"):
        out.pop("reactions", None)
    if message.get("bot_id"):
        out["app_id"] = store.app_id
    if message.get("reply_broadcast"):
        out["subtype"] = "thread_broadcast"
    thread_ts = message.get("thread_ts")
    if thread_ts and thread_ts == message["ts"]:
        replies = [
            m
            for m in store.messages.get(message["channel"], [])
            if m.get("thread_ts") == thread_ts and m["ts"] != thread_ts
        ]
        users = list(dict.fromkeys(r["user"] for r in replies if r.get("user")))
        out.update(
            reply_count=len(replies),
            reply_users_count=len(users),
            reply_users=users,
            latest_reply=replies[-1]["ts"] if replies else thread_ts,
            is_locked=False,
            subscribed=False,
        )
    elif thread_ts:
        parent = store.find_message(message["channel"], thread_ts)
        if parent is not None and parent.get("user"):
            out["parent_user_id"] = parent["user"]
    return out


def channel_out(
    store: Store, channel: Channel, bot_user_id: str, *, num_members: bool = False
) -> dict[str, Any]:
    """A conversation object as conversations.info/list/join return it."""
    if channel.is_im:
        user = store.users.get(channel.im_user or "", {})
        return {
            "id": channel.id,
            "created": channel.created,
            "is_im": True,
            "is_org_shared": False,
            "context_team_id": channel.team_id,
            "user": channel.im_user,
            "is_user_deleted": bool(user.get("deleted")),
            "priority": 0,
        }
    out: dict[str, Any] = {
        "id": channel.id,
        "name": channel.name,
        "name_normalized": channel.name,
        "is_channel": not channel.is_mpim,
        "is_group": False,
        "is_im": False,
        "is_mpim": channel.is_mpim,
        "is_private": channel.is_private or channel.is_mpim,
        "created": channel.created,
        "creator": channel.creator or "",
        "is_archived": channel.is_archived,
        "is_general": channel.name == "general",
        "unlinked": 0,
        "is_shared": False,
        "is_org_shared": False,
        "is_ext_shared": False,
        "is_pending_ext_shared": False,
        "context_team_id": channel.team_id,
        "is_member": bot_user_id in channel.members,
        "topic": {"value": channel.topic, "creator": "", "last_set": 0},
        "purpose": {"value": channel.purpose, "creator": "", "last_set": 0},
    }
    if num_members:
        out["num_members"] = len(channel.members)
    return out


def user_out(user: dict[str, Any], *, include_locale: bool = False) -> dict[str, Any]:
    """A user object; `locale` only appears when include_locale was asked for."""
    out = copy.deepcopy(user)
    if not include_locale:
        out.pop("locale", None)
    return out


def file_out(record: dict[str, Any]) -> dict[str, Any]:
    """A file object as completeUploadExternal returns it (content bytes left out)."""
    return {
        "id": record["id"],
        "created": record["created"],
        "timestamp": record["created"],
        "name": record["filename"],
        "title": record["title"],
        "mimetype": record["mimetype"],
        "filetype": record["filetype"],
        "user": record["user"],
        "size": len(record["content"]),
        "mode": "hosted",
        "is_external": False,
        "is_public": bool(record["channel_id"]),
        "url_private": record["url_private"],
        "permalink": record["permalink"],
        "channels": [record["channel_id"]] if record["channel_id"] else [],
        "comments_count": 0,
    }
