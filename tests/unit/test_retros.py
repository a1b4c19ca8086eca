"""Retro rules: start options, vote slots, top items, action checks, reminder timing."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from bot.errors import InvalidInput
from bot.people import Person
from bot.retro.actions import (
    check_action_choice,
    learning_status_after,
    postponed,
    question_is_due,
    reminder_is_due,
    reminder_time,
)
from bot.retro.board import Column, ItemCard, free_slot, parse_start, top_items


def person(**flags: bool) -> Person:
    values = {"is_admin": False, "is_bot": False, "is_restricted": False, "deleted": False}
    return Person("U1", "en", timezone="Europe/Paris", **{**values, **flags})


def card(number: int, votes: int, column: Column = Column.WENT_WELL) -> ItemCard:
    return ItemCard(number, number, column, f"item {number}", "other", None, votes)


def test_start_options_are_read_around_the_title():
    assert parse_start("").title is None
    options = parse_start("Sprint 12 votes=5 semaines=3")
    assert (options.title, options.votes, options.followup_weeks) == ("Sprint 12", 5, 3)
    assert parse_start("Bilan voix:2").votes == 2


@pytest.mark.parametrize("text", ["votes=0", "votes=11", "votes=x", "weeks=13", "t" * 101])
def test_bad_start_options_are_refused(text):
    with pytest.raises(InvalidInput):
        parse_start(text)


def test_the_lowest_free_slot_is_taken_and_none_past_the_limit():
    assert free_slot(set(), 3) == 1
    assert free_slot({1, 3}, 3) == 2
    assert free_slot({1, 2, 3}, 3) is None


def test_top_items_are_the_most_voted_then_the_earliest():
    items = (card(1, 0), card(2, 3), card(3, 1), card(4, 3))
    assert [i.number for i in top_items(items, 2)] == [2, 4]
    assert [i.number for i in top_items(items)] == [2, 4, 3]


def test_without_votes_the_try_next_items_are_offered():
    items = (card(1, 0), card(2, 0, Column.TRY_NEXT))
    assert [i.number for i in top_items(items)] == [2]


def test_action_choices_need_a_person_and_a_day_not_past():
    today = date(2026, 11, 26)
    assert check_action_choice(None, None, None, today) == []
    assert check_action_choice("U1", person(), today, today) == []
    keys = {
        "past": check_action_choice("U1", person(), date(2026, 11, 25), today),
        "bot": check_action_choice("U1", person(is_bot=True), today, today),
        "gone": check_action_choice("U1", person(deleted=True), today, today),
        "unknown": check_action_choice("U1", None, today, today),
        "no_owner": check_action_choice(None, None, today, today),
        "no_day": check_action_choice("U1", person(), None, today),
    }
    assert {k: [(p.key, p.field) for p in v] for k, v in keys.items()} == {
        "past": [("retro.due_past", "due")],
        "bot": [("retro.owner_bot", "owner")],
        "gone": [("retro.owner_deactivated", "owner")],
        "unknown": [("retro.owner_unknown", "owner")],
        "no_owner": [("retro.owner_missing", "owner")],
        "no_day": [("retro.due_missing", "due")],
    }


def test_reminders_come_at_nine_the_day_before_in_the_owners_time():
    due = date(2026, 12, 3)
    assert reminder_time(due, "Europe/Paris") == datetime(2026, 12, 2, 8, 0, tzinfo=UTC)
    assert not reminder_is_due(due, "Europe/Paris", datetime(2026, 12, 2, 7, 59, tzinfo=UTC))
    assert reminder_is_due(due, "Europe/Paris", datetime(2026, 12, 2, 8, 0, tzinfo=UTC))
    assert reminder_is_due(due, "America/New_York", datetime(2026, 12, 2, 14, 0, tzinfo=UTC))
    assert not reminder_is_due(due, "America/New_York", datetime(2026, 12, 2, 13, 59, tzinfo=UTC))
    # Once the due day is over where the owner lives, no reminder any more.
    assert not reminder_is_due(due, "Europe/Paris", datetime(2026, 12, 3, 23, 0, tzinfo=UTC))
    assert reminder_is_due(due, "Not/A_Zone", datetime(2026, 12, 2, 9, 0, tzinfo=UTC))


def test_follow_up_questions_wait_the_set_weeks():
    done = datetime(2026, 12, 2, 8, 0, tzinfo=UTC)
    assert not question_is_due(done, 2, datetime(2026, 12, 16, 7, 59, tzinfo=UTC))
    assert question_is_due(done, 2, datetime(2026, 12, 16, 8, 0, tzinfo=UTC))


def test_not_yet_moves_the_due_day_a_week_after_the_later_of_due_and_today():
    assert postponed(date(2026, 12, 10), date(2026, 12, 9)) == date(2026, 12, 17)
    assert postponed(date(2026, 12, 1), date(2026, 12, 9)) == date(2026, 12, 16)


def test_a_learning_is_learned_while_more_say_it_worked():
    assert learning_status_after(1, 0) == "learned"
    assert learning_status_after(1, 1) == "identified"
    assert learning_status_after(2, 1) == "learned"
    assert learning_status_after(0, 0) == "identified"
