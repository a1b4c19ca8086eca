"""A fan-out Slack answers with 429s still posts each prompt once, within the fan-out.

Slack's bucket for a workspace may hold posts this clock's pacer does not know of (a clock
restarted mid-fan-out, another app's posts): the pacer's first sends are then refused with 429
and Retry-After. Each refused prompt stays claimed (`posting`), its workspace is held for
Retry-After, and it is sent again in a new turn of the pacer (bot.pacing.Turn), rather than
by the client's blind retries into moments given to other sends.
"""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime

import pytest
from slack_sdk import WebClient
from sqlalchemy import select

from bench.fanout import open_limited_workspaces
from bot.pacing import DEFAULT_LIMITS
from bot.prompts.posting import post_due_prompts
from storage.models import PostedPrompt

DUE = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)


@pytest.mark.slow  # about 10 s: Slack's limits let 60 posts through at 4 a second
def test_a_fan_out_answered_with_429s_posts_each_prompt_once_and_loses_none(slack, database_url):
    limits = DEFAULT_LIMITS
    runtime, targets = open_limited_workspaces(
        slack, database_url, workspaces=1, channels_per_workspace=40
    )
    # The workspace's whole burst is spent just before, by posts the pacer does not know of.
    for n in range(limits.workspace_burst):
        slack.add_channel(f"CEARLIER{n}", f"earlier-{n}", team_id="T9000", members=["UB9000"])
        earlier = WebClient(token="xoxb-bench-0", base_url=slack.api_url)
        earlier.chat_postMessage(channel=f"CEARLIER{n}", text="posted before the fan-out")
    slack.clear_calls()

    post_due_prompts(runtime.deps, DUE)

    calls = slack.calls_to("chat.postMessage")
    assert any(call.status == 429 for call in calls)
    per_channel = Counter(call.params["channel"] for call in calls if call.status == 200)
    assert per_channel == Counter(channel for _team, channel, _ in targets)
    with runtime.deps.sessions() as session:
        statuses = Counter(session.scalars(select(PostedPrompt.status)))
    assert statuses == {"posted": len(targets)}
    runtime.engine.dispose()
