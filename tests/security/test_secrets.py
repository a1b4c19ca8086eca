"""Secrets never reach logs, `.env` is never committed, and logs can be JSON with their context."""

from __future__ import annotations

import io
import json
import logging
import subprocess
from pathlib import Path

from bot.logs import JsonFormatter, RedactingFormatter, RequestFieldsFilter, bind_request

ROOT = Path(__file__).parents[2]


def _log_through(formatter: logging.Formatter, message: str, *args, **extra) -> str:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(formatter)
    handler.addFilter(RequestFieldsFilter())
    logger = logging.getLogger("learnloop.test.secrets")
    logger.handlers[:] = [handler]
    logger.propagate = False
    logger.error(message, *args, extra=extra)
    return stream.getvalue()


def test_tokens_are_masked_in_text_and_json_logs():
    for formatter in (RedactingFormatter("%(message)s"), JsonFormatter()):
        line = _log_through(
            formatter, "calling with %s and %s", "xoxb-123-456-abcDEF", "xapp-1-A1-2-zz"
        )
        assert "abcDEF" not in line and "zz" not in line.replace("[redacted]", "")
        assert "xoxb-[redacted]" in line


def test_json_logs_carry_the_team_and_request_id():
    bind_request(team_id="T0001", request_id="req-42")
    try:
        entry = json.loads(_log_through(JsonFormatter(), "stored a learning"))
    finally:
        bind_request()
    assert entry["team_id"] == "T0001"
    assert entry["request_id"] == "req-42"
    assert entry["message"] == "stored a learning"
    assert entry["level"] == "error"


def test_dotenv_is_ignored_by_git():
    assert ".env" in (ROOT / ".gitignore").read_text().split()
    if (ROOT / ".git").exists():
        result = subprocess.run(
            ["git", "check-ignore", "-q", ".env"], cwd=ROOT, capture_output=True, check=False
        )
        assert result.returncode == 0
        tracked = subprocess.run(
            ["git", "ls-files", ".env"], cwd=ROOT, capture_output=True, text=True, check=True
        )
        assert tracked.stdout == ""


def test_a_request_logs_its_team_and_slack_id_and_never_the_token(bot, caplog):
    caplog.set_level(logging.INFO)
    handler_records: list[logging.LogRecord] = []
    capture = logging.Handler()
    capture.emit = handler_records.append
    capture.addFilter(RequestFieldsFilter())
    logging.getLogger().addHandler(capture)
    try:
        bot.slack.inject("users.info", error="fatal_error")
        response = bot.requester.command(
            "/learning", "other: logs must not leak", user_id="UALICE", channel_id="CGENERAL"
        )
    finally:
        logging.getLogger().removeHandler(capture)
    assert response.status == 200
    warning = next(r for r in handler_records if "users.info failed" in r.getMessage())
    assert warning.team_id == "T0001"
    assert warning.request_id
    everything = (
        "\n".join(JsonFormatter().format(record) for record in handler_records) + caplog.text
    )
    assert bot.slack.bot_token not in everything
    assert "test-signing-secret" not in everything


def test_the_slower_half_of_a_request_logs_with_the_same_team_and_request_id(bot):
    records: list[logging.LogRecord] = []
    capture = logging.Handler()
    capture.emit = records.append
    capture.addFilter(RequestFieldsFilter())
    logging.getLogger().addHandler(capture)
    try:
        bot.slack.inject("views.open", error="internal_error")
        response = bot.requester.command("/learning", "", user_id="UALICE", channel_id="CGENERAL")
        bot.wait_idle()  # the modal opens in a lazy listener, on another thread
    finally:
        logging.getLogger().removeHandler(capture)
    assert response.status == 200
    [opened] = bot.slack.calls_to("views.open")
    warning = next(r for r in records if "modal was not opened" in r.getMessage())
    assert warning.team_id == "T0001"
    assert warning.request_id == opened.params["trigger_id"]
