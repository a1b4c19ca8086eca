"""Seeding and reading for the App Home, check-in and digest tests."""

from __future__ import annotations

from datetime import datetime

from storage.learnings import add_learning


def seed_learning(
    bot,
    *,
    text: str,
    lever: str,
    user_id: str | None = "UALICE",
    channel_id: str | None = "CGENERAL",
    tags: tuple[str, ...] = (),
    when: datetime | None = None,
) -> int:
    """Store a learning as if it had been logged at `when` (default: the bot's clock)."""
    with bot.deps.sessions.begin() as session:
        return add_learning(
            session,
            team_id="T0001",
            text=text,
            lever=lever,
            source="command",
            user_id=user_id,
            channel_id=channel_id,
            tags=tags,
            now=when or bot.deps.now(),
        ).id


def open_home(bot, user_id: str, count: int = 1) -> dict:
    """Send app_home_opened for a person and return the Home view published for them."""
    bot.requester.event(
        {"type": "app_home_opened", "user": user_id, "channel": "D0HOME", "tab": "home"}
    )
    bot.slack.wait_for(
        "views.publish", count, predicate=lambda call: call.params.get("user_id") == user_id
    )
    return bot.slack.home_views[user_id]


def texts(view_or_blocks) -> str:
    """Every text of a view's (or a block list's) blocks, joined, for assertions."""
    blocks = view_or_blocks["blocks"] if isinstance(view_or_blocks, dict) else view_or_blocks
    found = []
    for block in blocks:
        for key in ("text",):
            if isinstance(block.get(key), dict):
                found.append(block[key]["text"])
        for field in block.get("fields") or []:
            found.append(field["text"])
        for element in block.get("elements") or []:
            if isinstance(element.get("text"), str):
                found.append(element["text"])
            elif isinstance(element.get("text"), dict):
                found.append(element["text"]["text"])
    return "\n".join(found)
