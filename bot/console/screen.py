"""What the console has shown, by number, and how to tell what changed in Slack since."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from bot.console.render import Control


@dataclass
class Shown:
    """Something numbered on screen: a message, an ephemeral, a modal or a Home tab."""

    number: int
    kind: str  # message | ephemeral | modal | home
    channel: str | None = None
    ts: str | None = None
    user: str | None = None  # who alone sees it (ephemeral, modal, home)
    view_id: str | None = None
    snapshot: str = ""
    reactions: str = ""
    controls: list[Control] = field(default_factory=list)
    open: bool = True  # False once deleted or closed


class Screen:
    """Numbers things the first time they are shown and finds them again by number or key."""

    def __init__(self) -> None:
        self.items: dict[int, Shown] = {}
        self._keys: dict[tuple, int] = {}

    def get(self, number: int) -> Shown | None:
        """What was shown as [number], if anything."""
        return self.items.get(number)

    def find(self, key: tuple) -> Shown | None:
        """What was shown for a key (a message, an ephemeral, a view), if anything."""
        number = self._keys.get(key)
        return self.items[number] if number is not None else None

    def add(self, key: tuple, **fields: Any) -> Shown:
        """Number something new."""
        shown = Shown(number=len(self.items) + 1, **fields)
        self.items[shown.number] = shown
        self._keys[key] = shown.number
        return shown

    def latest_first(self) -> list[Shown]:
        """Everything shown, the newest first."""
        return sorted(self.items.values(), key=lambda s: s.number, reverse=True)

    @property
    def last_number(self) -> int:
        """The highest number given so far (0 before any)."""
        return len(self.items)


def message_key(channel: str, ts: str) -> tuple:
    """The key of a channel message on screen."""
    return ("message", channel, ts)


def content_snapshot(message: dict[str, Any]) -> str:
    """What a reader sees of a message, to notice edits (threads and reactions left out)."""
    kept = {k: message.get(k) for k in ("text", "blocks", "attachments", "files")}
    return json.dumps(kept, sort_keys=True, default=str)


def reactions_snapshot(message: dict[str, Any]) -> str:
    """The reactions of a message, to notice new ones."""
    return json.dumps(message.get("reactions") or [], sort_keys=True)


def view_snapshot(view: dict[str, Any]) -> str:
    """What a reader sees of a modal or Home tab, to notice updates."""
    kept = {k: view.get(k) for k in ("title", "blocks", "submit", "close")}
    return json.dumps(kept, sort_keys=True, default=str)
