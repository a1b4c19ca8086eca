"""Helpers of the reflection prompt tests: Slack's message events, and what the database holds."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy import select

from storage.models import Learning, PostedPrompt, Schedule
from storage.schedules import add_schedule

LONG_AGO = datetime(2026, 1, 1, tzinfo=UTC)


def message_event(channel: str, user: str, text: str, ts: str, thread_ts: str | None) -> dict:
    """A `message` event as Slack sends it for a person's message."""
    event = {
        "type": "message",
        "channel": channel,
        "user": user,
        "text": text,
        "ts": ts,
        "team": "T0001",
        "client_msg_id": str(uuid.uuid4()),
        "channel_type": "channel",
    }
    if thread_ts:
        event["thread_ts"] = thread_ts
        event["parent_user_id"] = "UBOT"
    return event


def edit_event(channel: str, user: str, ts: str, thread_ts: str, old: str, new: str) -> dict:
    """A `message_changed` event: the message as it is now, and as it was."""
    before = {"type": "message", "user": user, "text": old, "ts": ts, "thread_ts": thread_ts}
    return {
        "type": "message",
        "subtype": "message_changed",
        "hidden": True,
        "channel": channel,
        "ts": f"{float(ts) + 30:.6f}",
        "message": {**before, "text": new, "edited": {"user": user, "ts": f"{float(ts) + 30:.6f}"}},
        "previous_message": before,
        "channel_type": "channel",
    }


def delete_event(channel: str, user: str, ts: str, thread_ts: str) -> dict:
    """A `message_deleted` event."""
    return {
        "type": "message",
        "subtype": "message_deleted",
        "hidden": True,
        "channel": channel,
        "ts": f"{float(ts) + 60:.6f}",
        "deleted_ts": ts,
        "previous_message": {"type": "message", "user": user, "ts": ts, "thread_ts": thread_ts},
        "channel_type": "channel",
    }


def new_schedule(
    deps,
    *,
    channel: str = "CGENERAL",
    cron: str = "0 10 * * MON",
    timezone: str = "Europe/Paris",
    lever_mode: str = "rotate",
    levers: tuple[str, ...] = (),
    language: str | None = None,
    created_by: str | None = "UALICE",
    since: datetime = LONG_AGO,
) -> int:
    """Store a schedule active since `since`; its id."""
    with deps.sessions.begin() as session:
        return add_schedule(
            session,
            team_id="T0001",
            channel_id=channel,
            cron=cron,
            timezone=timezone,
            lever_mode=lever_mode,
            levers=list(levers),
            language=language,
            created_by=created_by,
            now=since,
        ).id


def prompts(deps) -> list[PostedPrompt]:
    with deps.sessions() as session:
        return list(session.scalars(select(PostedPrompt).order_by(PostedPrompt.id)))


def learnings(deps) -> list[Learning]:
    with deps.sessions() as session:
        return list(session.scalars(select(Learning).order_by(Learning.id)))


def schedules(deps) -> list[Schedule]:
    with deps.sessions() as session:
        return list(session.scalars(select(Schedule).order_by(Schedule.id)))


def bot_messages(slack, channel: str = "CGENERAL") -> list[dict]:
    """Top-level messages the bot posted in a channel."""
    return [
        m
        for m in slack.messages(channel)
        if m.get("bot_id") and (not m.get("thread_ts") or m["thread_ts"] == m["ts"])
    ]
