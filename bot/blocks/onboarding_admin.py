"""Onboarding in App Home: the resources library and newcomers' progress for admins, a
newcomer's own path for them, and the modals admins edit resources and settings in."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.blocks.common import context, lever_option, lever_options, plain, section
from bot.blocks.onboarding import ResourceCard, link, resource_line
from bot.ids import OnboardingAction, OnboardingBlock, OnboardingView, row_id
from bot.levers import Lever, lever_name
from bot.messages import t
from bot.onboarding.rules import (
    AUDIENCES,
    MAX_DAY_CHARS,
    MAX_DAYS_CHARS,
    MAX_DESCRIPTION,
    MAX_TITLE,
    MAX_URL,
)
from bot.text import escape, excerpt

HOME_RESOURCES = 12
HOME_NEWCOMERS = 10
HOME_PATH_RESOURCES = 8

MENU_CHOICES = (
    ("edit", "onboarding.edit"),
    ("up", "onboarding.move_up"),
    ("down", "onboarding.move_down"),
    ("remove", "onboarding.remove"),
)


@dataclass(frozen=True)
class NewcomerLine:
    """One newcomer's progress, as admins see it."""

    user_id: str
    day: int
    done: int
    total: int
    status: str


def header(text: str) -> dict:
    """A header block (plain text, 150 characters at most)."""
    return {"type": "header", "text": plain(text[:150])}


def audience_name(audience: str, language: str) -> str:
    """An audience in words."""
    return t(f"onboarding.audience.{audience}", language)


def resource_summary(resource: ResourceCard, language: str) -> str:
    """A resource on one line with its day, audience and lever, then its description."""
    lever = (
        lever_name(resource.lever, language) if resource.lever in Lever._value2member_map_ else ""
    )
    facts = " · ".join(
        part
        for part in (
            t("onboarding.day", language, day=resource.day),
            audience_name(resource.audience, language),
            lever,
        )
        if part
    )
    text = f"*{link(resource.url, resource.title)}* · {facts}"
    if resource.description:
        text += "\n" + escape(excerpt(resource.description, 200))
    return text


def resource_menu(resource_id: int, language: str) -> dict:
    """Edit, move up, move down, remove: option values are `<choice>:<resource id>`."""
    return {
        "type": "overflow",
        "action_id": OnboardingAction.RESOURCE_MENU,
        "options": [
            {"text": plain(t(key, language)), "value": f"{choice}:{resource_id}"}
            for choice, key in MENU_CHOICES
        ],
    }


def parse_menu_choice(value: str) -> tuple[str, int] | None:
    """Read a resource menu option; None when tampered with."""
    choice, _, resource_id = (value or "").partition(":")
    number = row_id(resource_id)
    if choice not in dict(MENU_CHOICES) or number is None:
        return None
    return choice, number


def resources_section(
    resources: Sequence[ResourceCard],
    channel_ids: Sequence[str],
    days: Sequence[int],
    language: str,
) -> list[dict]:
    """The admins' library: each resource with its menu, then add and settings buttons."""
    day_list = ", ".join(str(day) for day in days)
    if channel_ids:
        channels = ", ".join(f"<#{channel_id}>" for channel_id in channel_ids)
        where = t("onboarding.home_channels", language, channels=channels, days=day_list)
    else:
        where = t("onboarding.home_no_channels", language, days=day_list)
    blocks = [header(t("onboarding.home_resources", language)), context(where)]
    if not resources:
        blocks.append(section(t("onboarding.home_resources_empty", language)))
    for resource in resources[:HOME_RESOURCES]:
        blocks.append(
            section(
                resource_summary(resource, language), accessory=resource_menu(resource.id, language)
            )
        )
    if len(resources) > HOME_RESOURCES:
        blocks.append(
            context(t("onboarding.home_more", language, count=len(resources) - HOME_RESOURCES))
        )
    blocks.append(
        {
            "type": "actions",
            "elements": [
                {
                    "type": "button",
                    "action_id": OnboardingAction.ADD_RESOURCE,
                    "text": plain(t("onboarding.add_resource", language)),
                    "style": "primary",
                },
                {
                    "type": "button",
                    "action_id": OnboardingAction.OPEN_SETTINGS,
                    "text": plain(t("onboarding.settings_button", language)),
                },
            ],
        }
    )
    return blocks


def newcomers_section(lines: Sequence[NewcomerLine], language: str) -> list[dict]:
    """Each newcomer's day, resources done and status, most recent first."""
    blocks = [header(t("onboarding.home_newcomers", language))]
    if not lines:
        return [*blocks, context(t("onboarding.home_newcomers_empty", language))]
    text = "\n".join(
        t(
            "onboarding.progress_line",
            language,
            user=line.user_id,
            day=line.day,
            done=line.done,
            total=line.total,
            status=t(f"onboarding.status.{line.status}", language),
        )
        for line in lines[:HOME_NEWCOMERS]
    )
    blocks.append(section(text))
    if len(lines) > HOME_NEWCOMERS:
        more = len(lines) - HOME_NEWCOMERS
        blocks.append(context(t("handover.more", language, count=more)))
    return blocks


def path_section(
    newcomer_id: int,
    day: int,
    done: int,
    total: int,
    open_resources: Sequence[ResourceCard],
    language: str,
) -> list[dict]:
    """A newcomer's own path: where they are, and what is still open with Done buttons."""
    blocks = [
        header(t("onboarding.home_path", language)),
        context(t("onboarding.home_path_intro", language, day=day, done=done, total=total)),
    ]
    blocks += [
        resource_line(resource, newcomer_id, language)
        for resource in open_resources[:HOME_PATH_RESOURCES]
    ]
    return blocks


# -- modals --------------------------------------------------------------------------------


def _text_input(
    block_id: str,
    label: str,
    *,
    initial: str | None = None,
    max_length: int | None = None,
    multiline: bool = False,
    optional: bool = False,
    hint: str | None = None,
) -> dict:
    element: dict = {"type": "plain_text_input", "action_id": block_id, "multiline": multiline}
    if initial:
        element["initial_value"] = initial
    if max_length:
        element["max_length"] = max_length
    block = {
        "type": "input",
        "block_id": block_id,
        "label": plain(label),
        "element": element,
        "optional": optional,
    }
    if hint:
        block["hint"] = plain(hint)
    return block


def _audience_option(audience: str, language: str) -> dict:
    return {"text": plain(audience_name(audience, language)), "value": audience}


def resource_modal(language: str, resource: ResourceCard | None = None) -> dict:
    """Add a resource, or edit one (its id in private_metadata)."""
    lever = Lever(resource.lever) if resource else Lever.ONBOARDING
    audience = resource.audience if resource else "everyone"
    title_key = "onboarding.resource_edit_title" if resource else "onboarding.resource_add_title"
    return {
        "type": "modal",
        "callback_id": OnboardingView.RESOURCE,
        "private_metadata": str(resource.id) if resource else "",
        "title": plain(t(title_key, language)),
        "submit": plain(t("common.save", language)),
        "close": plain(t("common.cancel", language)),
        "blocks": [
            _text_input(
                OnboardingBlock.TITLE,
                t("onboarding.field_title", language),
                initial=resource.title if resource else None,
                max_length=MAX_TITLE,
            ),
            _text_input(
                OnboardingBlock.URL,
                t("onboarding.field_url", language),
                initial=resource.url if resource else None,
                max_length=MAX_URL,
            ),
            _text_input(
                OnboardingBlock.DESCRIPTION,
                t("onboarding.field_description", language),
                initial=resource.description if resource else None,
                max_length=MAX_DESCRIPTION,
                multiline=True,
                optional=True,
            ),
            _text_input(
                OnboardingBlock.DAY,
                t("onboarding.field_day", language),
                initial=str(resource.day) if resource else "0",
                max_length=MAX_DAY_CHARS,
            ),
            {
                "type": "input",
                "block_id": OnboardingBlock.AUDIENCE,
                "label": plain(t("onboarding.field_audience", language)),
                "element": {
                    "type": "static_select",
                    "action_id": OnboardingBlock.AUDIENCE,
                    "options": [_audience_option(a, language) for a in AUDIENCES],
                    "initial_option": _audience_option(audience, language),
                },
            },
            {
                "type": "input",
                "block_id": OnboardingBlock.LEVER,
                "label": plain(t("onboarding.field_lever", language)),
                "element": {
                    "type": "static_select",
                    "action_id": OnboardingBlock.LEVER,
                    "options": lever_options(language),
                    "initial_option": lever_option(lever, language),
                },
            },
        ],
    }


def settings_modal(language: str, channel_ids: Sequence[str], days: Sequence[int]) -> dict:
    """Onboarding channels and nudge days."""
    channels: dict = {
        "type": "multi_conversations_select",
        "action_id": OnboardingBlock.CHANNELS,
        "filter": {"include": ["public", "private"], "exclude_bot_users": True},
    }
    if channel_ids:
        channels["initial_conversations"] = list(channel_ids)
    return {
        "type": "modal",
        "callback_id": OnboardingView.SETTINGS,
        "title": plain(t("onboarding.settings_title", language)),
        "submit": plain(t("common.save", language)),
        "close": plain(t("common.cancel", language)),
        "blocks": [
            {
                "type": "input",
                "block_id": OnboardingBlock.CHANNELS,
                "optional": True,
                "label": plain(t("onboarding.field_channels", language)),
                "element": channels,
            },
            _text_input(
                OnboardingBlock.DAYS,
                t("onboarding.field_days", language),
                initial=", ".join(str(day) for day in days),
                max_length=MAX_DAYS_CHARS,
                hint=t("onboarding.field_days_hint", language),
            ),
        ],
    }
