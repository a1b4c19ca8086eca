"""Reflection prompts when Slack answers too late (reply capture, the channel welcome), and,
when Slack answers 429, 500, ok:false or too late, the DM telling a schedule's owner it was
paused and `learnloop prompt`, end to end.

A call the client gave up on may still have been carried out by Slack: it is logged, never
made again, and whoever ran the command is told to look before trying again.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

import pytest

from bot.cli import main
from bot.scheduler import run_due_jobs
from tests.prompts.support import (
    bot_messages,
    learnings,
    message_event,
    new_schedule,
    prompts,
    schedules,
)
from tests.reliability.faults import (
    FAULTS,
    QUICK_TIMEOUT_S,
    RETRIED_BY_CLIENT,
    STALL,
    done,
    done_late,
    logged,
)
from tests.support.processes import learnloop_env

DUE = datetime(2026, 11, 30, 9, 0, 5, tzinfo=UTC)  # Monday 10:00 in Paris


def _prompt_and_reply(bot, event_id: str) -> dict:
    """A scheduled prompt, and a reply to it delivered to the bot; the event."""
    new_schedule(bot.deps, lever_mode="fixed", levers=("onboarding",))
    run_due_jobs(bot.deps, DUE)
    [prompt] = bot_messages(bot.slack)
    reply = bot.slack.post_user_message("CGENERAL", "UALICE", "Pair newcomers", prompt["ts"])
    event = message_event("CGENERAL", "UALICE", "Pair newcomers", reply["ts"], prompt["ts"])
    assert bot.requester.event(event, event_id=event_id).status == 200
    bot.wait_idle()
    return event


@pytest.mark.parametrize("method", ["reactions.add", "chat.getPermalink"])
def test_a_reply_is_kept_once_when_slack_answers_too_late(quick_bot, slack, caplog, method):
    slack.inject(method, **STALL)
    event = _prompt_and_reply(quick_bot, "EvReply")
    [learning] = learnings(quick_bot.deps)  # stored before the HTTP response: never lost
    assert learning.text == "Pair newcomers"
    done_late(slack, method)
    assert logged(caplog, "reply saved as learning", str(learning.id), "no answer from Slack")
    quick_bot.requester.event(event, event_id="EvReply", retry_num=1, retry_reason="http_timeout")
    quick_bot.wait_idle()
    assert len(learnings(quick_bot.deps)) == 1
    assert len(done(slack, "reactions.add")) == (1 if method == "reactions.add" else 0)


def test_a_channel_welcome_slack_answers_too_late_is_logged_and_sent_once(quick_bot, slack, caplog):
    slack.inject("chat.postMessage", **STALL)
    join = {"type": "member_joined_channel", "user": "UBOT", "channel": "CGENERAL"}
    assert quick_bot.requester.event(join, event_id="EvJoin").status == 200
    quick_bot.wait_idle()
    done_late(slack, "chat.postMessage")  # Slack did post it, after the client gave up
    assert logged(caplog, "could not welcome channel CGENERAL", "no answer from Slack")
    assert len(bot_messages(slack)) == 1


# -- the DM telling a schedule's owner it was paused -----------------------------------------------


def _paused_while_dm_fails(bot, slack, dm_fault: dict) -> None:
    """Bruno's schedule, due in a channel the bot was removed from; Slack fails the DM after."""
    new_schedule(bot.deps, created_by="UBRUNO")
    slack.set_bot_in_channel("CGENERAL", False)
    slack.inject("chat.postMessage", error="not_in_channel")  # the prompt, as Slack refuses it
    slack.inject("chat.postMessage", **dm_fault)  # then the DM to Bruno
    run_due_jobs(bot.deps, DUE)


def _later_ticks(bot) -> None:
    """The same tick on another clock, the next ones, next week's: none may tell him again."""
    for later in (timedelta(0), timedelta(seconds=20), timedelta(minutes=20), timedelta(days=7)):
        run_due_jobs(bot.deps, DUE + later)


def _owner_dms(slack, carried_out: bool = True) -> list:
    calls = done(slack, "chat.postMessage") if carried_out else slack.calls_to("chat.postMessage")
    return [c for c in calls if c.params["channel"] == "UBRUNO"]


@pytest.mark.parametrize("fault", FAULTS)
def test_a_pause_dm_slack_refuses_still_pauses_the_schedule_and_is_sent_at_most_once(
    bot, slack, caplog, fault
):
    _paused_while_dm_fails(bot, slack, FAULTS[fault])
    [schedule] = schedules(bot.deps)
    assert schedule.paused_reason == "not_in_channel" and schedule.enabled
    _later_ticks(bot)
    if fault == RETRIED_BY_CLIENT:
        [dm] = _owner_dms(slack)
        assert "mis en pause" in dm.params["text"]  # Bruno reads French
        assert len(_owner_dms(slack, carried_out=False)) == 2
    else:
        assert _owner_dms(slack) == []
        assert logged(caplog, f"could not tell UBRUNO that schedule #{schedule.id} is paused")
        assert len(_owner_dms(slack, carried_out=False)) == 1
    assert schedules(bot.deps)[0].paused_reason == "not_in_channel"
    assert [p.status for p in prompts(bot.deps)] == ["skipped"]
    assert bot_messages(slack) == []


def test_a_pause_dm_slack_answers_too_late_is_logged_and_never_sent_again(quick_bot, slack, caplog):
    _paused_while_dm_fails(quick_bot, slack, STALL)
    [schedule] = schedules(quick_bot.deps)
    assert schedule.paused_reason == "not_in_channel"
    assert logged(
        caplog, f"could not tell UBRUNO that schedule #{schedule.id} is paused", "no answer"
    )
    assert not logged(caplog, "a paced send failed")  # told in one line, not a traceback
    done_late(slack, "chat.postMessage")  # Slack did send it, after the client gave up
    _later_ticks(quick_bot)
    assert len(_owner_dms(slack, carried_out=False)) == 1
    assert [p.status for p in prompts(quick_bot.deps)] == ["skipped"]


# -- `learnloop prompt` ---------------------------------------------------------------------------


def _learnloop(monkeypatch, capsys, slack, database_url, *argv: str, **env: str):
    """Run the command line in this process, as test_cli does; (exit code, stdout, stderr)."""
    root = logging.getLogger()
    monkeypatch.setattr(root, "handlers", list(root.handlers))
    monkeypatch.setattr(root, "level", root.level)
    for name, value in learnloop_env(slack, database_url, **env).items():
        monkeypatch.setenv(name, value)
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def _prompt_now(monkeypatch, capsys, slack, database_url, **env: str):
    """`learnloop prompt --channel CGENERAL`; (exit code, stdout, stderr)."""
    return _learnloop(
        monkeypatch, capsys, slack, database_url, "prompt", "--channel", "CGENERAL", **env
    )


@pytest.mark.parametrize("method", ["conversations.info", "chat.postMessage"])
@pytest.mark.parametrize("fault", FAULTS)
def test_the_prompt_command_says_what_slack_answered_and_posts_at_most_once(
    bot, slack, database_url, monkeypatch, capsys, method, fault
):
    slack.inject(method, **FAULTS[fault])
    code, out, err = _prompt_now(monkeypatch, capsys, slack, database_url)
    run_due_jobs(bot.deps, DUE)  # no schedule: a prompt posted by hand is never retried
    reason = "fatal_error" if fault == "500" else "internal_error"
    if fault == RETRIED_BY_CLIENT:
        assert code == 0 and "posted in CGENERAL" in out
        assert len(bot_messages(slack)) == 1
    elif method == "conversations.info":
        assert code == 1 and "was not found" not in err
        assert f"Slack answered {reason} about CGENERAL; nothing was changed" in err
        assert bot_messages(slack) == [] and prompts(bot.deps) == []
    else:
        assert code == 1
        assert f"could not be posted in CGENERAL: Slack answered {reason}" in err
        assert bot_messages(slack) == []
        assert [p.status for p in prompts(bot.deps)] == ["failed"]


def test_the_prompt_command_says_a_post_slack_answered_too_late_may_be_there(
    bot, slack, database_url, monkeypatch, capsys
):
    slack.inject("chat.postMessage", **STALL)
    code, _out, err = _prompt_now(
        monkeypatch, capsys, slack, database_url, LEARNLOOP_SLACK_TIMEOUT_S=str(QUICK_TIMEOUT_S)
    )
    assert code == 1
    assert "Slack did not answer in time: the prompt may have been posted in CGENERAL" in err
    done_late(slack, "chat.postMessage")
    run_due_jobs(bot.deps, DUE + timedelta(minutes=20))
    assert len(bot_messages(slack)) == 1
    assert [p.status for p in prompts(bot.deps)] == ["posting"]


def test_the_prompt_command_says_a_channel_check_slack_answered_too_late_changed_nothing(
    bot, slack, database_url, monkeypatch, capsys
):
    slack.inject("conversations.info", **STALL)
    code, _out, err = _prompt_now(
        monkeypatch, capsys, slack, database_url, LEARNLOOP_SLACK_TIMEOUT_S=str(QUICK_TIMEOUT_S)
    )
    assert code == 1
    assert "Slack answered no_answer about CGENERAL; nothing was changed" in err
    assert bot_messages(slack) == [] and prompts(bot.deps) == []


def test_adding_a_schedule_when_slack_fails_to_check_the_channel_saves_nothing(
    bot, slack, database_url, monkeypatch, capsys
):
    slack.inject("conversations.info", status=500)
    code, _out, err = _learnloop(
        monkeypatch, capsys, slack, database_url, "schedule", "add", "--channel", "CGENERAL"
    )
    assert code == 1 and "was not found" not in err
    assert "Slack answered fatal_error about CGENERAL; nothing was changed" in err
    assert schedules(bot.deps) == []
