"""Retro builders stay within Slack's limits whatever comes in, and say the right things."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from bot.blocks.retro import (
    close_modal,
    item_modal,
    items_modal,
    parse_vote_action_id,
    read_close_metadata,
    read_item_metadata,
    retro_message,
    vote_action_id,
)
from bot.blocks.retro_followup import (
    history_message,
    question_message,
    reminder_message,
    summary_message,
)
from bot.fakeslack.limits import validate_blocks, validate_view
from bot.retro.actions import HistoryLine
from bot.retro.board import ActionLine, Board, Column, ItemCard, top_items
from bot.retro.export import export_filename, retro_markdown

LONG = "<!here> & *bold* " + "we kept the volunteers informed " * 20
NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)


def items(count: int, length: int = 500) -> tuple[ItemCard, ...]:
    return tuple(
        ItemCard(
            id=100 + n,
            number=n,
            column=list(Column)[n % 4],
            text=f"Item {n}: {LONG}"[:length],
            lever="onboarding",
            author_id=None if n % 3 else "UALICE",
            votes=n % 5,
        )
        for n in range(1, count + 1)
    )


def actions(count: int) -> tuple[ActionLine, ...]:
    return tuple(
        ActionLine(
            n,
            f"Action {n}: {LONG}",
            "UBRUNO",
            date(2026, 12, n % 28 + 1),
            ("open", "done", "dropped")[n % 3],
            overdue=n % 4 == 0,
            worked=n % 2,
            not_yet=1,
        )
        for n in range(1, count + 1)
    )


def board(count: int, *, status: str = "open", language: str = "en", previous: int = 3) -> Board:
    return Board(
        retro_id=7,
        title="Sprint " + "x" * 95,
        channel_id="CGENERAL",
        facilitator_id="UALICE",
        language=language,
        status=status,
        votes_per_person=3,
        closed_by="UADMIN" if status == "closed" else None,
        learnings_since=NOW,
        first_retro=previous == 0,
        voters=4,
        items=items(count),
        previous=actions(previous),
        decided=actions(5) if status == "closed" else (),
        learnings={"onboarding": 4, "retention": 1},
    )


def sections(blocks: list[dict]) -> list[str]:
    return [b["text"]["text"] for b in blocks if b["type"] == "section"]


@pytest.mark.parametrize("count", [0, 1, 4, 40, 60, 61, 200, 1000])
@pytest.mark.parametrize("status", ["open", "closed"])
@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_retro_message_always_fits(count, status, language):
    message = retro_message(board(count, status=status, language=language, previous=40))
    assert validate_blocks(message["blocks"]) == []
    assert len(message["blocks"]) <= 50
    assert all(len(text) <= 3000 for text in sections(message["blocks"]))
    assert len(message["text"]) < 200
    assert "<!here>" not in str(message)


def test_forty_items_are_all_shown_with_a_vote_button_each():
    message = retro_message(board(40))
    shown = "\n".join(sections(message["blocks"]))
    assert all(f"`{n}` Item {n}:" in shown for n in range(1, 41))
    buttons = [
        e["action_id"]
        for b in message["blocks"]
        if b["type"] == "actions"
        for e in b["elements"]
        if e["action_id"].startswith("retro_vote.")
    ]
    assert sorted(parse_vote_action_id(a) for a in buttons) == [100 + n for n in range(1, 41)]


def test_past_sixty_items_columns_fold_into_all_items():
    message = retro_message(board(200))
    shown = "\n".join(sections(message["blocks"]))
    assert "more: *All items* shows every one" in shown
    assert sum(f"`{n}` Item" in shown for n in range(1, 201)) <= 60


def test_a_closed_retro_has_no_buttons_and_shows_its_actions():
    message = retro_message(board(4, status="closed"))
    assert not [b for b in message["blocks"] if b["type"] == "actions"]
    shown = "\n".join(sections(message["blocks"]))
    assert "*:dart: Actions decided*" in shown


def test_the_look_back_comes_first_overdue_before_the_rest():
    line = sections(retro_message(board(0, previous=4))["blocks"])[0]
    assert line.startswith("*:leftwards_arrow_with_hook: First, what we promised last time*")


def test_anonymous_items_name_nobody():
    message = retro_message(board(3))
    shown = "\n".join(sections(message["blocks"]))
    assert "`1` Item 1" in shown and "— _anonymous_" in shown
    assert "`3` Item 3" in shown and "— <@UALICE>" in shown


def test_vote_action_ids_round_trip():
    assert parse_vote_action_id(vote_action_id(42)) == 42
    assert parse_vote_action_id("retro_vote.x") is None
    assert parse_vote_action_id("other.3") is None


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_modals_are_valid(language):
    for column in Column:
        view = item_modal(7, column, language)
        assert validate_view(view) == []
        assert read_item_metadata(view["private_metadata"]) == (7, column)
    full = board(200, language=language)
    view = close_modal(full, top_items(full.items), language)
    assert validate_view(view) == []
    assert read_close_metadata(view["private_metadata"])[0] == 7
    for page in range(6):
        assert validate_view(items_modal(full, {101, 102}, page, language)) == []
    assert validate_view(close_modal(board(0), [], language)) == []
    assert read_item_metadata("not json") is None


def test_summaries_history_reminders_and_questions_fit():
    closed = board(1000, status="closed")
    assert validate_blocks(summary_message(closed, 1000)["blocks"]) == []
    lines = [
        HistoryLine(
            n,
            "Sprint | " + "y" * 200,
            "closed",
            NOW,
            NOW,
            "https://x.slack.com/p1",
            40,
            actions(30),
        )
        for n in range(12)
    ]
    history = history_message(lines, "fr")
    assert validate_blocks(history["blocks"]) == []
    line = actions(1)[0]
    assert validate_blocks(reminder_message(line, "T" * 200, "fr")["blocks"]) == []
    assert validate_blocks(question_message(line, "T" * 200, 2, "en")["blocks"]) == []


def test_the_markdown_export_names_no_author_and_keeps_tables_whole():
    closed = board(6, status="closed")
    closed = replace(closed, decided=(replace(actions(1)[0], text="Split | the budget"),))
    document = retro_markdown(closed, {"UBRUNO": "Bruno"}, "en")
    assert "UALICE" not in document and "anonymous" not in document
    assert "| Split \\| the budget | Bruno | 2026-12-02 |" in document
    assert "## What went well" in document
    assert export_filename(closed).startswith("retro-7-sprint-xxx")


def test_weeks_are_said_naturally():
    line = actions(1)[0]
    assert ":mag: a week ago, <@UBRUNO>" in question_message(line, "S", 1, "en")["text"]
    assert "Il y a 3 semaines, <@UBRUNO>" in question_message(line, "S", 3, "fr")["text"]
