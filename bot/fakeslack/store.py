"""The fake workspace state: workspaces, users, channels, messages and the call log.

Every read or write happens under `Store.lock`; API handlers run with it held, so each
Web API call is atomic just as a single Slack request is.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .postlimits import PostLimits


class ApiError(Exception):
    """A Slack `{"ok": false, "error": ...}` answer raised from a method handler."""

    def __init__(self, error: str, **extra: Any) -> None:
        super().__init__(error)
        self.error = error
        self.extra = extra

    def answer(self) -> dict[str, Any]:
        """The JSON body Slack sends for this error."""
        return {"ok": False, "error": self.error, **self.extra}


def invalid(error: str, problems: list[str]) -> ApiError:
    """An error carrying Slack's `response_metadata.messages` (and the legacy `errors`)."""
    bare = [p.removeprefix("[ERROR] ") for p in problems]
    return ApiError(error, errors=bare, response_metadata={"messages": problems})


@dataclass(frozen=True)
class Call:
    """One recorded Web API call, kept even when it failed."""

    method: str
    params: dict[str, Any]
    token: str | None
    at: float
    response: dict[str, Any] = field(default_factory=dict)
    status: int = 200


@dataclass
class Fault:
    """An injected failure for the next call(s) of a method."""

    status: int | None = None
    retry_after: int | None = None
    error: str | None = None
    delay: float | None = None


@dataclass
class Workspace:
    """One installed workspace and its bot identity."""

    team_id: str
    name: str
    domain: str
    bot_token: str
    bot_user_id: str
    bot_id: str
    enterprise_id: str | None = None
    enterprise_name: str | None = None

    @property
    def url(self) -> str:
        """The workspace URL auth.test reports."""
        return f"https://{self.domain}.slack.com/"


@dataclass
class Channel:
    """A conversation: public/private channel, DM (is_im) or group DM (is_mpim)."""

    id: str
    name: str
    team_id: str
    created: int
    is_private: bool = False
    is_archived: bool = False
    is_im: bool = False
    is_mpim: bool = False
    im_user: str | None = None
    creator: str | None = None
    members: list[str] = field(default_factory=list)
    topic: str = ""
    purpose: str = ""


class Store:
    """All mutable state of the fake, guarded by one re-entrant lock."""

    def __init__(
        self,
        *,
        app_id: str,
        client_id: str,
        client_secret: str,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.app_id = app_id
        self.client_id = client_id
        self.client_secret = client_secret
        self.clock = clock
        self.socket_link: Callable[[], str] | None = None  # set once Socket Mode is serving
        self.base_url = ""  # http://127.0.0.1:<port>/ once the HTTP server is up
        self.lock = threading.RLock()
        self.changed = threading.Condition(self.lock)
        self.workspaces: dict[str, Workspace] = {}
        self.tokens: dict[str, str] = {}  # bot token -> team_id
        self.app_tokens: set[str] = set()
        self.users: dict[str, dict[str, Any]] = {}
        self.channels: dict[str, Channel] = {}
        self.messages: dict[str, list[dict[str, Any]]] = {}
        self.ephemerals: list[dict[str, Any]] = []
        self.responses: list[dict[str, Any]] = []
        self.response_urls: dict[str, dict[str, Any]] = {}
        self.views: dict[str, dict[str, Any]] = {}  # view_id -> current view object
        self.view_log: list[dict[str, Any]] = []
        self.view_stacks: dict[str, list[str]] = {}  # user -> modal view ids, top last
        self.view_owner: dict[str, str | None] = {}  # view_id -> user
        self.home_views: dict[str, dict[str, Any]] = {}
        self.triggers: dict[str, str | None] = {}  # trigger_id -> user who caused it
        self.uploads: dict[str, dict[str, Any]] = {}  # file_id -> pending upload
        self.files: list[dict[str, Any]] = []
        self.oauth_codes: dict[str, dict[str, Any]] = {}
        self.calls: list[Call] = []
        self.faults: dict[str, deque[Fault]] = {}
        self.post_limits: PostLimits | None = None  # set by FakeSlack.limit_posting()
        self._last_ts = 0
        self._counter = 0

    def next_id(self, prefix: str) -> str:
        """A fresh Slack-looking id such as D0000001A."""
        self._counter += 1
        return f"{prefix}{self._counter:08X}"

    def next_ts(self) -> str:
        """A unique, increasing message timestamp like '1700000000.000100'."""
        micros = max(int(self.clock() * 1_000_000), self._last_ts + 1)
        self._last_ts = micros
        return f"{micros // 1_000_000}.{micros % 1_000_000:06d}"

    def view_hash(self) -> str:
        """A view hash in Slack's '<epoch>.<hex>' form."""
        return f"{int(self.clock())}.{secrets.token_hex(4)}"

    def workspace_for(self, token: str | None) -> Workspace:
        """The workspace a bot token belongs to, or not_authed / invalid_auth."""
        if not token:
            raise ApiError("not_authed")
        if token in self.app_tokens:
            raise ApiError("not_allowed_token_type")
        team_id = self.tokens.get(token)
        if team_id is None:
            raise ApiError("invalid_auth")
        return self.workspaces[team_id]

    def channel(self, ws: Workspace, channel_id: Any) -> Channel:
        """A channel the bot can see; private ones it is not in are hidden like Slack does."""
        found = self.channels.get(channel_id) if isinstance(channel_id, str) else None
        if found is None or found.team_id != ws.team_id:
            raise ApiError("channel_not_found")
        if (found.is_private or found.is_im or found.is_mpim) and ws.bot_user_id not in (
            found.members
        ):
            raise ApiError("channel_not_found")
        return found

    def member_channel(self, ws: Workspace, channel_id: Any) -> Channel:
        """A channel the bot is a member of (needed to post or read history)."""
        found = self.channel(ws, channel_id)
        if ws.bot_user_id not in found.members:
            raise ApiError("not_in_channel")
        return found

    def user(self, ws: Workspace, user_id: Any) -> dict[str, Any]:
        """A user of the token's workspace, or user_not_found."""
        found = self.users.get(user_id) if isinstance(user_id, str) else None
        if found is None or found["team_id"] != ws.team_id:
            raise ApiError("user_not_found")
        return found

    def find_message(self, channel_id: str, ts: Any) -> dict[str, Any] | None:
        """The stored message with that ts in that channel."""
        for message in self.messages.get(channel_id, []):
            if message["ts"] == ts:
                return message
        return None

    def dm_channel(self, ws: Workspace, user_id: str) -> Channel:
        """The bot's DM with a user, created on first use like conversations.open does."""
        for channel in self.channels.values():
            if channel.is_im and channel.team_id == ws.team_id and channel.im_user == user_id:
                return channel
        channel = Channel(
            id=self.next_id("D"),
            name=user_id,
            team_id=ws.team_id,
            created=int(self.clock()),
            is_im=True,
            im_user=user_id,
            members=[user_id, ws.bot_user_id],
        )
        self.channels[channel.id] = channel
        self.messages[channel.id] = []
        return channel

    def add_message(self, channel: Channel, **fields: Any) -> dict[str, Any]:
        """Store a new message in a channel and return it."""
        thread_ts = fields.pop("thread_ts", None)
        if thread_ts:
            parent = self.find_message(channel.id, thread_ts)
            # Replying to a reply lands in the parent's thread, as in Slack.
            if parent is not None and parent.get("thread_ts"):
                thread_ts = parent["thread_ts"]
        team = self.workspaces.get(channel.team_id)
        message: dict[str, Any] = {
            "type": "message",
            "ts": self.next_ts(),
            "channel": channel.id,
            "team": team.team_id if team else channel.team_id,
            "text": "",
            "blocks": None,
            "thread_ts": thread_ts or None,
            "user": None,
            "bot_id": None,
            "reactions": [],
        }
        message.update(fields)
        if thread_ts:
            parent = self.find_message(channel.id, thread_ts)
            if parent is not None:
                parent["thread_ts"] = parent["ts"]
        self.messages.setdefault(channel.id, []).append(message)
        return message

    def record(self, call: Call) -> None:
        """Append a call to the log and wake wait_for()."""
        self.calls.append(call)
        self.changed.notify_all()

    def take_fault(self, method: str) -> Fault | None:
        """Pop the next injected fault for a method, if any."""
        queue = self.faults.get(method)
        return queue.popleft() if queue else None
