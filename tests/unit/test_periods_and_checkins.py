"""Periods in a time zone, when a round or a digest is due, and what a result may show."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from bot.errors import InvalidInput
from bot.insights.checkins import MIN_ANSWERS, parse_cadence, result_for, round_due
from bot.insights.digest import digest_due
from bot.levers import Lever
from bot.periods import period_of, previous, weeks_back


def test_weeks_months_and_quarters_start_at_local_midnight():
    when = datetime(2026, 3, 30, 21, 30, tzinfo=UTC)  # Tuesday 31 March, 00:30 in Beirut
    week = period_of("weekly", when, "Asia/Beirut")
    assert (week.key, week.first_day, week.last_day) == (
        "2026-W14",
        date(2026, 3, 30),
        date(2026, 4, 5),
    )
    assert week.start == datetime(2026, 3, 29, 21, tzinfo=UTC)
    month = period_of("monthly", when, "Asia/Beirut")
    assert (month.key, month.first_day) == ("2026-03", date(2026, 3, 1))
    assert period_of("monthly", when, "UTC").key == "2026-03"
    quarter = period_of("quarterly", datetime(2026, 12, 31, tzinfo=UTC), "UTC")
    assert (quarter.key, quarter.end) == ("2026-Q4", datetime(2027, 1, 1, tzinfo=UTC))


def test_a_month_across_a_daylight_saving_change_keeps_local_midnights():
    october = period_of("monthly", datetime(2026, 10, 15, tzinfo=UTC), "Europe/Paris")
    assert october.start == datetime(2026, 9, 30, 22, tzinfo=UTC)  # CEST
    assert october.end == datetime(2026, 10, 31, 23, tzinfo=UTC)  # CET
    assert previous(october, "Europe/Paris").key == "2026-09"


def test_weeks_back_ends_with_the_week_before_now():
    weeks = weeks_back(datetime(2026, 11, 30, 9, tzinfo=UTC), 8, "UTC")
    assert len(weeks) == 8
    assert weeks[-1].first_day == date(2026, 11, 23) and weeks[0].first_day == date(2026, 10, 5)


def test_a_round_opens_at_ten_on_the_first_day_or_at_once_when_turned_on_later():
    since = datetime(2026, 10, 20, tzinfo=UTC)
    assert round_due("monthly", datetime(2026, 11, 1, 9, 59, tzinfo=UTC), "UTC", since) is None
    assert round_due("monthly", datetime(2026, 11, 1, 10, tzinfo=UTC), "UTC", since).key == (
        "2026-11"
    )
    late = datetime(2026, 11, 26, 9, tzinfo=UTC)
    assert round_due("monthly", late, "UTC", late).key == "2026-11"


def test_a_digest_is_due_monday_at_nine_about_the_week_before_unless_set_up_after():
    monday = datetime(2026, 11, 30, 9, tzinfo=UTC)
    covered, current = digest_due("weekly", monday, "UTC", datetime(2026, 11, 1, tzinfo=UTC))
    assert (covered.key, current.key) == ("2026-W48", "2026-W49")
    assert digest_due("weekly", monday, "UTC", monday.replace(hour=10)) is None
    sunday = datetime(2026, 11, 29, 23, tzinfo=UTC)
    assert digest_due("weekly", sunday, "UTC", datetime(2026, 11, 1, tzinfo=UTC))[0].key == (
        "2026-W47"
    )


def test_results_show_counts_and_average_only_from_three_answers():
    hidden = result_for(Lever.ONBOARDING, [1, 4])
    assert (hidden.answers, hidden.counts, hidden.average, hidden.shown) == (2, None, None, False)
    shown = result_for(Lever.ONBOARDING, [1, 2, 4, 4, 4])
    assert shown.counts == (1, 1, 0, 3) and shown.average == 3.0 and shown.shown
    assert MIN_ANSWERS == 3


@pytest.mark.parametrize(
    ("word", "cadence"),
    [("weekly", "weekly"), ("Mensuel", "monthly"), ("trimestriel", "quarterly"), ("off", "off")],
)
def test_rhythms_in_english_or_french(word, cadence):
    assert parse_cadence(word) == cadence


def test_an_unknown_rhythm_is_refused():
    with pytest.raises(InvalidInput) as refusal:
        parse_cadence("daily")
    assert refusal.value.key == "checkin.bad_cadence"
