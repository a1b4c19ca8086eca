"""The learning modal: a new learning, a Slack message saved as one, or an edit."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.blocks.common import context, lever_option, lever_options, plain
from bot.ids import LearningField, LearningView
from bot.learning.capture import MAX_LEARNING_CHARS
from bot.learning.form import MAX_REVIEW_CHARS, MAX_TAGS_FIELD_CHARS, POST, PRIVATE, ModalContext
from bot.levers import Lever, guess_lever
from bot.messages import t
from storage.learnings import Review


@dataclass(frozen=True)
class Prefill:
    """What the modal starts with."""

    text: str = ""
    lever: Lever | None = None
    review: Review = field(default_factory=Review)
    tags: tuple[str, ...] = ()


def capture_modal(
    language: str, about: ModalContext, prefill: Prefill | None = None, *, can_post: bool = True
) -> dict:
    """The modal; editing (about.learning_id) leaves out the sharing and anonymity choices."""
    prefill = prefill or Prefill()
    editing = about.learning_id is not None
    lever = prefill.lever or (guess_lever(prefill.text).lever if prefill.text.strip() else None)
    blocks: list[dict] = []
    if about.author_id:
        key = (
            "learning.modal.from_message_link" if about.permalink else "learning.modal.from_message"
        )
        blocks.append(
            context(t(key, language, author=f"<@{about.author_id}>", link=about.permalink))
        )
    blocks += [
        _text_input(
            LearningField.TEXT,
            t("learning.modal.text", language),
            prefill.text[:MAX_LEARNING_CHARS],
            MAX_LEARNING_CHARS,
            placeholder=t("learning.modal.text_placeholder", language),
            optional=False,
        ),
        _lever_input(language, lever),
        context(t("learning.modal.review_intro", language)),
    ]
    for input_id, key, value in (
        (LearningField.EXPECTED, "learning.modal.expected", prefill.review.expected),
        (LearningField.HAPPENED, "learning.modal.happened", prefill.review.happened),
        (LearningField.WHY, "learning.modal.why", prefill.review.why),
        (LearningField.NEXT, "learning.modal.next", prefill.review.next),
    ):
        blocks.append(_text_input(input_id, t(key, language), value or "", MAX_REVIEW_CHARS))
    tags = _text_input(
        LearningField.TAGS,
        t("learning.modal.tags", language),
        ", ".join(prefill.tags),
        MAX_TAGS_FIELD_CHARS,
        multiline=False,
        placeholder=t("learning.modal.tags_placeholder", language),
    )
    blocks.append(tags)
    if not editing:
        if can_post:
            blocks.append(_share_input(language))
        blocks.append(_anonymous_input(language))
    title = "learning.modal.title_edit" if editing else "learning.modal.title"
    return {
        "type": "modal",
        "callback_id": LearningView.CAPTURE,
        "private_metadata": about.dump(),
        "title": plain(t(title, language, id=about.learning_id)),
        "submit": plain(t("common.save", language)),
        "close": plain(t("common.cancel", language)),
        "blocks": blocks,
    }


def _text_input(
    field: LearningField,
    label: str,
    value: str,
    max_length: int,
    *,
    multiline: bool = True,
    placeholder: str | None = None,
    optional: bool = True,
) -> dict:
    element: dict = {
        "type": "plain_text_input",
        "action_id": field,
        "multiline": multiline,
        "max_length": max_length,
    }
    if value:
        element["initial_value"] = value
    if placeholder:
        element["placeholder"] = plain(placeholder)
    return {
        "type": "input",
        "block_id": field,
        "optional": optional,
        "label": plain(label),
        "element": element,
    }


def _lever_input(language: str, lever: Lever | None) -> dict:
    element: dict = {
        "type": "static_select",
        "action_id": LearningField.LEVER,
        "placeholder": plain(t("learning.modal.lever_placeholder", language)),
        "options": lever_options(language),
    }
    if lever is not None:
        element["initial_option"] = lever_option(lever, language)
    return {
        "type": "input",
        "block_id": LearningField.LEVER,
        "optional": True,
        "label": plain(t("learning.lever_menu", language)),
        "hint": plain(t("learning.modal.lever_hint", language)),
        "element": element,
    }


def _share_input(language: str) -> dict:
    private = {"text": plain(t("learning.modal.keep_private", language)), "value": PRIVATE}
    post = {"text": plain(t("learning.modal.post", language)), "value": POST}
    return {
        "type": "input",
        "block_id": LearningField.SHARE,
        "optional": True,
        "label": plain(t("learning.modal.share", language)),
        "element": {
            "type": "radio_buttons",
            "action_id": LearningField.SHARE,
            "options": [private, post],
            "initial_option": private,
        },
    }


def _anonymous_input(language: str) -> dict:
    return {
        "type": "input",
        "block_id": LearningField.ANONYMOUS,
        "optional": True,
        "label": plain(t("learning.modal.anonymous_label", language)),
        "element": {
            "type": "checkboxes",
            "action_id": LearningField.ANONYMOUS,
            "options": [
                {
                    "text": plain(t("learning.modal.anonymous", language)),
                    "description": plain(t("learning.modal.anonymous_hint", language)),
                    "value": "anonymous",
                }
            ],
        },
    }
