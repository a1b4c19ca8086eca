"""Seeding and reading helpers for the onboarding tests (no behaviour of their own)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from bot.onboarding.rules import check_resource
from storage.learnings import add_learning
from storage.models import Learning, Newcomer, OnboardingNudge
from storage.onboarding import add_resource, save_settings

TEAM = "T0001"


def seed_resource(bot, title: str, *, day: int = 0, audience: str = "everyone", url=None) -> int:
    """Add a resource to the library; its id."""
    resource = check_resource(
        title,
        url or f"https://example.org/{title.lower().replace(' ', '-')}",
        day=day,
        audience=audience,
    )
    with bot.deps.sessions.begin() as session:
        return add_resource(session, TEAM, resource, now=bot.deps.now()).id


def seed_learning(
    bot, text: str, lever: str, *, user_id: str | None = "UADMIN", channel_id=None, at=None
) -> int:
    """Store a learning; its id."""
    with bot.deps.sessions.begin() as session:
        return add_learning(
            session,
            team_id=TEAM,
            text=text,
            lever=lever,
            source="command",
            user_id=user_id,
            channel_id=channel_id,
            now=at or bot.deps.now(),
        ).id


def set_onboarding(bot, *, channels=None, days=None) -> None:
    """Save onboarding settings as an admin would."""
    with bot.deps.sessions.begin() as session:
        save_settings(session, TEAM, now=bot.deps.now(), channel_ids=channels, days=days)


def join(bot, user_id: str = "UNEW", *, locale: str = "en-US", guest: bool = False) -> dict:
    """A person joins the workspace: Slack sends team_join; returns their user object."""
    user = bot.slack.add_user(user_id, user_id.lower(), locale=locale, is_restricted=guest)
    response = bot.requester.event({"type": "team_join", "user": user})
    assert response.status == 200
    bot.wait_idle()
    return user


def dm_channel(bot, user_id: str) -> str | None:
    """The DM the bot opened with a person, if it did."""
    for call in bot.slack.calls_to("conversations.open"):
        if call.params.get("users") == user_id and call.response.get("ok"):
            return call.response["channel"]["id"]
    return None


def dms(bot, user_id: str) -> list[dict]:
    """Messages the bot posted in its DM with a person, oldest first."""
    channel = dm_channel(bot, user_id)
    return bot.slack.messages(channel) if channel else []


def buttons(message: dict, action_id: str) -> list[dict]:
    """Every button with that action_id in a message's blocks."""
    found = []
    for block in message.get("blocks") or []:
        elements = block.get("elements") if block.get("type") == "actions" else None
        for element in elements or [block.get("accessory") or {}]:
            if element.get("action_id") == action_id:
                found.append(element)
    return found


def text_of(message: dict) -> str:
    """Everything a message's blocks say, as one string."""
    parts = [message.get("text") or ""]
    for block in message.get("blocks") or []:
        text = block.get("text")
        if isinstance(text, dict):
            parts.append(text.get("text") or "")
        for element in block.get("elements") or []:
            if isinstance(element, dict) and element.get("type") in ("mrkdwn", "plain_text"):
                parts.append(element.get("text") or "")
    return "\n".join(parts)


def newcomer(bot, user_id: str = "UNEW") -> Newcomer | None:
    """The stored path of a person."""
    with bot.deps.sessions() as session:
        return session.scalar(select(Newcomer).where(Newcomer.user_id == user_id))


def nudges(bot) -> list[tuple[int, str]]:
    """(day, status) of every claimed day, in order."""
    with bot.deps.sessions() as session:
        rows = session.scalars(select(OnboardingNudge).order_by(OnboardingNudge.day))
        return [(row.day, row.status) for row in rows]


def learnings(bot) -> list[Learning]:
    """Every stored learning, oldest first."""
    with bot.deps.sessions() as session:
        return list(session.scalars(select(Learning).order_by(Learning.id)))


def days_later(start: datetime, days: float) -> datetime:
    """`days` after start."""
    from datetime import timedelta

    return start + timedelta(days=days)
