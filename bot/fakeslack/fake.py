"""FakeSlack: the public face of the fake (seeding, start/stop, and what happened)."""

from __future__ import annotations

import copy
import dataclasses
import time
from collections import deque
from collections.abc import Callable
from typing import Any

from . import api_views
from .postlimits import PostLimits
from .responses import apply_command_answer, new_response_url
from .seed import install_workspace, make_channel, make_user
from .server import FakeHTTPServer
from .socketmode import SocketModeFake
from .store import Call, Fault, Store


class FakeSlack:
    """A fake Slack workspace served over real HTTP and WebSocket on 127.0.0.1."""

    def __init__(
        self,
        *,
        team_id: str = "T0001",
        team_name: str = "Test Workspace",
        domain: str = "test-workspace",
        bot_token: str = "xoxb-test-token",
        bot_user_id: str = "UBOT",
        bot_id: str = "BBOT",
        bot_name: str = "learnloop",
        app_token: str = "xapp-test-token",
        app_id: str = "A0FAKEAPP",
        client_id: str = "1111.2222",
        client_secret: str = "fake-client-secret",
        signing_secret: str = "fake-signing-secret",
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.team_id = team_id
        self.bot_token = bot_token
        self.bot_user_id = bot_user_id
        self.bot_id = bot_id
        self.app_token = app_token
        self.app_id = app_id
        self.client_id = client_id
        self.client_secret = client_secret
        self.signing_secret = signing_secret  # a default for apps under test to share
        self._store = Store(
            app_id=app_id, client_id=client_id, client_secret=client_secret, clock=clock
        )
        self._store.app_tokens.add(app_token)
        install_workspace(
            self._store,
            team_id,
            bot_token,
            name=team_name,
            domain=domain,
            bot_user_id=bot_user_id,
            bot_id=bot_id,
            bot_name=bot_name,
        )
        self.socket = SocketModeFake(app_id)
        self._http: FakeHTTPServer | None = None

    # -- lifecycle -------------------------------------------------------------------------

    def start(self) -> FakeSlack:
        """Start the HTTP and Socket Mode servers on ephemeral ports."""
        if self._http is None:
            self._http = FakeHTTPServer(self._store)
            self._store.base_url = self._http.base_url
            self._http.start()
            self.socket.start()
            self._store.socket_link = self.socket.link
        return self

    def stop(self) -> None:
        """Stop both servers; safe to call twice."""
        if self._http is not None:
            self.socket.stop()
            self._http.stop()
            self._http = None

    def __enter__(self) -> FakeSlack:
        """Start on entering a with block."""
        return self.start()

    def __exit__(self, *exc: object) -> None:
        """Stop on leaving it."""
        self.stop()

    @property
    def base_url(self) -> str:
        """http://127.0.0.1:<port>/"""
        if self._http is None:
            raise RuntimeError("FakeSlack is not started")
        return self._http.base_url

    @property
    def api_url(self) -> str:
        """The WebClient base_url: http://127.0.0.1:<port>/api/"""
        return self.base_url + "api/"

    # -- seeding ---------------------------------------------------------------------------

    def add_workspace(
        self,
        team_id: str,
        bot_token: str,
        *,
        name: str | None = None,
        enterprise_id: str | None = None,
        enterprise_name: str | None = None,
        domain: str | None = None,
        bot_user_id: str | None = None,
        bot_id: str | None = None,
        bot_name: str = "learnloop",
    ) -> None:
        """Install the app in another workspace (bot user defaults to UB<team digits>)."""
        with self._store.lock:
            install_workspace(
                self._store,
                team_id,
                bot_token,
                name=name or f"Workspace {team_id}",
                domain=domain or team_id.lower(),
                bot_user_id=bot_user_id or f"UB{team_id[1:]}",
                bot_id=bot_id or f"BB{team_id[1:]}",
                bot_name=bot_name,
                enterprise_id=enterprise_id,
                enterprise_name=enterprise_name or (enterprise_id and f"Org {enterprise_id}"),
            )

    def add_user(
        self,
        user_id: str,
        name: str,
        team_id: str = "T0001",
        is_admin: bool = False,
        is_owner: bool = False,
        is_bot: bool = False,
        is_restricted: bool = False,
        deleted: bool = False,
        locale: str = "en-US",
        tz: str = "Europe/Paris",
        *,
        real_name: str | None = None,
        email: str | None = None,
    ) -> dict[str, Any]:
        """Add a member to a workspace; returns the users.info object (with locale)."""
        with self._store.lock:
            user = make_user(
                self._store,
                user_id,
                name,
                team_id,
                real_name=real_name,
                email=email,
                is_admin=is_admin,
                is_owner=is_owner,
                is_bot=is_bot,
                is_restricted=is_restricted,
                deleted=deleted,
                locale=locale,
                tz=tz,
            )
            self._store.users[user_id] = user
            return copy.deepcopy(user)

    def add_channel(
        self,
        channel_id: str,
        name: str,
        team_id: str = "T0001",
        is_private: bool = False,
        members: list[str] | None = None,
        creator: str | None = None,
        is_archived: bool = False,
    ) -> dict[str, Any]:
        """Add a channel; the bot is a member only if listed (or via join/set_bot_in_channel)."""
        with self._store.lock:
            channel = make_channel(
                self._store,
                channel_id,
                name,
                team_id,
                is_private=is_private,
                members=members,
                creator=creator,
                is_archived=is_archived,
            )
            return dataclasses.asdict(channel)

    def set_bot_in_channel(self, channel: str, present: bool = True) -> None:
        """Add or remove the workspace's bot user from a channel."""
        with self._store.lock:
            found = self._store.channels[channel]
            bot = self._store.workspaces[found.team_id].bot_user_id
            if present and bot not in found.members:
                found.members.append(bot)
            elif not present and bot in found.members:
                found.members.remove(bot)

    def add_member(self, channel: str, user: str) -> bool:
        """A person joins a channel (Slack then sends member_joined_channel); False if already in."""
        with self._store.lock:
            found = self._store.channels[channel]
            if user in found.members:
                return False
            found.members.append(user)
            return True

    def archive_channel(self, channel: str, archived: bool = True) -> None:
        """Archive (or unarchive) a channel."""
        with self._store.lock:
            self._store.channels[channel].is_archived = archived

    def add_oauth_code(
        self,
        code: str,
        team_id: str,
        bot_token: str,
        enterprise_id: str | None = None,
        installer_user_id: str = "U0001",
        *,
        team_name: str | None = None,
        enterprise_name: str | None = None,
        scope: str = "chat:write,commands,users:read",
        redirect_uri: str | None = None,
        bot_name: str = "learnloop",
        org_wide: bool = False,
    ) -> None:
        """Register a code oauth.v2.access will exchange once for bot_token.

        `org_wide`: an Enterprise Grid organisation-wide install (no team in the answer; the
        token is held by `team_id`, one workspace of the organisation, in the fake).
        """
        with self._store.lock:
            self._store.oauth_codes[code] = {
                "org_wide": org_wide,
                "team_id": team_id,
                "bot_token": bot_token,
                "enterprise_id": enterprise_id,
                "enterprise_name": enterprise_name or (enterprise_id and f"Org {enterprise_id}"),
                "installer_user_id": installer_user_id,
                "team_name": team_name or f"Workspace {team_id}",
                "scope": scope,
                "redirect_uri": redirect_uri,
                "bot_name": bot_name,
            }

    def add_app_token(self, token: str) -> None:
        """Accept another app-level (xapp-) token for apps.connections.open."""
        with self._store.lock:
            self._store.app_tokens.add(token)

    def post_user_message(
        self,
        channel: str,
        user: str,
        text: str,
        thread_ts: str | None = None,
        *,
        blocks: list[dict[str, Any]] | None = None,
    ) -> dict[str, Any]:
        """Store a human's message (they become a channel member); returns it with its ts."""
        with self._store.lock:
            found = self._store.channels.get(channel)
            if found is None:
                raise ValueError(f"unknown channel {channel}")
            if user not in found.members:
                found.members.append(user)
            message = self._store.add_message(
                found, user=user, text=text, blocks=blocks, thread_ts=thread_ts
            )
            self._store.changed.notify_all()
            return copy.deepcopy(message)

    def limit_posting(
        self,
        *,
        channel_interval_s: float = 1.0,
        workspace_per_s: float = 4.0,
        workspace_burst: int = 20,
    ) -> None:
        """Answer chat.postMessage with 429 + Retry-After above Slack's posting limits (opt-in)."""
        with self._store.lock:
            self._store.post_limits = PostLimits(
                channel_interval_s=channel_interval_s,
                workspace_per_s=workspace_per_s,
                workspace_burst=workspace_burst,
            )

    # -- fault injection and the call log --------------------------------------------------

    def inject(
        self,
        method: str,
        *,
        status: int | None = None,
        retry_after: int | None = None,
        error: str | None = None,
        delay: float | None = None,
        times: int = 1,
    ) -> None:
        """Make the next `times` calls of a method fail (HTTP status / API error) or stall."""
        with self._store.lock:
            queue = self._store.faults.setdefault(method, deque())
            for _ in range(times):
                queue.append(
                    Fault(status=status, retry_after=retry_after, error=error, delay=delay)
                )

    @property
    def calls(self) -> list[Call]:
        """Every Web API call so far, failed ones included."""
        with self._store.lock:
            return list(self._store.calls)

    def calls_to(self, method: str) -> list[Call]:
        """Calls of one method."""
        return [c for c in self.calls if c.method == method]

    def clear_calls(self) -> None:
        """Forget the call log (state is kept)."""
        with self._store.lock:
            self._store.calls.clear()

    def wait_for(
        self,
        method: str,
        count: int = 1,
        timeout: float = 5.0,
        predicate: Callable[[Call], bool] | None = None,
    ) -> list[Call]:
        """Block until `count` matching calls were recorded; AssertionError lists what was."""

        def matching() -> list[Call]:
            return [
                c
                for c in self._store.calls
                if c.method == method and (predicate is None or predicate(c))
            ]

        with self._store.changed:
            if self._store.changed.wait_for(lambda: len(matching()) >= count, timeout):
                return matching()
            seen = [f"{c.method}({c.response.get('error') or 'ok'})" for c in self._store.calls]
        raise AssertionError(
            f"expected {count} call(s) to {method} within {timeout}s, "
            f"got {len(matching())}; calls were: {seen}"
        )

    def _wait(self, what: str, found: Callable[[], list[Any]], count: int, timeout: float) -> list:
        """Block until found() has `count` items; AssertionError naming what was seen."""
        with self._store.changed:
            if self._store.changed.wait_for(lambda: len(found()) >= count, timeout):
                return copy.deepcopy(found())
            seen = found()
        raise AssertionError(f"expected {count} {what} within {timeout}s, got {len(seen)}: {seen}")

    def wait_for_responses(self, count: int = 1, timeout: float = 5.0) -> list[dict[str, Any]]:
        """Block until `count` response_url posts arrived; returns all of them."""
        return self._wait("response_url posts", lambda: self._store.responses, count, timeout)

    def wait_for_messages(
        self, channel: str, count: int = 1, timeout: float = 5.0
    ) -> list[dict[str, Any]]:
        """Block until a channel holds `count` messages; returns them."""
        return self._wait(
            f"messages in {channel}",
            lambda: self._store.messages.get(channel, []),
            count,
            timeout,
        )

    def wait_for_ephemerals(
        self, count: int = 1, timeout: float = 5.0, *, user: str | None = None
    ) -> list[dict[str, Any]]:
        """Block until `count` ephemeral messages (for a user, if given) exist."""

        def found() -> list[dict[str, Any]]:
            return [e for e in self._store.ephemerals if user is None or e["user"] == user]

        return self._wait("ephemeral messages", found, count, timeout)

    # -- what the app did ------------------------------------------------------------------

    def messages(self, channel: str) -> list[dict[str, Any]]:
        """Current messages of a channel (replies included), oldest first."""
        with self._store.lock:
            return copy.deepcopy(self._store.messages.get(channel, []))

    def all_messages(self) -> list[dict[str, Any]]:
        """Every message of every conversation (DMs included), oldest first."""
        with self._store.lock:
            every = [m for messages in self._store.messages.values() for m in messages]
            return copy.deepcopy(sorted(every, key=lambda m: float(m["ts"])))

    def message(self, channel: str, ts: str) -> dict[str, Any] | None:
        """One message by channel and ts."""
        with self._store.lock:
            return copy.deepcopy(self._store.find_message(channel, ts))

    def ephemerals(self, channel: str | None = None, user: str | None = None) -> list[dict]:
        """Ephemeral messages (chat.postEphemeral and ephemeral response_url posts)."""
        with self._store.lock:
            return [
                copy.deepcopy(e)
                for e in self._store.ephemerals
                if (channel is None or e["channel"] == channel)
                and (user is None or e["user"] == user)
            ]

    @property
    def responses(self) -> list[dict[str, Any]]:
        """Every payload POSTed to a response_url."""
        with self._store.lock:
            return copy.deepcopy(self._store.responses)

    def response_url(
        self,
        *,
        team_id: str | None = None,
        channel_id: str | None = None,
        user_id: str | None = None,
        message_ts: str | None = None,
    ) -> str:
        """A fresh response_url that records posts and applies them to this workspace."""
        with self._store.lock:
            return new_response_url(
                self._store,
                team_id=team_id or self.team_id,
                channel_id=channel_id,
                user_id=user_id,
                message_ts=message_ts,
            )

    def issue_trigger(self, user_id: str | None = None) -> str:
        """A trigger_id views.open/push will accept, tied to the user who 'clicked'."""
        with self._store.lock:
            trigger = f"trigger-{self._store.next_id('')}-{user_id or 'anon'}"
            self._store.triggers[trigger] = user_id
            return trigger

    @property
    def views(self) -> list[dict[str, Any]]:
        """Opened/pushed/updated modal views in order: {id, view, user, action}."""
        with self._store.lock:
            return copy.deepcopy(self._store.view_log)

    def current_view(self, user: str) -> dict[str, Any] | None:
        """The modal view on top of a user's stack, if one is open."""
        with self._store.lock:
            stack = self._store.view_stacks.get(user) or []
            return copy.deepcopy(self._store.views[stack[-1]]) if stack else None

    def view_stack(self, user: str) -> list[dict[str, Any]]:
        """All modal views open for a user, bottom first."""
        with self._store.lock:
            ids = self._store.view_stacks.get(user) or []
            return [copy.deepcopy(self._store.views[i]) for i in ids]

    def apply_view_answer(
        self, user: str | None, view_id: str, answer: dict[str, Any] | None
    ) -> None:
        """Apply an app's view_submission ack (response_action) to the modal stack."""
        with self._store.lock:
            api_views.apply_submission_answer(self._store, user, view_id, answer)

    def apply_command_answer(
        self, channel_id: str, user_id: str, answer: Any, *, team_id: str | None = None
    ) -> dict[str, Any] | None:
        """Show a slash command's HTTP answer (JSON dict or text) as Slack does.

        `in_channel` answers become a message from the app; others an ephemeral for the
        user (source "command"). Returns the message or ephemeral made, None for no answer.
        """
        with self._store.changed:
            made = apply_command_answer(
                self._store,
                team_id=team_id or self.team_id,
                channel_id=channel_id,
                user_id=user_id,
                answer=answer,
            )
            self._store.changed.notify_all()
            return copy.deepcopy(made)

    def close_view(self, user: str | None, view_id: str, *, clear: bool = False) -> None:
        """The user closed a modal (or cleared the whole stack)."""
        with self._store.lock:
            api_views.close_view(self._store, user, view_id, clear=clear)

    @property
    def home_views(self) -> dict[str, dict[str, Any]]:
        """user_id -> Home tab view published with views.publish."""
        with self._store.lock:
            return copy.deepcopy(self._store.home_views)

    @property
    def files(self) -> list[dict[str, Any]]:
        """Completed uploads: id, filename, title, content (bytes), channel_id, ... ."""
        with self._store.lock:
            return copy.deepcopy(self._store.files)

    def reactions(self, channel: str, ts: str) -> list[dict[str, Any]]:
        """Reactions on a message: [{name, users, count}]."""
        with self._store.lock:
            found = self._store.find_message(channel, ts)
            return copy.deepcopy(found["reactions"]) if found else []

    # -- lookups used by SlackRequester ----------------------------------------------------

    def user(self, user_id: str) -> dict[str, Any] | None:
        """A seeded user, if known."""
        with self._store.lock:
            return copy.deepcopy(self._store.users.get(user_id))

    def channel(self, channel_id: str) -> dict[str, Any] | None:
        """A channel's record, if known."""
        with self._store.lock:
            found = self._store.channels.get(channel_id)
            return dataclasses.asdict(found) if found else None

    def im_channel(self, user_id: str, team_id: str | None = None) -> str:
        """The id of the bot's DM with a user, opened on first use like conversations.open."""
        with self._store.lock:
            ws = self._store.workspaces[team_id or self.team_id]
            return self._store.dm_channel(ws, user_id).id

    def workspace(self, team_id: str = "T0001") -> dict[str, Any] | None:
        """A workspace's record (team_id, name, domain, bot_token, bot_user_id, ...)."""
        with self._store.lock:
            found = self._store.workspaces.get(team_id)
            return dataclasses.asdict(found) if found else None
