"""Capturing a learning from what a person typed: lever markers, guesses and limits."""

from __future__ import annotations

from dataclasses import dataclass

from bot.errors import InvalidInput
from bot.levers import Lever, guess_lever, split_lever_marker

MAX_LEARNING_CHARS = 3000

SOURCES = ("prompt_reply", "command", "modal", "shortcut", "retro")


@dataclass(frozen=True)
class Draft:
    """A learning ready to store: its text without the lever marker, and its lever."""

    text: str
    lever: Lever
    lever_guessed: bool


def check_text(text: str) -> str:
    """The text, stripped, or InvalidInput when it is empty or longer than the limit."""
    text = text.strip()
    if not text:
        raise InvalidInput("learning.empty", field="text")
    if len(text) > MAX_LEARNING_CHARS:
        raise InvalidInput(
            "learning.too_long", field="text", length=len(text), limit=MAX_LEARNING_CHARS
        )
    return text


def draft_from_command(raw: str) -> Draft:
    """Read `/learning [lever marker] text`: the marker names the lever, else it is guessed."""
    lever, text = split_lever_marker(raw)
    text = check_text(text)
    if lever is not None:
        return Draft(text=text, lever=lever, lever_guessed=False)
    return Draft(text=text, lever=guess_lever(text).lever, lever_guessed=True)
