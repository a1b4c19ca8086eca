"""`app_home_opened`: publish the person's App Home when they open its tab."""

from __future__ import annotations

from slack_bolt import App
from slack_sdk import WebClient

from bot.deps import deps_of
from bot.home.publish import publish_home


def register(app: App) -> None:
    """Attach the App Home listener (Slack is answered at once; publishing runs after)."""
    app.event("app_home_opened")(ack=_ack, lazy=[open_home])


def _ack() -> None:
    """Events are acknowledged by Bolt itself."""


def open_home(event: dict, body: dict, client: WebClient, context: dict) -> None:
    """Publish the Home tab (not the Messages tab) for whoever opened it."""
    if event.get("tab", "home") != "home":
        return
    team_id = body.get("team_id") or context.get("team_id")
    publish_home(client, deps_of(context), team_id, event["user"])
