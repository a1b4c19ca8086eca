"""Reference app: the least a durable `/learning` can do.

Checks Slack's signature, parses the form, INSERTs the row learnloop stores for a
`/learning <text>` into the same migrated `learnings` table (so the database does the same
work: its indexes and, on SQLite, the full-text index's trigger) and COMMITs, through the
database driver directly (sqlite3 or psycopg, one connection per thread, no ORM, no pool),
then acks. The bench creates the table and the workspace's row before starting it.

On SQLite, which lets one writer in at a time, the worker's threads take turns on a lock
before they begin: left to SQLite's busy handler, the ones that find the database taken sleep
in steps of up to 100 ms, and that sleep, not the work, made the floor's tail (p99 98 against
40 ms at concurrency 32 with four threads, 246 against 58 ms with sixteen, side by side).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import sqlite3
import threading
import time
from datetime import UTC, datetime
from urllib.parse import parse_qs

SECRET = os.environ["SLACK_SIGNING_SECRET"].encode()
DATABASE_URL = os.environ["DATABASE_URL"]
_local = threading.local()
_sqlite_writer = threading.Lock()

COLUMNS = (
    "team_id, channel_id, user_id, lever, text, source, tags, visibility, search_text, "
    "created_at, updated_at"
)
INSERT = "INSERT INTO learnings ({columns}) VALUES ({marks}) RETURNING id"


def _connect():
    if DATABASE_URL.startswith("sqlite"):
        connection = sqlite3.connect(
            DATABASE_URL.split("///", 1)[1], timeout=30, isolation_level=None
        )
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA busy_timeout=30000")
        return connection, INSERT.format(columns=COLUMNS, marks=", ".join("?" * 11))
    import psycopg

    connection = psycopg.connect(DATABASE_URL.replace("postgresql+psycopg", "postgresql"))
    return connection, INSERT.format(columns=COLUMNS, marks=", ".join(["%s"] * 11))


def _store(team_id: str, user_id: str, channel_id: str, text: str) -> int:
    if not hasattr(_local, "connection"):
        _local.connection, _local.insert = _connect()
    connection, insert = _local.connection, _local.insert
    now = datetime.now(UTC)
    if isinstance(connection, sqlite3.Connection):
        stamp = now.strftime("%Y-%m-%d %H:%M:%S.%f")
        values = (team_id, channel_id, user_id, "other", text, "command", "[]", "private",
                  text.lower(), stamp, stamp)  # fmt: skip
        with _sqlite_writer:
            connection.execute("BEGIN IMMEDIATE")
            (learning_id,) = connection.execute(insert, values).fetchone()
            connection.execute("COMMIT")
        return learning_id
    values = (team_id, channel_id, user_id, "other", text, "command", "[]", "private",
              text.lower(), now, now)  # fmt: skip
    (learning_id,) = connection.execute(insert, values).fetchone()
    connection.commit()
    return learning_id


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
    learning_id = _store(
        form.get("team_id", ""), form.get("user_id", ""), form.get("channel_id", ""),
        form.get("text", ""),
    )  # fmt: skip
    answer = json.dumps({"response_type": "ephemeral", "text": f"saved #{learning_id}"}).encode()
    start_response(
        "200 OK", [("Content-Type", "application/json"), ("Content-Length", str(len(answer)))]
    )
    return [answer]
