"""Making user text safe to echo back to Slack."""

from __future__ import annotations


def escape(text: str) -> str:
    """Escape mrkdwn control characters so text can never ping a channel or disguise a link."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def excerpt(text: str, limit: int = 280) -> str:
    """The first `limit` characters of text on one paragraph, with an ellipsis when cut."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def quote(text: str, limit: int = 280) -> str:
    """An escaped, shortened block quote of user text."""
    return "> " + escape(excerpt(text, limit))
