"""`/learning search|list`, exports and my-data when Slack answers 429, 500, ok:false or too late.

A failure to learn who may read a channel never shows anyone more (it hides, and says so); a
file Slack may have delivered is never sent a second time; the person is always answered.
"""

from __future__ import annotations

import pytest

from tests.learning.helpers import answer_after, command, seed, texts
from tests.reliability.slack_fault_cases import (
    FAULT_PARAMS,
    FAULTS,
    REFUSED,
    done,
    short_timeout_bot,  # noqa: F401 - `bot`
)

LEFT_OUT = "Slack did not answer about some channels"
VISIBILITY = ["conversations.info", "conversations.members"]


def _inject_every_call(slack, method: str, fault: str, calls: int) -> None:
    """Fail every call of the method a request makes (a 429 once: the client waits it out)."""
    slack.inject(method, **FAULTS[fault], times=1 if fault == "429-then-ok" else calls)


def _team(bot) -> dict[str, int]:
    return {
        "public": seed(bot, "budget of the fair", channel="CGENERAL", user="UBRUNO", day=3),
        # Anonymous: only its channel's members read it, Alice included.
        "secret": seed(bot, "budget of the secret project", channel="CPRIVATE", user=None, day=4),
        "loose": seed(bot, "budget with no channel", channel=None, user="UBRUNO", day=5),
    }


@pytest.mark.parametrize("method", VISIBILITY)
@pytest.mark.parametrize("fault", FAULT_PARAMS)
@pytest.mark.parametrize("kind", ["search budget", "list"])
def test_a_visibility_look_up_slack_fails_never_shows_a_private_learning(
    bot, slack, kind, fault, method
):
    _team(bot)
    _inject_every_call(slack, method, fault, calls=2)
    answer = answer_after(bot, kind, user="UADMIN")  # in #general, not in #secret
    shown = texts(answer)
    assert "secret project" not in shown
    assert "budget of the fair" in shown and "budget with no channel" in shown
    # Said when some channel might have held learnings the person may read.
    assert (LEFT_OUT in shown) == (fault != "429-then-ok")


@pytest.mark.parametrize("fault", FAULT_PARAMS)
def test_a_member_whose_private_channel_slack_cannot_check_is_told_it_is_left_out(
    bot, slack, fault
):
    _team(bot)
    _inject_every_call(slack, "conversations.members", fault, calls=1)
    shown = texts(answer_after(bot, "search budget", user="UALICE"))
    assert "budget of the fair" in shown
    if fault == "429-then-ok":
        assert "secret project" in shown and LEFT_OUT not in shown
    else:  # narrowed, never widened, and said
        assert "secret project" not in shown and LEFT_OUT in shown


def _files_after(bot, slack) -> list[dict]:
    bot.wait_idle()
    return slack.files


def _export_answers(bot, slack, text: str) -> tuple[dict, list[dict]]:
    """`/learning <text>`: its ack, and what came through its response_url after."""
    response = command(bot, text)
    assert response.status == 200 and response.elapsed < 3
    bot.wait_idle()
    return response.json() or {}, slack.responses


@pytest.mark.parametrize("method", VISIBILITY)
@pytest.mark.parametrize("fault", FAULT_PARAMS)
def test_an_export_slack_cannot_check_is_not_sent_rather_than_sent_short(bot, slack, fault, method):
    _team(bot)
    _inject_every_call(slack, method, fault, calls=2)
    ack, after = _export_answers(bot, slack, "export")
    assert "Preparing your export" in ack["text"]
    if fault == "429-then-ok":
        slack.wait_for("files.completeUploadExternal")
        [file] = slack.files
        assert "secret project" in file["content"].decode()  # Alice reads #secret
        assert after == []
    elif method == "conversations.info":
        # #secret's members were asked and Alice is one: nothing was left out.
        [file] = _files_after(bot, slack)
        assert "secret project" in file["content"].decode()
    else:
        assert _files_after(bot, slack) == []
        [answer] = after
        assert "so the file would miss their learnings: I did not send it" in answer["text"]


UPLOAD = ["conversations.open", "files.getUploadURLExternal", "files.completeUploadExternal"]


@pytest.mark.parametrize("method", UPLOAD)
@pytest.mark.parametrize("fault", FAULT_PARAMS)
@pytest.mark.parametrize("what", ["export", "my-data"])
def test_a_file_slack_does_not_take_is_said_and_never_sent_twice(bot, slack, what, fault, method):
    seed(bot, "Pair newcomers with a buddy")
    slack.inject(method, **FAULTS[fault])
    _, after = _export_answers(bot, slack, what)
    late = fault == "timeout" and method == "files.completeUploadExternal"
    if late:
        slack.wait_for("files.completeUploadExternal")  # Slack shared it after the client gave up
    files = slack.files
    assert len(files) == (1 if fault == "429-then-ok" or late else 0)
    assert len(done(slack, "files.completeUploadExternal")) == len(files)
    if fault == "429-then-ok":
        assert len(files) == 1 and after == []
        return
    [answer] = after
    if fault in REFUSED:
        assert files == []
        assert "I could not send you the file" in answer["text"]
    elif what == "export" and method == "conversations.open":
        assert files == []  # nothing was uploaded without a DM to share it in
        assert "I could not send you the file" in answer["text"]
    else:  # it may have arrived: the person is asked to look before asking again
        assert "Slack did not confirm that the file reached you" in answer["text"]
