"""Bad input to `/retro`: a clear answer to the person only, and nothing changed."""

from __future__ import annotations

from sqlalchemy import func, select

from bot.blocks.retro import due_block_id, owner_block_id, read_close_metadata
from bot.fakeslack.payloads import state_value
from bot.ids import RetroAction, RetroBlock
from bot.retro.board import Column
from storage.models import Learning, Retro, RetroItem, RetroVote
from storage.models import RetroAction as ActionRow
from tests.retro.support import (
    ADD,
    add_item,
    eventually,
    open_modal,
    retro_message,
    retro_messages,
    start,
    vote,
    wait_for_ephemeral,
    wait_for_text,
)


def count(bot, model) -> int:
    with bot.deps.sessions() as session:
        return session.scalar(select(func.count()).select_from(model))


def open_close_modal(bot, user: str = "UALICE") -> dict:
    opened = len(bot.slack.calls_to("views.open"))
    assert (
        bot.requester.command("/retro", "close", user_id=user, channel_id="CGENERAL").status == 200
    )
    return open_modal(bot, user, opened)


def submit_close(bot, view: dict, owner: str | None, due: str | None, user: str = "UALICE"):
    _, [first, *others] = read_close_metadata(view["private_metadata"])
    values = {
        owner_block_id(first): {RetroAction.OWNER: state_value("users_select", owner)},
        due_block_id(first): {RetroAction.DUE: state_value("datepicker", due)},
    }
    for item_id in others:
        values[owner_block_id(item_id)] = {RetroAction.OWNER: state_value("users_select", None)}
        values[due_block_id(item_id)] = {RetroAction.DUE: state_value("datepicker", None)}
    return bot.requester.view_submission(view, values, user_id=user)


def a_retro_with_a_voted_item(bot) -> None:
    start(bot, "UALICE", "Sprint 7")
    add_item(bot, "UALICE", Column.TRY_NEXT, "Write the handover notes together")
    wait_for_text(bot, "Write the handover notes together")
    vote(bot, "UBRUNO", 1)
    wait_for_text(bot, "1 voted so far")


def test_closing_a_retro_that_does_not_exist(bot):
    answer = start(bot, "UALICE", "close")
    assert answer["response_type"] == "ephemeral"
    assert "no open retro in this channel" in answer["text"]
    assert "/retro start Sprint 12" in answer["text"]
    assert count(bot, Retro) == 0
    assert bot.slack.calls_to("views.open") == []


def test_a_lone_unknown_word_is_answered_with_the_help_and_starts_nothing(bot):
    answer = start(bot, "UALICE", "hisotry")
    assert answer["response_type"] == "ephemeral"
    assert answer["text"].startswith(
        "`hisotry` is not a `/retro` command. To start a retro with that title, type "
        "`/retro start hisotry`.\n*`/retro`* runs a retrospective in this channel:"
    )
    french = start(bot, "UBRUNO", "Bilan")
    assert french["text"].startswith(
        "`Bilan` n'est pas une commande de `/retro`. Pour lancer une rétro sous ce titre, tapez "
        "`/retro start Bilan`.\n*`/retro`* anime une rétrospective"
    )
    assert count(bot, Retro) == 0

    start(bot, "UBRUNO", "start Bilan")  # as the answer says
    wait_for_text(bot, "Bilan")
    with bot.deps.sessions() as session:
        assert session.scalars(select(Retro.title)).all() == ["Bilan"]


def test_only_the_facilitator_or_an_admin_may_close(bot):
    a_retro_with_a_voted_item(bot)
    refusal = start(bot, "UBRUNO", "close")
    assert "Seule la personne qui anime cette rétro (<@UALICE>)" in refusal["text"]
    message = retro_message(bot)
    bot.requester.block_action(
        RetroAction.CLOSE, user_id="UBRUNO", message=message, channel_id="CGENERAL"
    )
    wait_for_ephemeral(bot, "UBRUNO", "Seule la personne qui anime")
    assert bot.slack.calls_to("views.open")[-1:] and len(bot.slack.calls_to("views.open")) == 1
    view = open_close_modal(bot, "UADMIN")  # an admin may
    assert submit_close(bot, view, None, None, user="UADMIN").status == 200
    wait_for_text(bot, "Closed by <@UADMIN>")


def test_due_dates_in_the_past_and_owners_who_cannot_own_are_refused(bot, slack):
    slack.add_user("UGONE", "gone", deleted=True)
    slack.add_user("UROBOT", "robot", is_bot=True)
    a_retro_with_a_voted_item(bot)
    view = open_close_modal(bot)
    _, [item_id] = read_close_metadata(view["private_metadata"])
    owner, due = owner_block_id(item_id), due_block_id(item_id)
    cases = [
        ("UALICE", "2026-11-25", due, "2026-11-25 is in the past"),
        ("UGONE", "2026-12-10", owner, "deactivated"),
        ("UROBOT", "2026-12-10", owner, "That is a bot"),
        ("UALICE", None, due, "Pick a due date for this action, for example 2026-12-10"),
        (None, "2026-12-10", owner, "Pick who owns this action"),
    ]
    for who, day, block, said in cases:
        answer = submit_close(bot, view, who, day).json()
        assert answer["response_action"] == "errors"
        assert said in answer["errors"][block], (who, day, answer)
    with bot.deps.sessions() as session:
        assert session.scalar(select(Retro.status)) == "open"
    assert count(bot, ActionRow) == 0
    assert count(bot, Learning) == 0
    # Today is fine.
    assert submit_close(bot, view, "UALICE", "2026-11-26").status == 200
    eventually(lambda: count(bot, ActionRow) == 1)


def test_voting_or_adding_on_a_closed_retro_changes_nothing(bot):
    a_retro_with_a_voted_item(bot)
    old_message = retro_message(bot)  # still carries the buttons
    opened = len(bot.slack.calls_to("views.open"))
    bot.requester.block_action(
        ADD[Column.HARD], user_id="UALICE", message=old_message, channel_id="CGENERAL"
    )
    item_view = open_modal(bot, "UALICE", opened)
    view = open_close_modal(bot)
    submit_close(bot, view, None, None)
    wait_for_text(bot, "Closed by")
    votes = count(bot, RetroVote)

    button = next(
        e
        for b in old_message["blocks"]
        for e in b.get("elements") or []
        if e.get("action_id", "").startswith(RetroAction.VOTE + ".")
    )
    bot.requester.block_action(
        button["action_id"], user_id="UALICE", message=old_message, channel_id="CGENERAL"
    )
    assert "This retro is closed" in wait_for_ephemeral(bot, "UALICE", "closed")
    assert count(bot, RetroVote) == votes

    # The item modal opened before the close is refused in place.
    values = {
        RetroBlock.ITEM_TEXT: {RetroAction.ITEM_TEXT: state_value("plain_text_input", "Too late")}
    }
    answer = bot.requester.view_submission(item_view, values, user_id="UALICE").json()
    assert answer["response_action"] == "errors"
    assert "closed" in answer["errors"][RetroBlock.ITEM_TEXT]
    assert count(bot, RetroItem) == 1
    bot.requester.block_action(
        ADD[Column.HARD], user_id="UBRUNO", message=old_message, channel_id="CGENERAL"
    )
    wait_for_ephemeral(bot, "UBRUNO", "Cette rétro est close")


def test_an_empty_or_too_long_item_is_refused_in_the_modal(bot):
    start(bot, "UALICE", "")
    empty = add_item(bot, "UALICE", Column.WENT_WELL, "   ").json()
    assert "Write your item" in empty["errors"][RetroBlock.ITEM_TEXT]
    long = add_item(bot, "UBRUNO", Column.WENT_WELL, "x" * 501).json()
    assert "501 caractères" in long["errors"][RetroBlock.ITEM_TEXT]
    assert count(bot, RetroItem) == 0


def test_bad_start_options_are_refused_with_an_example(bot):
    answer = start(bot, "UALICE", "start Sprint votes=0")
    assert "`0` is not a number of votes" in answer["text"]
    assert "votes=5" in answer["text"]
    answer = start(bot, "UBRUNO", "start " + "t" * 101)
    assert "101 caractères" in answer["text"]
    assert count(bot, Retro) == 0


def test_a_retro_where_the_bot_cannot_post_is_not_started(bot, slack):
    slack.add_channel("CNOBOT", "nobot", members=["UALICE"])
    start(bot, "UALICE", "Sprint 1", channel="CNOBOT")
    said = wait_for_ephemeral(bot, "UALICE", "could not post the retro")
    assert "not_in_channel" in said
    eventually(lambda: count(bot, Retro) == 0)
    assert retro_messages(bot, "CNOBOT") == []


def test_unknown_retros_cannot_be_exported(bot):
    assert "nothing to export" in start(bot, "UALICE", "export")["text"]
    assert "no retro `42`" in start(bot, "UALICE", "export 42")["text"]
    assert bot.slack.files == []
