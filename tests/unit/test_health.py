"""/healthz answers 503 when the database does not answer."""

from __future__ import annotations

import io
import json

from slack_bolt import App

from bot.web import make_wsgi_app
from storage.db import make_engine


def _get(application, path):
    captured = {}

    def start_response(status, headers):
        captured["status"] = status

    body = b"".join(
        application(
            {"PATH_INFO": path, "REQUEST_METHOD": "GET", "wsgi.input": io.BytesIO()}, start_response
        )
    )
    return captured["status"], json.loads(body)


def test_health_is_503_when_the_database_is_unreachable():
    engine = make_engine(
        "postgresql+psycopg://nobody@127.0.0.1:1/none", connect_args={"connect_timeout": 1}
    )
    app = App(token="xoxb-unused", signing_secret="s", token_verification_enabled=False)
    assert _get(make_wsgi_app(app, engine), "/healthz") == (
        "503 Service Unavailable",
        {"status": "unavailable"},
    )


def test_health_is_200_when_the_database_answers(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'h.db'}")
    app = App(token="xoxb-unused", signing_secret="s", token_verification_enabled=False)
    assert _get(make_wsgi_app(app, engine), "/healthz") == ("200 OK", {"status": "ok"})
