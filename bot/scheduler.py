"""The clock: one tick every few seconds runs every job that is due, reading the database.

Jobs are plain functions `job(deps, now)`. Each decides what is due from database rows and
claims it with a unique key before acting, so a restart, a retry or a second clock never
does the same thing twice; schedules changed in Slack or the CLI count from the next tick.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.schedulers.base import BaseScheduler
from apscheduler.schedulers.blocking import BlockingScheduler

from bot.deps import Deps
from bot.insights.checkin_rounds import run_checkins
from bot.insights.digest_job import run_digests
from bot.learning.curation import purge_deleted_learnings
from bot.learning.my_data import purge_expired_learnings
from bot.onboarding.newcomers import send_due_nudges
from bot.prompts.event_memory import forget_handled_events
from bot.prompts.posting import post_due_prompts
from bot.retro.jobs import ask_retro_followups, remind_retro_actions
from bot.workspaces.install import purge_expired_workspaces

log = logging.getLogger(__name__)

TICK_SECONDS = 20

Job = Callable[[Deps, datetime], None]

# Every periodic job, in the order a tick runs them.
JOBS: list[Job] = [
    purge_expired_workspaces,
    remind_retro_actions,
    ask_retro_followups,
    send_due_nudges,
    run_checkins,
    run_digests,
    purge_deleted_learnings,
    purge_expired_learnings,
    forget_handled_events,
    post_due_prompts,
]


def run_due_jobs(deps: Deps, now: datetime) -> None:
    """Run every job once for `now`; one failing job does not stop the others."""
    for job in JOBS:
        try:
            job(deps, now)
        except Exception:
            log.exception("scheduled job %s failed; it runs again next tick", job.__name__)


def make_scheduler(deps: Deps, *, blocking: bool) -> BaseScheduler:
    """An APScheduler 3 scheduler with the tick job; `blocking` for the `clock` process."""
    scheduler: BaseScheduler = BlockingScheduler() if blocking else BackgroundScheduler()
    scheduler.add_job(
        lambda: run_due_jobs(deps, deps.now()),
        "interval",
        seconds=TICK_SECONDS,
        id="learnloop-tick",
        max_instances=1,
        coalesce=True,
        next_run_time=deps.now(),
    )
    return scheduler
