"""The console's workspace: people and channels made on first use, and the events Slack sends."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from bot.console.mrkdwn import Names
from bot.fakeslack import FakeSlack
from bot.text import escape

LOCALES = {"en": "en-US", "fr": "fr-FR"}


def slack_id(prefix: str, name: str, taken: set[str]) -> str:
    """A Slack-looking id for a name (`bob` -> `UBOB`), unique among `taken`."""
    base = prefix + (re.sub(r"[^A-Z0-9]", "", name.upper())[:10] or "X")
    candidate, suffix = base, 1
    while candidate in taken:
        suffix += 1
        candidate = f"{base}{suffix}"
    return candidate


class ConsoleWorkspace:
    """People and channels of the fake workspace, by the names typed in the console."""

    def __init__(self, slack: FakeSlack, *, language: str, timezone: str) -> None:
        self.slack = slack
        self.language = language
        self.timezone = timezone
        self.users: dict[str, str] = {}  # name -> id
        self.channels: dict[str, str] = {}  # name -> id
        bot = slack.user(slack.bot_user_id) or {}
        self.bot_name = bot.get("name", "learnloop")

    def add_person(self, name: str, *, language: str | None = None, admin: bool = False) -> str:
        """Add someone to the workspace (nobody is told); their id."""
        user_id = slack_id("U", name, set(self.users.values()) | {self.slack.bot_user_id})
        self.slack.add_user(
            user_id,
            name,
            is_admin=admin,
            locale=LOCALES[language or self.language],
            tz=self.timezone,
        )
        self.users[name] = user_id
        return user_id

    def add_channel(self, name: str, creator: str) -> str:
        """Create a public channel holding its creator and the bot; its id."""
        channel_id = slack_id("C", name, set(self.channels.values()))
        self.slack.add_channel(
            channel_id, name, members=[creator, self.slack.bot_user_id], creator=creator
        )
        self.channels[name] = channel_id
        return channel_id

    def user_id(self, name: str) -> str | None:
        """The id of a person by name (the bot included)."""
        if name == self.bot_name:
            return self.slack.bot_user_id
        return self.users.get(name)

    def channel_id(self, name: str) -> str | None:
        """The id of a channel by name."""
        return self.channels.get(name)

    def is_admin(self, user_id: str) -> bool:
        """Whether a person is a workspace admin."""
        return bool((self.slack.user(user_id) or {}).get("is_admin"))

    def language_of(self, user_id: str) -> str:
        """A person's language, from their Slack locale."""
        locale = (self.slack.user(user_id) or {}).get("locale") or "en-US"
        return locale.split("-")[0]

    def names(self, channel_ids: Iterable[str] = ()) -> Names:
        """How to show ids in text: people and channels by name, DMs as `DM @name`."""
        users = {uid: name for name, uid in self.users.items()}
        users[self.slack.bot_user_id] = self.bot_name
        channels = {cid: name for name, cid in self.channels.items()}
        for channel_id in set(channel_ids) - channels.keys():
            found = self.slack.channel(channel_id)
            if found and found["is_im"]:
                channels[channel_id] = "DM @" + users.get(found["im_user"], found["im_user"])
            elif found:
                channels[channel_id] = found["name"]
        return Names(users, channels)

    def where(self, channel_id: str) -> str:
        """`#team` for a channel, `DM @bob` for a direct message."""
        name = self.names({channel_id}).channel(channel_id)
        return name if name.startswith("DM ") else "#" + name

    def channel_type(self, channel_id: str) -> str:
        """The channel_type of message events: channel, group, im or mpim."""
        found = self.slack.channel(channel_id) or {}
        if found.get("is_im"):
            return "im"
        if found.get("is_mpim"):
            return "mpim"
        return "group" if found.get("is_private") else "channel"

    def encode(self, typed: str) -> str:
        """Text as Slack's client sends it: `&<>` escaped, known @people and #channels linked."""

        def person(match: re.Match) -> str:
            user_id = self.user_id(match.group(1))
            return f"<@{user_id}>" if user_id else match.group(0)

        def channel(match: re.Match) -> str:
            channel_id = self.channel_id(match.group(1))
            return f"<#{channel_id}|{match.group(1)}>" if channel_id else match.group(0)

        text = escape(typed)
        text = re.sub(r"(?<![\w@])@([a-z0-9][a-z0-9._-]*)", person, text)
        return re.sub(r"(?<![\w#&])#([a-z0-9][a-z0-9_-]*)", channel, text)


def message_event(
    message: dict[str, Any], channel_type: str, parent_user: str | None = None
) -> dict[str, Any]:
    """The `message` event Slack sends for a person's message (rich_text blocks included)."""
    event = {
        "type": "message",
        "channel": message["channel"],
        "user": message["user"],
        "text": message["text"],
        "ts": message["ts"],
        "event_ts": message["ts"],
        "team": message.get("team"),
        "channel_type": channel_type,
        "blocks": [
            {
                "type": "rich_text",
                "block_id": message["ts"].replace(".", "")[-5:],
                "elements": [
                    {
                        "type": "rich_text_section",
                        "elements": [{"type": "text", "text": message["text"]}],
                    }
                ],
            }
        ],
    }
    if message.get("thread_ts") and message["thread_ts"] != message["ts"]:
        event["thread_ts"] = message["thread_ts"]
        if parent_user:
            event["parent_user_id"] = parent_user
    return event


def member_joined_event(
    user_id: str, channel_id: str, team_id: str, *, private: bool, inviter: str | None = None
) -> dict[str, Any]:
    """`member_joined_channel`, whose channel_type is C (public) or G (private)."""
    event = {
        "type": "member_joined_channel",
        "user": user_id,
        "channel": channel_id,
        "channel_type": "G" if private else "C",
        "team": team_id,
    }
    if inviter:
        event["inviter"] = inviter
    return event


def team_join_event(user: dict[str, Any]) -> dict[str, Any]:
    """`team_join`, carrying the new member's user object."""
    user = {k: v for k, v in user.items() if k != "locale"}
    return {"type": "team_join", "user": user}


def home_opened_event(user_id: str, dm_channel: str, view: dict | None) -> dict[str, Any]:
    """`app_home_opened` for the Home tab, with the view published before, if any."""
    event: dict[str, Any] = {
        "type": "app_home_opened",
        "user": user_id,
        "channel": dm_channel,
        "tab": "home",
    }
    if view is not None:
        event["view"] = view
    return event
