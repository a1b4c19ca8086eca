"""Who may read a learning again: learnings from a private channel, a group DM or a DM are
shown only to members of that conversation; learnings from public channels (or from no
channel) to everyone in the workspace.

Slack is asked once per conversation per instance (one App Home or one digest); anything
Slack will not tell (an unknown channel, an error, no answer in time) counts as private, so
nothing leaks. Channels hidden only because Slack did not answer are kept in `unanswered`,
for answers that should say some learnings were left out.
"""

from __future__ import annotations

import logging

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

log = logging.getLogger(__name__)

# Slack's errors that mean "not now" rather than "no": asking again later may answer.
TRANSIENT = frozenset(
    {"internal_error", "fatal_error", "ratelimited", "request_timeout", "service_unavailable"}
)


def _transient(error: Exception) -> bool:
    """A failure that says nothing of the channel: no answer in time, or Slack's own trouble."""
    if isinstance(error, SlackApiError):
        response = error.response
        return response.status_code >= 500 or response.get("error") in TRANSIENT
    return True  # a timeout or a lost connection


class ChannelAccess:
    """Answers "may this person see what was said in that channel?" for one viewer."""

    def __init__(self, client: WebClient, user_id: str | None = None) -> None:
        self._client = client
        self._user_id = user_id
        self._public: dict[str, bool] = {}
        self._member: dict[str, bool] = {}
        self._unsure: set[str] = set()  # Slack did not answer about these
        self.unanswered: set[str] = set()  # channels hidden only for want of an answer

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
            except (SlackApiError, OSError) as error:
                log.info("conversations.info %s: %r", channel_id, error)
                self._public[channel_id] = False
                if _transient(error):
                    self._unsure.add(channel_id)
        return self._public[channel_id]

    def can_see(self, channel_id: str | None) -> bool:
        """Whether the viewer may see learnings from this channel."""
        if self.is_public(channel_id):
            return True
        if self._user_id is None or channel_id is None:
            return False
        if channel_id not in self._member:
            self._member[channel_id] = self._user_id in self._members(channel_id)
            if not self._member[channel_id] and channel_id in self._unsure:
                self.unanswered.add(channel_id)
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
        except (SlackApiError, OSError) as error:
            log.info("conversations.members %s: %r", channel_id, error)
            if _transient(error):
                self._unsure.add(channel_id)
            return set()


def everyone(_channel_id: str | None) -> bool:
    """No restriction: for readers who already hold the whole database (the CLI report)."""
    return True
