"""Whether the bot is in a channel, as conversations.info tells: asked before prompts are set up
there, by the settings form and by the command line, which each tell the person their own way."""

from __future__ import annotations

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.clients import NO_ANSWER, answered_within, refusal_reason


class SlackTrouble(Exception):
    """Slack could not say what the channel is: `reason` is what it answered (its error code,
    else the HTTP status), or NO_ANSWER when no answer came in time or it could not be reached."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def channel_info(client: WebClient, channel_id: str, *, within_s: float | None = None) -> dict:
    """conversations.info's channel; {} when Slack does not show it to the bot (no such channel,
    or a private one without the bot); SlackTrouble when Slack could not say.

    `within_s`: how long to wait in all, retries included (before an ack); without it, as long
    as the client's timeout and retries take.
    """

    def ask(asked: WebClient) -> dict:
        return asked.conversations_info(channel=channel_id)["channel"]

    try:
        return ask(client) if within_s is None else answered_within(client, within_s, ask)
    except SlackApiError as error:
        if error.response.get("error") == "channel_not_found":
            return {}
        raise SlackTrouble(refusal_reason(error)) from None
    except OSError as error:  # no answer in time, or no connection even after the client's retry
        raise SlackTrouble(NO_ANSWER) from error
