"""Builders of App Home, check-ins and the digest chart: limits, escaping, empty states."""

from __future__ import annotations

import io
from datetime import UTC, datetime

import matplotlib.image

from bot.blocks.checkins import checkin_poll, parse_answer, parse_round_lever, results_message
from bot.blocks.home import Item, item_block
from bot.fakeslack.limits import validate_blocks
from bot.insights.charts import CHART_SIZE, digest_chart
from bot.insights.checkins import CHECKIN_LEVERS, result_for, results
from bot.insights.coverage import Coverage
from bot.insights.digest import Digest, Standing
from bot.levers import Lever
from bot.periods import period_of, previous, weeks_back

NOW = datetime(2026, 11, 30, 9, tzinfo=UTC)


def test_user_text_is_escaped_in_app_home():
    item = Item(1, "onboarding", "ping <!channel> & <https://x.example|click>", "2026-11-26", None)
    text = item_block(item, "en")["text"]["text"]
    assert "<!channel>" not in text and "&lt;!channel&gt;" in text and "&amp;" in text
    assert "anonymous" in text


def test_a_poll_is_a_valid_message_in_both_languages_and_its_values_read_back():
    period = period_of("monthly", NOW, "UTC")
    for language in ("en", "fr"):
        poll = checkin_poll(42, period, language)
        assert validate_blocks(poll["blocks"], "message") == []
    values = [
        element["value"]
        for block in poll["blocks"]
        if block["type"] == "actions"
        for element in block["elements"]
    ]
    assert parse_answer(values[0]) == (42, CHECKIN_LEVERS[0], 1)
    assert parse_round_lever(values[4]) == (42, CHECKIN_LEVERS[0])
    assert parse_answer("42:other:3") is None and parse_answer("42:onboarding:9") is None


def test_results_of_nobody_say_so():
    message = results_message(period_of("monthly", NOW, "UTC"), results({}), "fr")
    assert "Personne n'a répondu" in message["text"]


def _digest(weekly_total: int, standings: list[Standing]) -> Digest:
    weeks = weeks_back(NOW, 8, "UTC")
    weekly = [dict.fromkeys(Lever, 0) for _ in weeks]
    weekly[-1][Lever.ONBOARDING] = weekly_total
    return Digest(
        team_id="T1",
        language="en",
        period=previous(period_of("weekly", NOW, "UTC"), "UTC"),
        new_by_lever=dict.fromkeys(Lever, 0),
        reused=[],
        actions_due=None,
        retros_held=None,
        stand_period="2026-11" if standings else None,
        standings=standings,
        coverage=Coverage([], []),
        weeks=weeks,
        weekly_counts=weekly,
    )


def test_nothing_to_draw_means_no_chart_rather_than_an_empty_image():
    hidden = [Standing(result_for(lever, [2]), None) for lever in CHECKIN_LEVERS]
    assert digest_chart(_digest(0, [])) is None
    assert digest_chart(_digest(0, hidden)) is None


def test_half_a_chart_is_still_a_real_image_of_the_full_size():
    shown = [Standing(result_for(Lever.ONBOARDING, [2, 3, 4]), None)]
    for digest in (_digest(0, shown), _digest(3, [])):
        png = digest_chart(digest)
        image = matplotlib.image.imread(io.BytesIO(png), format="png")
        assert image.shape[:2] == (CHART_SIZE[1], CHART_SIZE[0])
