"""Schedules as pure rules: cron and time zones, due times across DST, grace, lever turns."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.errors import InvalidInput
from bot.levers import Lever
from bot.prompts.schedules import (
    GRACE,
    check_cron,
    check_language,
    check_timezone,
    due_time,
    lever_selection,
    next_lever,
    next_occurrence,
    occurrences,
)
from bot.prompts.settings import SettingsForm, check_form, cron_of, form_from_cron, may_change


def at(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


@pytest.mark.parametrize(
    "cron", ["0 10 * * MON", "0 10 * * 1", "0 10 * * mon", "0 10 * * 1-1", "0  10 * *  Mon"]
)
def test_weekday_numbers_and_names_mean_what_cron_means(cron):
    # APScheduler 3 counts Monday as 0; cron counts Sunday as 0. 30 November 2026 is a Monday.
    assert next_occurrence(cron, "UTC", at(2026, 11, 26)) == at(2026, 11, 30, 10)


def test_sunday_is_0_and_7_and_steps_follow_cron():
    assert next_occurrence("0 10 * * 0", "UTC", at(2026, 11, 26)).weekday() == 6
    assert next_occurrence("0 10 * * 7", "UTC", at(2026, 11, 26)).weekday() == 6
    days = {
        d.weekday() for d in occurrences("0 9 * * */2", "UTC", at(2026, 11, 1), at(2026, 11, 30))
    }
    assert days == {6, 1, 3, 5}  # Sunday, Tuesday, Thursday, Saturday


@pytest.mark.parametrize(
    "cron", ["", "0 10 * *", "0 10 * * * *", "61 10 * * MON", "0 24 * * *", "0 10 * * 8",
             "0 10 * * FRI-MON", "every monday", "0 10 * * MON/0"],
)  # fmt: skip
def test_bad_cron_expressions_are_refused_naming_the_field(cron):
    with pytest.raises(InvalidInput) as refused:
        check_cron(cron)
    assert (refused.value.key, refused.value.field) == ("prompts.bad_cron", "cron")


def test_a_cron_that_does_not_come_due_within_a_year_is_refused():
    start = datetime(2026, 1, 1, tzinfo=UTC)
    for cron in (
        "0 0 1 1/3 0",
        "0 9 29 2 *",
    ):  # a 1st that is a Sunday in Jan/Apr/Jul/Oct; leap day
        with pytest.raises(InvalidInput) as refused:
            check_cron(cron, now=start)
        assert (refused.value.key, refused.value.field) == ("prompts.cron_never_due", "cron")
    assert check_cron("0 9 29 2 *", now=datetime(2027, 6, 1, tzinfo=UTC)) == "0 9 29 2 *"


def test_timezones_and_languages():
    assert check_timezone(" Europe/Paris ") == "Europe/Paris"
    for bad in ("Europe/Atlantis", "", "../etc/passwd", "/etc/localtime"):
        with pytest.raises(InvalidInput) as refused:
            check_timezone(bad)
        assert refused.value.field == "timezone"
    assert check_language("FR") == "fr" and check_language(None) is None
    with pytest.raises(InvalidInput):
        check_language("de")


def test_paris_weekly_in_utc_across_both_changes():
    found = occurrences("0 10 * * MON", "Europe/Paris", at(2026, 3, 20), at(2026, 11, 3))
    assert found[0] == at(2026, 3, 23, 9)  # winter
    assert found[1] == at(2026, 3, 30, 8)  # summer, the day after clocks went forward
    assert found[-3:] == [at(2026, 10, 19, 8), at(2026, 10, 26, 9), at(2026, 11, 2, 9)]


def test_a_time_repeated_when_clocks_go_back_fires_once():
    found = occurrences("30 2 * * *", "Europe/Paris", at(2026, 10, 24), at(2026, 10, 27))
    assert found == [at(2026, 10, 24, 0, 30), at(2026, 10, 25, 0, 30), at(2026, 10, 26, 1, 30)]
    every_20 = occurrences(
        "*/20 * * * *", "Europe/Paris", at(2026, 10, 24, 22), at(2026, 10, 25, 4)
    )
    assert len(every_20) == 18  # a rhythm keeps going through the repeated hour


def test_due_time_within_grace_latest_only_and_never_before_activation():
    since = at(2026, 1, 1)
    assert due_time("0 10 * * *", "UTC", at(2026, 11, 26, 10, 0, 5), since) == at(2026, 11, 26, 10)
    late = at(2026, 11, 26, 10) + GRACE + timedelta(seconds=1)
    assert due_time("0 10 * * *", "UTC", late, since) is None
    # Many missed due times: only the latest one is due.
    assert due_time("*/5 * * * *", "UTC", at(2026, 11, 26, 10, 59), since) == at(
        2026, 11, 26, 10, 55
    )
    assert (
        due_time("0 10 * * *", "UTC", at(2026, 11, 26, 10, 1), at(2026, 11, 26, 10, 0, 30)) is None
    )


def test_lever_modes_and_turns():
    assert lever_selection([]) == ("rotate", [])
    assert lever_selection(["tools"]) == ("fixed", ["knowledge_tools"])
    assert lever_selection(["onboarding", "retention", "onboarding"]) == (
        "subset",
        ["onboarding", "retention"],
    )
    with pytest.raises(InvalidInput) as refused:
        lever_selection(["onboarding", "retention"], "fixed")
    assert refused.value.field == "levers"
    with pytest.raises(InvalidInput):
        lever_selection([], "subset")
    with pytest.raises(InvalidInput) as unknown:
        lever_selection(["happiness"])
    assert unknown.value.key == "input.unknown_lever"
    assert next_lever("rotate", [], None) == Lever.SELF_LEARNING
    assert next_lever("rotate", [], "other") == Lever.SELF_LEARNING
    assert next_lever("subset", ["onboarding", "retention"], "onboarding") == Lever.RETENTION
    assert next_lever("subset", ["onboarding", "retention"], "team_learning") == Lever.ONBOARDING
    assert next_lever("fixed", ["retention"], "retention") == Lever.RETENTION


def test_settings_form_round_trip_and_permissions():
    form = form_from_cron("30 9 * * TUE", timezone="Europe/Paris")
    assert (form.cadence, form.day, form.time) == ("weekly", "tue", "09:30")
    assert cron_of(form) == "30 9 * * TUE"
    assert form_from_cron("0 8 * * MON-FRI").cadence == "weekdays"
    assert cron_of(SettingsForm(cadence="monthly", time="07:05")) == "5 7 1 * *"
    assert form_from_cron("0 */2 * * *").cadence == "custom"
    values, refusals = check_form(SettingsForm(cadence="custom", cron="nope", timezone="X/Y"))
    assert values is None and {block for block, _ in refusals} == {
        "prompt_settings_cron",
        "prompt_settings_timezone",
    }
    assert may_change("UALICE", "UALICE", False) and may_change("UALICE", "UBRUNO", True)
    assert not may_change("UALICE", "UBRUNO", False) and not may_change(None, "UBRUNO", False)
