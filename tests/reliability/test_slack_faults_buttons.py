"""Buttons in messages and App Home that open a modal, when Slack answers views.open with 429,
500, ok:false or too late: onboarding, check-ins, handover and reflection prompts.

A click has no reply to carry words: a modal Slack would not open is logged, opened at most
once (after a timeout Slack may have opened it late), and the failed open stores nothing.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from bot.fakeslack.payloads import option
from bot.ids import CheckinAction, CheckinBlock, HandoverAction, OnboardingAction, PromptAction
from bot.insights.checkin_rounds import run_checkins
from bot.prompts.posting import post_due_prompts
from bot.scheduler import run_due_jobs
from storage.models import (
    CheckinAnswer,
    Learning,
    OnboardingResource,
    OnboardingSettings,
    Schedule,
)
from tests.home.helpers import open_home
from tests.onboarding.support import buttons, days_later, dms, join, seed_resource
from tests.prompts.support import bot_messages, new_schedule
from tests.reliability.slack_fault_cases import (
    FAULT_PARAMS,
    FAULTS,
    REFUSED,
    done,
    logged,
    settle,
    short_timeout_bot,  # noqa: F401 - `bot`
)

PROMPT_DUE = datetime(2026, 11, 30, 9, 0, 5, tzinfo=UTC)  # Monday 10:00 in Paris


# Each reaches the state where the button can be clicked; the action_id and the click's arguments.


def _fresh_eyes(bot, clock) -> tuple[str, dict]:
    join(bot, "UNEW")
    clock.current = days_later(clock.current, 7)
    run_due_jobs(bot.deps, clock.current)
    day7 = dms(bot, "UNEW")[-1]
    assert buttons(day7, OnboardingAction.FRESH_EYES)
    return OnboardingAction.FRESH_EYES, {"user_id": "UNEW", "message": day7}


def _new_resource(bot, clock) -> tuple[str, dict]:
    return OnboardingAction.ADD_RESOURCE, {"user_id": "UADMIN", "view": open_home(bot, "UADMIN")}


def _resource_edit(bot, clock) -> tuple[str, dict]:
    resource_id = seed_resource(bot, "Our handbook")
    return OnboardingAction.RESOURCE_MENU, {
        "user_id": "UADMIN",
        "view": open_home(bot, "UADMIN"),
        "selected_option": option(f"edit:{resource_id}"),
        "action_type": "overflow",
    }


def _onboarding_settings(bot, clock) -> tuple[str, dict]:
    return OnboardingAction.OPEN_SETTINGS, {"user_id": "UADMIN", "view": open_home(bot, "UADMIN")}


def _comment(bot, clock) -> tuple[str, dict]:
    bot.requester.command("/learning", "checkin", user_id="UALICE", channel_id="CGENERAL")
    bot.wait_idle()
    run_checkins(bot.deps, clock.current)
    [poll] = [m for m in bot.slack.messages("CGENERAL") if buttons(m, CheckinAction.COMMENT)]
    return CheckinAction.COMMENT, {
        "user_id": "UALICE",
        "message": poll,
        "channel_id": "CGENERAL",
        "block_id": f"{CheckinBlock.LEVER}_decentralisation",
    }


def _debrief(bot, clock) -> tuple[str, dict]:
    bot.requester.command(
        "/learning", "handover <@UALICE|alice>", user_id="UADMIN", channel_id="CGENERAL"
    )
    bot.wait_idle()
    [invitation] = dms(bot, "UALICE")
    return HandoverAction.ANSWER, {"user_id": "UALICE", "message": invitation}


def _anonymous_answer(bot, clock) -> tuple[str, dict]:
    new_schedule(bot.deps, lever_mode="fixed", levers=("onboarding",))
    post_due_prompts(bot.deps, PROMPT_DUE)
    [prompt] = bot_messages(bot.slack)
    return PromptAction.ANSWER_ANONYMOUSLY, {"user_id": "UBRUNO", "message": prompt}


def _prompt_settings(bot, clock) -> tuple[str, dict]:
    bot.requester.event({"type": "member_joined_channel", "user": "UBOT", "channel": "CGENERAL"})
    [welcome] = bot.slack.wait_for_messages("CGENERAL", 1)
    bot.wait_idle()
    return PromptAction.OPEN_SETTINGS, {
        "user_id": "UALICE",
        "message": {**welcome, "channel": "CGENERAL"},
    }


# case -> (how to reach the button, the modal's name in the log, the table its answers go to).
_BUTTONS = {
    "fresh-eyes": (_fresh_eyes, "fresh-eyes", Learning),
    "new resource": (_new_resource, "resource", OnboardingResource),
    "resource edit": (_resource_edit, "resource", OnboardingResource),
    "onboarding settings": (_onboarding_settings, "onboarding settings", OnboardingSettings),
    "check-in comment": (_comment, "check-in comment", CheckinAnswer),
    "debrief": (_debrief, "debrief", Learning),
    "anonymous answer": (_anonymous_answer, "anonymous answer", Learning),
    "prompt settings": (_prompt_settings, "prompt settings", Schedule),
}


def _rows(bot, table) -> int:
    with bot.deps.sessions() as session:
        return session.scalar(select(func.count()).select_from(table))


@pytest.mark.parametrize("button", _BUTTONS)
@pytest.mark.parametrize("fault", FAULT_PARAMS)
def test_a_modal_slack_does_not_open_from_a_button_is_logged_and_never_opened_twice(
    bot, slack, clock, caplog, fault, button
):
    reach, name, table = _BUTTONS[button]
    action_id, click = reach(bot, clock)
    before = _rows(bot, table)
    slack.inject("views.open", **FAULTS[fault])
    assert bot.requester.block_action(action_id, **click).status == 200
    settle(bot, slack, "views.open")
    opened = done(slack, "views.open")
    assert len(opened) == (0 if fault in REFUSED else 1)
    assert len(slack.calls_to("views.open")) == (2 if fault == "429-then-ok" else 1)
    if fault != "429-then-ok":
        assert logged(caplog, f"the {name} modal was not opened")
    assert _rows(bot, table) == before
