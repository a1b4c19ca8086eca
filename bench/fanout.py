"""Fan-out: a weekly prompt to 1,000 channels across 10 workspaces, against Slack's limits.

The fake Slack enforces one post per second per channel and a per-workspace burst and pace
(the values of bot.pacing.DEFAULT_LIMITS); the bot runs in many-workspace mode, each
workspace with its own token from the installation store. A second run stops the clock
halfway and starts a new one, and counts duplicates and losses.

The job measured is a reference weekly-prompt job written the way learnloop's jobs are
(claim each occurrence in the database, then post, paced by bot.pacing.fan_out).
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from datetime import UTC, datetime, timedelta

from slack_sdk.errors import SlackApiError
from sqlalchemy import insert, select, update
from sqlalchemy.dialects import postgresql, sqlite

from bot.deps import Deps
from bot.fakeslack import FakeSlack
from bot.pacing import DEFAULT_LIMITS, fan_out, lower_bound_s
from bot.runtime import open_runtime
from bot.settings import Settings
from storage.models import SLACK_BOTS, PostedPrompt, Schedule, Workspace

PENDING, SENDING, POSTED = "pending", "sending", "posted"


def weekly_prompt_job(deps: Deps, now: datetime, stop: threading.Event | None = None) -> int:
    """Claim this week's prompt of every enabled schedule, then post the claimed ones, paced."""
    with deps.sessions() as session:
        schedules = session.execute(
            select(Schedule.id, Schedule.team_id, Schedule.channel_id).where(Schedule.enabled)
        ).all()
    # One statement claims every occurrence; a row another clock (or this one before a
    # restart) already claimed is left as it is.
    rows = [
        {
            "team_id": team_id,
            "channel_id": channel_id,
            "schedule_id": schedule_id,
            "lever": "team_learning",
            "question_key": "weekly",
            "language": "en",
            "due_at": now,
            "status": PENDING,
            "created_at": now,
        }
        for schedule_id, team_id, channel_id in schedules
    ]
    if rows:
        with deps.sessions.begin() as session:
            dialect = session.get_bind().dialect.name
            insert_ = postgresql.insert if dialect == "postgresql" else sqlite.insert
            session.execute(
                insert_(PostedPrompt).on_conflict_do_nothing(
                    index_elements=["schedule_id", "due_at"]
                ),
                rows,
            )
    with deps.sessions() as session:
        claimed = session.execute(
            select(PostedPrompt.id, PostedPrompt.team_id, PostedPrompt.channel_id).where(
                PostedPrompt.due_at == now, PostedPrompt.status == PENDING
            )
        ).all()

    def send(row) -> str | None:
        prompt_id, team_id, channel_id = row
        with deps.sessions.begin() as session:
            taken = session.execute(
                update(PostedPrompt)
                .where(PostedPrompt.id == prompt_id, PostedPrompt.status == PENDING)
                .values(status=SENDING)
            ).rowcount
        if not taken:
            return None
        try:
            answer = deps.client_for(team_id).chat_postMessage(
                channel=channel_id, text=f"What did the team learn this week? ({now:%Y-%m-%d})"
            )
        except SlackApiError:
            with deps.sessions.begin() as session:  # give the claim back for the next tick
                session.execute(
                    update(PostedPrompt).where(PostedPrompt.id == prompt_id).values(status=PENDING)
                )
            raise
        with deps.sessions.begin() as session:
            session.execute(
                update(PostedPrompt)
                .where(PostedPrompt.id == prompt_id)
                .values(status=POSTED, message_ts=answer["ts"])
            )
        return answer["ts"]

    outcomes = fan_out([(row[1], row[2], row) for row in claimed], send, stop=stop)
    return sum(1 for outcome in outcomes if outcome.result)


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
                        team_id=team_id, channel_id=channel_id, cron="0 9 * * MON", timezone="UTC"
                    )
                )
                targets.append((team_id, channel_id, None))
    return targets


def _count(slack: FakeSlack, targets: list, marker: str) -> tuple[int, int, int]:
    per_channel = Counter()
    for _team, channel_id, _ in targets:
        per_channel[channel_id] = sum(1 for m in slack.messages(channel_id) if marker in m["text"])
    duplicates = sum(max(0, n - 1) for n in per_channel.values())
    losses = sum(1 for n in per_channel.values() if n == 0)
    return sum(per_channel.values()), duplicates, losses


def bench_fanout(
    database_url: str, *, workspaces: int = 10, channels_per_workspace: int = 100
) -> dict:
    """Run the uninterrupted fan-out and the restarted one; times, duplicates, losses."""
    limits = DEFAULT_LIMITS
    with FakeSlack() as slack:
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
        targets = _seed(slack, runtime.deps, workspaces, channels_per_workspace)
        bound = lower_bound_s(targets, limits)

        first_due = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
        started = time.perf_counter()
        weekly_prompt_job(runtime.deps, first_due)
        elapsed = time.perf_counter() - started
        total, duplicates, losses = _count(slack, targets, f"{first_due:%Y-%m-%d}")
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
            target=weekly_prompt_job, args=(first_clock.deps, second_due, stop)
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
        weekly_prompt_job(second_clock.deps, second_due)
        second_clock.engine.dispose()
        total2, duplicates2, losses2 = _count(slack, targets, f"{second_due:%Y-%m-%d}")

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
            "posted": total2,
            "duplicates": duplicates2,
            "losses": losses2,
        },
    }
