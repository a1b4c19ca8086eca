"""Listeners for Slack views."""

from __future__ import annotations

from slack_bolt import App


def register(app: App) -> None:
    """Attach the views listeners."""
