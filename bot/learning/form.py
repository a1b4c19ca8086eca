"""The learning modal's values: reading and checking them, and what the modal is about."""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass

from bot.errors import InvalidInput
from bot.ids import LearningField
from bot.learning.capture import MAX_LEARNING_CHARS
from bot.levers import Lever, fold, guess_lever
from storage.learnings import Review

MAX_REVIEW_CHARS = 1000
MAX_TAGS = 10
MAX_TAG_CHARS = 30
MAX_TAGS_FIELD_CHARS = 300  # the tags box: ten tags of 30 characters, roughly

POST = "post"
PRIVATE = "private"
VISIBILITIES = (POST, PRIVATE)


@dataclass(frozen=True)
class ModalContext:
    """What a learning modal is about, carried in its private_metadata.

    `channel_id`: where it was opened (where to post and confirm); `learning_id`: the
    learning being edited; the message fields: the Slack message being saved, its author
    and its permalink.
    """

    channel_id: str | None = None
    learning_id: int | None = None
    message_channel_id: str | None = None
    message_ts: str | None = None
    author_id: str | None = None
    permalink: str | None = None

    def dump(self) -> str:
        """As private_metadata (compact JSON, well under Slack's 3,000 characters)."""
        return json.dumps({k: v for k, v in asdict(self).items() if v is not None})

    @classmethod
    def load(cls, text: str | None) -> ModalContext:
        """From private_metadata; an empty or foreign one reads as a plain new learning."""
        try:
            data = json.loads(text or "{}")
        except ValueError:
            return cls()
        if not isinstance(data, dict):
            return cls()
        return cls(**{k: v for k, v in data.items() if k in cls.__dataclass_fields__})

    @property
    def from_message(self) -> bool:
        """Whether the modal saves a Slack message (the shortcut)."""
        return bool(self.message_channel_id and self.message_ts)


@dataclass(frozen=True)
class LearningForm:
    """A submitted learning modal, checked."""

    text: str
    lever: Lever
    lever_guessed: bool
    review: Review
    tags: tuple[str, ...]
    post: bool
    anonymous: bool


class FormErrors(Exception):
    """Refusals by block_id; the modal shows each next to its field."""

    def __init__(self, errors: dict[str, InvalidInput]) -> None:
        super().__init__(", ".join(errors))
        self.errors = errors


def _input(values: dict, field: LearningField) -> dict:
    return (values.get(field) or {}).get(field) or {}


def _text(values: dict, field: LearningField) -> str:
    return (_input(values, field).get("value") or "").strip()


def _selected(values: dict, field: LearningField) -> str | None:
    option = _input(values, field).get("selected_option")
    return option.get("value") if option else None


def read_form(values: dict) -> LearningForm:
    """The modal's state.values as a LearningForm, or FormErrors for every field that is wrong."""
    errors: dict[str, InvalidInput] = {}
    text = _text(values, LearningField.TEXT)
    if not text:
        errors[LearningField.TEXT] = InvalidInput("learning.form.text_empty", field="text")
    elif len(text) > MAX_LEARNING_CHARS:
        errors[LearningField.TEXT] = InvalidInput(
            "learning.form.text_too_long", field="text", length=len(text), limit=MAX_LEARNING_CHARS
        )
    review = {}
    for name, field in (
        ("expected", LearningField.EXPECTED),
        ("happened", LearningField.HAPPENED),
        ("why", LearningField.WHY),
        ("next", LearningField.NEXT),
    ):
        value = _text(values, field)
        if len(value) > MAX_REVIEW_CHARS:
            errors[field] = InvalidInput(
                "learning.form.review_too_long",
                field=name,
                length=len(value),
                limit=MAX_REVIEW_CHARS,
            )
        review[name] = value or None
    try:
        tags = parse_tags(_text(values, LearningField.TAGS))
    except InvalidInput as refusal:
        errors[LearningField.TAGS] = refusal
        tags = ()
    if errors:
        raise FormErrors(errors)
    chosen = _selected(values, LearningField.LEVER)
    lever = Lever(chosen) if chosen in Lever._value2member_map_ else None
    anonymous = bool(_input(values, LearningField.ANONYMOUS).get("selected_options"))
    return LearningForm(
        text=text,
        lever=lever or guess_lever(text).lever,
        lever_guessed=lever is None,
        review=Review(**review),
        tags=tags,
        post=_selected(values, LearningField.SHARE) == POST,
        anonymous=anonymous,
    )


def message_text(text: str) -> str:
    """A Slack message's text as its author typed it: Slack sends `<`, `>` and `&` as entities.

    Mentions and links (`<@U…>`, `<https://…|…>`) stay in Slack's own form, as written.
    """
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def parse_tags(text: str) -> tuple[str, ...]:
    """Tags typed as `a, b, #c`: trimmed, without `#`, no repeats; InvalidInput past the limits."""
    if len(text) > MAX_TAGS_FIELD_CHARS:
        raise InvalidInput(
            "learning.form.tags_too_long",
            field="tags",
            length=len(text),
            limit=MAX_TAGS_FIELD_CHARS,
        )
    tags: dict[str, str] = {}
    for raw in re.split(r"[,;\n]", text):
        tag = " ".join(raw.split()).lstrip("#").strip()
        if not tag:
            continue
        if len(tag) > MAX_TAG_CHARS:
            raise InvalidInput(
                "learning.form.tag_too_long", field="tags", value=tag[:40], limit=MAX_TAG_CHARS
            )
        tags.setdefault(fold(tag), tag)
    if len(tags) > MAX_TAGS:
        raise InvalidInput("learning.form.too_many_tags", field="tags", limit=MAX_TAGS)
    return tuple(tags.values())
