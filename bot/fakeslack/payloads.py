"""Builders for the payloads Slack sends to apps (HTTP and Socket Mode share them)."""

from __future__ import annotations

import copy
import secrets
import time
from typing import Any

# The deprecated verification token Slack still puts in payloads; Bolt ignores it.
VERIFICATION_TOKEN = "fake-verification-token"
DEFAULT_APP_ID = "A0FAKEAPP"


def _now() -> str:
    """An action_ts / event_ts style timestamp."""
    return f"{time.time():.6f}"


def _user(user_id: str, user_name: str, team_id: str) -> dict[str, str]:
    """The `user` object of interactive payloads."""
    return {"id": user_id, "username": user_name, "name": user_name, "team_id": team_id}


def _team(team_id: str, domain: str) -> dict[str, str]:
    """The `team` object of interactive payloads."""
    return {"id": team_id, "domain": domain}


def _enterprise(enterprise_id: str | None) -> dict[str, str] | None:
    """The `enterprise` object of interactive payloads (null outside Enterprise Grid)."""
    return {"id": enterprise_id, "name": f"Org {enterprise_id}"} if enterprise_id else None


def command_payload(
    command: str,
    text: str = "",
    *,
    user_id: str,
    channel_id: str,
    team_id: str = "T0001",
    user_name: str = "user",
    channel_name: str = "general",
    team_domain: str = "test-workspace",
    response_url: str = "",
    trigger_id: str = "",
    api_app_id: str = DEFAULT_APP_ID,
    enterprise_id: str | None = None,
) -> dict[str, str]:
    """A slash command as Slack form-encodes it (all values are strings)."""
    payload = {
        "token": VERIFICATION_TOKEN,
        "team_id": team_id,
        "team_domain": team_domain,
        "channel_id": channel_id,
        "channel_name": channel_name,
        "user_id": user_id,
        "user_name": user_name,
        "command": command,
        "text": text,
        "api_app_id": api_app_id,
        "is_enterprise_install": "false",
        "response_url": response_url,
        "trigger_id": trigger_id,
    }
    if enterprise_id:
        payload.update(enterprise_id=enterprise_id, enterprise_name=f"Org {enterprise_id}")
    return payload


def event_envelope(
    event: dict[str, Any],
    *,
    team_id: str = "T0001",
    bot_user_id: str = "UBOT",
    api_app_id: str = DEFAULT_APP_ID,
    event_id: str | None = None,
    event_time: int | None = None,
    authorizations: list[dict[str, Any]] | None = None,
    enterprise_id: str | None = None,
) -> dict[str, Any]:
    """An event_callback envelope around an inner event (event_ts added when missing)."""
    inner = copy.deepcopy(event)
    inner.setdefault("event_ts", inner.get("ts") or _now())
    if authorizations is None:
        authorizations = [
            {
                "enterprise_id": enterprise_id,
                "team_id": team_id,
                "user_id": bot_user_id,
                "is_bot": True,
                "is_enterprise_install": False,
            }
        ]
    return {
        "token": VERIFICATION_TOKEN,
        "team_id": team_id,
        "enterprise_id": enterprise_id,
        "api_app_id": api_app_id,
        "event": inner,
        "type": "event_callback",
        "event_id": event_id or f"Ev{secrets.token_hex(5).upper()}",
        "event_time": event_time if event_time is not None else int(time.time()),
        "authorizations": authorizations,
        "is_ext_shared_channel": False,
        "event_context": f"4-{secrets.token_hex(12)}",
    }


def url_verification_payload(challenge: str) -> dict[str, str]:
    """The URL verification handshake Slack sends when the Request URL is saved."""
    return {"token": VERIFICATION_TOKEN, "challenge": challenge, "type": "url_verification"}


def find_element(
    blocks: list[dict[str, Any]], action_id: str, block_id: str | None = None
) -> tuple[str | None, dict[str, Any] | None]:
    """(block_id, element) of the interactive element with that action_id in blocks."""
    for block in blocks or []:
        if block_id is not None and block.get("block_id") != block_id:
            continue
        candidates = block.get("elements") if block.get("type") == "actions" else None
        candidates = candidates or [block.get("accessory") or block.get("element") or {}]
        for element in candidates:
            if isinstance(element, dict) and element.get("action_id") == action_id:
                return block.get("block_id"), element
    return block_id, None


_SELECTED_KEY = {
    "users_select": "selected_user",
    "multi_users_select": "selected_users",
    "conversations_select": "selected_conversation",
    "multi_conversations_select": "selected_conversations",
    "channels_select": "selected_channel",
    "multi_channels_select": "selected_channels",
    "datepicker": "selected_date",
    "timepicker": "selected_time",
    "datetimepicker": "selected_date_time",
    "checkboxes": "selected_options",
    "multi_static_select": "selected_options",
    "multi_external_select": "selected_options",
}


def block_action_payload(
    action_id: str,
    value: Any = None,
    *,
    user_id: str,
    team_id: str = "T0001",
    channel_id: str | None = None,
    message: dict[str, Any] | None = None,
    view: dict[str, Any] | None = None,
    block_id: str | None = None,
    selected_option: dict[str, Any] | None = None,
    action_type: str | None = None,
    container: dict[str, Any] | None = None,
    response_url: str | None = None,
    trigger_id: str = "",
    user_name: str = "user",
    channel_name: str = "general",
    team_domain: str = "test-workspace",
    api_app_id: str = DEFAULT_APP_ID,
    enterprise_id: str | None = None,
) -> dict[str, Any]:
    """A block_actions payload; block_id/type/text are read from the message or view blocks."""
    surface = message or view or {}
    found_block, element = find_element(surface.get("blocks") or [], action_id, block_id)
    element = element or {}
    kind = action_type or element.get("type") or "button"
    action: dict[str, Any] = {
        "action_id": action_id,
        "block_id": found_block or "block",
        "type": kind,
        "action_ts": _now(),
    }
    if kind == "button":
        action["text"] = element.get("text") or {"type": "plain_text", "text": action_id}
        if value is None:
            value = element.get("value")
        if element.get("style"):
            action["style"] = element["style"]
    if selected_option is not None:
        action["selected_option"] = selected_option
    elif kind in _SELECTED_KEY and value is not None:
        action[_SELECTED_KEY[kind]] = value
    elif value is not None:
        action["value"] = value
    if container is None and message is not None:
        container = {
            "type": "message",
            "message_ts": message.get("ts"),
            "channel_id": channel_id or message.get("channel"),
            "is_ephemeral": False,
        }
    elif container is None and view is not None:
        container = {"type": "view", "view_id": view.get("id")}
    payload: dict[str, Any] = {
        "type": "block_actions",
        "user": _user(user_id, user_name, team_id),
        "api_app_id": api_app_id,
        "token": VERIFICATION_TOKEN,
        "container": container or {},
        "trigger_id": trigger_id,
        "team": _team(team_id, team_domain),
        "enterprise": _enterprise(enterprise_id),
        "is_enterprise_install": False,
        "actions": [action],
    }
    channel_id = channel_id or (message or {}).get("channel")
    if channel_id:
        payload["channel"] = {"id": channel_id, "name": channel_name}
    if message is not None:
        payload["message"] = _public_message(message)
        payload["state"] = {"values": {}}
    if view is not None:
        payload["view"] = copy.deepcopy(view)
    if response_url:
        payload["response_url"] = response_url
    return payload


def _public_message(message: dict[str, Any]) -> dict[str, Any]:
    """A stored message as Slack embeds it in payloads (no None fields, no channel key)."""
    return {k: copy.deepcopy(v) for k, v in message.items() if v is not None and k != "channel"}


def view_submission_payload(
    view: dict[str, Any],
    values: dict[str, dict[str, dict[str, Any]]],
    *,
    user_id: str,
    team_id: str = "T0001",
    trigger_id: str = "",
    user_name: str = "user",
    team_domain: str = "test-workspace",
    api_app_id: str = DEFAULT_APP_ID,
    enterprise_id: str | None = None,
    response_urls: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """A view_submission payload: the view as Slack holds it plus state.values."""
    submitted = copy.deepcopy(view)
    submitted["state"] = {"values": copy.deepcopy(values)}
    return {
        "type": "view_submission",
        "team": _team(team_id, team_domain),
        "user": _user(user_id, user_name, team_id),
        "api_app_id": api_app_id,
        "token": VERIFICATION_TOKEN,
        "trigger_id": trigger_id,
        "view": submitted,
        "response_urls": response_urls or [],
        "is_enterprise_install": False,
        "enterprise": _enterprise(enterprise_id),
    }


def view_closed_payload(
    view: dict[str, Any],
    *,
    user_id: str,
    team_id: str = "T0001",
    is_cleared: bool = False,
    user_name: str = "user",
    team_domain: str = "test-workspace",
    api_app_id: str = DEFAULT_APP_ID,
    enterprise_id: str | None = None,
) -> dict[str, Any]:
    """A view_closed payload (sent only for views with notify_on_close)."""
    return {
        "type": "view_closed",
        "team": _team(team_id, team_domain),
        "user": _user(user_id, user_name, team_id),
        "api_app_id": api_app_id,
        "token": VERIFICATION_TOKEN,
        "view": copy.deepcopy(view),
        "is_cleared": is_cleared,
        "is_enterprise_install": False,
        "enterprise": _enterprise(enterprise_id),
    }


def message_shortcut_payload(
    callback_id: str,
    message: dict[str, Any],
    *,
    channel_id: str,
    user_id: str,
    team_id: str = "T0001",
    response_url: str = "",
    trigger_id: str = "",
    user_name: str = "user",
    channel_name: str = "general",
    team_domain: str = "test-workspace",
    enterprise_id: str | None = None,
) -> dict[str, Any]:
    """A message shortcut (type message_action) on a message."""
    return {
        "type": "message_action",
        "token": VERIFICATION_TOKEN,
        "action_ts": _now(),
        "team": _team(team_id, team_domain),
        "user": _user(user_id, user_name, team_id),
        "channel": {"id": channel_id, "name": channel_name},
        "is_enterprise_install": False,
        "enterprise": _enterprise(enterprise_id),
        "callback_id": callback_id,
        "trigger_id": trigger_id,
        "response_url": response_url,
        "message_ts": message.get("ts"),
        "message": _public_message(message),
    }


def global_shortcut_payload(
    callback_id: str,
    *,
    user_id: str,
    team_id: str = "T0001",
    trigger_id: str = "",
    user_name: str = "user",
    team_domain: str = "test-workspace",
    enterprise_id: str | None = None,
) -> dict[str, Any]:
    """A global shortcut (type shortcut)."""
    return {
        "type": "shortcut",
        "token": VERIFICATION_TOKEN,
        "action_ts": _now(),
        "team": _team(team_id, team_domain),
        "user": _user(user_id, user_name, team_id),
        "is_enterprise_install": False,
        "enterprise": _enterprise(enterprise_id),
        "callback_id": callback_id,
        "trigger_id": trigger_id,
    }


def option(value: str, text: str | None = None) -> dict[str, Any]:
    """An option object as it appears in selected_option(s)."""
    return {"text": {"type": "plain_text", "text": text or value, "emoji": True}, "value": value}


def state_value(element_type: str, value: Any = None, *, text: str | None = None) -> dict:
    """One state.values entry for an input element type.

    plain_text_input/email/url/number/rich_text -> value; static_select, radio_buttons,
    external_select -> selected_option (value is the option value); checkboxes and
    multi_static_select -> selected_options (value is a list); users/conversations/channels
    selects -> selected_user/...; datepicker -> selected_date; timepicker -> selected_time.
    """
    entry: dict[str, Any] = {"type": element_type}
    if element_type in ("static_select", "radio_buttons", "external_select", "overflow"):
        entry["selected_option"] = None if value is None else option(str(value), text)
    elif element_type in ("checkboxes", "multi_static_select", "multi_external_select"):
        entry["selected_options"] = [option(str(v)) for v in value or []]
    elif element_type in _SELECTED_KEY:
        entry[_SELECTED_KEY[element_type]] = value
    elif element_type == "number_input":
        entry["value"] = None if value is None else str(value)
    else:
        entry["value"] = value
    return entry
