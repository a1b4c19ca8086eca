"""`/learning settings`: the reflection prompts' settings form for the current channel."""

from __future__ import annotations

from slack_bolt import Ack
from slack_sdk import WebClient

from bot.blocks.common import ephemeral
from bot.deps import deps_of
from handlers.views.prompts import open_settings


def answer_settings(ack: Ack, command: dict, client: WebClient, context: dict, args: str) -> None:
    """Acknowledge at once; the form opens right after the response."""
    ack()


def later_settings(command: dict, client: WebClient, context: dict, args: str) -> None:
    """Open the form, or say why not in a message only the person sees."""
    respond = context.get("respond")
    open_settings(
        deps_of(context),
        client,
        team_id=command["team_id"],
        user_id=command["user_id"],
        channel_id=command["channel_id"],
        trigger_id=command["trigger_id"],
        refuse=lambda text: respond(**ephemeral(text)) if respond else None,
    )
