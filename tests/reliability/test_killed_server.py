"""`learnloop serve` killed with SIGKILL during a retro: every acknowledged vote survives.

A vote is written to the database before the HTTP response (the ack); the message update
that shows it runs after. Killing the server while those updates are slow loses at most the
display of the count, never a vote, and the next click after the restart shows them all.
"""

from __future__ import annotations

import os
import signal
import time

import pytest

from bot.fakeslack import SlackRequester
from bot.retro.board import Column
from storage.models import RetroVote
from tests.retro.support import add_item, message_text, start, vote_button, wait_for_text
from tests.retro.test_concurrency import count
from tests.support.bot import SIGNING_SECRET
from tests.support.processes import free_port, learnloop_env, start_learnloop, wait_for_health

VOTERS = [f"UVOTER{n}" for n in range(6)]


def _serve(slack, database_url, tmp_path):
    port = free_port()
    server = start_learnloop(
        ["serve", "--port", str(port), "--host", "127.0.0.1", "--no-scheduler"],
        learnloop_env(slack, database_url),
        tmp_path,
    )
    url = f"http://127.0.0.1:{port}"
    assert wait_for_health(url, server) == 200
    return server, SlackRequester(url + "/slack/events", SIGNING_SECRET, slack=slack)


@pytest.mark.slow
def test_votes_acknowledged_before_a_sigkill_are_all_kept(bot, slack, database_url, tmp_path):
    for user in [*VOTERS, "ULATE"]:
        slack.add_user(user, user.lower())
    start(bot, "UALICE", "Sprint 12")
    add_item(bot, "UALICE", Column.TRY_NEXT, "Write the runbook")
    message = wait_for_text(bot, "Write the runbook")
    button = vote_button(message, 1)

    server, requester = _serve(slack, database_url, tmp_path)
    slack.inject("chat.update", delay=2, times=len(VOTERS))  # updates still in flight at the kill
    try:
        acked = [
            user
            for user in VOTERS
            if requester.block_action(
                button["action_id"], user_id=user, message=message, channel_id="CGENERAL"
            ).status
            == 200
        ]
    finally:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait(timeout=10)
    assert acked == VOTERS
    time.sleep(2.5)  # the updates sent before the kill land (stale), as Slack's would
    assert count(bot, RetroVote) == len(VOTERS)  # every acknowledged vote is in the database

    server, requester = _serve(slack, database_url, tmp_path)
    try:
        late = requester.block_action(
            button["action_id"], user_id="ULATE", message=message, channel_id="CGENERAL"
        )
        assert late.status == 200
        shown = wait_for_text(bot, f"*{len(VOTERS) + 1}*")
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=15)
    assert count(bot, RetroVote) == len(VOTERS) + 1  # none counted twice
    assert f"{len(VOTERS) + 1} voted so far" in message_text(shown)
