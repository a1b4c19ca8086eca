"""Listeners for Slack home."""

from __future__ import annotations

from slack_bolt import App

from handlers.home import app_home


def register(app: App) -> None:
    """Attach the home listeners."""
    app_home.register(app)
