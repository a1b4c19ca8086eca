"""Replies in a prompt's thread become learnings once; edits and deletes follow them."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.fakeslack.payloads import state_value
from bot.ids import PromptAction, PromptBlock
from bot.prompts.posting import post_due_prompts
from tests.prompts.support import (
    bot_messages,
    delete_event,
    edit_event,
    learnings,
    message_event,
    new_schedule,
)


def _prompt(bot) -> dict:
    """Post one scheduled prompt on the onboarding lever; the message Slack holds."""
    new_schedule(bot.deps, lever_mode="fixed", levers=("onboarding",))
    post_due_prompts(bot.deps, datetime(2026, 11, 30, 9, 0, 5, tzinfo=UTC))
    [message] = bot_messages(bot.slack)
    return message


def _reply(bot, prompt: dict, user: str, text: str, *, event_id: str, retry: int | None = None):
    reply = bot.slack.post_user_message("CGENERAL", user, text, thread_ts=prompt["ts"])
    event = message_event("CGENERAL", user, text, reply["ts"], prompt["ts"])
    response = bot.requester.event(event, event_id=event_id, retry_num=retry)
    assert response.status == 200
    return reply, event


def test_a_reply_is_stored_once_under_the_prompts_lever_even_when_redelivered(bot, slack):
    prompt = _prompt(bot)
    reply, event = _reply(bot, prompt, "UALICE", "A buddy for each newcomer works", event_id="Ev1")
    bot.wait_idle()
    [learning] = learnings(bot.deps)
    assert (learning.lever, learning.source) == ("onboarding", "prompt_reply")
    assert (learning.user_id, learning.channel_id) == ("UALICE", "CGENERAL")
    assert learning.text == "A buddy for each newcomer works"
    assert (learning.message_channel_id, learning.message_ts) == ("CGENERAL", reply["ts"])
    assert learning.permalink.startswith("https://test-workspace.slack.com/archives/CGENERAL/p")
    assert slack.reactions("CGENERAL", reply["ts"]) == [
        {"name": "memo", "users": ["UBOT"], "count": 1}
    ]

    # Slack redelivers: same event_id with X-Slack-Retry-Num, then a copy under another id.
    bot.requester.event(event, event_id="Ev1", retry_num=1, retry_reason="http_timeout")
    bot.requester.event(event, event_id="Ev1", retry_num=2)
    bot.requester.event(event, event_id="Ev1-copy")
    bot.wait_idle()
    assert len(learnings(bot.deps)) == 1
    assert len(slack.calls_to("reactions.add")) == 1


def test_edits_and_deletes_follow_the_reply(bot):
    prompt = _prompt(bot)
    reply, _ = _reply(bot, prompt, "UBRUNO", "un binôme", event_id="Ev1")
    edit = edit_event("CGENERAL", "UBRUNO", reply["ts"], prompt["ts"], "un binôme", "un binôme !")
    bot.requester.event(edit, event_id="Ev2")
    bot.requester.event(edit, event_id="Ev2", retry_num=1)
    [learning] = learnings(bot.deps)
    assert learning.text == "un binôme !"
    assert learning.deleted_at is None

    bot.requester.event(
        delete_event("CGENERAL", "UBRUNO", reply["ts"], prompt["ts"]), event_id="Ev3"
    )
    [learning] = learnings(bot.deps)
    assert learning.deleted_at == bot.deps.now()
    # An edit arriving after the delete does not bring it back.
    late = edit_event("CGENERAL", "UBRUNO", reply["ts"], prompt["ts"], "x", "revived")
    bot.requester.event(late, event_id="Ev4")
    assert learnings(bot.deps)[0].text == "un binôme !"


def test_bots_other_threads_top_level_messages_and_joins_are_ignored(bot, slack):
    prompt = _prompt(bot)
    other = slack.post_user_message("CGENERAL", "UALICE", "lunch?")
    in_other = slack.post_user_message("CGENERAL", "UBRUNO", "yes", thread_ts=other["ts"])
    bot.requester.event(message_event("CGENERAL", "UBRUNO", "yes", in_other["ts"], other["ts"]))
    bot.requester.event(message_event("CGENERAL", "UALICE", "lunch?", other["ts"], None))
    from_bot = message_event("CGENERAL", "UOTHERBOT", "beep", "1700000000.000009", prompt["ts"])
    from_bot.update(subtype="bot_message", bot_id="BOTHER")
    bot.requester.event(from_bot)
    join = message_event("CGENERAL", "UADMIN", "<@UADMIN> has joined", "1700000000.00001", None)
    join["subtype"] = "channel_join"
    bot.requester.event(join)
    bot.wait_idle()
    assert learnings(bot.deps) == []
    assert slack.calls_to("reactions.add") == []


def test_an_over_long_reply_is_refused_to_its_author_and_not_stored(bot, slack):
    prompt = _prompt(bot)
    _reply(bot, prompt, "UALICE", "x" * 3001, event_id="Ev1")
    [refusal] = slack.wait_for_ephemerals(1, user="UALICE")
    bot.wait_idle()
    assert "3001 characters" in refusal["text"] and refusal["thread_ts"] == prompt["ts"]
    assert learnings(bot.deps) == []


def test_an_anonymous_answer_is_stored_without_a_user_and_posted_in_the_thread(bot, slack):
    prompt = _prompt(bot)
    click = bot.requester.block_action(
        PromptAction.ANSWER_ANONYMOUSLY, user_id="UBRUNO", message=prompt
    )
    assert click.status == 200
    slack.wait_for("views.open")
    bot.wait_idle()
    modal = slack.views[-1]["view"]
    assert modal["title"]["text"] == "Réponse anonyme"
    assert "Why did we make onboarding newcomers a priority?" in str(modal["blocks"])

    empty = {
        PromptBlock.ANSWER_TEXT: {PromptAction.ANSWER_TEXT: state_value("plain_text_input", "  ")}
    }
    answer = bot.requester.view_submission(modal, empty, user_id="UBRUNO").json()
    assert answer == {
        "response_action": "errors",
        "errors": {PromptBlock.ANSWER_TEXT: "Écrivez votre réponse avant de l'envoyer."},
    }
    values = {
        PromptBlock.ANSWER_TEXT: {
            PromptAction.ANSWER_TEXT: state_value("plain_text_input", "Nobody told me <!here>")
        }
    }
    response = bot.requester.view_submission(modal, values, user_id="UBRUNO")
    assert response.status == 200 and not response.body.strip()
    bot.wait_idle()
    [learning] = learnings(bot.deps)
    assert learning.user_id is None and learning.lever == "onboarding"
    assert learning.text == "Nobody told me <!here>"
    posted = slack.message("CGENERAL", learning.message_ts)
    assert posted["thread_ts"] == prompt["ts"] and posted["bot_id"]
    assert "Anonymous answer" in posted["text"] and "&lt;!here&gt;" in posted["text"]
    assert "UBRUNO" not in str(posted)
    assert learning.permalink
