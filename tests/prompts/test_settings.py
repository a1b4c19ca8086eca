"""Setting prompts up from Slack: the welcome, `/learning settings`, and who may change them."""

from __future__ import annotations

from bot.fakeslack.payloads import state_value
from bot.ids import PromptAction, PromptBlock
from tests.prompts.support import new_schedule, schedules


def _form(**overrides) -> dict:
    """state.values of the settings modal; each value may be overridden by block."""
    chosen = {
        PromptBlock.CADENCE: ("static_select", "weekly"),
        PromptBlock.DAY: ("static_select", "tue"),
        PromptBlock.TIME: ("timepicker", "09:30"),
        PromptBlock.CRON: ("plain_text_input", None),
        PromptBlock.TIMEZONE: ("plain_text_input", "America/Montreal"),
        PromptBlock.LEVER_MODE: ("static_select", "subset"),
        PromptBlock.LEVERS: ("multi_static_select", ["onboarding", "retention"]),
        PromptBlock.LANGUAGE: ("static_select", "fr"),
        PromptBlock.ENABLED: ("checkboxes", ["on"]),
    }
    chosen.update(overrides)
    actions = {block: PromptAction[block.name] for block in chosen}
    return {
        block: {actions[block]: state_value(kind, value)} for block, (kind, value) in chosen.items()
    }


def _open_settings(bot, user: str, channel: str = "CGENERAL") -> dict | None:
    views = len(bot.slack.views)
    response = bot.requester.command("/learning", "settings", user_id=user, channel_id=channel)
    assert response.status == 200
    bot.wait_idle()
    return bot.slack.views[-1]["view"] if len(bot.slack.views) > views else None


def test_the_bot_added_to_a_channel_welcomes_it_and_starts_weekly_prompts(bot, slack):
    bot.requester.event({"type": "member_joined_channel", "user": "UBOT", "channel": "CGENERAL"})
    [welcome] = slack.wait_for_messages("CGENERAL", 1)
    assert "Once a week I can ask this channel" in welcome["text"]
    blocks = str(welcome["blocks"])
    assert "Start weekly prompts" in blocks and "Settings" in blocks
    assert "every Monday at 10:00 (UTC)" in blocks

    bot.requester.block_action(
        PromptAction.START_WEEKLY, user_id="UBRUNO", message={**welcome, "channel": "CGENERAL"}
    )
    [replaced] = slack.wait_for_responses(1)
    bot.wait_idle()
    [schedule] = schedules(bot.deps)
    assert (schedule.cron, schedule.timezone, schedule.lever_mode) == (
        "0 10 * * MON",
        "UTC",
        "rotate",
    )
    assert schedule.created_by == "UBRUNO" and schedule.enabled
    assert replaced["replace_original"] is True
    assert "Reflection prompts are on in this channel: every Monday at 10:00" in replaced["text"]

    # A second click does not start a second schedule.
    bot.requester.block_action(
        PromptAction.START_WEEKLY, user_id="UALICE", message={**welcome, "channel": "CGENERAL"}
    )
    [_, again] = slack.wait_for_responses(2)
    assert "already run in this channel (schedule #" in again["text"]
    assert len(schedules(bot.deps)) == 1


def test_a_person_joining_is_left_to_onboarding(bot, slack):
    bot.requester.event({"type": "member_joined_channel", "user": "UALICE", "channel": "CGENERAL"})
    bot.wait_idle()
    assert slack.messages("CGENERAL") == []


def test_learning_settings_saves_a_schedule_with_inline_errors_first(bot, slack):
    modal = _open_settings(bot, "UALICE")
    assert modal is not None and modal["title"]["text"] == "Reflection prompts"

    bad = _form(
        **{
            PromptBlock.CADENCE: ("static_select", "custom"),
            PromptBlock.CRON: ("plain_text_input", "every monday"),
            PromptBlock.TIMEZONE: ("plain_text_input", "Mars/Olympus"),
            PromptBlock.LEVER_MODE: ("static_select", "fixed"),
        }
    )
    answer = bot.requester.view_submission(modal, bad, user_id="UALICE").json()
    assert answer["response_action"] == "errors"
    errors = answer["errors"]
    assert "`every monday` is not a cron expression" in errors[PromptBlock.CRON]
    assert "`Mars/Olympus` is not a time zone" in errors[PromptBlock.TIMEZONE]
    assert "exactly one lever" in errors[PromptBlock.LEVERS]
    assert schedules(bot.deps) == []

    response = bot.requester.view_submission(modal, _form(), user_id="UALICE")
    assert response.status == 200 and not response.body.strip()
    [confirmation] = slack.wait_for_ephemerals(1, user="UALICE")
    bot.wait_idle()
    [schedule] = schedules(bot.deps)
    assert (schedule.cron, schedule.timezone) == ("30 9 * * TUE", "America/Montreal")
    assert (schedule.lever_mode, schedule.levers) == ("subset", ["onboarding", "retention"])
    assert (schedule.language, schedule.created_by) == ("fr", "UALICE")
    assert "every Tuesday at 09:30 (America/Montreal)" in confirmation["text"]

    # The form opens again with what was saved.
    again = _open_settings(bot, "UALICE")
    assert "America/Montreal" in str(again["blocks"]) and "09:30" in str(again["blocks"])


def test_only_an_admin_or_the_creator_may_change_a_schedule(bot, slack):
    new_schedule(bot.deps, created_by="UALICE")
    assert _open_settings(bot, "UBRUNO") is None
    [refusal] = slack.wait_for_responses(1)
    assert "Seuls un administrateur" in refusal["text"] and "<@UALICE>" in refusal["text"]

    modal = _open_settings(bot, "UADMIN")
    assert modal is not None
    off = _form(**{PromptBlock.ENABLED: ("checkboxes", [])})
    # Someone else submitting a form they got hold of is refused too.
    answer = bot.requester.view_submission(modal, off, user_id="UBRUNO").json()
    assert "Seuls un administrateur" in answer["errors"][PromptBlock.CADENCE]
    assert schedules(bot.deps)[0].enabled is True
    bot.requester.view_submission(modal, off, user_id="UADMIN")
    assert schedules(bot.deps)[0].enabled is False
    assert schedules(bot.deps)[0].created_by == "UALICE"


def test_the_channels_creator_may_change_its_schedule_too(bot, slack):
    slack.add_channel(
        "CTEAM", "team", members=["UALICE", "UBRUNO", slack.bot_user_id], creator="UBRUNO"
    )
    new_schedule(bot.deps, channel="CTEAM", created_by="UALICE")
    modal = _open_settings(bot, "UBRUNO", channel="CTEAM")
    assert modal is not None
    off = _form(**{PromptBlock.ENABLED: ("checkboxes", [])})
    bot.requester.view_submission(modal, off, user_id="UBRUNO")
    assert schedules(bot.deps)[0].enabled is False


def test_settings_submitted_after_the_bot_left_the_channel_save_nothing_and_say_so(bot, slack):
    modal = _open_settings(bot, "UALICE")
    assert modal is not None
    slack.set_bot_in_channel("CGENERAL", present=False)
    response = bot.requester.view_submission(modal, _form(), user_id="UALICE")
    assert response.status == 200
    assert "/invite @learnloop" in response.json()["errors"][PromptBlock.CADENCE]
    assert schedules(bot.deps) == []


def test_settings_in_a_channel_the_bot_is_not_in_says_to_invite_it(bot, slack):
    slack.add_channel("CNOBOT", "nobot", members=["UALICE"])
    assert _open_settings(bot, "UALICE", channel="CNOBOT") is None
    [refusal] = slack.wait_for_responses(1)
    assert "/invite @learnloop" in refusal["text"]
    assert schedules(bot.deps) == []
