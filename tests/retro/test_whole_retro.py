"""A whole retro over the fake Slack, from `/retro` to the next retro looking back on it.

Start, four items from three people (one anonymous), votes with the limit enforced, close
with two actions, reminders at the right time, the follow-up question, evidence, and the next
retro showing the previous actions first.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import select, text

from bot.blocks.retro import due_block_id, owner_block_id, read_close_metadata
from bot.fakeslack.payloads import state_value
from bot.ids import RetroAction
from bot.levers import guess_lever
from bot.retro.board import Column
from bot.scheduler import run_due_jobs
from storage.models import (
    Learning,
    Retro,
    RetroEvidence,
    RetroItem,
    RetroLearning,
    RetroVote,
)
from storage.models import RetroAction as ActionRow
from tests.retro.support import (
    add_item,
    eventually,
    message_text,
    open_modal,
    retro_message,
    retro_messages,
    start,
    vote,
    wait_for_ephemeral,
    wait_for_text,
)


def rows(bot, model, *where) -> list:
    with bot.deps.sessions() as session:
        return list(
            session.scalars(select(model).where(*where).order_by(model.__mapper__.primary_key[0]))
        )


def close_values(view: dict, picks: dict[int, tuple[str, str]]) -> dict:
    """state.values of the close modal: (owner, due day) for some candidates, by position."""
    _, item_ids = read_close_metadata(view["private_metadata"])
    values = {}
    for position, item_id in enumerate(item_ids):
        owner, due = picks.get(position, (None, None))
        values[owner_block_id(item_id)] = {RetroAction.OWNER: state_value("users_select", owner)}
        values[due_block_id(item_id)] = {RetroAction.DUE: state_value("datepicker", due)}
    return values


def dm_to(bot, user: str) -> tuple[str, dict]:
    """The latest message the bot sent to a user's DM."""
    [*_, call] = [c for c in bot.slack.calls_to("chat.postMessage") if c.params["channel"] == user]
    channel = call.response["channel"]
    return channel, bot.slack.message(channel, call.response["ts"])


def thread_replies(bot, parent: dict) -> list[dict]:
    return [
        m
        for m in bot.slack.messages("CGENERAL")
        if m.get("thread_ts") == parent["ts"] and m["ts"] != parent["ts"]
    ]


def test_a_whole_retro_and_its_follow_up(bot, clock):
    slack = bot.slack
    # A learning logged in the channel before the retro shows up in it, grouped by lever.
    bot.requester.command(
        "/learning",
        "onboarding: a buddy for each newcomer",
        user_id="UBRUNO",
        channel_id="CGENERAL",
    )

    # -- start: one open retro per channel -----------------------------------------------
    answer = start(bot, "UALICE", "Sprint 12 votes=3")
    assert "Sprint 12" in answer["text"] and answer["response_type"] == "ephemeral"
    message = retro_message(bot)
    shown = message_text(message)
    assert "Retro: Sprint 12" in shown
    assert "first retro in this channel" in shown
    assert "Onboarding newcomers — 1" in shown
    eventually(lambda: rows(bot, Retro)[0].permalink)  # stored once the message is posted
    second = start(bot, "UBRUNO", "")
    assert "déjà ouverte" in second["text"] and "https://" in second["text"]
    assert len(rows(bot, Retro)) == 1
    assert len(retro_messages(bot)) == 1

    # -- four items from three people, one of them anonymous -----------------------------
    add_item(bot, "UALICE", Column.WENT_WELL, "The handover notes saved us a week")
    add_item(bot, "UBRUNO", Column.HARD, "Les décisions ont attendu le siège deux semaines")
    add_item(bot, "UADMIN", Column.LEARNED, "Nobody reads the wiki", anonymous=True)
    add_item(
        bot, "UALICE", Column.TRY_NEXT, "Let field teams decide purchases", lever="decentralisation"
    )
    message = wait_for_text(bot, "Let field teams decide purchases")
    shown = message_text(message)
    assert "`3` Nobody reads the wiki — _anonymous_" in shown
    assert "UADMIN" not in str(message)
    items = rows(bot, RetroItem)
    assert [i.author_id for i in items] == ["UALICE", "UBRUNO", None, "UALICE"]
    assert items[0].lever == guess_lever(items[0].text).lever  # no lever picked: guessed
    assert items[3].lever == "decentralisation"  # picked in the modal

    # -- votes: three each at most, and a vote can be taken back -------------------------
    for number in (1, 4, 2):
        vote(bot, "UALICE", number)
        wait_for_ephemeral(bot, "UALICE", f"vote for #{number} is counted")
    vote(bot, "UALICE", 3)
    refusal = wait_for_ephemeral(bot, "UALICE", "used all your 3 votes")
    assert "#3 did not get one" in refusal
    assert len(rows(bot, RetroVote, RetroVote.user_id == "UALICE")) == 3
    vote(bot, "UALICE", 2)
    wait_for_ephemeral(bot, "UALICE", "took back your vote for #2")
    vote(bot, "UALICE", 3)
    wait_for_ephemeral(bot, "UALICE", "vote for #3 is counted. Votes left: 0 of 3")
    vote(bot, "UBRUNO", 4)
    vote(bot, "UBRUNO", 1)
    wait_for_ephemeral(bot, "UBRUNO", "Il vous reste 1 vote(s) sur 3")
    counts = {}
    for v in rows(bot, RetroVote):
        counts[v.item_id] = counts.get(v.item_id, 0) + 1
    assert sorted(counts.values()) == [1, 2, 2]
    message = wait_for_text(bot, "2 voted so far")

    # -- close: the facilitator picks owners and due dates for two top items -------------
    opened = len(slack.calls_to("views.open"))
    bot.requester.block_action(
        RetroAction.CLOSE, user_id="UALICE", message=message, channel_id="CGENERAL"
    )
    view = open_modal(bot, "UALICE", opened)
    assert "Owner of #1" in str(view["blocks"])
    # Bad input first: a due date in the past, and a bot as owner; nothing changes.
    refused = bot.requester.view_submission(
        view,
        close_values(view, {0: ("UBOT", "2026-12-10"), 1: ("UBRUNO", "2026-11-20")}),
        user_id="UALICE",
    ).json()
    assert refused["response_action"] == "errors"
    errors = refused["errors"]
    assert "bot" in errors[owner_block_id(items[0].id)]
    assert "2026-11-20 is in the past" in errors[due_block_id(items[3].id)]
    assert rows(bot, Retro)[0].status == "open" and rows(bot, ActionRow) == []

    done = bot.requester.view_submission(
        view,
        close_values(view, {0: ("UALICE", "2026-12-10"), 1: ("UBRUNO", "2026-12-03")}),
        user_id="UALICE",
    )
    assert done.status == 200 and not done.body.strip()
    closed = wait_for_text(bot, "Closed by <@UALICE>")
    assert not any(b["type"] == "actions" for b in closed["blocks"])
    [retro] = rows(bot, Retro)
    assert retro.status == "closed" and retro.open_channel_id is None
    actions = rows(bot, ActionRow)
    assert [(a.item_id, a.owner_id, a.due_on, a.status) for a in actions] == [
        (items[0].id, "UALICE", date(2026, 12, 10), "open"),
        (items[3].id, "UBRUNO", date(2026, 12, 3), "open"),
    ]
    # Every item is a learning of source retro, with its lever; the anonymous one has no user.
    learnings = rows(bot, Learning, Learning.source == "retro")
    assert [(lr.text, lr.user_id, lr.lever) for lr in learnings] == [
        (i.text, i.author_id, i.lever) for i in items
    ]
    assert {s.status for s in rows(bot, RetroLearning)} == {"identified"}
    summary = eventually(lambda: thread_replies(bot, closed))
    assert "Summary of the retro “Sprint 12”" in message_text(summary[0])
    assert "4 items were saved as learnings" in message_text(summary[0])
    # The anonymous author's id is stored nowhere and was never shown.
    with bot.runtime.engine.connect() as db:
        for table in ("retros", "retro_items", "retro_votes", "retro_actions", "learnings"):
            dump = str(db.execute(text(f"SELECT * FROM {table}")).fetchall())
            assert "UADMIN" not in dump, table
    assert all("UADMIN" not in str(m) for m in slack.messages("CGENERAL"))

    # -- reminders the day before the due date, 9:00 the owner's time (Paris) ------------
    clock.current = datetime(2026, 12, 2, 7, 59, tzinfo=UTC)
    run_due_jobs(bot.deps, clock.current)
    assert [c for c in slack.calls_to("chat.postMessage") if c.params["channel"] == "UBRUNO"] == []
    clock.current = datetime(2026, 12, 2, 8, 0, tzinfo=UTC)
    run_due_jobs(bot.deps, clock.current)
    run_due_jobs(bot.deps, clock.current)  # a second tick (or clock) sends nothing more
    reminders = [c for c in slack.calls_to("chat.postMessage") if c.params["channel"] == "UBRUNO"]
    assert len(reminders) == 1
    dm, reminder = dm_to(bot, "UBRUNO")
    assert "Demain (2026-12-03)" in message_text(reminder)
    assert [c for c in slack.calls_to("chat.postMessage") if c.params["channel"] == "UALICE"] == []

    bot.requester.block_action(
        RetroAction.ACTION_DONE, user_id="UBRUNO", message=reminder, channel_id=dm
    )
    eventually(lambda: "noté comme fait" in message_text(slack.message(dm, reminder["ts"])))
    assert rows(bot, ActionRow)[1].status == "done"

    # Alice is reminded a week later and answers "not yet": the due day moves a week on.
    clock.current = datetime(2026, 12, 9, 8, 0, tzinfo=UTC)
    run_due_jobs(bot.deps, clock.current)
    dm_alice, alice_reminder = dm_to(bot, "UALICE")
    bot.requester.block_action(
        RetroAction.ACTION_NOT_YET, user_id="UALICE", message=alice_reminder, channel_id=dm_alice
    )
    eventually(lambda: "2026-12-17" in message_text(slack.message(dm_alice, alice_reminder["ts"])))
    assert rows(bot, ActionRow)[0].due_on == date(2026, 12, 17)

    # -- the follow-up question, two weeks after the action was done ---------------------
    clock.current = datetime(2026, 12, 16, 7, 59, tzinfo=UTC)
    run_due_jobs(bot.deps, clock.current)
    assert not [r for r in thread_replies(bot, closed) if "Did the change work?" in message_text(r)]
    clock.current = datetime(2026, 12, 16, 8, 0, tzinfo=UTC)
    run_due_jobs(bot.deps, clock.current)
    run_due_jobs(bot.deps, clock.current)
    questions = [
        r for r in thread_replies(bot, closed) if "Did the change work?" in message_text(r)
    ]
    assert len(questions) == 1
    question = questions[0]
    assert "<@UBRUNO>" in message_text(question) and "Let field teams decide" in message_text(
        question
    )

    # -- evidence: the learning moves to learned, back, and learned again ----------------
    learning_id = rows(bot, RetroItem)[3].learning_id

    def status() -> str:
        return rows(bot, RetroLearning, RetroLearning.learning_id == learning_id)[0].status

    bot.requester.block_action(RetroAction.FOLLOWUP_WORKED, user_id="UALICE", message=question)
    wait_for_ephemeral(bot, "UALICE", f"Learning #{learning_id} now counts as learned")
    assert status() == "learned"
    bot.requester.block_action(RetroAction.FOLLOWUP_NOT_YET, user_id="UBRUNO", message=question)
    wait_for_ephemeral(bot, "UBRUNO", f"L'apprentissage n°{learning_id} reste identifié")
    assert status() == "identified"
    bot.requester.block_action(RetroAction.FOLLOWUP_WORKED, user_id="UADMIN", message=question)
    eventually(lambda: status() == "learned")
    evidence = rows(bot, RetroEvidence)
    assert [(e.user_id, e.outcome, e.learning_id) for e in evidence] == [
        ("UALICE", "worked", learning_id),
        ("UBRUNO", "not_yet", learning_id),
        ("UADMIN", "worked", learning_id),
    ]
    eventually(
        lambda: (
            "It worked: 2 · :hourglass: Not yet: 1"
            in message_text(slack.message("CGENERAL", question["ts"]))
        )
    )

    # -- the next retro looks back first, overdue actions at the top ----------------------
    clock.current = datetime(2026, 12, 20, 9, 0, tzinfo=UTC)
    start(bot, "UBRUNO", "Sprint 13")
    eventually(lambda: len(retro_messages(bot)) == 2)
    following = retro_message(bot)
    blocks = [b["text"]["text"] for b in following["blocks"] if b.get("type") == "section"]
    look_back = blocks[0]
    assert look_back.startswith("*:leftwards_arrow_with_hook: D'abord, ce que nous avions promis")
    lines = look_back.splitlines()[1:]
    assert lines[0].startswith(":red_circle: *En retard :* The handover notes")
    assert "2026-12-17" in lines[0]
    assert lines[1].startswith(":white_check_mark: Let field teams decide")
    assert "ça a marché : 2, pas encore : 1" in lines[1]
