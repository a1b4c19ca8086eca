"""What a console line means, and where `time` moves the clock: pure functions."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

import pytest

from bot.console.clock import ConsoleClock, target_of, ticks
from bot.console.lines import (
    As,
    BadLine,
    Click,
    Close,
    Fill,
    Help,
    Home,
    In,
    Join,
    Quit,
    Reply,
    Say,
    Slash,
    Submit,
    Time,
    parse_line,
    take_word,
)


@pytest.mark.parametrize(
    ("typed", "verb"),
    [
        ("/learning onboarding: pair newcomers", Slash("/learning", "onboarding: pair newcomers")),
        ("/RETRO start Q3 review", Slash("/retro", "start Q3 review")),
        ("/learning", Slash("/learning", "")),
        ("say we don't ship on Fridays", Say("we don't ship on Fridays")),
        ("reply 3 a buddy for each newcomer", Reply(3, "a buddy for each newcomer")),
        ('click 2 "Add item"', Click(2, "Add item")),
        ("click 2 Add item", Click(2, "Add item")),
        ("click 'Save'", Click(None, "Save")),
        ("click “Mark done”", Click(None, "Mark done")),
        (
            'fill "What went well" we shipped "on time"',
            Fill("What went well", 'we shipped "on time"'),
        ),
        ("fill Title Our handbook", Fill("Title", "Our handbook")),
        ("fill 2 line one\\nline two", Fill("2", "line one\nline two")),
        ("fill Notes", Fill("Notes", "")),
        ("submit", Submit()),
        ("close", Close()),
        ("as @bob", As("bob")),
        ("as Chloe fr", As("chloe", "fr")),
        ("as @dana en admin", As("dana", "en", True)),
        ("in #team", In("team")),
        ("in Team-Paris", In("team-paris")),
        ("time", Time()),
        ("time +7d", Time(step=timedelta(days=7))),
        ("time +1d12h", Time(step=timedelta(days=1, hours=12))),
        ("time +30m", Time(step=timedelta(minutes=30))),
        ("time +2w", Time(step=timedelta(weeks=2))),
        ("time monday 09:00", Time(weekday=0, at=time(9, 0))),
        ("time fri", Time(weekday=4)),
        ("time 17h30", Time(at=time(17, 30))),
        ("home", Home()),
        ("join @newbie", Join("newbie")),
        ("help", Help()),
        ("?", Help()),
        ("quit", Quit()),
        ("EXIT", Quit()),
    ],
)
def test_each_verb_is_read_with_its_arguments(typed: str, verb: object) -> None:
    assert parse_line(typed) == verb


@pytest.mark.parametrize("typed", ["", "   ", "# Monday: the prompt"])
def test_blank_lines_and_comments_do_nothing(typed: str) -> None:
    assert parse_line(typed) is None


@pytest.mark.parametrize(
    ("typed", "hint"),
    [
        ("hello team", 'unknown verb "hello": to post a message type "say hello team"'),
        ("clik 3 Save", 'unknown verb "clik"'),
        ("reply three ok", "reply takes a message number and a text"),
        ("reply 3", "reply takes a message number and a text"),
        ("click 3", "click what?"),
        ("click", "click what?"),
        ("say", "say what?"),
        ("fill", "fill which field?"),
        ("as", "as whom?"),
        ("as @bob german", 'only "en", "fr" or "admin" may follow'),
        ("as @b!b", "is not a name"),
        ("in #my team", "in which channel?"),
        ("in #équipe", "is not a channel name"),
        ("time +7 days", "time moves by"),
        ("time +7x", "time moves by"),
        ("time someday", 'time does not understand "someday"'),
        ("home now", '"home" takes nothing after it'),
        ("/", "a slash command needs a name"),
    ],
)
def test_bad_lines_get_a_one_line_hint(typed: str, hint: str) -> None:
    with pytest.raises(BadLine) as refusal:
        parse_line(typed)
    assert hint in str(refusal.value)
    assert "\n" not in str(refusal.value)


def test_a_quoted_first_word_may_hold_spaces() -> None:
    assert take_word('"What went well" on time') == ("What went well", "on time")
    assert take_word("Title  Our handbook ") == ("Title", "Our handbook")
    assert take_word('"unclosed quote') == ('"unclosed', "quote")


NOW = datetime(2026, 11, 26, 10, 17, tzinfo=UTC)  # a Thursday


def test_time_moves_by_a_step_or_to_the_next_such_moment() -> None:
    assert target_of(Time(step=timedelta(days=7)), NOW, "UTC") == NOW + timedelta(days=7)
    monday = target_of(Time(weekday=0, at=time(9, 0)), NOW, "UTC")
    assert monday == datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
    assert target_of(Time(at=time(9, 0)), NOW, "UTC") == datetime(2026, 11, 27, 9, 0, tzinfo=UTC)
    assert target_of(Time(at=time(11, 0)), NOW, "UTC") == datetime(2026, 11, 26, 11, 0, tzinfo=UTC)
    # Thursday 10:17 asked on a Thursday: the next week's.
    same_day = target_of(Time(weekday=3, at=time(10, 0)), NOW, "UTC")
    assert same_day == datetime(2026, 12, 3, 10, 0, tzinfo=UTC)


def test_a_time_of_day_is_read_in_the_workspace_time_zone() -> None:
    paris = target_of(Time(weekday=0, at=time(9, 0)), NOW, "Europe/Paris")
    assert paris == datetime(2026, 11, 30, 8, 0, tzinfo=UTC)


def test_the_scheduler_ticks_on_each_whole_hour_and_at_the_end() -> None:
    end = NOW + timedelta(hours=3, minutes=5)
    assert ticks(NOW, end) == [
        datetime(2026, 11, 26, 11, 0, tzinfo=UTC),
        datetime(2026, 11, 26, 12, 0, tzinfo=UTC),
        datetime(2026, 11, 26, 13, 0, tzinfo=UTC),
        end,
    ]
    assert ticks(NOW, NOW + timedelta(minutes=10)) == [NOW + timedelta(minutes=10)]
    assert len(ticks(NOW, NOW + timedelta(days=7))) == 24 * 7 + 1
    assert ticks(NOW, NOW) == []


def test_the_console_clock_only_moves_forward() -> None:
    clock = ConsoleClock()
    start = clock()
    clock.set(start + timedelta(days=2))
    assert clock() - start >= timedelta(days=2)
    clock.set(start)
    assert clock() - start >= timedelta(days=2)
