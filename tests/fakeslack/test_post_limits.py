"""The fake's opt-in posting limits: one post a second per channel, a burst per workspace."""

from __future__ import annotations

import pytest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.fakeslack import FakeSlack
from bot.fakeslack.postlimits import PostLimits, retry_after_s


class Ticks:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_a_channel_takes_one_post_a_second():
    ticks = Ticks()
    limits = PostLimits(
        channel_interval_s=1.0, workspace_per_s=100, workspace_burst=10, clock=ticks
    )
    assert limits.admit("T1", "C1") == 0.0
    assert limits.admit("T1", "C1") == pytest.approx(1.0)
    assert limits.admit("T1", "C2") == 0.0
    ticks.now += 1.0
    assert limits.admit("T1", "C1") == 0.0


def test_a_workspace_takes_a_burst_then_its_sustained_pace():
    ticks = Ticks()
    limits = PostLimits(channel_interval_s=1.0, workspace_per_s=4, workspace_burst=3, clock=ticks)
    assert [limits.admit("T1", f"C{i}") for i in range(3)] == [0.0, 0.0, 0.0]
    assert limits.admit("T1", "C9") == pytest.approx(0.25)
    assert limits.admit("T2", "C9") == 0.0  # another workspace has its own bucket
    ticks.now += 0.25
    assert limits.admit("T1", "C9") == 0.0
    assert retry_after_s(0.25) == 1 and retry_after_s(2.1) == 3


def test_posting_above_the_limit_answers_429_with_retry_after():
    with FakeSlack() as slack:
        slack.add_channel("C1", "one", members=[slack.bot_user_id])
        slack.limit_posting(channel_interval_s=60)
        client = WebClient(token=slack.bot_token, base_url=slack.api_url)
        client.chat_postMessage(channel="C1", text="first")
        with pytest.raises(SlackApiError) as refused:
            client.chat_postMessage(channel="C1", text="second")
        assert refused.value.response.status_code == 429
        assert refused.value.response.headers["Retry-After"] == "60"
        assert refused.value.response["error"] == "ratelimited"
        assert [m["text"] for m in slack.messages("C1")] == ["first"]
        assert [c.status for c in slack.calls_to("chat.postMessage")] == [200, 429]


def test_posting_is_not_limited_unless_asked():
    with FakeSlack() as slack:
        slack.add_channel("C1", "one", members=[slack.bot_user_id])
        client = WebClient(token=slack.bot_token, base_url=slack.api_url)
        for n in range(5):
            client.chat_postMessage(channel="C1", text=str(n))
        assert len(slack.messages("C1")) == 5
