"""SlackRequester: sends correctly signed Slack requests (commands, events, actions) to an app."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from . import payloads

if TYPE_CHECKING:
    from .fake import FakeSlack

# Without a FakeSlack, response_urls point at a closed local port so nothing leaks out.
_NOWHERE = "http://127.0.0.1:9/response-url-unavailable"


@dataclass
class AppResponse:
    """What the app answered: status, body text, headers, and seconds it took."""

    status: int
    body: str
    headers: dict[str, str] = field(default_factory=dict)
    elapsed: float = 0.0

    def json(self) -> Any:
        """The body parsed as JSON (None when empty)."""
        return json.loads(self.body) if self.body.strip() else None


class SlackRequester:
    """Plays Slack's side of HTTP delivery: builds, signs and POSTs payloads to the app."""

    def __init__(
        self,
        app_url: str,
        signing_secret: str,
        slack: FakeSlack | None = None,
        *,
        team_id: str = "T0001",
        timeout: float = 10.0,
    ) -> None:
        self.app_url = app_url
        self.signing_secret = signing_secret
        self.slack = slack
        self.team_id = team_id
        self.timeout = timeout
        # Slack never goes through a proxy to reach a local app.
        self._opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        self._triggers = 0

    # -- transport -------------------------------------------------------------------------

    def sign(self, body: bytes, timestamp: int | None = None) -> dict[str, str]:
        """X-Slack-Request-Timestamp and X-Slack-Signature (v0 HMAC-SHA256 of v0:ts:body)."""
        ts = str(int(time.time()) if timestamp is None else timestamp)
        base = b"v0:" + ts.encode() + b":" + body
        digest = hmac.new(self.signing_secret.encode(), base, hashlib.sha256).hexdigest()
        return {"X-Slack-Request-Timestamp": ts, "X-Slack-Signature": f"v0={digest}"}

    def raw(self, body: bytes, headers: dict[str, str]) -> AppResponse:
        """POST exactly these bytes and headers; 4xx/5xx are returned, not raised."""
        request = urllib.request.Request(self.app_url, data=body, headers=headers, method="POST")
        started = time.perf_counter()
        try:
            with self._opener.open(request, timeout=self.timeout) as resp:
                status, text, got = resp.status, resp.read(), dict(resp.headers.items())
        except urllib.error.HTTPError as err:
            status, text, got = err.code, err.read(), dict(err.headers.items())
        elapsed = time.perf_counter() - started
        return AppResponse(status, text.decode("utf-8", "replace"), got, elapsed)

    def _post(
        self, body: bytes, content_type: str, extra: dict[str, str] | None = None
    ) -> AppResponse:
        """Sign and POST a body."""
        headers = {"Content-Type": content_type, **self.sign(body), **(extra or {})}
        return self.raw(body, headers)

    def _form(self, fields: dict[str, str]) -> AppResponse:
        """POST form-encoded fields like slash commands."""
        return self._post(urlencode(fields).encode(), "application/x-www-form-urlencoded")

    def _interactive(self, payload: dict[str, Any]) -> AppResponse:
        """POST an interactive payload as Slack does: payload=<json> form field."""
        return self._form({"payload": json.dumps(payload)})

    # -- context taken from the fake when there is one -----------------------------------

    def _team(self, team_id: str | None) -> str:
        """The team of a request (the requester default when not given)."""
        return team_id or self.team_id

    def _domain(self, team_id: str) -> str:
        """The workspace domain for team objects."""
        ws = self.slack.workspace(team_id) if self.slack else None
        return ws["domain"] if ws else "test-workspace"

    def _bot_user(self, team_id: str) -> str:
        """The bot user named in event authorizations."""
        ws = self.slack.workspace(team_id) if self.slack else None
        return ws["bot_user_id"] if ws else "UBOT"

    def _enterprise(self, team_id: str) -> str | None:
        """The Enterprise Grid org of a workspace, if any."""
        ws = self.slack.workspace(team_id) if self.slack else None
        return ws["enterprise_id"] if ws else None

    def _app_id(self) -> str:
        """The api_app_id payloads carry."""
        return self.slack.app_id if self.slack else payloads.DEFAULT_APP_ID

    def _user_name(self, user_id: str, given: str | None) -> str:
        """A user name: given, else the seeded one, else 'user'."""
        user = self.slack.user(user_id) if self.slack and given is None else None
        return given or (user["name"] if user else "user")

    def _channel_name(self, channel_id: str | None, given: str | None) -> str:
        """A channel name: given, else the seeded one, else 'general'."""
        found = self.slack.channel(channel_id) if self.slack and channel_id else None
        return given or (found["name"] if found else "general")

    def _trigger(self, user_id: str) -> str:
        """A trigger_id the fake's views.open will accept for this user."""
        if self.slack is not None:
            return self.slack.issue_trigger(user_id)
        self._triggers += 1
        return f"trigger-{self._triggers}-{user_id}"

    def _response_url(self, team_id: str, channel_id: str | None, user_id: str, ts: Any) -> str:
        """A response_url recording into the fake (or a dead local URL without one)."""
        if self.slack is None:
            return _NOWHERE
        return self.slack.response_url(
            team_id=team_id, channel_id=channel_id, user_id=user_id, message_ts=ts
        )

    # -- Slack requests --------------------------------------------------------------------

    def command(
        self,
        command: str,
        text: str = "",
        *,
        user_id: str = "U0001",
        channel_id: str = "C0001",
        team_id: str | None = None,
        user_name: str | None = None,
        channel_name: str | None = None,
    ) -> AppResponse:
        """A slash command, form-encoded with response_url and trigger_id."""
        team = self._team(team_id)
        payload = payloads.command_payload(
            command,
            text,
            user_id=user_id,
            channel_id=channel_id,
            team_id=team,
            user_name=self._user_name(user_id, user_name),
            channel_name=self._channel_name(channel_id, channel_name),
            team_domain=self._domain(team),
            response_url=self._response_url(team, channel_id, user_id, None),
            trigger_id=self._trigger(user_id),
            api_app_id=self._app_id(),
            enterprise_id=self._enterprise(team),
        )
        return self._form(payload)

    def event(
        self,
        event: dict[str, Any],
        *,
        team_id: str | None = None,
        event_id: str | None = None,
        retry_num: int | None = None,
        retry_reason: str | None = None,
        authorizations: list[dict[str, Any]] | None = None,
    ) -> AppResponse:
        """An Events API delivery; retry_num adds X-Slack-Retry-Num/-Reason headers."""
        team = self._team(team_id)
        envelope = payloads.event_envelope(
            event,
            team_id=team,
            bot_user_id=self._bot_user(team),
            api_app_id=self._app_id(),
            event_id=event_id,
            authorizations=authorizations,
            enterprise_id=self._enterprise(team),
        )
        extra = {}
        if retry_num is not None:
            extra["X-Slack-Retry-Num"] = str(retry_num)
            extra["X-Slack-Retry-Reason"] = retry_reason or "http_timeout"
        return self._post(json.dumps(envelope).encode(), "application/json", extra)

    def url_verification(self, challenge: str) -> AppResponse:
        """The url_verification handshake."""
        body = json.dumps(payloads.url_verification_payload(challenge)).encode()
        return self._post(body, "application/json")

    def block_action(
        self,
        action_id: str,
        value: Any = None,
        *,
        user_id: str = "U0001",
        team_id: str | None = None,
        channel_id: str | None = None,
        message: dict[str, Any] | None = None,
        view: dict[str, Any] | None = None,
        block_id: str | None = None,
        selected_option: dict[str, Any] | None = None,
        action_type: str | None = None,
        container: dict[str, Any] | None = None,
        response_url: str | None = None,
    ) -> AppResponse:
        """A block_actions payload from a message (with a response_url) or from a view."""
        team = self._team(team_id)
        channel_id = channel_id or (message or {}).get("channel")
        if response_url is None and view is None:
            ts = (message or {}).get("ts")
            response_url = self._response_url(team, channel_id, user_id, ts)
        payload = payloads.block_action_payload(
            action_id,
            value,
            user_id=user_id,
            team_id=team,
            channel_id=channel_id,
            message=message,
            view=view,
            block_id=block_id,
            selected_option=selected_option,
            action_type=action_type,
            container=container,
            response_url=response_url,
            trigger_id=self._trigger(user_id),
            user_name=self._user_name(user_id, None),
            channel_name=self._channel_name(channel_id, None),
            team_domain=self._domain(team),
            api_app_id=self._app_id(),
        )
        return self._interactive(payload)

    def view_submission(
        self,
        view: dict[str, Any],
        values: dict[str, dict[str, dict[str, Any]]],
        *,
        user_id: str = "U0001",
        team_id: str | None = None,
    ) -> AppResponse:
        """Submit a view (as found in slack.views); the ack is applied to the fake's stack."""
        team = self._team(team_id)
        payload = payloads.view_submission_payload(
            view,
            values,
            user_id=user_id,
            team_id=team,
            trigger_id=self._trigger(user_id),
            user_name=self._user_name(user_id, None),
            team_domain=self._domain(team),
            api_app_id=self._app_id(),
        )
        response = self._interactive(payload)
        if self.slack is not None and response.status == 200 and view.get("id"):
            try:
                answer = response.json()
            except ValueError:
                answer = None
            self.slack.apply_view_answer(user_id, view["id"], answer)
        return response

    def view_closed(
        self,
        view: dict[str, Any],
        *,
        user_id: str = "U0001",
        team_id: str | None = None,
        is_cleared: bool = False,
    ) -> AppResponse:
        """The user closed a modal; the fake's stack is updated too."""
        team = self._team(team_id)
        if self.slack is not None and view.get("id"):
            self.slack.close_view(user_id, view["id"], clear=is_cleared)
        payload = payloads.view_closed_payload(
            view,
            user_id=user_id,
            team_id=team,
            is_cleared=is_cleared,
            user_name=self._user_name(user_id, None),
            team_domain=self._domain(team),
            api_app_id=self._app_id(),
        )
        return self._interactive(payload)

    def message_shortcut(
        self,
        callback_id: str,
        message: dict[str, Any],
        channel_id: str | None = None,
        user_id: str = "U0001",
        team_id: str | None = None,
    ) -> AppResponse:
        """A message shortcut on a message (with response_url and trigger_id)."""
        team = self._team(team_id)
        channel = channel_id or message.get("channel") or ""
        payload = payloads.message_shortcut_payload(
            callback_id,
            message,
            channel_id=channel,
            user_id=user_id,
            team_id=team,
            response_url=self._response_url(team, channel, user_id, message.get("ts")),
            trigger_id=self._trigger(user_id),
            user_name=self._user_name(user_id, None),
            channel_name=self._channel_name(channel, None),
            team_domain=self._domain(team),
        )
        return self._interactive(payload)

    def global_shortcut(
        self, callback_id: str, *, user_id: str = "U0001", team_id: str | None = None
    ) -> AppResponse:
        """A global shortcut (trigger_id only, no channel)."""
        team = self._team(team_id)
        payload = payloads.global_shortcut_payload(
            callback_id,
            user_id=user_id,
            team_id=team,
            trigger_id=self._trigger(user_id),
            user_name=self._user_name(user_id, None),
            team_domain=self._domain(team),
        )
        return self._interactive(payload)
