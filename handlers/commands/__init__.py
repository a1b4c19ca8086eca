"""Listeners for slash commands."""

from __future__ import annotations

from slack_bolt import App

from handlers.commands import checkins, learning, retro


def register(app: App) -> None:
    """Attach the slash command listeners."""
    learning.register(app)
    retro.register(app)
    checkins.register(app)
