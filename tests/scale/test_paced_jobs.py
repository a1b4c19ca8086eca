"""Check-ins, digests and retro reminders fan out within Slack's posting limits, each once.

The fake Slack enforces a per-channel interval and a per-workspace burst and pace on
chat.postMessage (answering 429 above them), and the jobs' fan-outs are given limits a little
stricter than the fake's, both small so the tests stay fast. Sent one after another, as these
jobs did before, the same posts overrun the workspace's burst and are answered 429.
"""

from __future__ import annotations

import logging
from collections import Counter
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import insert, select

from bot.insights.checkin_rounds import run_checkins
from bot.insights.digest_job import run_digests
from bot.pacing import Limits, Pacer
from bot.retro.jobs import remind_retro_actions
from storage.checkins import set_cadence
from storage.digests import set_digest
from storage.models import (
    SLACK_BOTS,
    CheckinRound,
    DigestRun,
    Retro,
    RetroAction,
    RetroItem,
    Workspace,
)

# The fake's limits, and the fan-outs' a little stricter, so that a request that reaches the
# fake late (a busy machine: the fake's threads share the GIL with the fan-out's) still keeps
# them. Two burst tokens of margin: with one, a run of the whole suite on two cores once had
# two posts of a fan-out refused.
SLACK_LIMITS = {"channel_interval_s": 0.2, "workspace_per_s": 10.0, "workspace_burst": 5}
PACED = Limits(channel_interval_s=0.3, workspace_per_s=8.0, workspace_burst=3)

# A post sent just before a refusal came back may reach Slack just after it.
IN_FLIGHT_S = 0.1

THURSDAY = datetime(2026, 11, 26, 11, 0, tzinfo=UTC)  # week 48, after check-ins' opening hour
NEXT_MONDAY = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)  # week 48 is over, week 49 opens
TEAMS = ("T7001", "T7002")
DUE_ON = date(2026, 12, 10)
DAY_BEFORE_DUE = datetime(2026, 12, 9, 12, 0, tzinfo=UTC)  # retro actions are reminded


@pytest.fixture(autouse=True)
def fast_limits(oauth_bot, slack):
    """The fake Slack keeps small limits; the process's pacer keeps them too."""
    slack.limit_posting(**SLACK_LIMITS)
    oauth_bot.deps.pacer = Pacer(PACED)


def _install(bot, team_id: str) -> str:
    """A workspace installed through OAuth; its bot user id."""
    number = team_id[1:]
    bot_user = f"UB{number}"
    bot.slack.add_workspace(team_id, f"xoxb-paced-{number}")
    bot.slack.add_user(bot_user, f"learnloop-{number}", team_id=team_id, is_bot=True)
    with bot.deps.sessions.begin() as session:
        session.add(Workspace(team_id=team_id, settings={}))
        session.execute(
            insert(SLACK_BOTS).values(
                client_id=bot.slack.client_id,
                app_id=bot.slack.app_id,
                team_id=team_id,
                bot_token=f"xoxb-paced-{number}",
                bot_id=f"BB{number}",
                bot_user_id=bot_user,
                is_enterprise_install=False,
                installed_at=datetime.now(UTC).replace(tzinfo=None),
            )
        )
    return bot_user


def _channels(bot, team_id: str, bot_user: str, count: int, prefix: str = "X") -> list[str]:
    channels = [f"C{team_id[1:]}{prefix}{n:02d}" for n in range(count)]
    for channel_id in channels:
        bot.slack.add_channel(channel_id, channel_id.lower(), team_id=team_id, members=[bot_user])
    return channels


def _posts(slack, status: int = 200) -> list:
    return [c for c in slack.calls_to("chat.postMessage") if c.status == status]


def test_check_ins_in_many_channels_of_two_workspaces_go_out_once_within_the_limits(
    oauth_bot, slack
):
    channels = []
    for team_id in TEAMS:
        team_channels = _channels(oauth_bot, team_id, _install(oauth_bot, team_id), 12)
        with oauth_bot.deps.sessions.begin() as session:
            for channel_id in team_channels:
                set_cadence(session, team_id, channel_id, "weekly", "UADMIN", THURSDAY)
        channels += team_channels

    run_checkins(oauth_bot.deps, THURSDAY)
    run_checkins(oauth_bot.deps, THURSDAY)  # a second tick, or a second clock: nothing more

    polls = Counter(call.params["channel"] for call in _posts(slack))
    assert polls == Counter(channels)  # every channel's poll, once
    assert _posts(slack, 429) == []  # and no post beyond Slack's limits

    # A week later the rounds close (results in each poll's thread) and the next ones open:
    # two posts in every channel, a channel's interval apart, in one fan-out.
    slack.clear_calls()
    run_checkins(oauth_bot.deps, NEXT_MONDAY)
    run_checkins(oauth_bot.deps, NEXT_MONDAY)

    posted = _posts(slack)
    assert Counter(c.params["channel"] for c in posted if c.params.get("thread_ts")) == Counter(
        channels
    )
    assert Counter(c.params["channel"] for c in posted if not c.params.get("thread_ts")) == (
        Counter(channels)
    )
    assert _posts(slack, 429) == []
    with oauth_bot.deps.sessions() as session:
        rounds = Counter(session.execute(select(CheckinRound.period, CheckinRound.status)))
    assert rounds == {("2026-W48", "closed"): len(channels), ("2026-W49", "open"): len(channels)}


def test_check_ins_refused_for_the_rate_limit_wait_their_turn_and_go_out_once(oauth_bot, slack):
    # The workspace's burst was spent just before, by posts this pacer does not know of.
    team_id = TEAMS[0]
    bot_user = _install(oauth_bot, team_id)
    channels = _channels(oauth_bot, team_id, bot_user, 8)
    with oauth_bot.deps.sessions.begin() as session:
        for channel_id in channels:
            set_cadence(session, team_id, channel_id, "weekly", "UADMIN", THURSDAY)
    elsewhere = _channels(oauth_bot, team_id, bot_user, SLACK_LIMITS["workspace_burst"], "B")
    client = oauth_bot.deps.client_for(team_id)
    for channel_id in elsewhere:
        client.chat_postMessage(channel=channel_id, text="posted by another job")
    slack.clear_calls()

    run_checkins(oauth_bot.deps, THURSDAY)

    refused = _posts(slack, 429)
    assert refused  # Slack refused some, with Retry-After (whole seconds, at least one)
    # The workspace was held for it: no post reached Slack until the wait was over (but one
    # already on its way when the refusal came back).
    first_refusal = min(call.at for call in refused)
    during_the_wait = [
        call
        for call in slack.calls_to("chat.postMessage")
        if first_refusal + IN_FLIGHT_S < call.at < first_refusal + 1
    ]
    assert during_the_wait == []
    assert Counter(call.params["channel"] for call in _posts(slack)) == Counter(channels)
    with oauth_bot.deps.sessions() as session:
        statuses = Counter(session.scalars(select(CheckinRound.status)))
    assert statuses == {"open": len(channels)}  # each waited for a new turn: none given back


def test_digests_of_many_workspaces_go_out_once_and_one_failing_holds_up_none(
    oauth_bot, slack, caplog
):
    teams = [f"T71{n:02d}" for n in range(6)]
    for team_id in teams:
        [channel_id] = _channels(oauth_bot, team_id, _install(oauth_bot, team_id), 1)
        with oauth_bot.deps.sessions.begin() as session:
            set_digest(session, team_id, channel_id, "weekly", None, THURSDAY)
    broken = teams[2]
    clients = oauth_bot.deps.clients

    def clients_failing_for_one(team_id):
        if team_id == broken:
            raise RuntimeError("this workspace's trouble")
        return clients(team_id)

    oauth_bot.deps.clients = clients_failing_for_one
    with caplog.at_level(logging.ERROR, logger="bot.pacing"):
        run_digests(oauth_bot.deps, NEXT_MONDAY)
        run_digests(oauth_bot.deps, NEXT_MONDAY)

    digests = Counter(c.params["channel"] for c in _posts(slack))
    assert digests == Counter(f"C{team_id[1:]}X00" for team_id in teams if team_id != broken)
    assert _posts(slack, 429) == []
    [failure] = [r for r in caplog.records if r.name == "bot.pacing"]
    assert (failure.getMessage(), failure.team_id) == ("a paced send failed", broken)
    assert "this workspace's trouble" in failure.exc_text
    with oauth_bot.deps.sessions() as session:
        runs = Counter(session.scalars(select(DigestRun.status)))
    # The broken workspace's digest was claimed before its client failed: it stays claimed
    # (never posted twice), as it did when the job posted one workspace after another.
    assert runs == {"posted": len(teams) - 1, "pending": 1}


def test_retro_reminders_to_many_owners_go_out_once_within_the_limits(oauth_bot, slack):
    team_id = TEAMS[0]
    [channel_id] = _channels(oauth_bot, team_id, _install(oauth_bot, team_id), 1)
    owners = [f"UOWNER{n:02d}" for n in range(12)]
    for owner in owners:
        slack.add_user(owner, owner.lower(), team_id=team_id)
    with oauth_bot.deps.sessions.begin() as session:
        retro = Retro(
            team_id=team_id,
            channel_id=channel_id,
            title="Q3",
            facilitator_id=owners[0],
            language="en",
            status="closed",
            learnings_since=THURSDAY - timedelta(days=30),
        )
        session.add(retro)
        session.flush()
        for owner in owners:
            item = RetroItem(
                team_id=team_id, retro_id=retro.id, column="change", text=owner, lever="onboarding"
            )
            session.add(item)
            session.flush()
            session.add(
                RetroAction(
                    team_id=team_id,
                    retro_id=retro.id,
                    item_id=item.id,
                    channel_id=channel_id,
                    text=f"{owner} pairs newcomers",
                    owner_id=owner,
                    due_on=DUE_ON,
                )
            )

    remind_retro_actions(oauth_bot.deps, DAY_BEFORE_DUE)
    remind_retro_actions(oauth_bot.deps, DAY_BEFORE_DUE)

    assert Counter(c.params["channel"] for c in _posts(slack)) == Counter(owners)
    assert _posts(slack, 429) == []
