"""Events delivered twice, out of order and late: what happens, and nothing is done twice."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.scheduler import run_due_jobs
from tests.prompts.support import (
    bot_messages,
    delete_event,
    edit_event,
    learnings,
    message_event,
    new_schedule,
)

DUE = datetime(2026, 11, 30, 9, 0, 5, tzinfo=UTC)


def _prompt(bot) -> dict:
    new_schedule(bot.deps, lever_mode="fixed", levers=("retention",))
    run_due_jobs(bot.deps, DUE)
    [prompt] = bot_messages(bot.slack)
    return prompt


def _reply_event(bot, prompt: dict, text: str) -> dict:
    reply = bot.slack.post_user_message("CGENERAL", "UALICE", text, thread_ts=prompt["ts"])
    return message_event("CGENERAL", "UALICE", text, reply["ts"], prompt["ts"])


def _ok_reactions(slack) -> int:
    return sum(1 for c in slack.calls_to("reactions.add") if c.response.get("ok"))


def test_the_same_event_delivered_twice_stores_and_reacts_once(bot, slack):
    event = _reply_event(bot, _prompt(bot), "Stay interviews")
    for retry in (None, 1, 2):
        assert bot.requester.event(event, event_id="EvDup", retry_num=retry).status == 200
    bot.wait_idle()
    assert [learning.text for learning in learnings(bot.deps)] == ["Stay interviews"]
    assert _ok_reactions(slack) == 1


def test_an_edit_arriving_before_its_message_is_dropped_and_the_message_kept_once(bot, slack):
    prompt = _prompt(bot)
    event = _reply_event(bot, prompt, "first words")
    edit = edit_event("CGENERAL", "UALICE", event["ts"], prompt["ts"], "first words", "edited")
    assert bot.requester.event(edit, event_id="EvEdit").status == 200
    assert learnings(bot.deps) == []  # nothing to edit yet: the edit changes nothing
    bot.requester.event(event, event_id="EvMsg")
    bot.wait_idle()
    # Known limit: the learning keeps the words as first posted (the early edit is not replayed).
    assert [learning.text for learning in learnings(bot.deps)] == ["first words"]
    assert _ok_reactions(slack) == 1


def test_a_delete_for_an_unknown_message_changes_nothing(bot):
    prompt = _prompt(bot)
    kept = _reply_event(bot, prompt, "kept")
    bot.requester.event(kept, event_id="EvKept")
    unknown = delete_event("CGENERAL", "UALICE", "1700000000.000100", prompt["ts"])
    assert bot.requester.event(unknown, event_id="EvDel").status == 200
    bot.wait_idle()
    [learning] = learnings(bot.deps)
    assert learning.deleted_at is None


def test_a_late_reply_to_a_prompt_from_weeks_ago_is_stored_once(bot, slack, clock):
    prompt = _prompt(bot)
    clock.current = DUE + timedelta(weeks=6)
    event = _reply_event(bot, prompt, "Late but useful")
    bot.requester.event(event, event_id="EvLate")
    bot.requester.event(event, event_id="EvLate", retry_num=1)
    bot.wait_idle()
    [learning] = learnings(bot.deps)
    assert (learning.text, learning.lever) == ("Late but useful", "retention")
    assert learning.created_at == clock.current
    assert _ok_reactions(slack) == 1
