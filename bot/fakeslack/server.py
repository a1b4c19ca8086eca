"""The HTTP side of the fake: /api/<method>, response_urls and upload URLs on 127.0.0.1."""

from __future__ import annotations

import base64
import contextlib
import json
import sys
import threading
from email.parser import BytesParser
from email.policy import HTTP
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

from .api import call_method
from .api_files import receive_upload
from .responses import receive_response
from .store import Store

# Arguments Slack takes as JSON-encoded strings in form posts.
JSON_ARGS = frozenset({"blocks", "attachments", "view", "files", "metadata", "unfurls", "options"})


def _form(body: bytes) -> dict[str, Any]:
    """Form-encoded fields, last value wins."""
    return {k: v[-1] for k, v in parse_qs(body.decode("utf-8"), keep_blank_values=True).items()}


def _multipart(content_type: str, body: bytes) -> dict[str, Any]:
    """Fields of a multipart/form-data body (file parts as bytes)."""
    head = f"Content-Type: {content_type}\r\n\r\n".encode()
    message = BytesParser(policy=HTTP).parsebytes(head + body)
    fields: dict[str, Any] = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        if not name:
            continue
        payload = part.get_payload(decode=True) or b""
        fields[str(name)] = payload if part.get_filename() else payload.decode("utf-8")
    return fields


def _decode_json_args(params: dict[str, Any]) -> None:
    """Turn JSON-string arguments (blocks, view, ...) into values, leaving bad JSON as text."""
    for key in JSON_ARGS & params.keys():
        value = params[key]
        if isinstance(value, str) and value.strip()[:1] in ("[", "{"):
            # Bad JSON stays text; handlers then answer invalid_blocks_format and the like.
            with contextlib.suppress(ValueError):
                params[key] = json.loads(value)


class _Handler(BaseHTTPRequestHandler):
    """Routes one request; state lives on the server's Store."""

    server: FakeHTTPServer

    def log_message(self, format: str, *args: Any) -> None:
        """Keep test output quiet."""

    def do_GET(self) -> None:
        """Some slack_sdk methods use GET with query arguments."""
        self._route()

    def do_POST(self) -> None:
        """Most calls are POSTs (form or JSON)."""
        self._route()

    def _body(self) -> bytes:
        """The raw request body."""
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def _params(self, body: bytes) -> dict[str, Any]:
        """Merged query, form, JSON or multipart arguments."""
        query = urlsplit(self.path).query
        params: dict[str, Any] = {k: v[-1] for k, v in parse_qs(query).items()}
        content_type = self.headers.get_content_type()
        if content_type == "application/json" and body:
            decoded = json.loads(body)
            if isinstance(decoded, dict):
                params.update(decoded)
        elif content_type == "application/x-www-form-urlencoded":
            params.update(_form(body))
        elif content_type == "multipart/form-data":
            params.update(_multipart(self.headers["Content-Type"], body))
        _decode_json_args(params)
        return params

    def _token(self, params: dict[str, Any]) -> str | None:
        """Bearer token (or token argument); Basic auth carries OAuth client credentials."""
        token = params.pop("token", None)
        auth = self.headers.get("Authorization", "")
        scheme, _, value = auth.partition(" ")
        if scheme.lower() == "bearer" and value:
            return value.strip()
        if scheme.lower() == "basic" and value:
            client_id, _, secret = base64.b64decode(value).decode().partition(":")
            params.setdefault("client_id", client_id)
            params.setdefault("client_secret", secret)
        return token

    def _send(self, status: int, body: str, headers: dict[str, str] | None = None) -> None:
        """Write a response."""
        data = body.encode("utf-8")
        self.send_response(status)
        is_json = body.startswith("{")
        self.send_header(
            "Content-Type", "application/json; charset=utf-8" if is_json else "text/plain"
        )
        self.send_header("Content-Length", str(len(data)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(data)

    def _route(self) -> None:
        """Dispatch on the path."""
        store = self.server.store
        path = urlsplit(self.path).path
        body = self._body()
        if path.startswith("/api/"):
            try:
                params = self._params(body)
            except (ValueError, UnicodeDecodeError):
                self._send(200, json.dumps({"ok": False, "error": "invalid_json"}))
                return
            token = self._token(params)
            status, headers, answer = call_method(store, path[5:], token, params)
            self._send(status, json.dumps(answer), headers)
        elif path.startswith("/response/"):
            try:
                payload: Any = json.loads(body) if body.strip()[:1] == b"{" else None
                if payload is None:
                    payload = json.loads(_form(body).get("payload", "null"))
            except ValueError:
                payload = None
            with store.changed:
                status, text = receive_response(store, path.removeprefix("/response/"), payload)
                store.changed.notify_all()
            self._send(status, text)
        elif path.startswith("/upload/v1/") and self.command == "POST":
            if self.headers.get_content_type() == "multipart/form-data":
                parts = _multipart(self.headers["Content-Type"], body)
                body = next((v for v in parts.values() if isinstance(v, bytes)), body)
            with store.lock:
                status, text = receive_upload(store, path.removeprefix("/upload/v1/"), body)
            self._send(status, text)
        else:
            self._send(404, "Not Found")


class FakeHTTPServer(ThreadingHTTPServer):
    """A threading HTTP server bound to 127.0.0.1 that knows the fake's Store."""

    daemon_threads = True

    def __init__(self, store: Store) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.store = store
        self._thread: threading.Thread | None = None

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client that stopped waiting (its own timeout, as it would against Slack) hung up
        # before the answer: not the fake's error, and nothing to print.
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)

    @property
    def base_url(self) -> str:
        """http://127.0.0.1:<port>/"""
        return f"http://127.0.0.1:{self.server_address[1]}/"

    def start(self) -> None:
        """Serve in a daemon thread."""
        self._thread = threading.Thread(
            target=self.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()

    def stop(self) -> None:
        """Stop serving and release the port."""
        self.shutdown()
        self.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
