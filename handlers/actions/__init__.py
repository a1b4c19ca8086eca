"""Listeners for buttons and menus (block_actions)."""

from __future__ import annotations

from slack_bolt import App

from handlers.actions import learning


def register(app: App) -> None:
    """Attach the block action listeners."""
    learning.register(app)
