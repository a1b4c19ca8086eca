"""The Socket Mode side of the fake: a websockets server handing envelopes to the app.

apps.connections.open returns ws://127.0.0.1:<port>/link/?ticket=...&app_id=...
slack_sdk's built-in client (slack_bolt.adapter.socket_mode.SocketModeHandler) connects to it
as is: it opens a plain (non-TLS) socket for any port other than 443. websockets answers
protocol pings with pongs and pings the client itself; close() sends a proper close frame.
"""

from __future__ import annotations

import json
import threading
import uuid
from typing import Any
from urllib.parse import parse_qs, urlsplit

from websockets.exceptions import ConnectionClosed
from websockets.sync.server import Server, ServerConnection, serve

# Interactive payload types Slack lets the app answer through the ack.
_ANSWERABLE_INTERACTIONS = {"view_submission", "block_suggestion"}


class SocketModeFake:
    """Accepts Socket Mode connections, sends envelopes, and collects the app's acks."""

    def __init__(self, app_id: str) -> None:
        self.app_id = app_id
        self._cond = threading.Condition()
        self._server: Server | None = None
        self._thread: threading.Thread | None = None
        self._connections: list[ServerConnection] = []
        self._tickets: set[str] = set()
        self._retiring: list[ServerConnection] = []  # told to disconnect, awaiting a successor
        self.acks: dict[str, dict[str, Any]] = {}
        self.sent: list[dict[str, Any]] = []
        self.connection_count = 0  # total accepted connections, to observe reconnects

    def start(self) -> None:
        """Listen on an ephemeral port of 127.0.0.1 in a daemon thread."""
        self._server = serve(self._serve, "127.0.0.1", 0)
        self._thread = threading.Thread(
            target=self._server.serve_forever, daemon=True, name="fakeslack-socket-mode"
        )
        self._thread.start()

    def stop(self) -> None:
        """Close client connections (1001 going away) and stop listening."""
        self.close_connections()
        if self._server is not None:
            self._server.shutdown()
            self._server = None
        if self._thread is not None:
            self._thread.join(timeout=5)

    @property
    def port(self) -> int:
        """The listening port."""
        if self._server is None:
            raise RuntimeError("Socket Mode fake is not started")
        return int(self._server.socket.getsockname()[1])

    def link(self) -> str:
        """A fresh connection URL, as apps.connections.open returns."""
        ticket = str(uuid.uuid4())
        with self._cond:
            self._tickets.add(ticket)
        return f"ws://127.0.0.1:{self.port}/link/?ticket={ticket}&app_id={self.app_id}"

    @property
    def connected(self) -> int:
        """Number of open connections."""
        with self._cond:
            return len(self._connections)

    def _serve(self, conn: ServerConnection) -> None:
        """One client connection: check the ticket, say hello, then collect acks."""
        path = conn.request.path if conn.request is not None else ""
        ticket = parse_qs(urlsplit(path).query).get("ticket", [""])[0]
        with self._cond:
            known = ticket in self._tickets
        if not known:
            conn.close(code=1008, reason="invalid ticket")
            return
        with self._cond:
            self._connections.append(conn)
            self.connection_count += 1
            count = len(self._connections)
            retiring, self._retiring = self._retiring, []
            self._cond.notify_all()
        for old in retiring:
            # Slack closes a refreshed connection once its successor is up; the close frame
            # also wakes a client blocked reading the old socket.
            old.close(code=1000, reason="refreshed")
        try:
            conn.send(json.dumps(self._hello(count)))
            for raw in conn:
                self._receive(raw)
        except ConnectionClosed:
            pass  # the client went away; it will reconnect through a new ticket
        finally:
            with self._cond:
                if conn in self._connections:
                    self._connections.remove(conn)
                self._cond.notify_all()

    def _hello(self, count: int) -> dict[str, Any]:
        """The hello message Slack sends first on every connection."""
        return {
            "type": "hello",
            "num_connections": count,
            "debug_info": {
                "host": "applink-fakeslack",
                "build_number": 1,
                "approximate_connection_time": 18060,
            },
            "connection_info": {"app_id": self.app_id},
        }

    def _receive(self, raw: str | bytes) -> None:
        """Keep what the app sent back, keyed by envelope_id."""
        try:
            message = json.loads(raw)
        except ValueError:
            return
        if isinstance(message, dict) and message.get("envelope_id"):
            with self._cond:
                self.acks[str(message["envelope_id"])] = message
                self._cond.notify_all()

    def wait_connected(self, timeout: float = 5.0) -> None:
        """Block until a client is connected."""
        with self._cond:
            if not self._cond.wait_for(lambda: bool(self._connections), timeout):
                raise AssertionError(f"no Socket Mode connection within {timeout}s")

    def send(
        self,
        type_: str,
        payload: dict[str, Any],
        accepts_response_payload: bool | None = None,
        *,
        retry_attempt: int = 0,
        retry_reason: str = "",
    ) -> str:
        """Send an envelope (events_api, slash_commands, interactive) to the newest client."""
        if accepts_response_payload is None:
            accepts_response_payload = type_ == "slash_commands" or (
                type_ == "interactive" and payload.get("type") in _ANSWERABLE_INTERACTIONS
            )
        envelope: dict[str, Any] = {
            "envelope_id": str(uuid.uuid4()),
            "type": type_,
            "payload": payload,
            "accepts_response_payload": accepts_response_payload,
        }
        if type_ == "events_api":
            envelope.update(retry_attempt=retry_attempt, retry_reason=retry_reason)
        self._send_raw(envelope)
        return envelope["envelope_id"]

    def _send_raw(self, message: dict[str, Any], *, everyone: bool = False) -> None:
        """Send JSON to the newest connection (or all of them)."""
        with self._cond:
            targets = list(self._connections) if everyone else self._connections[-1:]
            if "envelope_id" in message:
                self.sent.append(message)
        if not targets:
            raise RuntimeError("no Socket Mode client is connected")
        for conn in targets:
            conn.send(json.dumps(message))

    def wait_ack(self, envelope_id: str, timeout: float = 5.0) -> dict[str, Any]:
        """Block until the app acked that envelope; returns what it sent back."""
        with self._cond:
            if not self._cond.wait_for(lambda: envelope_id in self.acks, timeout):
                raise AssertionError(
                    f"no ack for envelope {envelope_id} within {timeout}s; "
                    f"acked so far: {list(self.acks)}"
                )
            return self.acks[envelope_id]

    def disconnect(self, reason: str = "refresh_requested") -> None:
        """Ask clients to reconnect, as Slack does every few hours."""
        message = {"type": "disconnect", "reason": reason, "debug_info": {"host": "fakeslack"}}
        with self._cond:
            self._retiring.extend(self._connections)
        self._send_raw(message, everyone=True)

    def close_connections(self, code: int = 1001, reason: str = "going away") -> None:
        """Close every client connection with a close frame."""
        with self._cond:
            targets = list(self._connections)
        for conn in targets:
            conn.close(code=code, reason=reason)
