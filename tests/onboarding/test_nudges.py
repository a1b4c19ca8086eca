"""Nudges arrive on their day through the scheduler, each once: across restarts, concurrent
clocks and downtime; they stop when a person opts out, finishes, or leaves."""

from __future__ import annotations

import threading
from datetime import timedelta

from bot.ids import OnboardingAction
from bot.onboarding.newcomers import send_due_nudges
from bot.runtime import open_runtime
from bot.scheduler import JOBS, run_due_jobs
from storage.models import Workspace
from tests.onboarding.support import (
    buttons,
    days_later,
    dms,
    join,
    newcomer,
    nudges,
    seed_resource,
    set_onboarding,
    text_of,
)
from tests.support.bot import test_settings


def _restarted(bot, clock):
    """Another process on the same database: a restart, or a second clock."""
    runtime = open_runtime(test_settings(bot.slack, bot.deps.settings.database_url))
    runtime.deps.now = clock
    return runtime


def test_the_nudge_job_is_on_the_clock():
    assert send_due_nudges in JOBS


def test_day_3_and_day_7_nudges_arrive_on_time_and_once_across_a_restart(bot, clock):
    start = clock.current
    seed_resource(bot, "Our handbook", day=0)
    seed_resource(bot, "Field safety", day=3)
    seed_resource(bot, "Budget process", day=7)
    set_onboarding(bot, days=[3, 7])
    join(bot, "UNEW")
    assert len(dms(bot, "UNEW")) == 1

    clock.current = days_later(start, 3) - timedelta(seconds=1)
    run_due_jobs(bot.deps, clock.current)
    assert len(dms(bot, "UNEW")) == 1  # a moment before day 3: nothing yet

    clock.current = days_later(start, 3)
    run_due_jobs(bot.deps, clock.current)
    day3 = dms(bot, "UNEW")[1]
    said = text_of(day3)
    assert "Day 3 of your onboarding" in said
    assert "Field safety" in said and "Our handbook" in said  # new, and still open
    assert "Budget process" not in said
    assert not buttons(day3, OnboardingAction.FRESH_EYES)

    restarted = _restarted(bot, clock)
    try:
        run_due_jobs(restarted.deps, clock.current)
        run_due_jobs(bot.deps, days_later(start, 5))
        assert len(dms(bot, "UNEW")) == 2

        clock.current = days_later(start, 7)
        run_due_jobs(restarted.deps, clock.current)
        run_due_jobs(bot.deps, clock.current)
    finally:
        restarted.engine.dispose()
    messages = dms(bot, "UNEW")
    assert len(messages) == 3
    day7 = messages[2]
    assert "Day 7 of your onboarding" in text_of(day7)
    assert "Budget process" in text_of(day7)
    assert buttons(day7, OnboardingAction.FRESH_EYES)[0]["value"].endswith(":7")
    assert nudges(bot) == [(0, "sent"), (3, "sent"), (7, "sent")]


def test_a_bot_that_was_down_sends_the_missed_nudge_once(bot, clock):
    start = clock.current
    seed_resource(bot, "Field safety", day=3)
    join(bot, "UNEW")
    clock.current = days_later(start, 1)
    run_due_jobs(bot.deps, clock.current)
    assert len(dms(bot, "UNEW")) == 1  # day 1 had nothing to say

    # Down from day 1 to day 8: days 3 and 7 went by; one nudge covers both.
    clock.current = days_later(start, 8)
    run_due_jobs(bot.deps, clock.current)
    run_due_jobs(bot.deps, clock.current)
    messages = dms(bot, "UNEW")
    assert len(messages) == 2
    assert "Day 7" in text_of(messages[1]) and "Field safety" in text_of(messages[1])
    assert buttons(messages[1], OnboardingAction.FRESH_EYES)
    assert nudges(bot) == [(0, "sent"), (1, "empty"), (3, "merged"), (7, "sent")]


def test_two_clocks_at_once_send_each_day_once(bot, clock):
    start = clock.current
    seed_resource(bot, "Field safety", day=3)
    join(bot, "UNEW")
    clock.current = days_later(start, 3)
    others = [_restarted(bot, clock) for _ in range(3)]
    try:
        threads = [
            threading.Thread(target=send_due_nudges, args=(runtime.deps, clock.current))
            for runtime in others
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        for runtime in others:
            runtime.engine.dispose()
    assert len(dms(bot, "UNEW")) == 2
    assert nudges(bot) == [(0, "sent"), (1, "merged"), (3, "sent")]


def test_days_with_nothing_to_say_send_nothing(bot, clock):
    start = clock.current
    join(bot, "UNEW")  # an empty library: the welcome only
    for day in (1, 3):
        clock.current = days_later(start, day)
        run_due_jobs(bot.deps, clock.current)
    assert len(dms(bot, "UNEW")) == 1
    clock.current = days_later(start, 7)
    run_due_jobs(bot.deps, clock.current)
    assert "After 7 days here" in text_of(dms(bot, "UNEW")[1])


def test_a_path_ends_after_its_last_day(bot, clock):
    start = clock.current
    set_onboarding(bot, days=[2])
    join(bot, "UNEW")
    clock.current = days_later(start, 400)
    run_due_jobs(bot.deps, clock.current)
    assert newcomer(bot, "UNEW").status == "ended"
    assert nudges(bot) == [(0, "sent"), (2, "merged"), (7, "merged"), (30, "sent")]


def test_a_resource_after_the_last_nudge_day_gets_its_own_day(bot, clock):
    start = clock.current
    seed_resource(bot, "Six-month review", day=180)
    join(bot, "UNEW")
    clock.current = days_later(start, 180)
    run_due_jobs(bot.deps, clock.current)
    last = dms(bot, "UNEW")[-1]
    assert "Day 180" in text_of(last) and "Six-month review" in text_of(last)


def test_a_user_who_cannot_be_messaged_misses_that_day_only(bot, clock):
    start = clock.current
    seed_resource(bot, "Field safety", day=3)
    seed_resource(bot, "Budget process", day=7)
    join(bot, "UNEW")
    bot.slack.inject("conversations.open", error="user_not_found")
    clock.current = days_later(start, 3)
    run_due_jobs(bot.deps, clock.current)
    run_due_jobs(bot.deps, clock.current)
    clock.current = days_later(start, 7)
    run_due_jobs(bot.deps, clock.current)
    assert nudges(bot) == [(0, "sent"), (1, "merged"), (3, "failed"), (7, "sent")]
    last = dms(bot, "UNEW")[-1]
    assert "Budget process" in text_of(last) and "Field safety" in text_of(last)


def test_nudges_stop_when_the_person_is_deactivated(bot, clock):
    start = clock.current
    seed_resource(bot, "Field safety", day=3)
    user = join(bot, "UNEW")
    bot.slack.add_user("UNEW", "unew", deleted=True)
    bot.requester.event({"type": "user_change", "user": {**user, "deleted": True}})
    bot.wait_idle()
    assert newcomer(bot, "UNEW").status == "left"
    clock.current = days_later(start, 3)
    run_due_jobs(bot.deps, clock.current)
    assert len(dms(bot, "UNEW")) == 1


def test_an_uninstalled_workspace_gets_no_nudges(bot, clock):
    start = clock.current
    seed_resource(bot, "Field safety", day=3)
    join(bot, "UNEW")
    with bot.deps.sessions.begin() as session:
        session.get(Workspace, "T0001").uninstalled_at = start
    clock.current = days_later(start, 3)
    run_due_jobs(bot.deps, clock.current)
    assert len(dms(bot, "UNEW")) == 1
