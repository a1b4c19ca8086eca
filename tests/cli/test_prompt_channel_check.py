"""`learnloop schedule add` and `learnloop prompt` when conversations.info fails with a 500 that
names no error (a proxy's answer, say), run as a user would: the line says the HTTP status."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from bot.runtime import open_runtime
from bot.settings import parse_settings
from tests.prompts.support import prompts, schedules
from tests.support.processes import learnloop_env, run_learnloop

TEAM = "T0001"


class _Refusal(BaseHTTPRequestHandler):
    """Answers every Web API call with a 500 whose JSON body has no `error`."""

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.server.asked.append(self.path)
        body = b'{"ok": false}'
        self.send_response(500)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


class _FailingSlack(ThreadingHTTPServer):
    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Refusal)
        self.asked: list[str] = []


@pytest.fixture(name="failing_slack")
def failing_slack_fixture() -> Iterator[tuple[str, list[str]]]:
    """(its Web API URL, the paths it was asked)."""
    server = _FailingSlack()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/api/", server.asked
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize(
    "command",
    [
        ["schedule", "add", "--channel", "CGENERAL", "--team", TEAM],
        ["prompt", "--channel", "CGENERAL", "--team", TEAM],
    ],
    ids=["schedule add", "prompt"],
)
def test_a_500_naming_no_error_is_told_by_its_status_and_changes_nothing(
    failing_slack, database_url, tmp_path, command
):
    api_url, asked = failing_slack
    env = learnloop_env(None, database_url, SLACK_BOT_TOKEN="xoxb-test", SLACK_API_URL=api_url)
    result = run_learnloop(command, env, tmp_path)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    [line] = [line for line in result.stderr.splitlines() if line.startswith("learnloop: ")]
    assert "Slack answered 500 about CGENERAL; nothing was changed" in line
    assert asked == ["/api/conversations.info"]  # nothing posted
    runtime = open_runtime(parse_settings({"DATABASE_URL": database_url}))
    try:
        assert schedules(runtime.deps) == [] and prompts(runtime.deps) == []
    finally:
        runtime.engine.dispose()
