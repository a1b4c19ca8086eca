"""A tiny threaded HTTP server running a Bolt App, so SlackRequester can hit it for real."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from slack_bolt import App, BoltRequest


class BoltServer:
    """Serves app.dispatch on http://127.0.0.1:<port>/slack/events."""

    def __init__(self, app: App) -> None:
        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:
                """Quiet."""

            def do_POST(self) -> None:
                """Hand the raw request to Bolt, which verifies the signature."""
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length).decode("utf-8")
                headers = {k: [v] for k, v in self.headers.items()}
                response = app.dispatch(BoltRequest(body=body, headers=headers))
                data = (response.body or "").encode("utf-8")
                self.send_response(response.status)
                for key, values in response.headers.items():
                    for value in values:
                        self.send_header(key, value)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def url(self) -> str:
        """The Request URL."""
        return f"http://127.0.0.1:{self._server.server_address[1]}/slack/events"

    def __enter__(self) -> BoltServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
