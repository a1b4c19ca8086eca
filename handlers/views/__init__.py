"""Listeners for Slack views."""

from __future__ import annotations

from slack_bolt import App

from handlers.views import checkins, handover, home, learning_modal, onboarding, prompts, retro


def register(app: App) -> None:
    """Attach the views listeners."""
    retro.register(app)
    learning_modal.register(app)
    onboarding.register(app)
    handover.register(app)
    home.register(app)
    checkins.register(app)
    prompts.register(app)
