"""Check-ins over the fake Slack: a poll per period, one answer per person and lever,
results only as counts and averages of at least three answers, kept per period."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from bot.ids import CheckinAction, CheckinBlock
from bot.insights.checkin_rounds import run_checkins
from bot.insights.checkins import CHECKIN_LEVERS
from bot.scheduler import run_due_jobs
from storage.models import CheckinAnswer, CheckinRound, CheckinSetting
from tests.home.helpers import open_home, texts

LEVELS = {
    1: CheckinAction.LEVEL_1,
    2: CheckinAction.LEVEL_2,
    3: CheckinAction.LEVEL_3,
    4: CheckinAction.LEVEL_4,
}
DECEMBER = datetime(2026, 12, 1, 0, 5, tzinfo=UTC)


@pytest.fixture
def people(bot):
    bot.slack.add_user("UCARLA", "carla")
    bot.slack.add_user("UDAVID", "david")
    return ["UALICE", "UBRUNO", "UADMIN", "UCARLA", "UDAVID"]


def _turn_on(bot, text="", user="UALICE", channel="CGENERAL"):
    return bot.requester.command(
        "/learning", f"checkin {text}".strip(), user_id=user, channel_id=channel
    )


def _poll(bot, channel="CGENERAL"):
    polls = [
        m
        for m in bot.slack.messages(channel)
        if m.get("bot_id")
        and any(b.get("block_id", "").startswith(CheckinBlock.LEVER) for b in m.get("blocks") or [])
    ]
    assert len(polls) == 1, polls
    return polls[0]


def _answer(bot, poll, user, lever, level):
    response = bot.requester.block_action(
        LEVELS[level],
        user_id=user,
        message=poll,
        channel_id="CGENERAL",
        block_id=f"{CheckinBlock.LEVER}_{lever}",
    )
    assert response.status == 200


def _results(bot, poll):
    replies = [
        m
        for m in bot.slack.messages("CGENERAL")
        if m.get("thread_ts") == poll["ts"] and m["ts"] != poll["ts"]
    ]
    assert len(replies) == 1, replies
    return replies[0]["text"]


def test_five_answers_give_counts_and_averages_and_two_show_nothing(bot, clock, people):
    answer = _turn_on(bot).json()
    assert "Check-ins are on in this channel, every month" in answer["text"]

    run_due_jobs(bot.deps, clock.current)
    poll = _poll(bot)
    assert "Where does our organisation stand?" in texts(poll["blocks"])
    rows = [b for b in poll["blocks"] if b["type"] == "actions"]
    assert len(rows) == len(CHECKIN_LEVERS) == 6

    _answer(bot, poll, "UALICE", "onboarding", 1)
    _answer(bot, poll, "UALICE", "onboarding", 3)  # answering again changes the answer
    for user, level in zip(people[1:], [2, 3, 4, 4], strict=True):
        _answer(bot, poll, user, "onboarding", level)
    _answer(bot, poll, "UALICE", "team_learning", 3)
    _answer(bot, poll, "UBRUNO", "team_learning", 4)
    responses = bot.slack.wait_for_responses(8)
    # Each click is confirmed after the response, by its own thread: in any order.
    confirmation = next(r for r in responses if "*Not started*" in r["text"])
    assert "Saved: *Not started* for :wave: Onboarding newcomers" in confirmation["text"]
    assert "2026-11-30" in confirmation["text"]

    with bot.deps.sessions() as session:
        rows = session.execute(
            select(CheckinAnswer.user_id, CheckinAnswer.level).where(
                CheckinAnswer.lever == "onboarding"
            )
        ).all()
    assert sorted(rows) == [
        ("UADMIN", 3),
        ("UALICE", 3),
        ("UBRUNO", 2),
        ("UCARLA", 4),
        ("UDAVID", 4),
    ]

    clock.current = DECEMBER
    run_due_jobs(bot.deps, clock.current)
    run_due_jobs(bot.deps, clock.current)  # a second tick (or clock) closes nothing twice

    results = _results(bot, poll)
    assert "Onboarding newcomers: *3.2* / 4 from 5 answers" in results
    assert "Not started 0, First steps 1, Practised in places 2, Part of how we work 2" in results
    assert "Team learning: fewer than 3 answers, not shown." in results
    assert "3.5" not in results  # the two team-learning answers are never averaged
    for user in people:
        assert user not in results
    closed = bot.slack.message("CGENERAL", poll["ts"])
    assert "closed on 2026-12-01" in texts(closed["blocks"])
    assert not [b for b in closed["blocks"] if b["type"] == "actions"]

    # App Home shows the same: counts and averages, nothing under three answers.
    home = texts(open_home(bot, "UALICE"))
    assert "From the check-in of 2026-11" in home
    assert "*3.2* / 4 from 5 answers" in home
    assert "Team learning: fewer than 3 answers, not shown." in home


def test_a_round_with_two_answers_shows_no_result(bot, clock, people):
    _turn_on(bot)
    run_checkins(bot.deps, clock.current)
    poll = _poll(bot)
    _answer(bot, poll, "UALICE", "retention", 2)
    _answer(bot, poll, "UBRUNO", "retention", 4)

    clock.current = DECEMBER
    run_checkins(bot.deps, clock.current)

    results = _results(bot, poll)
    assert "fewer than 3 answers, not shown" in results
    assert "No lever had at least 3 answers, so no result is shown" in results
    assert "/ 4 from" not in results
    assert "No check-in results yet" not in texts(open_home(bot, "UALICE"))
    assert "/ 4 from" not in texts(open_home(bot, "UALICE", 2))


def test_a_round_nobody_answered_says_so(bot, clock):
    _turn_on(bot)
    run_checkins(bot.deps, clock.current)
    poll = _poll(bot)
    clock.current = DECEMBER
    run_checkins(bot.deps, clock.current)
    assert "No one answered this check-in, so there is nothing to show." in _results(bot, poll)


def test_one_poll_per_channel_and_period_however_many_ticks(bot, clock):
    _turn_on(bot, "weekly")
    for _ in range(3):
        run_checkins(bot.deps, clock.current)
    _poll(bot)
    with bot.deps.sessions() as session:
        [checkin_round] = session.scalars(select(CheckinRound)).all()
    assert (checkin_round.period, checkin_round.status) == ("2026-W48", "open")


def test_a_closed_round_takes_no_more_answers(bot, clock):
    _turn_on(bot)
    run_checkins(bot.deps, clock.current)
    poll = _poll(bot)
    clock.current = DECEMBER
    run_checkins(bot.deps, clock.current)

    _answer(bot, poll, "UALICE", "onboarding", 4)
    [reply] = bot.slack.wait_for_responses(1)
    assert "This check-in is closed" in reply["text"]
    with bot.deps.sessions() as session:
        assert session.scalars(select(CheckinAnswer)).all() == []


def test_a_comment_is_stored_with_the_answer_from_the_modal(bot, clock):
    _turn_on(bot)
    run_checkins(bot.deps, clock.current)
    poll = _poll(bot)
    _answer(bot, poll, "UALICE", "decentralisation", 2)
    bot.slack.wait_for_responses(1)

    bot.requester.block_action(
        CheckinAction.COMMENT,
        user_id="UALICE",
        message=poll,
        channel_id="CGENERAL",
        block_id=f"{CheckinBlock.LEVER}_decentralisation",
    )
    bot.slack.wait_for("views.open")
    modal = bot.slack.current_view("UALICE")
    radios = modal["blocks"][0]["element"]
    assert radios["initial_option"]["value"] == "2"  # the current answer is filled in

    values = {
        CheckinBlock.LEVEL: {
            CheckinBlock.LEVEL: {"type": "radio_buttons", "selected_option": {"value": "3"}}
        },
        CheckinBlock.COMMENT: {
            CheckinBlock.COMMENT: {
                "type": "plain_text_input",
                "value": "  decisions still wait for the director  ",
            }
        },
    }
    response = bot.requester.view_submission(modal, values, user_id="UALICE")
    assert response.status == 200 and not response.body.strip()
    with bot.deps.sessions() as session:
        [stored] = session.scalars(select(CheckinAnswer)).all()
    assert (stored.lever, stored.level, stored.comment) == (
        "decentralisation",
        3,
        "decisions still wait for the director",
    )


def test_a_bad_rhythm_is_refused_with_an_example_and_nothing_is_stored(bot):
    answer = _turn_on(bot, "fortnightly").json()
    assert "`fortnightly` is not a rhythm" in answer["text"]
    assert "/learning checkin monthly" in answer["text"]
    with bot.deps.sessions() as session:
        assert session.scalars(select(CheckinSetting)).all() == []


def test_only_an_admin_or_whoever_set_them_up_changes_check_ins(bot):
    _turn_on(bot, user="UALICE")
    refused = _turn_on(bot, "off", user="UBRUNO").json()  # Bruno reads French
    assert "Seul un administrateur de l'espace ou <@UALICE>" in refused["text"]
    assert _cadences(bot) == ["monthly"]
    admin = _turn_on(bot, "off", user="UADMIN").json()
    assert "Check-ins are off in this channel" in admin["text"]
    assert _cadences(bot) == ["off"]


def _cadences(bot):
    with bot.deps.sessions() as session:
        return [s.cadence for s in session.scalars(select(CheckinSetting))]


def test_a_channel_the_bot_is_not_in_is_said_and_the_check_ins_pause(bot, clock):
    bot.slack.add_channel("CQUIET", "quiet", members=["UALICE"])
    bot.requester.command("/learning", "checkin", user_id="UALICE", channel_id="CQUIET")
    [reply] = bot.slack.wait_for_responses(1)
    assert "I am not a member of this channel" in reply["text"]

    run_checkins(bot.deps, clock.current)
    run_checkins(bot.deps, clock.current)

    with bot.deps.sessions() as session:
        [setting] = session.scalars(select(CheckinSetting)).all()
    assert setting.paused_reason == "not_in_channel"
    dms = [c for c in bot.slack.calls_to("chat.postMessage") if c.params["channel"] == "UALICE"]
    assert len(dms) == 1 and "Check-ins in <#CQUIET> are paused" in dms[0].params["text"]
