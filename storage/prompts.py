"""Queries on posted prompts and handled events. Every one is scoped by team_id.

A prompt's life: `posting` once a process claimed it (before calling Slack), then `posted`
with its message ts, or `failed` (tried again on a later tick), or `skipped` when the bot can
no longer post in the channel.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from storage.models import PostedPrompt, ProcessedEvent
from storage.workspaces import ensure_workspace

POSTING, POSTED, FAILED, SKIPPED = "posting", "posted", "failed", "skipped"


def claim_prompt(
    session: Session,
    *,
    team_id: str,
    channel_id: str,
    schedule_id: int | None,
    due_at: datetime | None,
    lever: str,
    question_key: str,
    language: str,
    now: datetime,
) -> PostedPrompt | None:
    """Insert the prompt for a due time, status `posting`; None when another process already
    did (the unique schedule + due time refused it)."""
    ensure_workspace(session, team_id)
    prompt = PostedPrompt(
        team_id=team_id,
        channel_id=channel_id,
        schedule_id=schedule_id,
        due_at=due_at,
        lever=lever,
        question_key=question_key,
        language=language,
        status=POSTING,
        attempts=1,
        tried_at=now,
        created_at=now,
    )
    try:
        with session.begin_nested():
            session.add(prompt)
    except IntegrityError:
        return None
    return prompt


def prompt_for_due(session: Session, schedule_id: int, due_at: datetime) -> PostedPrompt | None:
    """The prompt already claimed for a schedule's due time."""
    return session.scalar(
        select(PostedPrompt).where(
            PostedPrompt.schedule_id == schedule_id, PostedPrompt.due_at == due_at
        )
    )


def reclaim_failed(
    session: Session, team_id: str, prompt_id: int, now: datetime, tried_before: datetime
) -> bool:
    """Claim a failed prompt for another try, if its last try was before `tried_before`;
    False when it is too soon or another process took it first."""
    result = session.execute(
        update(PostedPrompt)
        .where(
            PostedPrompt.team_id == team_id,
            PostedPrompt.id == prompt_id,
            PostedPrompt.status == FAILED,
            PostedPrompt.tried_at <= tried_before,
        )
        .values(status=POSTING, attempts=PostedPrompt.attempts + 1, tried_at=now)
        .execution_options(synchronize_session=False)
    )
    return result.rowcount == 1


def finish_prompt(
    session: Session,
    team_id: str,
    prompt_id: int,
    *,
    status: str,
    now: datetime,
    message_ts: str | None = None,
    error: str | None = None,
) -> None:
    """Record how posting a prompt went."""
    values: dict = {"status": status, "error": error}
    if message_ts is not None:
        values.update(message_ts=message_ts, posted_at=now)
    session.execute(
        update(PostedPrompt)
        .where(PostedPrompt.team_id == team_id, PostedPrompt.id == prompt_id)
        .values(**values)
        .execution_options(synchronize_session=False)
    )


def last_lever(session: Session, team_id: str, channel_id: str) -> str | None:
    """The lever of the channel's latest prompt."""
    return session.scalar(
        select(PostedPrompt.lever)
        .where(PostedPrompt.team_id == team_id, PostedPrompt.channel_id == channel_id)
        .order_by(PostedPrompt.id.desc())
        .limit(1)
    )


def times_asked(session: Session, team_id: str, channel_id: str, lever: str) -> int:
    """How many prompts the channel had on a lever."""
    return session.scalar(
        select(func.count())
        .select_from(PostedPrompt)
        .where(
            PostedPrompt.team_id == team_id,
            PostedPrompt.channel_id == channel_id,
            PostedPrompt.lever == lever,
        )
    )


def get_prompt(session: Session, team_id: str, prompt_id: int) -> PostedPrompt | None:
    """A prompt of this workspace."""
    return session.scalar(
        select(PostedPrompt).where(PostedPrompt.team_id == team_id, PostedPrompt.id == prompt_id)
    )


def prompt_in_thread(
    session: Session, team_id: str, channel_id: str, thread_ts: str
) -> PostedPrompt | None:
    """The posted prompt a thread belongs to, if any."""
    return session.scalar(
        select(PostedPrompt).where(
            PostedPrompt.team_id == team_id,
            PostedPrompt.channel_id == channel_id,
            PostedPrompt.message_ts == thread_ts,
        )
    )


def first_time_event(session: Session, team_id: str, event_id: str, now: datetime) -> bool:
    """Record a Slack event id; False when it was handled before (a redelivery)."""
    try:
        with session.begin_nested():
            session.add(ProcessedEvent(event_id=event_id, team_id=team_id, received_at=now))
    except IntegrityError:
        return False
    return True


def forget_events_before(session: Session, before: datetime, batch: int = 5000) -> int:
    """Delete up to `batch` handled event ids received before a moment, in every workspace (a
    housekeeping job, so not scoped by team_id); how many were deleted."""
    oldest = (
        select(ProcessedEvent.event_id)
        .where(ProcessedEvent.received_at < before)
        .order_by(ProcessedEvent.received_at)
        .limit(batch)
    )
    ids = list(session.scalars(oldest))
    if not ids:
        return 0
    result = session.execute(
        delete(ProcessedEvent)
        .where(ProcessedEvent.event_id.in_(ids))
        .execution_options(synchronize_session=False)
    )
    return result.rowcount or 0
