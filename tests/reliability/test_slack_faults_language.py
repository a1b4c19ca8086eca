"""users.info answering 429, 500, ok:false or too late: the person's language is unknown for a
moment, so the answer comes in the workspace's language; nothing fails and nothing doubles.
"""

from __future__ import annotations

import pytest

from storage.workspaces import ensure_workspace
from tests.learning.helpers import command, form, learnings, open_modal, submit
from tests.reliability.slack_fault_cases import (
    FAULT_PARAMS,
    FAULTS,
    settle,
    short_timeout_bot,  # noqa: F401 - `bot`
)


def _workspace_speaks(bot, language: str) -> None:
    with bot.deps.sessions.begin() as session:
        ensure_workspace(session, "T0001").language = language


def _users_info_fails(bot, slack, fault: str) -> None:
    """Every users.info from now on fails (a 429 once: the client waits it out)."""
    bot.deps.people = type(bot.deps.people)()  # nothing cached: Slack is asked
    slack.inject("users.info", **FAULTS[fault], times=1 if fault == "429-then-ok" else 10)


@pytest.mark.parametrize("fault", FAULT_PARAMS)
def test_help_comes_in_the_workspace_language_when_slack_does_not_say_whose(bot, slack, fault):
    _workspace_speaks(bot, "fr")
    _users_info_fails(bot, slack, fault)
    response = command(bot, "help")  # Alice's Slack is in English
    assert response.status == 200 and response.elapsed < 3
    text = response.json()["text"]
    if fault == "429-then-ok":
        assert "How to use /learning" in text
    else:
        assert "Utiliser /learning" in text


@pytest.mark.parametrize("fault", FAULT_PARAMS)
def test_a_typed_learning_is_stored_once_and_confirmed_whatever_users_info_answers(
    bot, slack, fault
):
    _users_info_fails(bot, slack, fault)
    response = command(bot, "onboarding: Pair newcomers with a buddy", user="UBRUNO")
    assert response.status == 200 and response.elapsed < 3
    [learning] = learnings(bot)
    assert (learning.text, learning.user_id) == ("Pair newcomers with a buddy", "UBRUNO")
    text = response.json()["text"]
    french = "Enregistré" in text
    assert french == (fault == "429-then-ok")  # else the workspace's English


@pytest.mark.parametrize("fault", FAULT_PARAMS)
def test_a_modal_submitted_while_users_info_fails_is_stored_once_and_confirmed(bot, slack, fault):
    view = open_modal(bot, user="UBRUNO")
    _users_info_fails(bot, slack, fault)
    response = submit(bot, view, form("Un binôme pour chaque arrivant"), user="UBRUNO")
    assert response.status == 200 and response.body.strip() == ""
    [confirmation] = slack.wait_for_ephemerals(1, user="UBRUNO")
    bot.wait_idle()
    [learning] = learnings(bot)
    assert learning.text == "Un binôme pour chaque arrivant"
    assert f"#{learning.id}" in confirmation["text"] or f"n°{learning.id}" in confirmation["text"]
    french = "Enregistré comme apprentissage" in confirmation["text"]
    assert french == (fault == "429-then-ok")


@pytest.mark.slow
def test_a_stalled_users_info_is_not_asked_again_by_every_request(bot, slack):
    _workspace_speaks(bot, "fr")
    _users_info_fails(bot, slack, "timeout")
    first = command(bot, "onboarding: Pair newcomers", user="UALICE")
    second = command(bot, "onboarding: Write the handbook", user="UBRUNO")
    assert "Enregistré" in first.json()["text"] and "Enregistré" in second.json()["text"]
    settle(bot, slack, "users.info")  # the late answer lands
    assert len(slack.calls_to("users.info")) == 1  # Bruno's request did not wait for Slack too
    assert [learning.text for learning in learnings(bot)] == [
        "Pair newcomers",
        "Write the handbook",
    ]


@pytest.mark.slow
def test_users_info_rate_limited_for_longer_than_an_ack_can_wait_is_not_waited_for(bot, slack):
    # The client would wait out Retry-After and ask again: past Slack's 3 s for the answer.
    bot.deps.people = type(bot.deps.people)()
    slack.inject("users.info", status=429, retry_after=3, times=1)
    response = command(bot, "onboarding: Pair newcomers with a buddy", user="UBRUNO")
    assert response.status == 200
    [learning] = learnings(bot)
    assert learning.text == "Pair newcomers with a buddy"
    text = response.json()["text"]
    assert f"#{learning.id}" in text and "Enregistré" not in text  # the workspace's English
    settle(bot, slack, "users.info", 2)  # the client asked again after Retry-After, too late
