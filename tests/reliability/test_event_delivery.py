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


def test_an_edit_arriving_before_its_message_becomes_the_learning_once(bot, slack):
    prompt = _prompt(bot)
    event = _reply_event(bot, prompt, "first words")
    edit = edit_event("CGENERAL", "UALICE", event["ts"], prompt["ts"], "first words", "edited")
    assert bot.requester.event(edit, event_id="EvEdit").status == 200
    assert bot.requester.event(edit, event_id="EvEdit", retry_num=1).status == 200
    bot.wait_idle()
    [learning] = learnings(bot.deps)
    assert (learning.text, learning.lever, learning.user_id) == ("edited", "retention", "UALICE")
    assert (learning.message_channel_id, learning.message_ts) == ("CGENERAL", event["ts"])
    # The late original neither adds a second learning nor brings the older words back.
    assert bot.requester.event(event, event_id="EvMsg").status == 200
    bot.wait_idle()
    [learning] = learnings(bot.deps)
    assert learning.text == "edited" and learning.deleted_at is None
    assert learning.permalink.startswith("https://test-workspace.slack.com/archives/CGENERAL/p")
    assert slack.reactions("CGENERAL", event["ts"]) == [
        {"name": "memo", "users": ["UBOT"], "count": 1}
    ]
    assert _ok_reactions(slack) == 1


def test_two_edits_before_the_message_keep_the_last_words(bot):
    prompt = _prompt(bot)
    event = _reply_event(bot, prompt, "v1")
    first = edit_event("CGENERAL", "UALICE", event["ts"], prompt["ts"], "v1", "v2")
    second = edit_event("CGENERAL", "UALICE", event["ts"], prompt["ts"], "v2", "v3")
    bot.requester.event(first, event_id="EvEdit1")
    bot.requester.event(second, event_id="EvEdit2")
    bot.requester.event(event, event_id="EvMsg")
    bot.wait_idle()
    assert [learning.text for learning in learnings(bot.deps)] == ["v3"]


def test_an_early_edit_that_empties_the_reply_stores_nothing_and_the_message_counts(bot):
    prompt = _prompt(bot)
    event = _reply_event(bot, prompt, "kept words")
    emptied = edit_event("CGENERAL", "UALICE", event["ts"], prompt["ts"], "kept words", "  ")
    bot.requester.event(emptied, event_id="EvEdit")
    assert learnings(bot.deps) == []
    bot.requester.event(event, event_id="EvMsg")
    bot.wait_idle()
    # As when the edit comes second: an emptied edit keeps the words the learning had.
    assert [learning.text for learning in learnings(bot.deps)] == ["kept words"]


def test_a_refused_over_long_reply_shortened_by_an_edit_is_stored_then(bot, slack):
    prompt = _prompt(bot)
    event = _reply_event(bot, prompt, "x" * 3001)
    bot.requester.event(event, event_id="EvLong")
    bot.wait_idle()
    assert learnings(bot.deps) == []  # refused, and its author told the limit
    short = edit_event("CGENERAL", "UALICE", event["ts"], prompt["ts"], "x" * 3001, "shorter")
    bot.requester.event(short, event_id="EvShort")
    bot.wait_idle()
    assert [learning.text for learning in learnings(bot.deps)] == ["shorter"]
    assert _ok_reactions(slack) == 1


def test_an_early_edit_outside_a_prompt_thread_stores_nothing(bot):
    prompt = _prompt(bot)
    other = bot.slack.post_user_message("CGENERAL", "UALICE", "a chat")
    event = _reply_event(bot, prompt, "x")
    edit = edit_event("CGENERAL", "UALICE", event["ts"], other["ts"], "x", "not a reply")
    bot.requester.event(edit, event_id="EvEdit")
    bot.wait_idle()
    assert learnings(bot.deps) == []


def test_a_delete_arriving_before_its_message_keeps_it_deleted(bot, slack):
    prompt = _prompt(bot)
    event = _reply_event(bot, prompt, "regretted words")
    gone = delete_event("CGENERAL", "UALICE", event["ts"], prompt["ts"])
    assert bot.requester.event(gone, event_id="EvDel").status == 200
    assert bot.requester.event(gone, event_id="EvDel", retry_num=1).status == 200
    for late, event_id in (
        (event, "EvMsg"),
        (edit_event("CGENERAL", "UALICE", event["ts"], prompt["ts"], "x", "revived"), "EvEdit"),
        (event, "EvMsg-copy"),
    ):
        assert bot.requester.event(late, event_id=event_id).status == 200
    bot.wait_idle()
    # One deleted row holds the message's place: no words, no author, purged like the others.
    [placeholder] = learnings(bot.deps)
    assert placeholder.deleted_at == bot.deps.now()
    assert (placeholder.text, placeholder.user_id) == ("", None)
    assert placeholder.message_ts == event["ts"]
    assert _ok_reactions(slack) == 0
    assert slack.calls_to("chat.postEphemeral") == []


def test_an_edit_then_a_delete_before_the_message_leave_it_deleted(bot, slack):
    prompt = _prompt(bot)
    event = _reply_event(bot, prompt, "first")
    bot.requester.event(
        edit_event("CGENERAL", "UALICE", event["ts"], prompt["ts"], "first", "second"),
        event_id="EvEdit",
    )
    gone = delete_event("CGENERAL", "UALICE", event["ts"], prompt["ts"])
    bot.requester.event(gone, event_id="EvDel")
    bot.requester.event(event, event_id="EvMsg")
    bot.wait_idle()
    [learning] = learnings(bot.deps)
    assert learning.deleted_at is not None


def test_a_delete_for_an_unknown_message_changes_nothing_else(bot):
    prompt = _prompt(bot)
    kept = _reply_event(bot, prompt, "kept")
    bot.requester.event(kept, event_id="EvKept")
    unknown = delete_event("CGENERAL", "UALICE", "1700000000.000100", prompt["ts"])
    assert bot.requester.event(unknown, event_id="EvDel").status == 200
    outside = delete_event("CGENERAL", "UALICE", "1700000000.000200", "1700000000.000001")
    assert bot.requester.event(outside, event_id="EvDel2").status == 200
    bot.wait_idle()
    live = [learning for learning in learnings(bot.deps) if learning.deleted_at is None]
    assert [learning.text for learning in live] == ["kept"]
    assert len(learnings(bot.deps)) == 2  # the kept reply, and the place of the deleted one


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
