"""Create the records a test or console session seeds the fake workspace with."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .store import Channel, Store, Workspace


def _tz_fields(tz: str, at: float) -> tuple[str, int]:
    """tz_label and tz_offset (seconds) for a zone at a moment, as users.info reports."""
    try:
        now = datetime.fromtimestamp(at, ZoneInfo(tz))
    except (ZoneInfoNotFoundError, ValueError):
        return tz, 0
    offset = now.utcoffset()
    return now.tzname() or tz, int(offset.total_seconds()) if offset else 0


def make_user(
    store: Store,
    user_id: str,
    name: str,
    team_id: str,
    *,
    real_name: str | None = None,
    email: str | None = None,
    is_admin: bool = False,
    is_owner: bool = False,
    is_bot: bool = False,
    is_restricted: bool = False,
    deleted: bool = False,
    locale: str = "en-US",
    tz: str = "Europe/Paris",
    bot_id: str | None = None,
) -> dict[str, Any]:
    """A users.info-shaped user object (the `locale` key is stripped unless asked for)."""
    label, offset = _tz_fields(tz, store.clock())
    real = real_name or name
    profile: dict[str, Any] = {
        "real_name": real,
        "real_name_normalized": real,
        "display_name": name,
        "display_name_normalized": name,
        "first_name": real.split(" ")[0],
        "team": team_id,
        "image_48": f"https://avatars.example.invalid/{user_id}_48.png",
        "image_72": f"https://avatars.example.invalid/{user_id}_72.png",
    }
    if email:
        profile["email"] = email
    if bot_id:
        profile.update(bot_id=bot_id, api_app_id=store.app_id, always_active=True)
    return {
        "id": user_id,
        "team_id": team_id,
        "name": name,
        "deleted": deleted,
        "real_name": real,
        "tz": tz,
        "tz_label": label,
        "tz_offset": offset,
        "profile": profile,
        "is_admin": is_admin,
        "is_owner": is_owner,
        "is_primary_owner": False,
        "is_restricted": is_restricted,
        "is_ultra_restricted": False,
        "is_bot": is_bot,
        "is_app_user": False,
        "updated": int(store.clock()),
        "locale": locale,
    }


def install_workspace(
    store: Store,
    team_id: str,
    bot_token: str,
    *,
    name: str,
    domain: str,
    bot_user_id: str,
    bot_id: str,
    bot_name: str,
    enterprise_id: str | None = None,
    enterprise_name: str | None = None,
) -> Workspace:
    """Register a workspace, its bot token and its bot user."""
    ws = Workspace(
        team_id=team_id,
        name=name,
        domain=domain,
        bot_token=bot_token,
        bot_user_id=bot_user_id,
        bot_id=bot_id,
        enterprise_id=enterprise_id,
        enterprise_name=enterprise_name,
    )
    store.workspaces[team_id] = ws
    store.tokens[bot_token] = team_id
    store.users[bot_user_id] = make_user(
        store, bot_user_id, bot_name, team_id, is_bot=True, bot_id=bot_id
    )
    return ws


def make_channel(
    store: Store,
    channel_id: str,
    name: str,
    team_id: str,
    *,
    is_private: bool = False,
    members: list[str] | None = None,
    creator: str | None = None,
    is_archived: bool = False,
) -> Channel:
    """Register a public or private channel with its members."""
    channel = Channel(
        id=channel_id,
        name=name,
        team_id=team_id,
        created=int(store.clock()),
        is_private=is_private,
        is_archived=is_archived,
        creator=creator,
        members=list(dict.fromkeys(members or [])),
    )
    store.channels[channel_id] = channel
    store.messages.setdefault(channel_id, [])
    return channel
