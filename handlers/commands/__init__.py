"""Listeners for slash commands."""

from __future__ import annotations

from slack_bolt import App

from handlers.commands import learning


def register(app: App) -> None:
    """Attach the slash command listeners."""
    learning.register(app)
