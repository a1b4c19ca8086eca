"""Clicks at the same instant, as concurrent signed requests: no vote or item is ever lost,
and the vote limit holds."""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from sqlalchemy import func, select

from bot.fakeslack.payloads import state_value
from bot.ids import RetroAction, RetroBlock
from bot.retro.board import Column
from storage.models import Retro, RetroItem, RetroVote
from tests.retro.support import (
    ADD,
    add_item,
    ephemerals_for,
    eventually,
    message_text,
    open_modal,
    retro_message,
    retro_messages,
    start,
    vote_button,
    wait_for_text,
)

PEOPLE = [f"UPEER{n}" for n in range(8)]


def at_once(calls: list[Callable[[], Any]]) -> list[Any]:
    """Run the calls in threads released together."""
    barrier = threading.Barrier(len(calls))

    def run(call: Callable[[], Any]) -> Any:
        barrier.wait()
        return call()

    with ThreadPoolExecutor(len(calls)) as pool:
        return list(pool.map(run, calls))


def count(bot, model, *where) -> int:
    with bot.deps.sessions() as session:
        return session.scalar(select(func.count()).select_from(model).where(*where))


def seed_people(slack) -> None:
    for user in PEOPLE:
        slack.add_user(user, user.lower())


def test_everyone_voting_for_one_item_at_once_counts_every_vote(bot, slack):
    seed_people(slack)
    start(bot, "UALICE", "Sprint 9")
    add_item(bot, "UALICE", Column.TRY_NEXT, "Pair on the grant report")
    message = wait_for_text(bot, "Pair on the grant report")
    button = vote_button(message, 1)

    responses = at_once(
        [
            lambda user=user: bot.requester.block_action(
                button["action_id"], user_id=user, message=message, channel_id="CGENERAL"
            )
            for user in PEOPLE
        ]
    )

    assert all(r.status == 200 for r in responses)
    assert count(bot, RetroVote) == len(PEOPLE)
    final = wait_for_text(bot, f"*{len(PEOPLE)}*")
    assert f"{len(PEOPLE)} voted so far" in message_text(final)


def test_one_person_clicking_many_items_at_once_cannot_exceed_the_limit(bot):
    start(bot, "UALICE", "Sprint 9 votes=3")
    for n in range(6):
        add_item(bot, "UBRUNO", Column.WENT_WELL, f"Item number {n}")
    message = wait_for_text(bot, "Item number 5")
    buttons = [vote_button(message, n) for n in range(1, 7)]

    at_once(
        [
            lambda b=b: bot.requester.block_action(
                b["action_id"], user_id="UALICE", message=message, channel_id="CGENERAL"
            )
            for b in buttons
        ]
    )

    assert count(bot, RetroVote, RetroVote.user_id == "UALICE") == 3
    answers = eventually(
        lambda: (lambda found: found if len(found) == 6 else None)(ephemerals_for(bot, "UALICE"))
    )
    assert sum("is counted" in a for a in answers) == 3
    assert sum("used all your 3 votes" in a for a in answers) == 3
    with bot.deps.sessions() as session:
        slots = sorted(session.scalars(select(RetroVote.slot)))
    assert slots == [1, 2, 3]


def test_items_submitted_at_the_same_instant_are_all_kept(bot, slack):
    seed_people(slack)
    start(bot, "UALICE", "Sprint 9")
    message = retro_message(bot)
    views = []
    for user in PEOPLE:
        opened = len(slack.calls_to("views.open"))
        bot.requester.block_action(
            ADD[Column.HARD], user_id=user, message=message, channel_id="CGENERAL"
        )
        views.append((user, open_modal(bot, user, opened)))

    def submit(user: str, view: dict) -> Any:
        text = f"What {user} found hard"
        values = {
            RetroBlock.ITEM_TEXT: {RetroAction.ITEM_TEXT: state_value("plain_text_input", text)}
        }
        return bot.requester.view_submission(view, values, user_id=user)

    responses = at_once([lambda u=u, v=v: submit(u, v) for u, v in views])

    assert all(r.status == 200 and not r.body.strip() for r in responses)
    assert count(bot, RetroItem) == len(PEOPLE)
    final = wait_for_text(bot, f"*:cloud: What was hard* · {len(PEOPLE)}")
    shown = message_text(final)
    assert all(f"What {user} found hard" in shown for user in PEOPLE)


def test_two_retros_started_at_the_same_instant_make_one(bot):
    answers = at_once([lambda u=u: start(bot, u, f"Retro by {u}") for u in ("UALICE", "UBRUNO")])

    assert count(bot, Retro) == 1
    assert (
        sum("starts in this channel" in a["text"] for a in answers)
        + sum("commence dans ce canal" in a["text"] for a in answers)
        == 1
    )
    eventually(lambda: len(retro_messages(bot)) == 1)


def test_an_item_added_while_the_retro_is_being_posted_still_shows(bot, slack):
    # Slack is slow to give the permalink: the message is out, its ts not stored yet.
    slack.inject("chat.getPermalink", delay=2.0)
    start(bot, "UALICE", "Sprint 9")
    add_item(bot, "UBRUNO", Column.WENT_WELL, "Quick off the mark")
    assert len(slack.calls_to("chat.getPermalink")) == 0  # still waiting for it
    wait_for_text(bot, "Quick off the mark")
