"""Listeners for Slack events."""

from __future__ import annotations

from slack_bolt import App

from handlers.events import channel_membership, install, messages, people


def register(app: App) -> None:
    """Attach the events listeners."""
    install.register(app)
    people.register(app)
    channel_membership.register(app)
    messages.register(app)
