"""The Slack app manifest: every command, event, scope and shortcut the app uses."""

from __future__ import annotations

import yaml

from bot.ids import Command, LearningShortcut

COMMAND_DESCRIPTIONS = {
    Command.LEARNING: (
        "Log, find and export what the team learned",
        "[lever:] what you learned | search words | list | mine | export | help",
    ),
    Command.RETRO: (
        "Run a team retrospective in this channel",
        "[start [title] [votes=3] | close | history | export [number] | help]",
    ),
}

BOT_EVENTS = [
    "app_home_opened",
    "app_uninstalled",
    "member_joined_channel",
    "message.channels",
    "message.groups",
    "team_join",
    "tokens_revoked",
    "user_change",
]

BOT_SCOPES = [
    "channels:history",
    "channels:read",
    "chat:write",
    "commands",
    "files:write",
    "groups:history",
    "groups:read",
    "im:write",
    "reactions:write",
    "team:read",
    "users:read",
]

SHORTCUTS: list[dict] = [
    {
        "name": "Save as learning",
        "type": "message",
        "callback_id": str(LearningShortcut.SAVE_MESSAGE),
        "description": "Keep this message in the team's learnings",
    },
]


def build_manifest(http_url: str | None = None) -> dict:
    """The manifest as a dict; Socket Mode unless `http_url` (the app's public base URL) is set."""
    events_url = http_url.rstrip("/") + "/slack/events" if http_url else None
    commands = []
    for command, (description, hint) in COMMAND_DESCRIPTIONS.items():
        entry = {"command": str(command), "description": description, "usage_hint": hint}
        if events_url:
            entry["url"] = events_url
        commands.append(entry)
    settings: dict = {
        "event_subscriptions": {"bot_events": BOT_EVENTS},
        "interactivity": {"is_enabled": True},
        "org_deploy_enabled": False,
        "socket_mode_enabled": events_url is None,
        "token_rotation_enabled": False,
    }
    if events_url:
        settings["event_subscriptions"]["request_url"] = events_url
        settings["interactivity"]["request_url"] = events_url
    features: dict = {
        "app_home": {
            "home_tab_enabled": True,
            "messages_tab_enabled": True,
            "messages_tab_read_only_enabled": False,
        },
        "bot_user": {"display_name": "learnloop", "always_online": True},
        "slash_commands": commands,
    }
    if SHORTCUTS:
        features["shortcuts"] = SHORTCUTS
    manifest = {
        "_metadata": {"major_version": 1, "minor_version": 1},
        "display_information": {
            "name": "learnloop",
            "description": "Turns your team channel into your organisation's learning memory.",
            "long_description": _LONG_DESCRIPTION,
            "background_color": "#2c6e49",
        },
        "features": features,
        "oauth_config": {"scopes": {"bot": BOT_SCOPES}},
        "settings": settings,
    }
    if http_url:
        manifest["oauth_config"]["redirect_urls"] = [http_url.rstrip("/") + "/slack/oauth_redirect"]
    return manifest


def manifest_yaml(http_url: str | None = None) -> str:
    """The manifest as YAML, ready to paste at api.slack.com/apps."""
    return yaml.safe_dump(build_manifest(http_url), sort_keys=False, allow_unicode=True)


_LONG_DESCRIPTION = (
    "learnloop helps small organisations keep what their people learn. It posts reflection "
    "prompts about seven levers of organisational learning (self-learning, team learning, staff "
    "retention, tools to store and share information, onboarding newcomers, decentralised "
    "decisions, and something else), keeps every reply as a learning, runs team retrospectives "
    "whose actions are followed up, welcomes newcomers with what the team already knows, and "
    "shows where the team stands on each lever. Everything is available in English and French."
)
