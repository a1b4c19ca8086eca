"""Slack answering 429, 500, ok:false or too late to the scheduled jobs, end to end.

Each job claims its work in the database before calling Slack. For each fault: the failure
is logged (nobody waits for a job's answer), what Slack did not carry out is tried again on a
later tick when the job can, and what Slack may have carried out (a timeout) is never tried
again, so nothing is ever posted twice.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from bot.scheduler import run_due_jobs
from storage.checkins import set_cadence
from storage.digests import set_digest
from storage.models import (
    CheckinAnswer,
    CheckinRound,
    CheckinSetting,
    DigestRun,
    DigestSetting,
    Retro,
    RetroAction,
    RetroFollowup,
    RetroItem,
)
from storage.reuses import record_reuse
from storage.workspaces import ensure_workspace
from tests.home.helpers import seed_learning
from tests.home.test_checkins import _answer as answer_checkin
from tests.prompts.support import bot_messages
from tests.reliability.faults import (
    FAULTS,
    RETRIED_BY_CLIENT,
    STALL,
    done,
    done_late,
    logged,
)

TICK = timedelta(seconds=20)

# -- weekly digests ---------------------------------------------------------------------------

MONDAY_9 = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)  # the digest of 23–29 November is due


def _digest_due(bot, *, chart: bool) -> None:
    with bot.deps.sessions.begin() as session:
        set_digest(session, "T0001", "CGENERAL", "weekly", "UADMIN", bot.deps.now())
    if chart:  # a learning in the week: the digest is a chart with the text as its comment
        when = datetime(2026, 11, 25, 14, tzinfo=UTC)
        seed_learning(bot, text="buddies for newcomers", lever="onboarding", when=when)


def _digests(slack) -> list[dict]:
    return [m for m in bot_messages(slack) if "New learnings" in (m.get("text") or "")]


def _admin_dms(slack) -> list:
    return [c for c in slack.calls_to("chat.postMessage") if c.params.get("channel") == "UADMIN"]


def _digest_runs(bot) -> list[str]:
    with bot.deps.sessions() as session:
        return [r.status for r in session.scalars(select(DigestRun).order_by(DigestRun.id))]


# The Web API calls of a digest, in order; the text alone goes by chat.postMessage.
DIGEST_CALLS = [
    "conversations.info",
    "files.getUploadURLExternal",
    "files.completeUploadExternal",
    "chat.postMessage",
]


@pytest.mark.parametrize("method", DIGEST_CALLS)
@pytest.mark.parametrize("fault", FAULTS)
def test_a_digest_slack_refuses_is_logged_retried_next_tick_and_posted_once(
    bot, slack, clock, caplog, method, fault
):
    _digest_due(bot, chart=method != "chat.postMessage")
    slack.inject(method, **FAULTS[fault])
    clock.current = MONDAY_9
    run_due_jobs(bot.deps, clock.current)
    if fault == RETRIED_BY_CLIENT:
        assert len(_digests(slack)) == 1
    else:
        assert _digests(slack) == []
        assert logged(caplog, "digest not posted", "next tick retries")
    for tick in (1, 2, 3):
        run_due_jobs(bot.deps, MONDAY_9 + tick * TICK)
    assert len(_digests(slack)) == 1
    assert _digest_runs(bot) == ["posted"]
    # A passing failure is not the channel's problem: no admin is bothered, App Home is clear.
    assert _admin_dms(slack) == []
    with bot.deps.sessions() as session:
        assert session.get(DigestSetting, "T0001").problem is None


def test_a_digest_whose_channel_check_times_out_is_posted_next_tick(quick_bot, slack, caplog):
    _digest_due(quick_bot, chart=True)
    slack.inject("conversations.info", **STALL)
    run_due_jobs(quick_bot.deps, MONDAY_9)
    assert _digests(slack) == []  # asking about the channel posts nothing: safe to try again
    assert logged(caplog, "digest not posted", "next tick retries")
    done_late(slack, "conversations.info")
    run_due_jobs(quick_bot.deps, MONDAY_9 + TICK)
    run_due_jobs(quick_bot.deps, MONDAY_9 + 2 * TICK)
    assert len(_digests(slack)) == 1
    assert _digest_runs(quick_bot) == ["posted"]


def test_a_digest_whose_quote_slack_cannot_check_in_time_hides_it_and_is_posted(quick_bot, slack):
    _digest_due(quick_bot, chart=True)
    slack.add_channel("CFIELD", "field", members=["UALICE", slack.bot_user_id])
    when = datetime(2026, 11, 25, 15, tzinfo=UTC)
    quoted = seed_learning(
        quick_bot, text="field visits in pairs", lever="retention", channel_id="CFIELD", when=when
    )
    with quick_bot.deps.sessions.begin() as session:
        record_reuse(session, "T0001", quoted, "UBRUNO", "useful", when)
    slack.inject("conversations.info", delay=0)  # the digest channel's check answers
    slack.inject("conversations.info", **STALL)  # is CFIELD public? no answer in time
    run_due_jobs(quick_bot.deps, MONDAY_9)
    [digest] = _digests(slack)
    assert "reused 1×" in digest["text"]
    assert "field visits in pairs" not in digest["text"]  # counted as private: nothing leaks
    assert _digest_runs(quick_bot) == ["posted"]


@pytest.mark.parametrize("method", ["files.completeUploadExternal", "chat.postMessage"])
def test_a_digest_post_that_times_out_is_never_posted_twice(quick_bot, slack, caplog, method):
    _digest_due(quick_bot, chart=method != "chat.postMessage")
    slack.inject(method, **STALL)
    run_due_jobs(quick_bot.deps, MONDAY_9)
    done_late(slack, method)  # Slack did post it, after the client gave up
    assert logged(caplog, "digest", "may have been posted; not retried")
    run_due_jobs(quick_bot.deps, MONDAY_9 + TICK)
    run_due_jobs(quick_bot.deps, MONDAY_9 + 2 * TICK)
    assert len(_digests(slack)) == 1
    assert len(done(slack, method)) == 1
    assert _digest_runs(quick_bot) == ["no_answer"]
    assert _admin_dms(slack) == []


def test_a_digest_problem_dm_slack_answers_too_late_is_logged_and_never_sent_again(
    quick_bot, slack, caplog
):
    _digest_due(quick_bot, chart=False)
    slack.set_bot_in_channel("CGENERAL", False)
    slack.inject("chat.postMessage", **STALL)  # the DM telling the admin
    run_due_jobs(quick_bot.deps, MONDAY_9)
    assert logged(caplog, "could not tell UADMIN", "digest", "no answer from Slack")
    assert not logged(caplog, "a paced send failed")  # told in one line, not a traceback
    done_late(slack, "chat.postMessage")  # Slack did send it, after the client gave up
    for tick in (1, 2, 3):
        run_due_jobs(quick_bot.deps, MONDAY_9 + tick * TICK)
    assert len(_admin_dms(slack)) == 1
    assert _digest_runs(quick_bot) == ["failed"]
    with quick_bot.deps.sessions() as session:
        assert session.get(DigestSetting, "T0001").problem == "not_in_channel"


# -- check-in rounds --------------------------------------------------------------------------

DECEMBER = datetime(2026, 12, 1, 0, 5, tzinfo=UTC)  # November's round has ended


def _checkins_on(bot) -> None:
    with bot.deps.sessions.begin() as session:
        set_cadence(session, "T0001", "CGENERAL", "monthly", "UALICE", bot.deps.now())


def _polls(slack) -> list[dict]:
    return [m for m in bot_messages(slack) if "Where does our organisation stand" in str(m)]


def _round(bot) -> CheckinRound:
    with bot.deps.sessions() as session:
        [checkin_round] = session.scalars(select(CheckinRound)).all()
        return checkin_round


def _answers(bot) -> int:
    with bot.deps.sessions() as session:
        return session.scalar(select(func.count()).select_from(CheckinAnswer))


def _results(slack) -> list[dict]:
    return [
        m for m in slack.messages("CGENERAL") if "Results of the check-in" in (m.get("text") or "")
    ]


@pytest.mark.parametrize("fault", FAULTS)
def test_a_checkin_poll_slack_refuses_is_logged_and_posted_once_next_tick(
    bot, slack, clock, caplog, fault
):
    _checkins_on(bot)
    slack.inject("chat.postMessage", **FAULTS[fault])
    run_due_jobs(bot.deps, clock.current)
    if fault == RETRIED_BY_CLIENT:
        assert len(_polls(slack)) == 1
    else:
        assert _polls(slack) == []
        assert logged(caplog, "check-in not posted", "next tick retries")
    run_due_jobs(bot.deps, clock.current + TICK)
    run_due_jobs(bot.deps, clock.current + 2 * TICK)
    [poll] = _polls(slack)
    assert (_round(bot).status, _round(bot).message_ts) == ("open", poll["ts"])


def test_a_checkin_poll_that_times_out_is_not_posted_twice_and_takes_answers(
    quick_bot, slack, clock, caplog
):
    _checkins_on(quick_bot)
    slack.inject("chat.postMessage", **STALL)
    run_due_jobs(quick_bot.deps, clock.current)
    done_late(slack, "chat.postMessage")  # Slack did post it, after the client gave up
    assert logged(caplog, "check-in", "may have been posted; not retried")
    run_due_jobs(quick_bot.deps, clock.current + TICK)
    [poll] = _polls(slack)
    # The poll people see takes their answers, and its results come at the end of the month.
    answer_checkin(quick_bot, poll, "UALICE", "onboarding", 3)
    assert _answers(quick_bot) == 1
    run_due_jobs(quick_bot.deps, DECEMBER)
    run_due_jobs(quick_bot.deps, DECEMBER + TICK)
    assert len(_results(slack)) == 1
    assert len(_polls(slack)) == 1


@pytest.mark.parametrize("method", ["chat.update", "chat.postMessage"])
@pytest.mark.parametrize("fault", FAULTS)
def test_closing_a_checkin_slack_refuses_keeps_the_results_and_posts_nothing_twice(
    bot, slack, clock, caplog, method, fault
):
    _checkins_on(bot)
    run_due_jobs(bot.deps, clock.current)
    [poll] = _polls(slack)
    answer_checkin(bot, poll, "UALICE", "onboarding", 3)
    slack.inject(method, **FAULTS[fault])
    run_due_jobs(bot.deps, DECEMBER)
    run_due_jobs(bot.deps, DECEMBER + TICK)
    assert _round(bot).status == "closed"
    assert _answers(bot) == 1  # App Home, the digest and the report show them
    updated, results = done(slack, "chat.update"), _results(slack)
    if fault == RETRIED_BY_CLIENT:
        assert (len(updated), len(results)) == (1, 1)
    elif method == "chat.update":
        assert logged(caplog, "check-in poll not updated")
        assert (len(updated), len(results)) == (0, 1)  # the results still go out
    else:
        assert logged(caplog, "check-in results not posted")
        assert (len(updated), len(results)) == (1, 0)


@pytest.mark.parametrize("method", ["chat.update", "chat.postMessage"])
def test_closing_a_checkin_that_times_out_posts_the_results_once(
    quick_bot, slack, clock, caplog, method
):
    _checkins_on(quick_bot)
    run_due_jobs(quick_bot.deps, clock.current)
    slack.inject(method, **STALL)
    run_due_jobs(quick_bot.deps, DECEMBER)
    done_late(slack, method, 2 if method == "chat.postMessage" else 1)
    assert logged(caplog, "no answer from Slack")
    run_due_jobs(quick_bot.deps, DECEMBER + TICK)
    assert len(done(slack, "chat.update")) == 1
    assert len(_results(slack)) == 1


def test_a_checkin_pause_dm_slack_answers_too_late_is_logged_and_never_sent_again(
    quick_bot, slack, clock, caplog
):
    _checkins_on(quick_bot)  # Alice's
    slack.set_bot_in_channel("CGENERAL", False)
    slack.inject("chat.postMessage", error="not_in_channel")  # the poll, as Slack refuses it
    slack.inject("chat.postMessage", **STALL)  # then the DM to Alice
    run_due_jobs(quick_bot.deps, clock.current)
    assert logged(caplog, "could not tell UALICE", "check-ins", "no answer from Slack")
    assert not logged(caplog, "a paced send failed")  # told in one line, not a traceback
    done_late(slack, "chat.postMessage")  # Slack did send it, after the client gave up
    run_due_jobs(quick_bot.deps, clock.current + TICK)
    run_due_jobs(quick_bot.deps, clock.current + 2 * TICK)
    dms = [c for c in slack.calls_to("chat.postMessage") if c.params["channel"] == "UALICE"]
    assert len(dms) == 1
    assert _polls(slack) == [] and _round(quick_bot).status == "failed"
    with quick_bot.deps.sessions() as session:
        [setting] = session.scalars(select(CheckinSetting)).all()
    assert setting.paused_reason == "not_in_channel"


# -- retro action reminders and follow-up questions ---------------------------------------------

DAY_BEFORE_DUE = datetime(2026, 12, 9, 12, 0, tzinfo=UTC)  # actions are due on 10 December


def _retro_action(bot, kind: str) -> None:
    """An open action UBRUNO owns (a reminder is due), or one done long ago (a question is)."""
    parent = bot.slack.post_user_message("CGENERAL", "UADMIN", "Retro: Q3")
    with bot.deps.sessions.begin() as session:
        ensure_workspace(session, "T0001")
        retro = Retro(
            team_id="T0001",
            channel_id="CGENERAL",
            title="Q3",
            facilitator_id="UADMIN",
            language="en",
            status="closed",
            learnings_since=bot.deps.now(),
            message_ts=parent["ts"],
        )
        session.add(retro)
        session.flush()
        item = RetroItem(
            team_id="T0001",
            retro_id=retro.id,
            column="change",
            text="Pair newcomers",
            lever="onboarding",
            author_id="UADMIN",
        )
        session.add(item)
        session.flush()
        session.add(
            RetroAction(
                team_id="T0001",
                retro_id=retro.id,
                item_id=item.id,
                channel_id="CGENERAL",
                text=item.text,
                owner_id="UBRUNO",
                due_on=date(2026, 12, 10),
                status="open" if kind == "reminder" else "done",
                done_at=None if kind == "reminder" else datetime(2026, 11, 2, tzinfo=UTC),
            )
        )


def _followups(bot) -> list[str]:
    with bot.deps.sessions() as session:
        return [f.status for f in session.scalars(select(RetroFollowup))]


def _followup_posts(slack, kind: str) -> list:
    channel = "UBRUNO" if kind == "reminder" else "CGENERAL"
    return [c for c in done(slack, "chat.postMessage") if c.params.get("channel") == channel]


@pytest.mark.parametrize("kind", ["reminder", "question"])
@pytest.mark.parametrize("fault", FAULTS)
def test_a_retro_reminder_or_question_slack_refuses_is_logged_and_sent_once_next_tick(
    bot, slack, caplog, kind, fault
):
    _retro_action(bot, kind)
    slack.inject("chat.postMessage", **FAULTS[fault])
    run_due_jobs(bot.deps, DAY_BEFORE_DUE)
    if fault == RETRIED_BY_CLIENT:
        assert len(_followup_posts(slack, kind)) == 1
    else:
        assert _followup_posts(slack, kind) == []
        assert logged(caplog, "retro reminder or question could not be sent", "next tick retries")
    run_due_jobs(bot.deps, DAY_BEFORE_DUE + TICK)
    run_due_jobs(bot.deps, DAY_BEFORE_DUE + 2 * TICK)
    assert len(_followup_posts(slack, kind)) == 1
    assert _followups(bot) == ["sent"]


def test_a_retro_reminder_slack_cannot_deliver_is_logged_and_not_retried(bot, slack, caplog):
    _retro_action(bot, "reminder")
    slack.inject("chat.postMessage", error="cannot_dm_bot")  # retrying would not help
    run_due_jobs(bot.deps, DAY_BEFORE_DUE)
    run_due_jobs(bot.deps, DAY_BEFORE_DUE + TICK)
    assert logged(caplog, "retro reminder or question could not be sent", "cannot_dm_bot")
    assert len(slack.calls_to("chat.postMessage")) == 1
    assert _followups(bot) == ["failed"]


@pytest.mark.parametrize("kind", ["reminder", "question"])
def test_a_retro_reminder_or_question_that_times_out_is_never_sent_twice(
    quick_bot, slack, caplog, kind
):
    _retro_action(quick_bot, kind)
    slack.inject("chat.postMessage", **STALL)
    run_due_jobs(quick_bot.deps, DAY_BEFORE_DUE)
    done_late(slack, "chat.postMessage")  # Slack did send it, after the client gave up
    assert logged(caplog, "may have been sent; not retried")
    run_due_jobs(quick_bot.deps, DAY_BEFORE_DUE + TICK)
    assert len(_followup_posts(slack, kind)) == 1
    assert _followups(quick_bot) == ["no_answer"]
