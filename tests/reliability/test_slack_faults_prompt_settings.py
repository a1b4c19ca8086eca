"""The prompt settings form when Slack answers conversations.info with 429, 500, ok:false or too
late, end to end: opened by `/learning settings` or the welcome's Settings button, and submitted.

Without Slack's answer the bot cannot tell whether it is in the channel or who created it: the
person is told Slack did not answer, in their language, and no schedule is stored. Slack wants
the submission's answer within 3 s (and a trigger_id used as soon): an answer to
conversations.info that would come later, even within the client's own timeout, counts as none.
"""

from __future__ import annotations

import math

import pytest

from bot.clients import ACK_SLACK_BUDGET_S
from bot.fakeslack.payloads import state_value
from bot.ids import PromptAction, PromptBlock
from tests.prompts.support import schedules
from tests.reliability.faults import done_late
from tests.reliability.slack_fault_cases import (
    FAULT_PARAMS,
    FAULTS,
    done,
    logged,
    settle,
    short_timeout_bot,  # noqa: F401 - `bot`
)
from tests.support.bot import running_bot
from tests.support.bot import test_settings as bot_settings  # not collected as a test

UNAVAILABLE = {"en": "Slack did not answer just now", "fr": "Slack n'a pas répondu à l'instant"}

# name -> a conversations.info answer that comes after the ack's budget, but within the client's
# own timeout and retries: Slack holds it, or rate-limits it with a Retry-After the client waits.
LATE = {
    "held": {"delay": ACK_SLACK_BUDGET_S + 1.0},
    "rate-limited": {"status": 429, "retry_after": math.ceil(ACK_SLACK_BUDGET_S) + 1},
}


@pytest.fixture(name="patient_bot")
def patient_bot_fixture(slack, database_url, clock):
    """The bot with its Slack client's default timeout, longer than an ack can wait."""
    settings = bot_settings(slack, database_url)
    assert settings.slack_timeout_s > LATE["held"]["delay"]
    with running_bot(settings, slack, clock) as running:
        yield running


def _command(bot, user: str) -> None:
    response = bot.requester.command("/learning", "settings", user_id=user, channel_id="CGENERAL")
    assert response.status == 200


def _button(bot, user: str) -> None:
    bot.requester.event({"type": "member_joined_channel", "user": "UBOT", "channel": "CGENERAL"})
    [welcome] = bot.slack.wait_for_messages("CGENERAL", 1)
    bot.wait_idle()
    message = {**welcome, "channel": "CGENERAL"}
    response = bot.requester.block_action(PromptAction.OPEN_SETTINGS, user_id=user, message=message)
    assert response.status == 200


# way -> (how the person asks for the form, who asks, the language they read)
_OPENED_BY = {
    "command": (_command, "UALICE", "en"),
    "button": (_button, "UBRUNO", "fr"),
}


def _weekly() -> dict:
    """state.values of a filled-in settings form."""
    chosen = {
        PromptBlock.TIME: ("timepicker", "09:30"),
        PromptBlock.TIMEZONE: ("plain_text_input", "Europe/Paris"),
        PromptBlock.ENABLED: ("checkboxes", ["on"]),
    }
    return {
        block: {PromptAction[block.name]: state_value(kind, value)}
        for block, (kind, value) in chosen.items()
    }


@pytest.mark.parametrize("way", _OPENED_BY)
@pytest.mark.parametrize("fault", FAULT_PARAMS)
def test_settings_slack_cannot_check_the_channel_for_are_refused_in_the_persons_language(
    bot, slack, caplog, fault, way
):
    ask, user, language = _OPENED_BY[way]
    slack.inject("conversations.info", **FAULTS[fault])
    ask(bot, user)
    settle(bot, slack, "conversations.info")
    if fault == "429-then-ok":  # the client waited out Retry-After
        assert len(done(slack, "views.open")) == 1
        assert slack.responses == []
    else:
        assert slack.calls_to("views.open") == []
        [answer] = slack.wait_for_responses(1)
        assert UNAVAILABLE[language] in answer["text"]
        assert "/invite" not in answer["text"]  # the bot is in the channel: not told otherwise
        assert logged(caplog, "could not check channel CGENERAL for its prompt settings")
    assert schedules(bot.deps) == []


@pytest.mark.parametrize("fault", FAULT_PARAMS)
def test_settings_submitted_while_slack_cannot_check_the_channel_save_nothing_and_say_so(
    bot, slack, caplog, fault
):
    _command(bot, "UALICE")
    bot.wait_idle()
    assert len(done(slack, "views.open")) == 1
    modal = slack.views[-1]["view"]
    slack.inject("conversations.info", **FAULTS[fault])
    response = bot.requester.view_submission(modal, _weekly(), user_id="UALICE")
    assert response.status == 200
    if fault == "429-then-ok":
        assert not response.body.strip()  # saved, and the modal closes
        [confirmation] = slack.wait_for_ephemerals(1, user="UALICE")
        bot.wait_idle()
        [schedule] = schedules(bot.deps)
        assert (schedule.cron, schedule.created_by) == ("30 9 * * MON", "UALICE")
        assert "every Monday at 09:30 (Europe/Paris)" in confirmation["text"]
    else:
        errors = response.json()["errors"]
        assert UNAVAILABLE["en"] in errors[PromptBlock.CADENCE]
        assert logged(caplog, "could not check channel CGENERAL for its prompt settings")
        bot.wait_idle()
        assert schedules(bot.deps) == []
        assert slack.ephemerals(user="UALICE") == []


@pytest.mark.slow
@pytest.mark.parametrize("way", _OPENED_BY)
def test_settings_slack_checks_the_channel_for_too_late_to_open_are_refused(
    patient_bot, slack, caplog, way
):
    ask, user, language = _OPENED_BY[way]
    slack.inject("conversations.info", **LATE["held"])
    ask(patient_bot, user)
    settle(patient_bot, slack, "conversations.info")  # Slack answered, after the refusal
    assert slack.calls_to("views.open") == []  # its trigger_id would have expired
    [answer] = slack.wait_for_responses(1)
    assert UNAVAILABLE[language] in answer["text"]
    assert logged(caplog, "could not check channel CGENERAL for its prompt settings", "no_answer")
    assert schedules(patient_bot.deps) == []


@pytest.mark.slow
@pytest.mark.parametrize("late", LATE)
def test_settings_submitted_while_slack_answers_after_the_ack_is_due_save_nothing_and_say_so(
    patient_bot, slack, caplog, late
):
    _command(patient_bot, "UALICE")
    patient_bot.wait_idle()
    modal = slack.views[-1]["view"]
    slack.inject("conversations.info", **LATE[late])
    response = patient_bot.requester.view_submission(modal, _weekly(), user_id="UALICE")
    assert response.status == 200
    errors = response.json()["errors"]
    assert UNAVAILABLE["en"] in errors[PromptBlock.CADENCE]
    assert logged(caplog, "could not check channel CGENERAL for its prompt settings", "no_answer")
    done_late(slack, "conversations.info", 2)  # the form's opening, and this late answer
    patient_bot.wait_idle()
    assert schedules(patient_bot.deps) == []
    assert slack.ephemerals(user="UALICE") == []
