"""The HTTP front: Bolt's WSGI adapter for Slack, plus a health check, served by gunicorn."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any

from slack_bolt import App
from slack_bolt.adapter.wsgi import SlackRequestHandler
from sqlalchemy import Engine

from storage.db import database_answers

EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/healthz"

StartResponse = Callable[..., Any]


def make_wsgi_app(app: App, engine: Engine) -> Callable[[dict, StartResponse], Iterable[bytes]]:
    """A WSGI application: `GET /healthz`, and everything Slack sends, to the Bolt app."""
    slack = SlackRequestHandler(app, path=EVENTS_PATH)

    def application(environ: dict, start_response: StartResponse) -> Iterable[bytes]:
        if environ.get("PATH_INFO") == HEALTH_PATH and environ.get("REQUEST_METHOD") == "GET":
            return _health(engine, start_response)
        return slack(environ, start_response)

    return application


def _health(engine: Engine, start_response: StartResponse) -> list[bytes]:
    healthy = database_answers(engine)
    body = json.dumps({"status": "ok" if healthy else "unavailable"}).encode()
    status = "200 OK" if healthy else "503 Service Unavailable"
    start_response(
        status, [("Content-Type", "application/json"), ("Content-Length", str(len(body)))]
    )
    return [body]
