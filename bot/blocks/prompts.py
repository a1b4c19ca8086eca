"""Block Kit of reflection prompts: the prompt, the welcome, the settings and answer modals."""

from __future__ import annotations

from collections.abc import Sequence

from bot.blocks.common import context, lever_option, lever_options, plain, section
from bot.ids import PromptAction, PromptBlock, PromptView
from bot.learning.capture import MAX_LEARNING_CHARS
from bot.levers import EMOJI, Lever, lever_name
from bot.messages import t
from bot.prompts.schedules import DAY_NAMES, MAX_CRON_CHARS, MAX_TIMEZONE_CHARS
from bot.prompts.settings import CADENCES, SettingsForm
from bot.settings import LANGUAGES
from bot.text import quote

WEEK = DAY_NAMES[1:] + DAY_NAMES[:1]  # Monday first


def prompt_message(prompt_id: int, lever: Lever | str, question: str, language: str) -> dict:
    """A reflection prompt: its lever, one question, how to answer, the anonymous button."""
    name = lever_name(lever, language)
    header = t("prompts.header", language, emoji=EMOJI[Lever(lever)], lever=name)
    button = {
        "type": "button",
        "action_id": PromptAction.ANSWER_ANONYMOUSLY,
        "text": plain(t("prompts.answer_anonymously", language)),
        "value": str(prompt_id),
    }
    return {
        "text": t("prompts.fallback", language, lever=name, question=question),
        "blocks": [
            section(f"{header}\n{question}"),
            context(t("prompts.how_to_answer", language)),
            {"type": "actions", "elements": [button]},
        ],
        "unfurl_links": False,
        "unfurl_media": False,
    }


def anonymous_post(text: str, language: str) -> dict:
    """An anonymous answer as the bot posts it in the prompt's thread."""
    message = t("prompts.anonymous_post", language, quote=quote(text, limit=3000))
    return {"text": message, "blocks": [section(message)]}


def welcome_message(channel_id: str, when: str, timezone: str, language: str) -> dict:
    """What the bot says when it is added to a channel: what prompts are, and two buttons."""
    buttons = [
        {
            "type": "button",
            "action_id": PromptAction.START_WEEKLY,
            "text": plain(t("prompts.start_weekly", language)),
            "style": "primary",
            "value": channel_id,
        },
        {
            "type": "button",
            "action_id": PromptAction.OPEN_SETTINGS,
            "text": plain(t("prompts.settings_button", language)),
            "value": channel_id,
        },
    ]
    welcome = t("prompts.welcome", language)
    return {
        "text": welcome,
        "blocks": [
            section(welcome),
            context(t("prompts.welcome_default", language, when=when, timezone=timezone)),
            {"type": "actions", "elements": buttons},
        ],
    }


def notice(text: str, channel_id: str | None = None, language: str = "en") -> dict:
    """A one-line message, with a settings button when a channel is given."""
    blocks: list[dict] = [section(text)]
    if channel_id is not None:
        button = {
            "type": "button",
            "action_id": PromptAction.OPEN_SETTINGS,
            "text": plain(t("prompts.settings_button", language)),
            "value": channel_id,
        }
        blocks.append({"type": "actions", "elements": [button]})
    return {"text": text, "blocks": blocks}


def anonymous_modal(prompt_id: int, question: str, language: str) -> dict:
    """The small form to answer a prompt without one's name."""
    return {
        "type": "modal",
        "callback_id": PromptView.ANONYMOUS_ANSWER,
        "private_metadata": str(prompt_id),
        "title": plain(t("prompts.anonymous_title", language)),
        "submit": plain(t("prompts.anonymous_send", language)),
        "close": plain(t("common.cancel", language)),
        "blocks": [
            section(question),
            {
                "type": "input",
                "block_id": PromptBlock.ANSWER_TEXT,
                "label": plain(t("prompts.anonymous_label", language)),
                "hint": plain(t("prompts.anonymous_hint", language)),
                "element": {
                    "type": "plain_text_input",
                    "action_id": PromptAction.ANSWER_TEXT,
                    "multiline": True,
                    "max_length": MAX_LEARNING_CHARS,
                },
            },
        ],
    }


def _option(text: str, value: str) -> dict:
    return {"text": plain(text[:75]), "value": value}


def _select(block_id: str, action_id: str, label: str, options: list[dict], initial: str) -> dict:
    chosen = next((option for option in options if option["value"] == initial), options[0])
    return {
        "type": "input",
        "block_id": block_id,
        "label": plain(label),
        "element": {
            "type": "static_select",
            "action_id": action_id,
            "options": options,
            "initial_option": chosen,
        },
    }


def settings_modal(channel_id: str, form: SettingsForm, language: str) -> dict:
    """The schedule settings of a channel: rhythm, time zone, levers, language, on or off."""
    cadences = [_option(t(f"prompts.cadence.{c}_option", language), c) for c in CADENCES]
    days = [_option(t(f"prompts.day.{day}", language).capitalize(), day) for day in WEEK]
    modes = [
        _option(t(f"prompts.mode.{mode}_option", language), mode)
        for mode in ("rotate", "fixed", "subset")
    ]
    languages = [_option(t(f"prompts.language.{code}", language), code) for code in LANGUAGES]
    enabled_option = _option(t("prompts.enabled_option", language), "on")
    levers_element: dict = {
        "type": "multi_static_select",
        "action_id": PromptAction.LEVERS,
        "options": lever_options(language),
    }
    if form.levers:
        levers_element["initial_options"] = [
            lever_option(Lever(lever), language) for lever in form.levers
        ]
    enabled_element: dict = {
        "type": "checkboxes",
        "action_id": PromptAction.ENABLED,
        "options": [enabled_option],
    }
    if form.enabled:
        enabled_element["initial_options"] = [enabled_option]
    blocks = [
        section(t("prompts.settings_intro", language, channel=channel_id)),
        _select(
            PromptBlock.CADENCE,
            PromptAction.CADENCE,
            t("prompts.cadence_label", language),
            cadences,
            form.cadence,
        ),
        _select(
            PromptBlock.DAY, PromptAction.DAY, t("prompts.day_label", language), days, form.day
        ),
        {
            "type": "input",
            "block_id": PromptBlock.TIME,
            "label": plain(t("prompts.time_label", language)),
            "element": {
                "type": "timepicker",
                "action_id": PromptAction.TIME,
                "initial_time": form.time,
            },
        },
        _text_input(
            PromptBlock.CRON,
            PromptAction.CRON,
            t("prompts.cron_label", language),
            t("prompts.cron_hint", language),
            form.cron if form.cadence == "custom" else "",
            MAX_CRON_CHARS,
            optional=True,
        ),
        _text_input(
            PromptBlock.TIMEZONE,
            PromptAction.TIMEZONE,
            t("prompts.timezone_label", language),
            t("prompts.timezone_hint", language),
            form.timezone,
            MAX_TIMEZONE_CHARS,
        ),
        _select(
            PromptBlock.LEVER_MODE,
            PromptAction.LEVER_MODE,
            t("prompts.mode_label", language),
            modes,
            form.lever_mode,
        ),
        {
            "type": "input",
            "block_id": PromptBlock.LEVERS,
            "optional": True,
            "label": plain(t("prompts.levers_label", language)),
            "element": levers_element,
        },
        _select(
            PromptBlock.LANGUAGE,
            PromptAction.LANGUAGE,
            t("prompts.language_label", language),
            languages,
            form.language,
        ),
        {
            "type": "input",
            "block_id": PromptBlock.ENABLED,
            "optional": True,
            "label": plain(t("prompts.status_label", language)),
            "element": enabled_element,
        },
    ]
    return {
        "type": "modal",
        "callback_id": PromptView.SETTINGS,
        "private_metadata": channel_id,
        "title": plain(t("prompts.settings_title", language)),
        "submit": plain(t("common.save", language)),
        "close": plain(t("common.cancel", language)),
        "blocks": blocks,
    }


def _text_input(
    block_id: str,
    action_id: str,
    label: str,
    hint: str,
    initial: str,
    max_length: int,
    *,
    optional: bool = False,
) -> dict:
    element: dict = {"type": "plain_text_input", "action_id": action_id, "max_length": max_length}
    if initial:
        element["initial_value"] = initial
    return {
        "type": "input",
        "block_id": block_id,
        "optional": optional,
        "label": plain(label),
        "hint": plain(hint),
        "element": element,
    }


def settings_errors(errors: Sequence[tuple[str, str]]) -> dict:
    """The view_submission answer that shows errors beside their fields."""
    return {"response_action": "errors", "errors": dict(errors)}
