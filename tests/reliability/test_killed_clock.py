"""`learnloop clock` killed with SIGKILL in the middle of a fan-out, then restarted.

What bot/prompts/posting.py promises: each due prompt is claimed (a `posting` row unique on
schedule + due time) before chat.postMessage is called, so no channel is ever posted twice.
A prompt whose post was in flight when the process died stays `posting`: the restarted clock
never takes it again, so that channel may miss this prompt (Slack may or may not have
received it), and every other channel gets its prompt exactly once.
"""

from __future__ import annotations

import os
import signal
import time
from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from bot.runtime import open_runtime
from storage.models import PostedPrompt
from tests.prompts.support import new_schedule
from tests.support.bot import test_settings
from tests.support.processes import learnloop_env, start_learnloop

CHANNELS = [f"CFAN{i:02d}" for i in range(12)]


def _statuses(deps) -> dict[str, str]:
    with deps.sessions() as session:
        rows = session.execute(select(PostedPrompt.channel_id, PostedPrompt.status)).all()
    return dict(rows)


def _wait_until(condition, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        time.sleep(0.1)


@pytest.mark.slow
def test_a_clock_killed_mid_fan_out_never_posts_a_channel_twice(slack, database_url, tmp_path):
    runtime = open_runtime(test_settings(slack, database_url))
    # Due one minute ago, every day: the due time stays the same across the restart.
    due = datetime.now(UTC).replace(second=0, microsecond=0) - timedelta(minutes=1)
    for channel in CHANNELS:
        slack.add_channel(channel, channel.lower(), members=["UALICE", slack.bot_user_id])
        new_schedule(
            runtime.deps, channel=channel, cron=f"{due.minute} {due.hour} * * *", timezone="UTC"
        )
    slack.inject("chat.postMessage", delay=0.4, times=len(CHANNELS))
    env = learnloop_env(slack, database_url)

    first = start_learnloop(["clock"], env, tmp_path)
    try:
        slack.wait_for("chat.postMessage", 3, timeout=30)
    finally:
        os.killpg(first.pid, signal.SIGKILL)
        first.wait(timeout=10)
    time.sleep(0.6)  # the post that was in flight reaches the fake Slack (or not)
    before = _statuses(runtime.deps)
    assert 0 < len(before) < len(CHANNELS), "the kill should land in the middle of the fan-out"
    in_flight = [channel for channel, status in before.items() if status == "posting"]

    second = start_learnloop(["clock"], env, tmp_path)
    try:
        expected = len(CHANNELS) - len(in_flight)
        _wait_until(lambda: Counter(_statuses(runtime.deps).values())["posted"] == expected)
    finally:
        second.send_signal(signal.SIGTERM)
        second.wait(timeout=15)

    after = _statuses(runtime.deps)
    runtime.engine.dispose()
    posts = Counter(
        call.params["channel"]
        for call in slack.calls_to("chat.postMessage")
        if call.params.get("channel") in CHANNELS and call.status == 200
    )
    assert set(posts.values()) <= {1}, f"a channel was posted twice: {posts}"
    assert sorted(after) == sorted(CHANNELS)  # each channel's due prompt is recorded once
    for channel in CHANNELS:
        if channel in in_flight:
            # Claimed, killed before its answer: never retried, posted at most once.
            assert after[channel] == "posting"
            assert posts[channel] <= 1
        else:
            assert after[channel] == "posted" and posts[channel] == 1
            assert len(slack.messages(channel)) == 1
