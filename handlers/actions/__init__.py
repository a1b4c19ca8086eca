"""Listeners for buttons and menus (block_actions)."""

from __future__ import annotations

from slack_bolt import App

from handlers.actions import (
    checkins,
    handover,
    home,
    learning,
    my_data,
    onboarding,
    prompts,
    retro,
    retro_followup,
)


def register(app: App) -> None:
    """Attach the block action listeners."""
    learning.register(app)
    retro.register(app)
    retro_followup.register(app)
    onboarding.register(app)
    handover.register(app)
    home.register(app)
    checkins.register(app)
    prompts.register(app)
    my_data.register(app)
