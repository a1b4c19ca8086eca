"""Property-based tests: no text a person can type makes a parser raise, ping or disguise a link."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.blocks.checkins import parse_answer, parse_round_lever
from bot.blocks.learning import parse_lever_choice
from bot.blocks.onboarding import parse_pair
from bot.blocks.onboarding_admin import parse_menu_choice
from bot.blocks.retro import parse_vote_action_id
from bot.dates import parse_day
from bot.errors import InvalidInput
from bot.ids import row_id
from bot.learning.capture import MAX_LEARNING_CHARS, draft_from_command
from bot.learning.search_query import parse_query
from bot.levers import Lever, find_lever, guess_lever, split_lever_marker
from bot.onboarding.rules import parse_days
from bot.prompts.schedules import check_cron, check_timezone, next_occurrence
from bot.settings import SettingsError, parse_settings
from bot.text import escape, quote

# Text with plenty of Slack control sequences among ordinary characters.
slack_text = st.lists(
    st.one_of(
        st.text(max_size=20),
        st.sampled_from(["<", ">", "&", "|", "!", "@", "#", ":", "\n", "&lt;", "&amp;"]),
        st.sampled_from(["<!channel>", "<!here>", "<!everyone>", "<@U123>", "<https://x.io|bank>"]),
    ),
    max_size=30,
).map("".join)


@given(slack_text)
def test_escaped_text_has_no_live_control_sequence(text):
    escaped = escape(text)
    assert "<" not in escaped and ">" not in escaped
    assert re.search(r"&(?!amp;|lt;|gt;)", escaped) is None
    assert "<" not in quote(text)


@given(slack_text)
def test_escaping_keeps_every_character_readable(text):
    unescaped = escape(text).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    assert unescaped == text


@given(slack_text)
def test_lever_parsing_never_raises_and_keeps_the_text(text):
    lever, rest = split_lever_marker(text)
    assert lever is None or isinstance(lever, Lever)
    assert rest in text
    assert isinstance(guess_lever(text).lever, Lever)
    find_lever(text)


@given(st.text(max_size=MAX_LEARNING_CHARS + 50))
@settings(max_examples=200)
def test_a_learning_draft_is_either_valid_or_refused_with_a_reason(text):
    try:
        draft = draft_from_command(text)
    except InvalidInput as refusal:
        assert refusal.key in {"learning.empty", "learning.too_long"}
    else:
        assert 0 < len(draft.text) <= MAX_LEARNING_CHARS
        assert isinstance(draft.lever, Lever)


@given(st.text(max_size=40))
def test_dates_parse_or_are_refused_with_a_reason(text):
    try:
        day = parse_day(text, "Europe/Paris")
    except InvalidInput as refusal:
        assert refusal.key == "input.bad_date"
    else:
        assert day.tzinfo is not None


@given(
    st.dictionaries(
        st.sampled_from(
            [
                "SLACK_BOT_TOKEN",
                "SLACK_APP_TOKEN",
                "SLACK_API_URL",
                "DATABASE_URL",
                "LEARNLOOP_LANGUAGE",
                "LEARNLOOP_TIMEZONE",
                "LEARNLOOP_LOG_FORMAT",
                "SLACK_CLIENT_ID",
            ]
        ),
        st.text(max_size=60),
    )
)
def test_settings_parse_or_stop_with_one_line(values):
    try:
        parse_settings(values)
    except SettingsError as error:
        assert "\n" not in str(error)


cron_text = st.one_of(
    st.text(max_size=40),
    st.lists(
        st.sampled_from(["*", "*/5", "0", "10", "59", "60", "1-5", "MON", "mon-fri", "7", "x", ""]),
        min_size=1,
        max_size=7,
    ).map(" ".join),
)


@given(cron_text)
@settings(max_examples=300)
def test_cron_expressions_are_accepted_or_refused_with_a_reason(text):
    try:
        cron = check_cron(text, now=datetime(2026, 1, 1, tzinfo=UTC))
    except InvalidInput as refusal:
        assert refusal.field
    else:
        assert next_occurrence(cron, "Europe/Paris", datetime(2026, 1, 1, tzinfo=UTC)) is not None


@given(st.text(max_size=60))
def test_timezones_are_accepted_or_refused_with_a_reason(text):
    try:
        check_timezone(text)
    except InvalidInput as refusal:
        assert refusal.field


search_text = st.lists(
    st.one_of(
        st.text(max_size=15),
        st.sampled_from(
            [
                "lever:",
                "lever:onboarding",
                "from:@",
                "from:<@U1>",
                "in:#",
                "in:<#C1|x>",
                "since:",
                "since:2026-02-30",
                "since:2026-01-01",
                "levier:équipe",
                ":",
                "@",
                "#",
            ]
        ),
    ),
    max_size=8,
).map(" ".join)


@given(search_text)
@settings(max_examples=300)
def test_search_filters_parse_or_are_refused_with_a_reason(text):
    try:
        query = parse_query(text, "Europe/Paris")
    except InvalidInput as refusal:
        assert refusal.key
    else:
        assert query.lever is None or isinstance(query.lever, str)


@given(st.text(max_size=40))
def test_onboarding_days_parse_or_are_refused_with_a_reason(text):
    try:
        days = parse_days(text)
    except InvalidInput as refusal:
        assert refusal.key
    else:
        assert all(0 <= day <= 365 for day in days)


# What comes back from Slack in button values, option values and private_metadata can be
# forged: digits of other scripts ("²", "٣"), huge numbers, separators in the wrong places.
forged_value = st.one_of(
    st.text(max_size=40),
    st.lists(
        st.one_of(st.text(alphabet="0123456789²٣:.", max_size=25), st.sampled_from(Lever)),
        max_size=4,
    ).map(lambda parts: ":".join(str(part) for part in parts)),
)


@given(forged_value)
def test_ids_read_back_from_slack_never_raise_and_fit_an_id_column(value):
    number = row_id(value)
    assert number is None or 0 <= number < 2**31
    for parse in (
        parse_answer,
        parse_round_lever,
        parse_lever_choice,
        parse_pair,
        parse_menu_choice,
    ):
        parsed = parse(value)
        assert parsed is None or all(0 <= part < 2**31 for part in parsed if isinstance(part, int))
    assert parse_vote_action_id(value) is None or parse_vote_action_id(value) < 2**31
