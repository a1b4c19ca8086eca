"""What newcomers see: the welcome, the nudges with their Done buttons, and fresh eyes."""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import dataclass

from bot.blocks.common import context, plain, section
from bot.ids import OnboardingAction, OnboardingBlock, OnboardingView, row_id
from bot.learning.capture import MAX_LEARNING_CHARS
from bot.levers import EMOJI, Lever
from bot.messages import t
from bot.text import escape, excerpt


@dataclass(frozen=True)
class ResourceCard:
    """A resource as a message shows it."""

    id: int
    title: str
    url: str
    description: str = ""
    day: int = 0
    audience: str = "everyone"
    lever: str = "onboarding"


@dataclass(frozen=True)
class LearningCard:
    """A learning as a newcomer reads it."""

    text: str
    lever: str
    channel_id: str | None = None


@dataclass(frozen=True)
class Nudge:
    """Everything one day of the path says, ready to render."""

    newcomer_id: int
    user_id: str
    day: int
    new: Sequence[ResourceCard] = ()
    still_open: Sequence[ResourceCard] = ()
    learnings: Sequence[LearningCard] = ()
    fresh_eyes: bool = False
    next_days: Sequence[int] = ()

    @property
    def is_empty(self) -> bool:
        """Nothing worth a message."""
        return not (self.day == 0 or self.new or self.still_open or self.fresh_eyes)


def link(url: str, title: str) -> str:
    """A mrkdwn link whose parts cannot break out of `<url|title>`."""
    return f"<{escape(url).replace('|', '%7C')}|{escape(title)}>"


def resource_block_id(resource_id: int) -> str:
    """The block_id of a resource's line, so a Done click can find it again."""
    return f"{OnboardingBlock.RESOURCE}:{resource_id}"


def resource_text(resource: ResourceCard) -> str:
    """A resource's link and description."""
    text = f"*{link(resource.url, resource.title)}*"
    if resource.description:
        text += "\n" + escape(resource.description)
    return text


def done_button(newcomer_id: int, resource_id: int, language: str) -> dict:
    """The Done button of one resource; its value is `<newcomer id>:<resource id>`."""
    return {
        "type": "button",
        "action_id": OnboardingAction.DONE,
        "text": plain(t("onboarding.done_button", language)),
        "value": f"{newcomer_id}:{resource_id}",
        "style": "primary",
    }


def resource_line(
    resource: ResourceCard, newcomer_id: int, language: str, *, done: bool = False
) -> dict:
    """A resource with its Done button, or marked done."""
    if done:
        text = resource_text(resource) + "\n" + t("onboarding.done_mark", language)
        return section(text, block_id=resource_block_id(resource.id))
    return section(
        resource_text(resource),
        block_id=resource_block_id(resource.id),
        accessory=done_button(newcomer_id, resource.id, language),
    )


def nudge_message(nudge: Nudge, language: str) -> dict:
    """The welcome (day 0) or a later nudge, as chat.postMessage arguments."""
    if nudge.day == 0:
        intro = t("onboarding.welcome", language, user=nudge.user_id)
    else:
        intro = t("onboarding.nudge", language, day=nudge.day, user=nudge.user_id)
    blocks = [section(intro)]
    if nudge.new:
        blocks.append(section(t("onboarding.new_resources", language)))
        blocks += [resource_line(r, nudge.newcomer_id, language) for r in nudge.new]
    if nudge.still_open:
        blocks.append(section(t("onboarding.still_open", language)))
        blocks += [resource_line(r, nudge.newcomer_id, language) for r in nudge.still_open]
    if nudge.learnings:
        lines = [
            f"{EMOJI[Lever(learning.lever)]} {escape(excerpt(learning.text, 200))}"
            for learning in nudge.learnings
        ]
        blocks.append(section(t("onboarding.learnings", language) + "\n" + "\n".join(lines)))
    if nudge.fresh_eyes:
        blocks.append(
            section(
                t("onboarding.fresh_eyes", language, day=nudge.day),
                accessory={
                    "type": "button",
                    "action_id": OnboardingAction.FRESH_EYES,
                    "text": plain(t("onboarding.fresh_eyes_button", language)),
                    "value": f"{nudge.newcomer_id}:{nudge.day}",
                },
            )
        )
    footer = []
    if nudge.new or nudge.still_open:
        footer.append(t("onboarding.footer", language))
    if nudge.next_days:
        days = ", ".join(str(day) for day in nudge.next_days)
        footer.append(t("onboarding.next_days", language, days=days))
    if footer:
        blocks.append(context(" ".join(footer)))
    blocks.append(
        {
            "type": "actions",
            "elements": [
                {
                    "type": "button",
                    "action_id": OnboardingAction.STOP,
                    "text": plain(t("onboarding.stop_button", language)),
                    "value": str(nudge.newcomer_id),
                }
            ],
        }
    )
    return {"text": intro, "blocks": blocks}


def mark_done(blocks: list[dict], resource_id: int, language: str) -> list[dict]:
    """The message's blocks with one resource shown as done (its button gone)."""
    marked = copy.deepcopy(blocks)
    for block in marked:
        if block.get("block_id") == resource_block_id(resource_id) and "accessory" in block:
            del block["accessory"]
            block["text"]["text"] += "\n" + t("onboarding.done_mark", language)
    return marked


def parse_pair(value: str) -> tuple[int, int] | None:
    """Read a `<int>:<int>` button value or private_metadata; None when tampered with."""
    first, _, second = (value or "").partition(":")
    first_id, second_id = row_id(first), row_id(second)
    if first_id is None or second_id is None:
        return None
    return first_id, second_id


def fresh_eyes_modal(newcomer_id: int, day: int, language: str) -> dict:
    """Two questions and an anonymous choice; private_metadata `<newcomer id>:<day>`."""

    def question(block_id: str, key: str) -> dict:
        return {
            "type": "input",
            "block_id": block_id,
            "optional": True,
            "label": plain(t(key, language)),
            "element": {
                "type": "plain_text_input",
                "action_id": block_id,
                "multiline": True,
                "max_length": MAX_LEARNING_CHARS,
            },
        }

    return {
        "type": "modal",
        "callback_id": OnboardingView.FRESH_EYES,
        "private_metadata": f"{newcomer_id}:{day}",
        "title": plain(t("onboarding.fresh_eyes_title", language)),
        "submit": plain(t("onboarding.send", language)),
        "close": plain(t("common.cancel", language)),
        "blocks": [
            question(OnboardingBlock.SURPRISED, "onboarding.fresh_eyes_surprised"),
            question(OnboardingBlock.WISH, "onboarding.fresh_eyes_wish"),
            {
                "type": "input",
                "block_id": OnboardingBlock.ANONYMOUS,
                "optional": True,
                "label": plain(t("common.anonymous", language).capitalize()),
                "element": {
                    "type": "checkboxes",
                    "action_id": OnboardingBlock.ANONYMOUS,
                    "options": [
                        {"text": plain(t("onboarding.anonymous", language)), "value": "anonymous"}
                    ],
                },
            },
        ],
    }


def thanks_view(title: str, text: str, language: str) -> dict:
    """A modal that only says thank you, replacing a submitted one."""
    return {
        "type": "modal",
        "title": plain(title),
        "close": plain(t("onboarding.close", language)),
        "blocks": [section(text)],
    }
