"""Listeners for Slack shortcuts."""

from __future__ import annotations

from slack_bolt import App

from handlers.shortcuts import learning


def register(app: App) -> None:
    """Attach the shortcuts listeners."""
    learning.register(app)
