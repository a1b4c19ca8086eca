"""`/retro history` lists a channel's retros with links and outcomes; `/retro export` uploads
one retro as Markdown; `/retro help` says how."""

from __future__ import annotations

from bot.blocks.retro import due_block_id, owner_block_id, read_close_metadata
from bot.fakeslack.payloads import state_value
from bot.ids import RetroAction
from bot.retro.board import Column
from tests.retro.support import (
    add_item,
    eventually,
    open_modal,
    retro_message,
    start,
    vote,
    wait_for_text,
)


def run_a_retro(bot, title: str, item: str, owner: str) -> None:
    start(bot, "UALICE", title)
    retro_message(bot)
    add_item(bot, "UALICE", Column.TRY_NEXT, item)
    wait_for_text(bot, item)
    vote(bot, "UBRUNO", 1)
    wait_for_text(bot, "1 voted so far")
    opened = len(bot.slack.calls_to("views.open"))
    bot.requester.command("/retro", "close", user_id="UALICE", channel_id="CGENERAL")
    view = open_modal(bot, "UALICE", opened)
    _, [item_id] = read_close_metadata(view["private_metadata"])
    values = {
        owner_block_id(item_id): {RetroAction.OWNER: state_value("users_select", owner)},
        due_block_id(item_id): {RetroAction.DUE: state_value("datepicker", "2026-12-15")},
    }
    bot.requester.view_submission(view, values, user_id="UALICE")
    wait_for_text(bot, "Closed by")


def test_history_lists_retros_with_links_and_outcomes(bot):
    assert "No retro has been run" in start(bot, "UALICE", "history")["text"]
    run_a_retro(bot, "Sprint 1", "Share the budget monthly", "UBRUNO")
    answer = start(bot, "UBRUNO", "historique")
    assert answer["response_type"] == "ephemeral"
    shown = str(answer["blocks"])
    assert "Rétros de ce canal" in shown
    assert "https://test-workspace.slack.com/archives/CGENERAL/p" in shown and "|Sprint 1>" in shown
    assert "Share the budget monthly — <@UBRUNO>, échéance le 2026-12-15" in shown
    assert "/retro export" in shown


def test_export_uploads_the_retro_as_markdown(bot):
    run_a_retro(bot, "Sprint 2", "Pair | on reports", "UBRUNO")
    answer = start(bot, "UALICE", "export")
    assert "Preparing the Markdown file of the retro *Sprint 2*" in answer["text"]
    [upload] = eventually(lambda: bot.slack.files)
    assert upload["filename"].startswith("retro-") and upload["filename"].endswith("-sprint-2.md")
    assert upload["channel_id"] == "CGENERAL"
    document = upload["content"].decode()
    assert document.startswith("# :repeat: Retro: Sprint 2")
    assert "## What we will try next" in document
    assert "- Pair | on reports (votes: 1; " in document
    assert "| Pair \\| on reports | bruno | 2026-12-15 | open |" in document
    assert "UALICE" not in document  # item authors are not written


def test_help_in_french(bot):
    answer = start(bot, "UBRUNO", "aide")
    assert "anime une rétrospective dans ce canal" in answer["text"]
