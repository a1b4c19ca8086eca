"""How a slash command's text is read: its first word may name a sub-command."""

from __future__ import annotations

import re

# A lone word like this is a sub-command's name, never a learning or a retro's title.
_COMMAND_WORD = re.compile(r"[^\W\d_][\w-]{0,23}")


def first_word(text: str) -> tuple[str, str]:
    """The first word of the text and the rest of it, both stripped."""
    word, _, rest = text.strip().partition(" ")
    return word, rest.strip()


def is_command_word(text: str) -> bool:
    """Whether the whole text is one word shaped like a sub-command's name."""
    return bool(_COMMAND_WORD.fullmatch(text.strip()))
