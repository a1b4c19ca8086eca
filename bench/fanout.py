"""Fan-out: a weekly prompt to 1,000 channels across 10 workspaces, against Slack's limits.

The fake Slack enforces one post per second per channel and a per-workspace burst and pace
(the values of bot.pacing.DEFAULT_LIMITS); the bot runs in many-workspace mode, each
workspace with its own token from the installation store. A second run stops the clock
halfway and starts a new one, and counts duplicates and losses.

The job measured is the real one the clock runs, bot.prompts.posting.post_due_prompts: each
due prompt is claimed in the database just before it is posted, paced by bot.pacing.fan_out.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, insert, select

from bot.deps import Deps
from bot.fakeslack import FakeSlack
from bot.pacing import DEFAULT_LIMITS, lower_bound_s
from bot.prompts.posting import post_due_prompts
from bot.runtime import Runtime, open_runtime
from bot.scheduler import TICK_SECONDS
from bot.settings import Settings
from storage.models import SLACK_BOTS, PostedPrompt, Schedule, Workspace

# Schedules are active from long before any due time the bench picks.
ACTIVE_FROM = datetime(2020, 1, 6, tzinfo=UTC)
NEXT_TICK = timedelta(seconds=TICK_SECONDS)


def open_limited_workspaces(
    slack: FakeSlack, database_url: str, workspaces: int, channels_per_workspace: int
) -> tuple[Runtime, list]:
    """The fake Slack keeping DEFAULT_LIMITS, and a clock's runtime (many-workspace mode) whose
    workspaces each have a weekly prompt in every channel; (the runtime, the prompts' targets)."""
    limits = DEFAULT_LIMITS
    slack.limit_posting(
        channel_interval_s=limits.channel_interval_s,
        workspace_per_s=limits.workspace_per_s,
        workspace_burst=limits.workspace_burst,
    )
    settings = Settings(
        client_id=slack.client_id,
        client_secret=slack.client_secret,
        signing_secret="bench",
        api_url=slack.api_url,
        database_url=database_url,
    )
    runtime = open_runtime(settings)
    return runtime, _seed(slack, runtime.deps, workspaces, channels_per_workspace)


def _seed(slack: FakeSlack, deps: Deps, workspaces: int, channels_per_workspace: int) -> list:
    targets = []
    with deps.sessions.begin() as session:
        for w in range(workspaces):
            team_id, token = f"T{9000 + w}", f"xoxb-bench-{w}"
            slack.add_workspace(team_id, token)
            bot_user = f"UB{9000 + w}"
            session.add(Workspace(team_id=team_id, settings={}))
            session.execute(
                insert(SLACK_BOTS).values(
                    client_id=slack.client_id,
                    app_id=slack.app_id,
                    team_id=team_id,
                    bot_token=token,
                    bot_id=f"BB{9000 + w}",
                    bot_user_id=bot_user,
                    is_enterprise_install=False,
                    installed_at=datetime.now(UTC).replace(tzinfo=None),
                )
            )
            session.flush()
            for c in range(channels_per_workspace):
                channel_id = f"C{9000 + w}X{c:04d}"
                slack.add_channel(channel_id, f"team-{w}-{c}", team_id=team_id, members=[bot_user])
                session.add(
                    Schedule(
                        team_id=team_id,
                        channel_id=channel_id,
                        cron="0 9 * * MON",
                        timezone="UTC",
                        active_from=ACTIVE_FROM,
                    )
                )
                targets.append((team_id, channel_id, None))
    return targets


def _statuses(deps: Deps, due_at: datetime) -> dict[str, int]:
    """How many of the prompts due at a moment are posted, failed (to retry), or in flight."""
    with deps.sessions() as session:
        rows = session.execute(
            select(PostedPrompt.status, func.count())
            .where(PostedPrompt.due_at == due_at)
            .group_by(PostedPrompt.status)
        )
        return {status: count for status, count in rows}


def _count(slack: FakeSlack, targets: list) -> tuple[int, int, int]:
    """Prompts posted since the call log was last cleared: total, duplicates, losses."""
    per_channel = Counter(
        call.params["channel"] for call in slack.calls_to("chat.postMessage") if call.status == 200
    )
    counts = [per_channel[channel_id] for _team, channel_id, _ in targets]
    duplicates = sum(max(0, n - 1) for n in counts)
    losses = sum(1 for n in counts if n == 0)
    return sum(counts), duplicates, losses


def bench_fanout(
    database_url: str, *, workspaces: int = 10, channels_per_workspace: int = 100
) -> dict:
    """Run the uninterrupted fan-out and the restarted one; times, duplicates, losses."""
    limits = DEFAULT_LIMITS
    with FakeSlack() as slack:
        runtime, targets = open_limited_workspaces(
            slack, database_url, workspaces, channels_per_workspace
        )
        settings = runtime.deps.settings
        bound = lower_bound_s(targets, limits)

        first_due = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
        started = time.perf_counter()
        post_due_prompts(runtime.deps, first_due)
        elapsed = time.perf_counter() - started
        total, duplicates, losses = _count(slack, targets)
        rate_limited = sum(1 for c in slack.calls_to("chat.postMessage") if c.status == 429)
        runtime.engine.dispose()

        # A clock stopped halfway through the next week's fan-out, and a new one started.
        # Let every channel and workspace bucket refill, as a week would.
        time.sleep(
            max(limits.channel_interval_s, limits.workspace_burst / limits.workspace_per_s) + 0.5
        )
        second_due = first_due + timedelta(days=7)
        slack.clear_calls()
        first_clock = open_runtime(settings, migrate=False)
        stop = threading.Event()
        runner = threading.Thread(
            target=post_due_prompts, args=(first_clock.deps, second_due, stop)
        )
        runner.start()
        half = len(targets) // 2
        while runner.is_alive() and len(slack.calls_to("chat.postMessage")) < half:
            time.sleep(0.05)
        stop.set()
        runner.join()
        posted_before_restart = sum(
            1 for c in slack.calls_to("chat.postMessage") if c.status == 200
        )
        first_clock.engine.dispose()
        second_clock = open_runtime(settings, migrate=False)
        post_due_prompts(second_clock.deps, second_due)
        after_first_tick = _statuses(second_clock.deps, second_due)
        # The new clock's next tick: a post Slack still refused after three turns (its limits
        # remember the stopped clock's posts, the new clock's pacer does not) is tried again
        # then, as in production.
        post_due_prompts(second_clock.deps, second_due + NEXT_TICK)
        second_clock.engine.dispose()
        total2, duplicates2, losses2 = _count(slack, targets)

    return {
        "channels": len(targets),
        "workspaces": workspaces,
        "limits": {
            "channel_interval_s": limits.channel_interval_s,
            "workspace_per_s": limits.workspace_per_s,
            "workspace_burst": limits.workspace_burst,
        },
        "lower_bound_s": round(bound, 3),
        "total_s": round(elapsed, 3),
        "ratio_to_bound": round(elapsed / bound, 3) if bound else None,
        "posted": total,
        "duplicates": duplicates,
        "losses": losses,
        "rate_limited_answers": rate_limited,
        "restart": {
            "posted_before_restart": posted_before_restart,
            "prompts_after_the_new_clocks_first_tick": after_first_tick,
            "posted": total2,
            "duplicates": duplicates2,
            "losses": losses2,
        },
    }
