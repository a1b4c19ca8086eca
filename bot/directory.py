"""Asking Slack which channels a person may read, and which person or channel a name designates."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from slack_sdk import WebClient
from slack_sdk.web import SlackResponse

from bot.errors import InvalidInput
from bot.learning.search_query import ChannelRef, UserRef
from bot.learning.visibility import ChannelAccess
from bot.levers import fold


def _pages(call: Callable[..., SlackResponse], key: str, **params: str) -> Iterator[dict]:
    """Every item of a paginated Web API list (slack_sdk drops the cursor while it is None)."""
    cursor = None
    while True:
        response = call(cursor=cursor, limit=1000, **params)
        yield from response.get(key) or []
        cursor = (response.get("response_metadata") or {}).get("next_cursor")
        if not cursor:
            return


def readable_channels(
    client: WebClient, channel_ids: Iterable[str], user_id: str
) -> tuple[frozenset[str], frozenset[str]]:
    """The channels among these whose learnings the user may read (bot.learning.visibility's
    rule), and those left out only because Slack did not answer about them."""
    access = ChannelAccess(client, user_id)
    readable = frozenset(
        channel_id for channel_id in set(channel_ids) if access.can_see(channel_id)
    )
    return readable, frozenset(access.unanswered)


def resolve_user(client: WebClient, ref: UserRef) -> str:
    """The id of the person a filter names, or InvalidInput when nobody has that name."""
    if ref.id:
        return ref.id
    wanted = fold(ref.name or "")
    for user in _pages(client.users_list, "members"):
        profile = user.get("profile") or {}
        names = (user.get("name"), profile.get("display_name"), profile.get("real_name"))
        if not user.get("deleted") and any(name and fold(name) == wanted for name in names):
            return user["id"]
    raise InvalidInput("search.unknown_user", field="from", value=(ref.name or "")[:60])


def resolve_channel(client: WebClient, ref: ChannelRef) -> str:
    """The id of the channel a filter names, or InvalidInput when none has that name."""
    if ref.id:
        return ref.id
    wanted = fold(ref.name or "")
    channels = _pages(client.conversations_list, "channels", types="public_channel,private_channel")
    for channel in channels:
        if fold(channel.get("name") or "") == wanted:
            return channel["id"]
    raise InvalidInput("search.unknown_channel", field="in", value=(ref.name or "")[:60])
