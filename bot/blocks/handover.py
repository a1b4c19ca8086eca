"""Handover messages: the debrief DM and modal, the successor menu, and the departure notice."""

from __future__ import annotations

from collections.abc import Sequence

from bot.blocks.common import plain, section
from bot.blocks.onboarding import LearningCard
from bot.ids import HandoverAction, HandoverBlock, HandoverView
from bot.learning.capture import MAX_LEARNING_CHARS
from bot.levers import EMOJI, Lever
from bot.messages import t
from bot.onboarding.handover import TOPICS
from bot.text import escape, excerpt

DEPARTURE_LIST = 10


def debrief_invitation(handover_id: int, user_id: str, requester_id: str, language: str) -> dict:
    """The DM asking a departing person for their debrief, with the button that opens it."""
    text = t("handover.dm", language, user=user_id, requester=requester_id)
    return {
        "text": text,
        "blocks": [
            section(text),
            {
                "type": "actions",
                "elements": [
                    {
                        "type": "button",
                        "action_id": HandoverAction.ANSWER,
                        "text": plain(t("handover.dm_button", language)),
                        "value": str(handover_id),
                        "style": "primary",
                    }
                ],
            },
        ],
    }


def debrief_modal(handover_id: int, language: str) -> dict:
    """The four questions, each optional; private_metadata holds the handover id."""
    return {
        "type": "modal",
        "callback_id": HandoverView.DEBRIEF,
        "private_metadata": str(handover_id),
        "title": plain(t("handover.modal_title", language)),
        "submit": plain(t("onboarding.send", language)),
        "close": plain(t("common.cancel", language)),
        "blocks": [
            {
                "type": "input",
                "block_id": topic.block_id,
                "optional": True,
                "label": plain(t(topic.question_key, language)),
                "element": {
                    "type": "plain_text_input",
                    "action_id": topic.block_id,
                    "multiline": True,
                    "max_length": MAX_LEARNING_CHARS,
                },
            }
            for topic in TOPICS
        ],
    }


def successor_block_id(user_id: str) -> str:
    """The successor menu's block_id carries whose actions it hands over."""
    return f"{HandoverBlock.SUCCESSOR}:{user_id}"


def leaver_of(block_id: str) -> str | None:
    """The departing user a successor menu is about; None when tampered with."""
    prefix, _, user_id = (block_id or "").partition(":")
    if prefix != HandoverBlock.SUCCESSOR or not user_id.isalnum():
        return None
    return user_id


def successor_menu(user_id: str, language: str) -> dict:
    """A section asking who takes over a person's open actions, with a people menu."""
    return section(
        t("handover.successor_prompt", language, user=user_id),
        block_id=successor_block_id(user_id),
        accessory={
            "type": "users_select",
            "action_id": HandoverAction.SUCCESSOR,
            "placeholder": plain(t("handover.successor_placeholder", language)),
        },
    )


def departure_notice(
    user_id: str,
    actions: Sequence[str],
    learnings: Sequence[LearningCard],
    language: str,
) -> dict:
    """What a deactivated member leaves behind, for an admin's DM."""
    intro = t("handover.departed", language, user=user_id)
    blocks = [section(intro)]
    if actions:
        lines = [f"• {escape(excerpt(text, 200))}" for text in actions[:DEPARTURE_LIST]]
        blocks.append(section(t("handover.departed_actions", language) + "\n" + "\n".join(lines)))
        more = _more(len(actions), language)
        if more:
            blocks.append(more)
        blocks.append(successor_menu(user_id, language))
    else:
        blocks.append(section(t("handover.departed_no_actions", language)))
    if learnings:
        lines = [
            f"{EMOJI[Lever(card.lever)]} {escape(excerpt(card.text, 200))}"
            for card in learnings[:DEPARTURE_LIST]
        ]
        blocks.append(section(t("handover.departed_learnings", language) + "\n" + "\n".join(lines)))
        more = _more(len(learnings), language)
        if more:
            blocks.append(more)
    else:
        blocks.append(section(t("handover.departed_no_learnings", language)))
    return {"text": intro, "blocks": blocks}


def _more(count: int, language: str) -> dict | None:
    if count <= DEPARTURE_LIST:
        return None
    return section(t("handover.more", language, count=count - DEPARTURE_LIST))
