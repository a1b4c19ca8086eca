"""Reference app: the least a durable `/learning` can do.

Checks Slack's signature, parses the form, INSERTs one row and COMMITs through the database
driver directly (sqlite3 or psycopg, one connection per thread, no ORM, no pool), and acks.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import sqlite3
import threading
import time
from urllib.parse import parse_qs

SECRET = os.environ["SLACK_SIGNING_SECRET"].encode()
DATABASE_URL = os.environ["DATABASE_URL"]
_local = threading.local()

CREATE = (
    "CREATE TABLE IF NOT EXISTS floor_learnings (id {id}, team_id VARCHAR(32) NOT NULL, "
    "user_id VARCHAR(32), text TEXT NOT NULL, created_at VARCHAR(40) NOT NULL)"
)
INSERT = (
    "INSERT INTO floor_learnings (team_id, user_id, text, created_at) VALUES ({p}, {p}, {p}, {p})"
)


def _connect():
    if DATABASE_URL.startswith("sqlite"):
        connection = sqlite3.connect(
            DATABASE_URL.split("///", 1)[1], timeout=30, isolation_level=None
        )
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA busy_timeout=30000")
        connection.execute(CREATE.format(id="INTEGER PRIMARY KEY"))
        return connection, "?"
    import psycopg

    connection = psycopg.connect(DATABASE_URL.replace("postgresql+psycopg", "postgresql"))
    connection.execute(CREATE.format(id="SERIAL PRIMARY KEY"))
    connection.commit()
    return connection, "%s"


def _store(team_id: str, user_id: str, text: str) -> None:
    if not hasattr(_local, "connection"):
        _local.connection, _local.placeholder = _connect()
    connection, p = _local.connection, _local.placeholder
    values = (team_id, user_id, text, time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()))
    if isinstance(connection, sqlite3.Connection):
        connection.execute("BEGIN IMMEDIATE")
        connection.execute(INSERT.format(p=p), values)
        connection.execute("COMMIT")
    else:
        connection.execute(INSERT.format(p=p), values)
        connection.commit()


def _signed(environ: dict, body: bytes) -> bool:
    timestamp = environ.get("HTTP_X_SLACK_REQUEST_TIMESTAMP", "")
    expected = (
        "v0=" + hmac.new(SECRET, f"v0:{timestamp}:".encode() + body, hashlib.sha256).hexdigest()
    )
    given = environ.get("HTTP_X_SLACK_SIGNATURE", "")
    return (
        timestamp.isdigit()
        and abs(time.time() - int(timestamp)) < 300
        and hmac.compare_digest(expected, given)
    )


def application(environ: dict, start_response):
    body = environ["wsgi.input"].read(int(environ.get("CONTENT_LENGTH") or 0))
    if not _signed(environ, body):
        start_response("401 Unauthorized", [("Content-Length", "0")])
        return [b""]
    form = {k: v[0] for k, v in parse_qs(body.decode()).items()}
    _store(form.get("team_id", ""), form.get("user_id", ""), form.get("text", ""))
    answer = json.dumps({"response_type": "ephemeral", "text": "ok"}).encode()
    start_response(
        "200 OK", [("Content-Type", "application/json"), ("Content-Length", str(len(answer)))]
    )
    return [answer]
