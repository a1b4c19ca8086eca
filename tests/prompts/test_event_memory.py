"""Handled event ids are remembered 24 hours, for Slack's retries, then forgotten by the clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import func, insert, select

from bot.prompts.event_memory import BATCH, EVENT_MEMORY, forget_handled_events
from bot.scheduler import JOBS, run_due_jobs
from storage.models import ProcessedEvent
from tests.prompts.support import bot_messages, learnings, message_event, new_schedule

DUE = datetime(2026, 11, 30, 9, 0, 5, tzinfo=UTC)


def _event_ids(bot) -> list[str]:
    with bot.deps.sessions() as session:
        return sorted(session.scalars(select(ProcessedEvent.event_id)))


def _reply(bot, prompt: dict, text: str, event_id: str, retry: int | None = None) -> dict:
    reply = bot.slack.post_user_message("CGENERAL", "UALICE", text, thread_ts=prompt["ts"])
    event = message_event("CGENERAL", "UALICE", text, reply["ts"], prompt["ts"])
    assert bot.requester.event(event, event_id=event_id, retry_num=retry).status == 200
    return event


def test_event_ids_are_kept_a_day_then_forgotten_by_the_clock(bot, clock):
    assert forget_handled_events in JOBS
    assert timedelta(hours=24) == EVENT_MEMORY
    new_schedule(bot.deps, lever_mode="fixed", levers=("retention",))
    run_due_jobs(bot.deps, DUE)
    [prompt] = bot_messages(bot.slack)
    clock.current = DUE
    old = _reply(bot, prompt, "said on Monday", "EvOld")
    clock.current = DUE + timedelta(hours=12)
    _reply(bot, prompt, "said that evening", "EvNew")
    bot.wait_idle()
    assert _event_ids(bot) == ["EvNew", "EvOld"]

    # Within the day, Slack's retries of EvOld find it remembered (and the clock keeps it).
    run_due_jobs(bot.deps, DUE + EVENT_MEMORY - timedelta(minutes=1))
    assert _event_ids(bot) == ["EvNew", "EvOld"]
    bot.requester.event(old, event_id="EvOld", retry_num=3)
    bot.wait_idle()
    assert len(learnings(bot.deps)) == 2

    run_due_jobs(bot.deps, DUE + EVENT_MEMORY + timedelta(minutes=1))
    assert _event_ids(bot) == ["EvNew"]
    # An older delivery coming back even so is still stored once, under its message key.
    bot.requester.event(old, event_id="EvOld", retry_num=3)
    bot.wait_idle()
    assert [learning.text for learning in learnings(bot.deps)] == [
        "said on Monday",
        "said that evening",
    ]


def test_a_long_backlog_is_forgotten_in_batches_in_one_run(bot):
    count = 2 * BATCH + 7
    rows = [
        {"event_id": f"Ev{n:06d}", "team_id": "T0001", "received_at": DUE - timedelta(days=3)}
        for n in range(count)
    ]
    rows.append({"event_id": "EvRecent", "team_id": "T0002", "received_at": DUE})
    with bot.deps.sessions.begin() as session:
        session.execute(insert(ProcessedEvent), rows)
    forget_handled_events(bot.deps, DUE)
    with bot.deps.sessions() as session:
        assert session.scalar(select(func.count()).select_from(ProcessedEvent)) == 1
    assert _event_ids(bot) == ["EvRecent"]
