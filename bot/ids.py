"""Every Slack id the app uses, declared once: commands, actions, views, shortcuts."""

from __future__ import annotations

from enum import StrEnum


class Command(StrEnum):
    """Slash commands, as named in the manifest."""

    LEARNING = "/learning"
    RETRO = "/retro"


class Action(StrEnum):
    """action_id of interactive elements."""

    SET_LEVER = "learning_set_lever"


class Block(StrEnum):
    """block_id of blocks whose values are read back."""

    LEVER_MENU = "learning_lever_menu"
