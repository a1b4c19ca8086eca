"""Socket Mode: slack_bolt's default SocketModeHandler against the fake."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest
from slack_bolt import App
from slack_bolt.adapter.socket_mode import SocketModeHandler
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.fakeslack import FakeSlack
from bot.fakeslack.payloads import command_payload, event_envelope


def wait_until(condition: Callable[[], bool], timeout: float = 5.0) -> bool:
    """Poll a condition until it holds or the timeout passes."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)
    return True


def test_socket_mode_round_trip(fake_slack: FakeSlack) -> None:
    client = WebClient(token=fake_slack.bot_token, base_url=fake_slack.api_url)
    app = App(client=client, signing_secret="unused-in-socket-mode")

    @app.command("/learning")
    def on_command(ack, respond) -> None:  # type: ignore[no-untyped-def]
        ack("noted")

    @app.event("app_mention")
    def on_mention(say) -> None:  # type: ignore[no-untyped-def]
        say("hello over the socket")

    handler = SocketModeHandler(app, fake_slack.app_token)
    handler.connect()
    try:
        fake_slack.socket.wait_connected()
        payload = command_payload("/learning", "onboarding", user_id="U0001", channel_id="C0001")
        envelope_id = fake_slack.socket.send("slash_commands", payload)
        ack = fake_slack.socket.wait_ack(envelope_id)
        assert ack["envelope_id"] == envelope_id
        assert ack["payload"] == {"text": "noted"}

        event = {"type": "app_mention", "user": "U0001", "channel": "C0001", "text": "hi"}
        envelope_id = fake_slack.socket.send("events_api", event_envelope(event))
        assert fake_slack.socket.wait_ack(envelope_id) == {"envelope_id": envelope_id}
        fake_slack.wait_for("chat.postMessage")
        assert fake_slack.messages("C0001")[-1]["text"] == "hello over the socket"
        assert fake_slack.calls_to("apps.connections.open")[0].token == fake_slack.app_token

        # The client's first ping got websockets' pong back.
        session = handler.client.current_session
        assert wait_until(lambda: session.last_ping_pong_time is not None)

        # Slack's periodic "disconnect" makes the client reconnect through a new ticket.
        fake_slack.socket.disconnect("refresh_requested")
        assert wait_until(lambda: fake_slack.socket.connection_count == 2)
        envelope_id = fake_slack.socket.send("slash_commands", payload)
        assert fake_slack.socket.wait_ack(envelope_id)["payload"] == {"text": "noted"}
        assert len(fake_slack.calls_to("apps.connections.open")) == 2
    finally:
        fake_slack.socket.close_connections()  # a close frame lets the client stop promptly
        handler.close()


def test_connections_open_needs_an_app_token(fake_slack: FakeSlack) -> None:
    bot = WebClient(token=fake_slack.bot_token, base_url=fake_slack.api_url)
    with pytest.raises(SlackApiError) as info:
        bot.api_call("apps.connections.open")
    assert info.value.response["error"] == "not_allowed_token_type"
