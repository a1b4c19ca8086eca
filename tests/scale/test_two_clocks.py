"""Two clocks on one PostgreSQL post each due prompt once, paced within Slack's limits.

The clocks run the real scheduler tick (bot.scheduler.run_due_jobs, whose prompt job is
bot.prompts.posting.post_due_prompts): each due prompt is claimed with an INSERT on the unique
(schedule_id, due_at) just before it is posted, and posts are paced by bot.pacing.fan_out.
"""

from __future__ import annotations

import threading
from collections import Counter
from datetime import UTC, datetime

from sqlalchemy import select

from bench.fanout import _seed
from bot.prompts.posting import post_due_prompts
from bot.runtime import open_runtime
from bot.scheduler import run_due_jobs
from bot.settings import Settings
from storage.models import PostedPrompt
from tests.support.databases import empty_all_tables

DUE = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)


def _clock_settings(slack, url: str) -> Settings:
    return Settings(
        client_id=slack.client_id,
        client_secret=slack.client_secret,
        signing_secret="s",
        api_url=slack.api_url,
        database_url=url,
    )


def test_two_clocks_on_one_postgresql_post_each_due_prompt_once(slack, postgres_url):
    empty_all_tables(postgres_url)
    slack.limit_posting(workspace_burst=20)
    clocks = [open_runtime(_clock_settings(slack, postgres_url)) for _ in range(2)]
    targets = _seed(slack, clocks[0].deps, workspaces=3, channels_per_workspace=15)
    start = threading.Barrier(2)

    def tick(deps) -> None:
        start.wait()
        run_due_jobs(deps, DUE)

    threads = [threading.Thread(target=tick, args=(clock.deps,)) for clock in clocks]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    posts = [c for c in slack.calls_to("chat.postMessage") if c.status == 200]
    per_channel = Counter(call.params["channel"] for call in posts)
    assert sorted(per_channel) == sorted(channel for _team, channel, _ in targets)
    assert set(per_channel.values()) == {1}
    assert [c for c in slack.calls_to("chat.postMessage") if c.status == 429] == []
    with clocks[0].deps.sessions() as session:
        statuses = Counter(session.scalars(select(PostedPrompt.status)))
    assert statuses == {"posted": len(targets)}
    for clock in clocks:
        clock.engine.dispose()


def test_a_clock_stopped_mid_fan_out_is_resumed_by_the_next_without_duplicates(slack, postgres_url):
    empty_all_tables(postgres_url)
    slack.limit_posting(workspace_burst=5, workspace_per_s=50)
    first = open_runtime(_clock_settings(slack, postgres_url))
    targets = _seed(slack, first.deps, workspaces=2, channels_per_workspace=20)
    stop = threading.Event()
    halfway = threading.Event()
    calls = []

    original = first.deps.clients

    def counting_clients(team_id):
        calls.append(team_id)
        if len(calls) >= len(targets) // 2:
            stop.set()  # as the clock's SIGTERM does through bot.pacing.STOPPING
            halfway.set()
        return original(team_id)

    first.deps.clients = counting_clients
    post_due_prompts(first.deps, DUE, stop)
    assert halfway.is_set()
    sent_by_first = len([c for c in slack.calls_to("chat.postMessage") if c.status == 200])
    assert 0 < sent_by_first < len(targets)
    first.engine.dispose()

    second = open_runtime(_clock_settings(slack, postgres_url), migrate=False)
    with second.deps.sessions() as session:
        statuses = Counter(session.scalars(select(PostedPrompt.status)))
    # The first clock claimed only what it posted: the rest were never claimed, not lost.
    assert statuses == {"posted": sent_by_first}
    run_due_jobs(second.deps, DUE)

    posts = [c for c in slack.calls_to("chat.postMessage") if c.status == 200]
    per_channel = Counter(call.params["channel"] for call in posts)
    assert len(per_channel) == len(targets)
    assert set(per_channel.values()) == {1}
    with second.deps.sessions() as session:
        statuses = Counter(session.scalars(select(PostedPrompt.status)))
    assert statuses == {"posted": len(targets)}
    second.engine.dispose()
