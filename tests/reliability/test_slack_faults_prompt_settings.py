"""The prompt settings form when Slack answers conversations.info with 429, 500, ok:false or too
late, end to end: opened by `/learning settings` or the welcome's Settings button, and submitted.

Without Slack's answer the bot cannot tell whether it is in the channel or who created it: the
person is told Slack did not answer, in their language, and no schedule is stored.
"""

from __future__ import annotations

import pytest

from bot.fakeslack.payloads import state_value
from bot.ids import PromptAction, PromptBlock
from tests.prompts.support import schedules
from tests.reliability.slack_fault_cases import (
    FAULT_PARAMS,
    FAULTS,
    done,
    logged,
    settle,
    short_timeout_bot,  # noqa: F401 - `bot`
)

UNAVAILABLE = {"en": "Slack did not answer just now", "fr": "Slack n'a pas répondu à l'instant"}


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
