"""Small Block Kit pieces used by several views."""

from __future__ import annotations

from typing import Any

from bot.levers import EMOJI, Lever, lever_name


def ephemeral(text: str, blocks: list[dict] | None = None) -> dict:
    """An answer only its reader sees, as JSON (a bare text body would also do, less clearly)."""
    answer: dict = {"response_type": "ephemeral", "text": text}
    if blocks is not None:
        answer["blocks"] = blocks
    return answer


def section(text: str, **extra: Any) -> dict:
    """A mrkdwn section; `verbatim` so Slack never turns names into links or mentions."""
    return {"type": "section", "text": {"type": "mrkdwn", "text": text, "verbatim": True}, **extra}


def context(text: str) -> dict:
    """A context line in mrkdwn."""
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": text, "verbatim": True}]}


def plain(text: str) -> dict:
    """A plain_text object."""
    return {"type": "plain_text", "text": text, "emoji": True}


def lever_label(lever: Lever | str, language: str) -> str:
    """A lever's emoji and name."""
    return f"{EMOJI[Lever(lever)]} {lever_name(lever, language)}"


def lever_option(lever: Lever, language: str, value: str | None = None) -> dict:
    """An option of a lever menu; plain_text option labels are limited to 75 characters."""
    return {"text": plain(lever_label(lever, language)[:75]), "value": value or lever.value}


def lever_options(language: str, value_prefix: str = "") -> list[dict]:
    """One option per lever, in catalogue order."""
    return [lever_option(lever, language, value_prefix + lever.value) for lever in Lever]
