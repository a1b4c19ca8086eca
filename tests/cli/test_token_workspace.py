"""Commands run without --team learn the workspace from the bot token (auth.test): when Slack
answers 429, 500, ok:false, refuses the token or answers too late, run as a user would.

A failed auth.test stops the command with one line saying what Slack answered and what to do,
never a traceback, and nothing is changed.
"""

from __future__ import annotations

import subprocess

import pytest

from tests.reliability.faults import FAULTS, QUICK_TIMEOUT_S, RETRIED_BY_CLIENT, STALL
from tests.support.processes import learnloop_env, run_learnloop

# name -> the fake Slack's answer to auth.test (slack.inject arguments)
AUTH_FAULTS = {**FAULTS, "invalid_auth": {"error": "invalid_auth"}, "timeout": STALL}
# what the line says Slack answered
REASONS = {
    "500": "fatal_error",
    "ok-false": "internal_error",
    "invalid_auth": "invalid_auth",
    "timeout": "no_answer",
}
# Two commands that take the token's workspace on a fresh database, and what they print then.
COMMANDS = {
    "schedule list": "No prompt schedules yet",
    "resources list": "No resources yet",
}


def learnloop(slack, database_url, tmp_path, args: str) -> subprocess.CompletedProcess:
    env = learnloop_env(slack, database_url, LEARNLOOP_SLACK_TIMEOUT_S=str(QUICK_TIMEOUT_S))
    return run_learnloop(args.split(), env, tmp_path)


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("fault", AUTH_FAULTS)
def test_a_token_slack_does_not_place_in_a_workspace_stops_with_one_clear_line(
    slack, database_url, tmp_path, fault, command
):
    slack.inject("auth.test", **AUTH_FAULTS[fault])
    result = learnloop(slack, database_url, tmp_path, command)
    if fault == RETRIED_BY_CLIENT:  # the client waited out Retry-After
        assert result.returncode == 0, result.stderr
        assert COMMANDS[command] in result.stdout
        return
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    [line] = [line for line in result.stderr.splitlines() if line.startswith("learnloop: ")]
    assert line == result.stderr.strip().splitlines()[-1]  # after the migrations' log lines
    assert f"auth.test answered {REASONS[fault]}" in line
    assert "SLACK_BOT_TOKEN" in line and "--team" in line
    assert result.stdout == ""
