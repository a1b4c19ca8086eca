"""Slack answering 429, 500 or ok:false to each Web API call a feature makes, end to end.

For each fault: what the user sees (or the log line when nobody is there), that what was
acknowledged is in the database, and that nothing is done twice.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from bot.retro.board import Column
from bot.scheduler import run_due_jobs
from storage.models import RetroItem
from tests.prompts.support import (
    bot_messages,
    learnings,
    message_event,
    new_schedule,
    prompts,
)
from tests.reliability.faults import STALL, done, logged
from tests.retro.support import ADD, retro_message, start

DUE = datetime(2026, 11, 30, 9, 0, 5, tzinfo=UTC)  # Monday 10:00 in Paris

# name -> (inject(...) arguments, whether the first try goes through)
FAULTS = {
    "429-then-ok": ({"status": 429, "retry_after": 0}, True),
    "500": ({"status": 500}, False),
    "ok-false": ({"error": "internal_error"}, False),
}


@pytest.mark.parametrize("fault", FAULTS)
def test_a_scheduled_prompt_post_fault_is_logged_retried_and_posted_once(bot, slack, caplog, fault):
    inject, first_try_ok = FAULTS[fault]
    new_schedule(bot.deps)
    slack.inject("chat.postMessage", **inject)
    run_due_jobs(bot.deps, DUE)
    [prompt] = prompts(bot.deps)
    if first_try_ok:
        assert prompt.status == "posted"  # the client waited out Retry-After
    else:
        assert prompt.status == "failed"
        assert logged(caplog, "could not post prompt", "CGENERAL")
        assert bot_messages(slack) == []
    run_due_jobs(bot.deps, DUE + timedelta(seconds=20))
    run_due_jobs(bot.deps, DUE + timedelta(seconds=40))
    [prompt] = prompts(bot.deps)
    assert prompt.status == "posted" and prompt.message_ts
    assert len(bot_messages(slack)) == 1
    assert [c.params["channel"] for c in done(slack, "chat.postMessage")] == ["CGENERAL"]


def _prompt_and_reply(bot, event_id: str) -> dict:
    new_schedule(bot.deps, lever_mode="fixed", levers=("onboarding",))
    run_due_jobs(bot.deps, DUE)
    [prompt] = bot_messages(bot.slack)
    reply = bot.slack.post_user_message("CGENERAL", "UALICE", "Pair newcomers", prompt["ts"])
    event = message_event("CGENERAL", "UALICE", "Pair newcomers", reply["ts"], prompt["ts"])
    assert bot.requester.event(event, event_id=event_id).status == 200
    bot.wait_idle()
    return event


@pytest.mark.parametrize("method", ["reactions.add", "chat.getPermalink"])
@pytest.mark.parametrize("fault", FAULTS)
def test_a_reply_is_kept_once_whatever_slack_answers_after_it_was_stored(
    bot, slack, caplog, method, fault
):
    inject, first_try_ok = FAULTS[fault]
    slack.inject(method, **inject)
    event = _prompt_and_reply(bot, "EvReply")
    [learning] = learnings(bot.deps)  # stored before the HTTP response: never lost
    assert learning.text == "Pair newcomers"
    reactions = done(slack, "reactions.add")
    if first_try_ok:
        assert len(reactions) == 1 and learning.permalink
    else:
        # Nobody waits for an answer in a thread: the failure is a log line, the learning stays.
        assert reactions == []
        assert logged(caplog, "reply saved as learning", str(learning.id))
    bot.requester.event(event, event_id="EvReply", retry_num=1, retry_reason="http_timeout")
    bot.wait_idle()
    assert len(learnings(bot.deps)) == 1
    assert len(done(slack, "reactions.add")) <= 1


@pytest.mark.parametrize("fault", FAULTS)
def test_a_channel_welcome_that_slack_refuses_is_logged_and_sent_once(bot, slack, caplog, fault):
    inject, first_try_ok = FAULTS[fault]
    slack.inject("chat.postMessage", **inject)
    join = {"type": "member_joined_channel", "user": "UBOT", "channel": "CGENERAL"}
    assert bot.requester.event(join, event_id="EvJoin").status == 200
    bot.wait_idle()
    welcomes = done(slack, "chat.postMessage")
    if first_try_ok:
        assert len(welcomes) == 1
    else:
        assert welcomes == []
        assert logged(caplog, "could not welcome channel CGENERAL")
    assert len(bot_messages(slack)) == (1 if first_try_ok else 0)


@pytest.mark.slow
def test_a_prompt_post_that_times_out_is_not_posted_twice(quick_bot, slack, caplog):
    bot = quick_bot
    new_schedule(bot.deps)
    slack.inject("chat.postMessage", **STALL)  # longer than the client's timeout
    run_due_jobs(bot.deps, DUE)
    slack.wait_for_messages("CGENERAL", 1, timeout=5)  # Slack did post it, late
    run_due_jobs(bot.deps, DUE + timedelta(seconds=20))
    run_due_jobs(bot.deps, DUE + timedelta(seconds=40))
    assert len(bot_messages(slack)) == 1
    assert "it may have been posted; not retried" in caplog.text


@pytest.mark.parametrize("fault", FAULTS)
def test_a_retro_modal_slack_refuses_to_open_stores_nothing_and_is_logged(
    bot, slack, caplog, fault
):
    inject, first_try_ok = FAULTS[fault]
    start(bot, "UALICE", "Sprint 3")
    message = retro_message(bot)
    slack.inject("views.open", **inject)
    click = bot.requester.block_action(
        ADD[Column.LEARNED], user_id="UALICE", message=message, channel_id="CGENERAL"
    )
    assert click.status == 200
    bot.wait_idle()
    opened = done(slack, "views.open")
    # A click has no reply to carry words: the modal opens once, or the failure is logged.
    assert len(opened) == (1 if first_try_ok else 0)
    if not first_try_ok:
        assert any(record.levelno >= logging.ERROR for record in caplog.records)
    with bot.deps.sessions() as session:
        assert session.scalar(select(func.count()).select_from(RetroItem)) == 0
