"""Slack answering 429, 500, ok:false or too late while welcoming newcomers, nudging them and
telling admins about a departure, end to end.

Each newcomer's day and each departure is claimed before Slack is called: whatever Slack
answers, nobody gets the same message twice, and what was not sent is logged.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.scheduler import run_due_jobs
from tests.onboarding.support import (
    days_later,
    dm_channel,
    dms,
    join,
    nudges,
    seed_resource,
    set_onboarding,
)
from tests.reliability.faults import (
    FAULTS,
    RETRIED_BY_CLIENT,
    STALL,
    done_late,
    logged,
)

TICK = timedelta(seconds=20)
DM_CALLS = ["conversations.open", "chat.postMessage"]

# -- newcomers: the welcome (team_join) and the day-3 nudge (the clock) -------------------------


def _path(bot) -> None:
    seed_resource(bot, "Our handbook", day=0)
    seed_resource(bot, "Field safety", day=3)
    set_onboarding(bot, days=[3])


def _texts(bot, user_id: str = "UNEW") -> list[str]:
    return [m.get("text") or "" for m in dms(bot, user_id)]


@pytest.mark.parametrize("method", DM_CALLS)
@pytest.mark.parametrize("fault", FAULTS)
def test_a_welcome_slack_refuses_is_logged_and_never_sent_twice(
    bot, slack, clock, caplog, method, fault
):
    _path(bot)
    slack.inject(method, **FAULTS[fault])
    user = join(bot, "UNEW")
    # The same event again (Slack retries), and the clock ticking: the welcome is claimed.
    assert bot.requester.event({"type": "team_join", "user": user}).status == 200
    bot.wait_idle()
    run_due_jobs(bot.deps, clock.current + TICK)
    if fault == RETRIED_BY_CLIENT:
        assert len(dms(bot, "UNEW")) == 1
        assert nudges(bot) == [(0, "sent")]
    else:
        assert dms(bot, "UNEW") == []
        assert logged(caplog, "onboarding day 0 not sent to UNEW")
        assert nudges(bot) == [(0, "failed")]
    # The rest of the path goes on.
    run_due_jobs(bot.deps, days_later(clock.current, 3))
    assert "Day 3 of your onboarding" in _texts(bot)[-1]


@pytest.mark.parametrize("method", DM_CALLS)
@pytest.mark.parametrize("fault", FAULTS)
def test_a_nudge_slack_refuses_is_logged_and_never_sent_twice(
    bot, slack, clock, caplog, method, fault
):
    _path(bot)
    join(bot, "UNEW")
    slack.inject(method, **FAULTS[fault])
    day3 = days_later(clock.current, 3)
    for tick in range(3):
        run_due_jobs(bot.deps, day3 + tick * TICK)
    if fault == RETRIED_BY_CLIENT:
        assert len(dms(bot, "UNEW")) == 2
        assert nudges(bot) == [(0, "sent"), (3, "sent")]
    else:
        assert len(dms(bot, "UNEW")) == 1  # the welcome only
        assert logged(caplog, "onboarding day 3 not sent to UNEW")
        assert nudges(bot) == [(0, "sent"), (3, "failed")]


def test_a_nudge_that_times_out_is_logged_and_never_sent_twice(quick_bot, slack, clock, caplog):
    _path(quick_bot)
    join(quick_bot, "UNEW")
    slack.inject("chat.postMessage", **STALL)
    day3 = days_later(clock.current, 3)
    run_due_jobs(quick_bot.deps, day3)
    done_late(slack, "chat.postMessage", 2)  # Slack did send it, after the client gave up
    assert logged(caplog, "onboarding day 3", "may have been sent; not retried")
    run_due_jobs(quick_bot.deps, day3 + TICK)
    assert len(dms(quick_bot, "UNEW")) == 2
    assert nudges(quick_bot) == [(0, "sent"), (3, "no_answer")]


def test_a_welcome_whose_dm_does_not_open_in_time_is_logged(quick_bot, slack, clock, caplog):
    _path(quick_bot)
    slack.inject("conversations.open", **STALL)
    join(quick_bot, "UNEW")
    assert logged(caplog, "onboarding day 0", "no answer from Slack")
    run_due_jobs(quick_bot.deps, clock.current + TICK)
    assert dms(quick_bot, "UNEW") == [] and nudges(quick_bot) == [(0, "no_answer")]


# -- departures: a DM to each admin when a member is deactivated --------------------------------


def _deactivate(bot, user_id: str = "UALICE") -> None:
    user = bot.slack.add_user(user_id, user_id.lower(), deleted=True)
    assert bot.requester.event({"type": "user_change", "user": user}).status == 200
    bot.wait_idle()


def _notices(bot, admin: str = "UADMIN") -> list[dict]:
    return [m for m in dms(bot, admin) if "<@UALICE> was deactivated" in (m.get("text") or "")]


@pytest.mark.parametrize("fault", FAULTS)
def test_a_departure_whose_admins_slack_cannot_list_is_told_on_the_next_delivery(
    bot, slack, caplog, fault
):
    slack.inject("users.list", **FAULTS[fault])
    _deactivate(bot)
    if fault != RETRIED_BY_CLIENT:
        assert _notices(bot) == []
        assert logged(caplog, "users.list failed")
    _deactivate(bot)  # Slack says it again (any later change of the profile)
    assert len(_notices(bot)) == 1


def test_a_departure_whose_admins_slack_lists_too_late_is_told_on_the_next_delivery(
    quick_bot, slack, caplog
):
    slack.inject("users.list", **STALL)
    _deactivate(quick_bot)
    assert _notices(quick_bot) == []
    assert logged(caplog, "users.list failed", "no answer")
    _deactivate(quick_bot)
    assert len(_notices(quick_bot)) == 1


@pytest.mark.parametrize("method", DM_CALLS)
@pytest.mark.parametrize("fault", FAULTS)
def test_a_departure_notice_slack_refuses_is_logged_and_never_sent_twice(
    bot, slack, caplog, method, fault
):
    slack.inject(method, **FAULTS[fault])
    _deactivate(bot)
    _deactivate(bot)
    if fault == RETRIED_BY_CLIENT:
        assert len(_notices(bot)) == 1
    else:
        assert _notices(bot) == []
        assert logged(caplog, "departure notice not sent to UADMIN")


def test_a_departure_notice_that_times_out_is_sent_once_and_the_next_admin_still_told(
    quick_bot, slack, caplog
):
    slack.add_user("UOWNER", "owner", is_admin=True)
    slack.inject("chat.postMessage", **STALL)  # the first admin's notice
    _deactivate(quick_bot)
    done_late(slack, "chat.postMessage", 2)
    assert logged(caplog, "departure notice", "may have been sent; not retried")
    _deactivate(quick_bot)
    assert len(_notices(quick_bot, "UADMIN")) == 1
    assert len(_notices(quick_bot, "UOWNER")) == 1
    assert dm_channel(quick_bot, "UOWNER")
