"""Who may read a learning again: learnings from a private channel, a group DM or a DM are
shown only to members of that conversation; learnings from public channels (or from no
channel) to everyone in the workspace.

Slack is asked once per conversation per instance (one App Home or one digest); anything
Slack will not tell (an unknown channel, an error) counts as private, so nothing leaks.
"""

from __future__ import annotations

import logging

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

log = logging.getLogger(__name__)


class ChannelAccess:
    """Answers "may this person see what was said in that channel?" for one viewer."""

    def __init__(self, client: WebClient, user_id: str | None = None) -> None:
        self._client = client
        self._user_id = user_id
        self._public: dict[str, bool] = {}
        self._member: dict[str, bool] = {}

    def is_public(self, channel_id: str | None) -> bool:
        """True for no channel and for public channels."""
        if channel_id is None:
            return True
        if channel_id not in self._public:
            try:
                info = self._client.conversations_info(channel=channel_id)["channel"]
                self._public[channel_id] = not (
                    info.get("is_private") or info.get("is_im") or info.get("is_mpim")
                )
            except SlackApiError as error:
                log.info("conversations.info %s: %s", channel_id, error.response.get("error"))
                self._public[channel_id] = False
        return self._public[channel_id]

    def can_see(self, channel_id: str | None) -> bool:
        """Whether the viewer may see learnings from this channel."""
        if self.is_public(channel_id):
            return True
        if self._user_id is None or channel_id is None:
            return False
        if channel_id not in self._member:
            self._member[channel_id] = self._user_id in self._members(channel_id)
        return self._member[channel_id]

    def _members(self, channel_id: str) -> set[str]:
        members: set[str] = set()
        cursor = None
        try:
            while True:
                page = self._client.conversations_members(
                    channel=channel_id, limit=1000, cursor=cursor
                )
                members.update(page.get("members") or [])
                cursor = (page.get("response_metadata") or {}).get("next_cursor")
                if not cursor:
                    return members
        except SlackApiError as error:
            log.info("conversations.members %s: %s", channel_id, error.response.get("error"))
            return set()


def everyone(_channel_id: str | None) -> bool:
    """No restriction: for readers who already hold the whole database (the CLI report)."""
    return True
