"""`member_joined_channel`: the one listener for it (Bolt runs only the first that matches).

Two separate branches: the bot itself joining a channel (the prompts feature's), and a
person joining one (onboarding: a channel an admin marked welcomes its new members).
"""

from __future__ import annotations

from slack_bolt import App, BoltContext
from slack_sdk import WebClient

from bot.deps import deps_of
from bot.onboarding.newcomers import member_joined_channel
from bot.prompts.posting import bot_joined_channel


def register(app: App) -> None:
    """Attach member_joined_channel."""
    app.event("member_joined_channel")(ack=_received, lazy=[joined])


def _received() -> None:
    """Bolt has acknowledged the event already."""


def joined(event: dict, body: dict, client: WebClient, context: BoltContext) -> None:
    """Route a join to the branch for the bot itself or the one for people."""
    user_id, channel_id = event.get("user"), event.get("channel")
    if not user_id or not channel_id:
        return
    team_id = context.team_id or event.get("team") or body["team_id"]
    if user_id == context.bot_user_id:
        # -- the bot itself joined: reflection prompts ----------------------------------------
        bot_joined_channel(deps_of(context), client, team_id, channel_id)
        return
    # -- a person joined: onboarding --------------------------------------------------------
    member_joined_channel(deps_of(context), client, team_id, user_id, channel_id)
