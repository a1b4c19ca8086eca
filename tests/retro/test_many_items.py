"""However many items come in, every message and view stays within what Slack accepts.

The fake Slack rejects what Slack rejects (more than 50 blocks, sections over 3,000
characters, more than 25 buttons in a block…), so each chat.update, chat.postMessage and
views.* call below succeeding is the proof.
"""

from __future__ import annotations

from sqlalchemy import func, select

from bot.fakeslack.limits import validate_blocks
from bot.ids import RetroAction
from bot.retro.board import Column
from bot.retro.board import add_item as store_item
from storage.models import Retro, RetroVote
from tests.retro.support import (
    add_item,
    eventually,
    message_text,
    open_modal,
    retro_message,
    start,
    vote,
    wait_for_text,
)

COLUMNS = list(Column)


def long_text(n: int) -> str:
    """A 500-character item (the most an item holds), with characters that need escaping."""
    head = f"Item {n}: <!channel> & <https://evil.example|bank> "
    return (head + "we kept the volunteers informed " * 20)[:500]


def seed(bot, count: int) -> int:
    """`count` long items added through the retro rules, as the modal would."""
    with bot.deps.sessions.begin() as session:
        retro_id = session.scalar(select(Retro.id))
        for n in range(1, count + 1):
            store_item(
                session,
                team_id="T0001",
                retro_id=retro_id,
                column=COLUMNS[n % 4],
                text=long_text(n),
                lever=None,
                author_id="UBRUNO" if n % 2 else None,
                now=bot.deps.now(),
            )
    return retro_id


def updates_all_accepted(bot) -> None:
    calls = bot.slack.calls_to("chat.update") + bot.slack.calls_to("chat.postMessage")
    assert calls and all(call.response.get("ok") for call in calls), [
        call.response for call in calls if not call.response.get("ok")
    ]


def test_forty_long_items_all_show_and_can_be_voted_on(bot):
    start(bot, "UALICE", "Big retro")
    retro_message(bot)
    seed(bot, 39)
    added = add_item(bot, "UALICE", Column.LEARNED, long_text(40))
    assert added.status == 200 and not added.body.strip(), (added.status, added.body)
    message = wait_for_text(bot, "`40` Item 40")

    updates_all_accepted(bot)
    assert len(message["blocks"]) <= 50
    assert validate_blocks(message["blocks"]) == []
    shown = message_text(message)
    assert all(f"`{n}` Item {n}:" in shown for n in range(1, 41))
    assert "<!channel>" not in shown and "&lt;!channel&gt;" in shown
    buttons = [
        e
        for b in message["blocks"]
        for e in b.get("elements") or []
        if e.get("action_id", "").startswith(RetroAction.VOTE + ".")
    ]
    assert len(buttons) == 40

    vote(bot, "UBRUNO", 40)
    wait_for_text(bot, "1 voted so far")
    opened = len(bot.slack.calls_to("views.open"))
    bot.requester.block_action(
        RetroAction.CLOSE, user_id="UALICE", message=retro_message(bot), channel_id="CGENERAL"
    )
    view = open_modal(bot, "UALICE", opened)
    bot.requester.view_submission(view, {}, user_id="UALICE")
    closed = wait_for_text(bot, "Closed by")
    assert len(closed["blocks"]) <= 50
    summary = eventually(
        lambda: [
            m
            for m in bot.slack.messages("CGENERAL")
            if m.get("thread_ts") == closed["ts"] and m["ts"] != closed["ts"]
        ]
    )
    assert "Summary of the retro" in message_text(summary[0])
    updates_all_accepted(bot)


def test_two_hundred_items_fold_into_pages_and_can_still_be_voted_on(bot):
    start(bot, "UALICE", "Huge retro")
    retro_message(bot)
    seed(bot, 199)
    added = add_item(bot, "UBRUNO", Column.HARD, "The two hundredth item")
    assert added.status == 200 and not added.body.strip(), (added.status, added.body)
    message = wait_for_text(bot, "more: *All items* shows every one")
    updates_all_accepted(bot)
    assert len(message["blocks"]) <= 50

    opened = len(bot.slack.calls_to("views.open"))
    bot.requester.block_action(
        RetroAction.ALL_ITEMS, user_id="UALICE", message=message, channel_id="CGENERAL"
    )
    view = open_modal(bot, "UALICE", opened)
    assert "page 1 of 5" in str(view["blocks"][0])
    updates = len(bot.slack.calls_to("views.update"))
    bot.requester.block_action(RetroAction.MODAL_NEXT, user_id="UALICE", view=view)
    bot.slack.wait_for("views.update", updates + 1, timeout=20)
    second = bot.slack.current_view("UALICE")
    assert "page 2 of 5" in str(second["blocks"][0])
    assert "`41` Item 41" in str(second["blocks"][1])

    bot.requester.block_action(
        RetroAction.MODAL_VOTE,
        value=None,
        user_id="UALICE",
        view=second,
        block_id=second["blocks"][1]["block_id"],
    )
    bot.slack.wait_for("views.update", updates + 2, timeout=20)
    with bot.deps.sessions() as session:
        assert session.scalar(select(func.count()).select_from(RetroVote)) == 1
    after = eventually(
        lambda: (
            (v := bot.slack.current_view("UALICE"))
            and "Take my vote back" in str(v["blocks"][1])
            and v
        )
    )
    assert "page 2 of 5" in str(after["blocks"][0])
    assert all(call.response.get("ok") for call in bot.slack.calls_to("views.update"))
    wait_for_text(bot, "1 voted so far")
