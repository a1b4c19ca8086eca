"""Slack listeners, one module per surface. `register(app)` wires them all onto an App."""

from __future__ import annotations

from slack_bolt import App

from handlers import actions, commands, events, home, shortcuts, views


def register(app: App) -> None:
    """Attach every listener of the app."""
    for surface in (commands, events, actions, views, shortcuts, home):
        surface.register(app)
